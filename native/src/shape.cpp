// Views, reshaping, concatenation and indexing.
#include "common.h"

namespace {
std::vector<at::Tensor> tensor_list(const sg_tensor* tensors, int32_t n) {
    std::vector<at::Tensor> list;
    list.reserve(static_cast<size_t>(n));
    for (int32_t i = 0; i < n; ++i) list.push_back(sg::unwrap(tensors[i]));
    return list;
}
}  // namespace

extern "C" {

sg_tensor sg_reshape(sg_tensor a, const int64_t* shape, int32_t n) { SG_RETURN_TENSOR(sg::unwrap(a).reshape(sg::dims(shape, n))) }
sg_tensor sg_view(sg_tensor a, const int64_t* shape, int32_t n) { SG_RETURN_TENSOR(sg::unwrap(a).view(sg::dims(shape, n))) }
sg_tensor sg_flatten(sg_tensor a, int64_t s, int64_t e) { SG_RETURN_TENSOR(sg::unwrap(a).flatten(s, e)) }
sg_tensor sg_transpose(sg_tensor a, int64_t d0, int64_t d1) { SG_RETURN_TENSOR(sg::unwrap(a).transpose(d0, d1)) }
sg_tensor sg_permute(sg_tensor a, const int64_t* dims, int32_t n) { SG_RETURN_TENSOR(sg::unwrap(a).permute(sg::dims(dims, n))) }
sg_tensor sg_unsqueeze(sg_tensor a, int64_t d) { SG_RETURN_TENSOR(sg::unwrap(a).unsqueeze(d)) }
sg_tensor sg_squeeze(sg_tensor a, int64_t d) { SG_RETURN_TENSOR(sg::unwrap(a).squeeze(d)) }
sg_tensor sg_expand(sg_tensor a, const int64_t* shape, int32_t n) { SG_RETURN_TENSOR(sg::unwrap(a).expand(sg::dims(shape, n))) }
sg_tensor sg_cat(const sg_tensor* ts, int32_t n, int64_t dim) { SG_RETURN_TENSOR(at::cat(tensor_list(ts, n), dim)) }
sg_tensor sg_stack(const sg_tensor* ts, int32_t n, int64_t dim) { SG_RETURN_TENSOR(at::stack(tensor_list(ts, n), dim)) }
sg_tensor sg_index_select(sg_tensor a, int64_t dim, sg_tensor index) { SG_RETURN_TENSOR(at::index_select(sg::unwrap(a), dim, sg::unwrap(index))) }
sg_tensor sg_gather(sg_tensor a, int64_t dim, sg_tensor index) { SG_RETURN_TENSOR(at::gather(sg::unwrap(a), dim, sg::unwrap(index))) }
sg_tensor sg_narrow(sg_tensor a, int64_t dim, int64_t start, int64_t length) { SG_RETURN_TENSOR(sg::unwrap(a).narrow(dim, start, length)) }
sg_tensor sg_select(sg_tensor a, int64_t dim, int64_t index) { SG_RETURN_TENSOR(sg::unwrap(a).select(dim, index)) }
sg_tensor sg_masked_select(sg_tensor a, sg_tensor mask) { SG_RETURN_TENSOR(at::masked_select(sg::unwrap(a), sg::unwrap(mask))) }
sg_tensor sg_one_hot(sg_tensor labels, int64_t k) { SG_RETURN_TENSOR(at::one_hot(sg::unwrap(labels), k)) }

int sg_index_put_(sg_tensor a, sg_tensor index, sg_tensor values) {
    at::NoGradGuard no_grad;
    SG_RETURN_STATUS(sg::unwrap(a).index_copy_(0, sg::unwrap(index), sg::unwrap(values)))
}

}  // extern "C"
