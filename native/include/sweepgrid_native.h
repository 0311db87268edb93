/*
 * SweepGrid native shim: a C ABI over libtorch.
 *
 * Conventions (the managed binding in src/SweepGrid.Torch/Interop relies on every one of them):
 *  - Handles are opaque pointers. A tensor handle owns one at::Tensor reference; free it with
 *    sg_tensor_free exactly once.
 *  - No C++ exception crosses this boundary. Every export catches, stores the message in a
 *    thread-local slot and returns a sentinel: NULL for handles, -1 for status codes and counts,
 *    NaN for doubles. The caller then reads sg_last_error() (and clears it with sg_clear_error()).
 *  - A NULL tensor argument where a tensor is optional (bias, weights) means "none".
 *  - Dtype codes are c10::ScalarType values (0 uint8, 4 int64, 6 float32, 7 float64, 11 bool);
 *    device codes are c10::DeviceType values (0 cpu, 1 cuda) with an index (-1 = current).
 *  - Source-compatible with libtorch 1.13 (Debian) and 2.x (CUDA images), C++17.
 */
#ifndef SWEEPGRID_NATIVE_H
#define SWEEPGRID_NATIVE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define SG_API __declspec(dllexport)
#else
#define SG_API __attribute__((visibility("default")))
#endif

typedef struct sg_tensor_s* sg_tensor;
typedef struct sg_generator_s* sg_generator;
typedef struct sg_optimizer_s* sg_optimizer;

/* ---- errors, runtime, threads, devices (runtime.cpp) ---- */
SG_API const char* sg_last_error(void);
SG_API void sg_clear_error(void);
SG_API int64_t sg_live_tensors(void);
SG_API const char* sg_torch_version(void);
SG_API int sg_set_num_threads(int32_t n);
SG_API int32_t sg_get_num_threads(void);
SG_API int sg_set_num_interop_threads(int32_t n);
/* Sets OpenBLAS's own pool (libtorch's thread setting does not reach it); returns 0 when OpenBLAS
   is not loaded. */
SG_API int sg_set_blas_threads(int32_t n);
SG_API int sg_cuda_is_available(void);
SG_API int32_t sg_cuda_device_count(void);
SG_API int sg_manual_seed(uint64_t seed);
/* Tunes glibc malloc for tensor-sized blocks (see allocator.cpp); SWEEPGRID_MALLOC_TUNING=0 skips it.
   Returns 1 when tuned, 0 when skipped or not glibc, -1 on failure. */
SG_API int sg_tune_allocator(void);
SG_API int sg_set_grad_enabled(int enabled); /* returns the previous state */
SG_API int sg_is_grad_enabled(void);

/* ---- generators (random.cpp) ---- */
SG_API sg_generator sg_generator_new(uint64_t seed, int32_t device_type, int32_t device_index);
SG_API void sg_generator_free(sg_generator g);
SG_API int sg_generator_set_seed(sg_generator g, uint64_t seed);
SG_API sg_tensor sg_rand(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, sg_generator g);
SG_API sg_tensor sg_randn(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type, int32_t device_index, sg_generator g);
SG_API sg_tensor sg_randint(int64_t low, int64_t high, const int64_t* shape, int32_t ndim, int32_t device_type, int32_t device_index, sg_generator g);
SG_API sg_tensor sg_randperm(int64_t n, int32_t device_type, int32_t device_index, sg_generator g);
SG_API int sg_uniform_(sg_tensor t, double low, double high, sg_generator g);
SG_API int sg_normal_(sg_tensor t, double mean, double std, sg_generator g);
SG_API int sg_bernoulli_(sg_tensor t, double p, sg_generator g);

