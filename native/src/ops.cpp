// Element-wise arithmetic, comparisons and reductions.
#include "common.h"

namespace {
at::Tensor unary(const at::Tensor& a, int32_t op) {
    switch (op) {
        case SG_NEG: return at::neg(a);
        case SG_ABS: return at::abs(a);
        case SG_EXP: return at::exp(a);
        case SG_LOG: return at::log(a);
        case SG_SQRT: return at::sqrt(a);
        case SG_SIGN: return at::sign(a);
        case SG_SIGMOID: return at::sigmoid(a);
        case SG_TANH: return at::tanh(a);
        case SG_RELU: return at::relu(a);
        case SG_GELU: return at::gelu(a, "none");
        case SG_GELU_TANH: return at::gelu(a, "tanh");
        case SG_FLOOR: return at::floor(a);
        case SG_ROUND: return at::round(a);
        case SG_ISNAN: return at::isnan(a);
        case SG_ISFINITE: return at::isfinite(a);
        case SG_LOGICAL_NOT: return at::logical_not(a);
        case SG_SQUARE: return at::square(a);
        case SG_RECIPROCAL: return at::reciprocal(a);
        case SG_LOG1P: return at::log1p(a);
        case SG_ATANH: return at::atanh(a);
        default: throw std::invalid_argument("unknown unary op code " + std::to_string(op));
    }
}

template <typename Other>
at::Tensor compare(const at::Tensor& a, const Other& b, int32_t op) {
    switch (op) {
        case 0: return at::eq(a, b);
        case 1: return at::ne(a, b);
        case 2: return at::lt(a, b);
        case 3: return at::le(a, b);
        case 4: return at::gt(a, b);
        case 5: return at::ge(a, b);
        default: throw std::invalid_argument("unknown comparison code " + std::to_string(op));
    }
}

at::OptionalIntArrayRef dim_list(const std::vector<int64_t>& dims) {
    if (dims.empty()) return c10::nullopt;
    return at::IntArrayRef(dims);
}
}  // namespace

