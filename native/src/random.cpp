// Seeded generators. Each training owns its generators, so concurrent trainings on one process do
// not interleave draws from libtorch's global generator (that would break reproducibility).
#include "common.h"

extern "C" {

sg_generator sg_generator_new(uint64_t seed, int32_t device_type, int32_t device_index) {
    try {
        // Cloning the device's default generator works for CPU and CUDA without CUDA headers.
        auto device = sg::device(device_type, device_index);
        at::Generator g = device.is_cpu() ? at::make_generator<at::CPUGeneratorImpl>(seed)
                                          : at::globalContext().defaultGenerator(device).clone();
        {
            std::lock_guard<std::mutex> lock(g.mutex());
            g.set_current_seed(seed);
        }
        return new sg_generator_s{std::move(g)};
    }
    SG_CATCH(nullptr)
}

void sg_generator_free(sg_generator g) { delete g; }

int sg_generator_set_seed(sg_generator g, uint64_t seed) {
    try {
        std::lock_guard<std::mutex> lock(g->generator.mutex());
        g->generator.set_current_seed(seed);
        return 0;
    }
    SG_CATCH(-1)
}

sg_tensor sg_rand(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t dt, int32_t di, sg_generator g) {
    SG_RETURN_TENSOR(at::rand(sg::dims(shape, ndim), sg::optional(g), sg::options(dtype, dt, di)))
}

sg_tensor sg_randn(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t dt, int32_t di, sg_generator g) {
    SG_RETURN_TENSOR(at::randn(sg::dims(shape, ndim), sg::optional(g), sg::options(dtype, dt, di)))
}

sg_tensor sg_randint(int64_t low, int64_t high, const int64_t* shape, int32_t ndim, int32_t dt, int32_t di, sg_generator g) {
    SG_RETURN_TENSOR(at::randint(low, high, sg::dims(shape, ndim), sg::optional(g), sg::options(static_cast<int32_t>(at::kLong), dt, di)))
}

sg_tensor sg_randperm(int64_t n, int32_t dt, int32_t di, sg_generator g) {
    SG_RETURN_TENSOR(at::randperm(n, sg::optional(g), sg::options(static_cast<int32_t>(at::kLong), dt, di)))
}

int sg_uniform_(sg_tensor t, double low, double high, sg_generator g) {
    at::NoGradGuard no_grad;  // in-place initialisation of parameters is not a graph op
    SG_RETURN_STATUS(sg::unwrap(t).uniform_(low, high, sg::optional(g)))
}

int sg_normal_(sg_tensor t, double mean, double std, sg_generator g) {
    at::NoGradGuard no_grad;  // in-place initialisation of parameters is not a graph op
    SG_RETURN_STATUS(sg::unwrap(t).normal_(mean, std, sg::optional(g)))
}

int sg_bernoulli_(sg_tensor t, double p, sg_generator g) {
    at::NoGradGuard no_grad;  // in-place initialisation of parameters is not a graph op
    SG_RETURN_STATUS(sg::unwrap(t).bernoulli_(p, sg::optional(g)))
}

}  // extern "C"