/* ---- tensor lifetime, creation and properties (tensor.cpp) ---- */
SG_API void sg_tensor_free(sg_tensor t);
SG_API sg_tensor sg_tensor_new_ref(sg_tensor t); /* a second handle to the same tensor */
SG_API sg_tensor sg_empty(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type, int32_t device_index);
SG_API sg_tensor sg_zeros(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type, int32_t device_index);
SG_API sg_tensor sg_ones(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type, int32_t device_index);
SG_API sg_tensor sg_full(const int64_t* shape, int32_t ndim, double value, int32_t dtype, int32_t device_type, int32_t device_index);
SG_API sg_tensor sg_arange(double start, double end, double step, int32_t dtype, int32_t device_type, int32_t device_index);
SG_API sg_tensor sg_scalar_tensor(double value, int32_t dtype, int32_t device_type, int32_t device_index);
/* Copies `bytes` bytes of host memory into a new CPU tensor. */
SG_API sg_tensor sg_from_data(const void* data, const int64_t* shape, int32_t ndim, int32_t dtype);
/* Zero-copy view of host memory; `deleter(context)` runs when the last reference goes away. */
SG_API sg_tensor sg_from_blob(void* data, const int64_t* shape, int32_t ndim, int32_t dtype, void (*deleter)(void*), void* context);
SG_API int32_t sg_dim(sg_tensor t);
SG_API int sg_shape(sg_tensor t, int64_t* out, int32_t capacity);
SG_API int32_t sg_dtype(sg_tensor t);
SG_API int32_t sg_device_type(sg_tensor t);
SG_API int32_t sg_device_index(sg_tensor t);
SG_API int64_t sg_numel(sg_tensor t);
SG_API int sg_requires_grad(sg_tensor t);
SG_API int sg_set_requires_grad(sg_tensor t, int requires_grad);
SG_API int sg_is_contiguous(sg_tensor t);
SG_API int sg_is_leaf(sg_tensor t);
/* Copies the tensor's elements (made contiguous on the CPU) into `out`, which holds `bytes` bytes. */
SG_API int sg_copy_to_host(sg_tensor t, void* out, int64_t bytes);
SG_API double sg_item_double(sg_tensor t);
SG_API int64_t sg_item_int64(sg_tensor t);
SG_API sg_tensor sg_to(sg_tensor t, int32_t dtype, int32_t device_type, int32_t device_index, int non_blocking);
SG_API sg_tensor sg_contiguous(sg_tensor t);
SG_API sg_tensor sg_clone(sg_tensor t);
SG_API sg_tensor sg_detach(sg_tensor t);
SG_API int sg_copy_(sg_tensor dst, sg_tensor src); /* not recorded by autograd */
SG_API int sg_set_data(sg_tensor t, sg_tensor src);
SG_API int sg_fill_(sg_tensor t, double value);
SG_API int sg_zero_(sg_tensor t);
SG_API char* sg_to_string(sg_tensor t); /* free with sg_string_free */
SG_API void sg_string_free(char* s);

/* ---- element-wise arithmetic and math (ops.cpp) ---- */
SG_API sg_tensor sg_add(sg_tensor a, sg_tensor b, double alpha);
SG_API sg_tensor sg_sub(sg_tensor a, sg_tensor b, double alpha);
SG_API sg_tensor sg_mul(sg_tensor a, sg_tensor b);
SG_API sg_tensor sg_div(sg_tensor a, sg_tensor b);
SG_API sg_tensor sg_add_scalar(sg_tensor a, double s);
SG_API sg_tensor sg_mul_scalar(sg_tensor a, double s);
SG_API sg_tensor sg_div_scalar(sg_tensor a, double s);
SG_API sg_tensor sg_rsub_scalar(sg_tensor a, double s); /* s - a */
SG_API sg_tensor sg_pow_scalar(sg_tensor a, double exponent);
SG_API sg_tensor sg_maximum(sg_tensor a, sg_tensor b);
SG_API sg_tensor sg_minimum(sg_tensor a, sg_tensor b);
SG_API sg_tensor sg_where(sg_tensor cond, sg_tensor a, sg_tensor b);
SG_API int sg_add_(sg_tensor a, sg_tensor b, double alpha);
SG_API int sg_mul_scalar_(sg_tensor a, double s);
/* op codes for sg_unary */
enum sg_unary_op {
    SG_NEG = 0, SG_ABS, SG_EXP, SG_LOG, SG_SQRT, SG_SIGN, SG_SIGMOID, SG_TANH, SG_RELU,
    SG_GELU, SG_GELU_TANH, SG_FLOOR, SG_ROUND, SG_ISNAN, SG_ISFINITE, SG_LOGICAL_NOT,
    SG_SQUARE, SG_RECIPROCAL, SG_LOG1P, SG_ATANH
};
SG_API sg_tensor sg_unary(sg_tensor a, int32_t op);
/* op codes for sg_compare: 0 eq, 1 ne, 2 lt, 3 le, 4 gt, 5 ge */
SG_API sg_tensor sg_compare(sg_tensor a, sg_tensor b, int32_t op);
SG_API sg_tensor sg_compare_scalar(sg_tensor a, double s, int32_t op);
/* has_min / has_max select which bound applies. */
SG_API sg_tensor sg_clamp(sg_tensor a, int has_min, double min, int has_max, double max);
SG_API sg_tensor sg_clamp_tensor(sg_tensor a, sg_tensor min, sg_tensor max);
SG_API sg_tensor sg_logical_and(sg_tensor a, sg_tensor b);
SG_API sg_tensor sg_logical_or(sg_tensor a, sg_tensor b);