extern "C" {

sg_tensor sg_add(sg_tensor a, sg_tensor b, double alpha) { SG_RETURN_TENSOR(at::add(sg::unwrap(a), sg::unwrap(b), sg::whole_or_double(alpha))) }
sg_tensor sg_sub(sg_tensor a, sg_tensor b, double alpha) { SG_RETURN_TENSOR(at::sub(sg::unwrap(a), sg::unwrap(b), sg::whole_or_double(alpha))) }
sg_tensor sg_mul(sg_tensor a, sg_tensor b) { SG_RETURN_TENSOR(at::mul(sg::unwrap(a), sg::unwrap(b))) }
sg_tensor sg_div(sg_tensor a, sg_tensor b) { SG_RETURN_TENSOR(at::div(sg::unwrap(a), sg::unwrap(b))) }
sg_tensor sg_add_scalar(sg_tensor a, double s) { SG_RETURN_TENSOR(at::add(sg::unwrap(a), s)) }
sg_tensor sg_mul_scalar(sg_tensor a, double s) { SG_RETURN_TENSOR(at::mul(sg::unwrap(a), s)) }
sg_tensor sg_div_scalar(sg_tensor a, double s) { SG_RETURN_TENSOR(at::div(sg::unwrap(a), s)) }
sg_tensor sg_rsub_scalar(sg_tensor a, double s) { SG_RETURN_TENSOR(at::rsub(sg::unwrap(a), s)) }
sg_tensor sg_pow_scalar(sg_tensor a, double e) { SG_RETURN_TENSOR(at::pow(sg::unwrap(a), e)) }
sg_tensor sg_maximum(sg_tensor a, sg_tensor b) { SG_RETURN_TENSOR(at::maximum(sg::unwrap(a), sg::unwrap(b))) }
sg_tensor sg_minimum(sg_tensor a, sg_tensor b) { SG_RETURN_TENSOR(at::minimum(sg::unwrap(a), sg::unwrap(b))) }
sg_tensor sg_where(sg_tensor c, sg_tensor a, sg_tensor b) { SG_RETURN_TENSOR(at::where(sg::unwrap(c), sg::unwrap(a), sg::unwrap(b))) }

int sg_add_(sg_tensor a, sg_tensor b, double alpha) { SG_RETURN_STATUS(sg::unwrap(a).add_(sg::unwrap(b), sg::whole_or_double(alpha))) }
int sg_mul_scalar_(sg_tensor a, double s) { SG_RETURN_STATUS(sg::unwrap(a).mul_(sg::whole_or_double(s))) }

sg_tensor sg_unary(sg_tensor a, int32_t op) { SG_RETURN_TENSOR(unary(sg::unwrap(a), op)) }
sg_tensor sg_compare(sg_tensor a, sg_tensor b, int32_t op) { SG_RETURN_TENSOR(compare(sg::unwrap(a), sg::unwrap(b), op)) }
sg_tensor sg_compare_scalar(sg_tensor a, double s, int32_t op) { SG_RETURN_TENSOR(compare(sg::unwrap(a), at::Scalar(s), op)) }

sg_tensor sg_clamp(sg_tensor a, int has_min, double min, int has_max, double max) {
    c10::optional<at::Scalar> lo = has_min ? c10::optional<at::Scalar>(min) : c10::nullopt;
    c10::optional<at::Scalar> hi = has_max ? c10::optional<at::Scalar>(max) : c10::nullopt;
    SG_RETURN_TENSOR(at::clamp(sg::unwrap(a), lo, hi))
}

sg_tensor sg_clamp_tensor(sg_tensor a, sg_tensor min, sg_tensor max) {
    SG_RETURN_TENSOR(at::clamp(sg::unwrap(a), sg::optional(min), sg::optional(max)))
}

sg_tensor sg_logical_and(sg_tensor a, sg_tensor b) { SG_RETURN_TENSOR(at::logical_and(sg::unwrap(a), sg::unwrap(b))) }
sg_tensor sg_logical_or(sg_tensor a, sg_tensor b) { SG_RETURN_TENSOR(at::logical_or(sg::unwrap(a), sg::unwrap(b))) }

sg_tensor sg_sum(sg_tensor a, const int64_t* dims, int32_t ndims, int keepdim) {
    try {
        auto d = sg::dims(dims, ndims);
        if (d.empty()) return sg::wrap(at::sum(sg::unwrap(a)));
        return sg::wrap(at::sum(sg::unwrap(a), d, keepdim != 0));
    }
    SG_CATCH(nullptr)
}

sg_tensor sg_mean(sg_tensor a, const int64_t* dims, int32_t ndims, int keepdim) {
    try {
        auto d = sg::dims(dims, ndims);
        if (d.empty()) return sg::wrap(at::mean(sg::unwrap(a)));
        return sg::wrap(at::mean(sg::unwrap(a), d, keepdim != 0));
    }
    SG_CATCH(nullptr)
}

sg_tensor sg_var(sg_tensor a, const int64_t* dims, int32_t ndims, int unbiased, int keepdim) {
    try {
        auto d = sg::dims(dims, ndims);
        return sg::wrap(at::var(sg::unwrap(a), dim_list(d), unbiased != 0, keepdim != 0));
    }
    SG_CATCH(nullptr)
}

sg_tensor sg_max_all(sg_tensor a) { SG_RETURN_TENSOR(at::max(sg::unwrap(a))) }
sg_tensor sg_min_all(sg_tensor a) { SG_RETURN_TENSOR(at::min(sg::unwrap(a))) }

int sg_max_dim(sg_tensor a, int64_t dim, int keepdim, sg_tensor* values, sg_tensor* indices) {
    try {
        auto result = at::max(sg::unwrap(a), dim, keepdim != 0);
        *values = sg::wrap(std::get<0>(result));
        *indices = sg::wrap(std::get<1>(result));
        return 0;
    }
    SG_CATCH(-1)
}

sg_tensor sg_argmax(sg_tensor a, int64_t dim, int keepdim) { SG_RETURN_TENSOR(at::argmax(sg::unwrap(a), dim, keepdim != 0)) }

sg_tensor sg_topk_indices(sg_tensor a, int64_t k, int64_t dim, int largest, int sorted) {
    SG_RETURN_TENSOR(std::get<1>(at::topk(sg::unwrap(a), k, dim, largest != 0, sorted != 0)))
}

sg_tensor sg_sort(sg_tensor a, int64_t dim, int descending, int stable, sg_tensor* indices) {
    try {
        auto result = at::sort(sg::unwrap(a), stable != 0, dim, descending != 0);
        *indices = sg::wrap(std::get<1>(result));
        return sg::wrap(std::get<0>(result));
    }
    SG_CATCH(nullptr)
}

sg_tensor sg_cumsum(sg_tensor a, int64_t dim) { SG_RETURN_TENSOR(at::cumsum(sg::unwrap(a), dim)) }
sg_tensor sg_norm(sg_tensor a, double p) { SG_RETURN_TENSOR(at::norm(sg::unwrap(a), p)) }

}  // extern "C"