/* ---- reductions (ops.cpp). dims == NULL / ndims == 0 reduces everything. ---- */
SG_API sg_tensor sg_sum(sg_tensor a, const int64_t* dims, int32_t ndims, int keepdim);
SG_API sg_tensor sg_mean(sg_tensor a, const int64_t* dims, int32_t ndims, int keepdim);
SG_API sg_tensor sg_var(sg_tensor a, const int64_t* dims, int32_t ndims, int unbiased, int keepdim);
SG_API sg_tensor sg_max_all(sg_tensor a);
SG_API sg_tensor sg_min_all(sg_tensor a);
SG_API int sg_max_dim(sg_tensor a, int64_t dim, int keepdim, sg_tensor* values, sg_tensor* indices);
SG_API sg_tensor sg_argmax(sg_tensor a, int64_t dim, int keepdim);
SG_API sg_tensor sg_topk_indices(sg_tensor a, int64_t k, int64_t dim, int largest, int sorted);
SG_API sg_tensor sg_sort(sg_tensor a, int64_t dim, int descending, int stable, sg_tensor* indices);
SG_API sg_tensor sg_cumsum(sg_tensor a, int64_t dim);
SG_API sg_tensor sg_norm(sg_tensor a, double p);

/* ---- shapes and indexing (shape.cpp) ---- */
SG_API sg_tensor sg_reshape(sg_tensor a, const int64_t* shape, int32_t ndim);
SG_API sg_tensor sg_view(sg_tensor a, const int64_t* shape, int32_t ndim);
SG_API sg_tensor sg_flatten(sg_tensor a, int64_t start_dim, int64_t end_dim);
SG_API sg_tensor sg_transpose(sg_tensor a, int64_t d0, int64_t d1);
SG_API sg_tensor sg_permute(sg_tensor a, const int64_t* dims, int32_t ndims);
SG_API sg_tensor sg_unsqueeze(sg_tensor a, int64_t dim);
SG_API sg_tensor sg_squeeze(sg_tensor a, int64_t dim);
SG_API sg_tensor sg_expand(sg_tensor a, const int64_t* shape, int32_t ndim);
SG_API sg_tensor sg_cat(const sg_tensor* tensors, int32_t n, int64_t dim);
SG_API sg_tensor sg_stack(const sg_tensor* tensors, int32_t n, int64_t dim);
SG_API sg_tensor sg_index_select(sg_tensor a, int64_t dim, sg_tensor index);
SG_API sg_tensor sg_gather(sg_tensor a, int64_t dim, sg_tensor index);
SG_API sg_tensor sg_narrow(sg_tensor a, int64_t dim, int64_t start, int64_t length);
SG_API sg_tensor sg_select(sg_tensor a, int64_t dim, int64_t index);
SG_API sg_tensor sg_masked_select(sg_tensor a, sg_tensor mask);
SG_API sg_tensor sg_one_hot(sg_tensor labels, int64_t num_classes);
SG_API int sg_index_put_(sg_tensor a, sg_tensor index, sg_tensor values); /* a[index] = values along dim 0 */

/* ---- linear algebra and neural-network functions (nn.cpp) ---- */
SG_API sg_tensor sg_matmul(sg_tensor a, sg_tensor b);
SG_API sg_tensor sg_linear(sg_tensor x, sg_tensor w, sg_tensor b);
SG_API sg_tensor sg_conv2d(sg_tensor x, sg_tensor w, sg_tensor b, int64_t stride_h, int64_t stride_w, int64_t pad_h, int64_t pad_w, int64_t dil_h, int64_t dil_w, int64_t groups);
SG_API sg_tensor sg_max_pool2d(sg_tensor x, int64_t kh, int64_t kw, int64_t sh, int64_t sw, int64_t ph, int64_t pw, int ceil_mode);
SG_API sg_tensor sg_avg_pool2d(sg_tensor x, int64_t kh, int64_t kw, int64_t sh, int64_t sw, int64_t ph, int64_t pw, int ceil_mode);
SG_API sg_tensor sg_batch_norm(sg_tensor x, sg_tensor weight, sg_tensor bias, sg_tensor running_mean, sg_tensor running_var, int training, double momentum, double eps);
/* Inverted dropout drawing its mask from `g` (NULL: libtorch's default generator). */
SG_API sg_tensor sg_dropout(sg_tensor x, double p, int training, sg_generator g);
SG_API sg_tensor sg_softmax(sg_tensor x, int64_t dim);
SG_API sg_tensor sg_log_softmax(sg_tensor x, int64_t dim);
/* reduction: 0 none, 1 mean, 2 sum. Hard targets are int64 class indices; soft targets are
   float probabilities of the input's shape. */
SG_API sg_tensor sg_cross_entropy(sg_tensor logits, sg_tensor target, int32_t reduction, double label_smoothing);
SG_API sg_tensor sg_nll_loss(sg_tensor log_probs, sg_tensor target, int32_t reduction);
SG_API sg_tensor sg_mse_loss(sg_tensor input, sg_tensor target, int32_t reduction);
SG_API sg_tensor sg_bce_loss(sg_tensor input, sg_tensor target, int32_t reduction);
/* mode: 0 constant, 1 reflect, 2 replicate. pads = {left, right, top, bottom}. */
SG_API sg_tensor sg_pad2d(sg_tensor x, const int64_t* pads, int32_t mode, double value);

/* ---- autograd (autograd.cpp) ---- */
SG_API int sg_backward(sg_tensor t, sg_tensor grad, int retain_graph);
/* The accumulated .grad, or NULL (and no error) when it is undefined. */
SG_API sg_tensor sg_grad(sg_tensor t);
SG_API int sg_set_grad(sg_tensor t, sg_tensor grad); /* grad NULL: set to none */
/* torch::autograd::grad over n_out outputs and n_in inputs; writes n_in handles (NULL where
   allow_unused and unused). grad_outputs may be NULL. */
SG_API int sg_autograd_grad(const sg_tensor* outputs, int32_t n_out, const sg_tensor* inputs, int32_t n_in,
                            const sg_tensor* grad_outputs, int retain_graph, int create_graph, int allow_unused,
                            sg_tensor* results);

/* ---- optimizers (optim.cpp). kind: 0 SGD, 1 Adam, 2 AdamW ---- */
SG_API sg_optimizer sg_optimizer_new(int32_t kind, const sg_tensor* params, int32_t n, double lr,
                                     double momentum, double dampening, int nesterov,
                                     double beta1, double beta2, double eps, double weight_decay, int amsgrad);
SG_API void sg_optimizer_free(sg_optimizer o);
SG_API int sg_optimizer_step(sg_optimizer o);
SG_API int sg_optimizer_zero_grad(sg_optimizer o, int set_to_none);
SG_API int sg_optimizer_set_lr(sg_optimizer o, double lr);
SG_API double sg_optimizer_get_lr(sg_optimizer o);

#ifdef __cplusplus
}
#endif

#endif
