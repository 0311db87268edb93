// Tensor lifetime, creation from host memory, properties and conversions.
#include <cstring>

#include "common.h"

namespace {
at::Tensor from_host(void* data, const int64_t* shape, int32_t ndim, int32_t dtype) {
    return at::from_blob(data, sg::dims(shape, ndim), at::TensorOptions().dtype(static_cast<c10::ScalarType>(dtype)));
}
}  // namespace

extern "C" {

void sg_tensor_free(sg_tensor t) {
    if (t == nullptr) return;
    delete t;
    sg::live_tensors.fetch_sub(1, std::memory_order_relaxed);
}

sg_tensor sg_tensor_new_ref(sg_tensor t) { SG_RETURN_TENSOR(sg::unwrap(t)) }

sg_tensor sg_empty(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t dt, int32_t di) {
    SG_RETURN_TENSOR(at::empty(sg::dims(shape, ndim), sg::options(dtype, dt, di)))
}

sg_tensor sg_zeros(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t dt, int32_t di) {
    SG_RETURN_TENSOR(at::zeros(sg::dims(shape, ndim), sg::options(dtype, dt, di)))
}

sg_tensor sg_ones(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t dt, int32_t di) {
    SG_RETURN_TENSOR(at::ones(sg::dims(shape, ndim), sg::options(dtype, dt, di)))
}

sg_tensor sg_full(const int64_t* shape, int32_t ndim, double value, int32_t dtype, int32_t dt, int32_t di) {
    SG_RETURN_TENSOR(at::full(sg::dims(shape, ndim), value, sg::options(dtype, dt, di)))
}

sg_tensor sg_arange(double start, double end, double step, int32_t dtype, int32_t dt, int32_t di) {
    SG_RETURN_TENSOR(at::arange(start, end, step, sg::options(dtype, dt, di)))
}

sg_tensor sg_scalar_tensor(double value, int32_t dtype, int32_t dt, int32_t di) {
    SG_RETURN_TENSOR(at::scalar_tensor(value, sg::options(dtype, dt, di)))
}

sg_tensor sg_from_data(const void* data, const int64_t* shape, int32_t ndim, int32_t dtype) {
    SG_RETURN_TENSOR(from_host(const_cast<void*>(data), shape, ndim, dtype).clone())
}

sg_tensor sg_from_blob(void* data, const int64_t* shape, int32_t ndim, int32_t dtype, void (*deleter)(void*), void* context) {
    try {
        // The deleter gets the managed context (a pinned GCHandle), not the data pointer.
        auto release = [deleter, context](void*) {
            if (deleter != nullptr) deleter(context);
        };
        auto t = at::from_blob(data, sg::dims(shape, ndim), release, at::TensorOptions().dtype(static_cast<c10::ScalarType>(dtype)));
        return sg::wrap(std::move(t));
    }
    SG_CATCH(nullptr)
}

int32_t sg_dim(sg_tensor t) {
    try {
        return static_cast<int32_t>(sg::unwrap(t).dim());
    }
    SG_CATCH(-1)
}

int sg_shape(sg_tensor t, int64_t* out, int32_t capacity) {
    try {
        auto sizes = sg::unwrap(t).sizes();
        if (static_cast<int64_t>(sizes.size()) > capacity) throw std::out_of_range("shape buffer too small");
        std::copy(sizes.begin(), sizes.end(), out);
        return static_cast<int>(sizes.size());
    }
    SG_CATCH(-1)
}

int32_t sg_dtype(sg_tensor t) {
    try {
        return static_cast<int32_t>(sg::unwrap(t).scalar_type());
    }
    SG_CATCH(-1)
}

int32_t sg_device_type(sg_tensor t) {
    try {
        return static_cast<int32_t>(sg::unwrap(t).device().type());
    }
    SG_CATCH(-1)
}

int32_t sg_device_index(sg_tensor t) {
    try {
        return static_cast<int32_t>(sg::unwrap(t).device().index());
    }
    SG_CATCH(-2)
}

int64_t sg_numel(sg_tensor t) {
    try {
        return sg::unwrap(t).numel();
    }
    SG_CATCH(-1)
}

int sg_requires_grad(sg_tensor t) {
    try {
        return sg::unwrap(t).requires_grad() ? 1 : 0;
    }
    SG_CATCH(-1)
}

int sg_set_requires_grad(sg_tensor t, int requires_grad) {
    SG_RETURN_STATUS(sg::unwrap(t).set_requires_grad(requires_grad != 0))
}

int sg_is_contiguous(sg_tensor t) {
    try {
        return sg::unwrap(t).is_contiguous() ? 1 : 0;
    }
    SG_CATCH(-1)
}

int sg_is_leaf(sg_tensor t) {
    try {
        return sg::unwrap(t).is_leaf() ? 1 : 0;
    }
    SG_CATCH(-1)
}

int sg_copy_to_host(sg_tensor t, void* out, int64_t bytes) {
    try {
        auto host = sg::unwrap(t).detach().to(at::kCPU).contiguous();
        auto needed = static_cast<int64_t>(host.numel() * host.element_size());
        if (needed != bytes) throw std::invalid_argument("host buffer holds " + std::to_string(bytes) + " bytes, tensor needs " + std::to_string(needed));
        if (needed > 0) std::memcpy(out, host.data_ptr(), static_cast<size_t>(needed));
        return 0;
    }
    SG_CATCH(-1)
}

double sg_item_double(sg_tensor t) {
    try {
        return sg::unwrap(t).item<double>();
    }
    SG_CATCH(std::numeric_limits<double>::quiet_NaN())
}

int64_t sg_item_int64(sg_tensor t) {
    try {
        return sg::unwrap(t).item<int64_t>();
    }
    SG_CATCH(-1)
}

sg_tensor sg_to(sg_tensor t, int32_t dtype, int32_t dt, int32_t di, int non_blocking) {
    SG_RETURN_TENSOR(sg::unwrap(t).to(sg::device(dt, di), static_cast<c10::ScalarType>(dtype), non_blocking != 0))
}

sg_tensor sg_contiguous(sg_tensor t) { SG_RETURN_TENSOR(sg::unwrap(t).contiguous()) }
sg_tensor sg_clone(sg_tensor t) { SG_RETURN_TENSOR(sg::unwrap(t).clone()) }
sg_tensor sg_detach(sg_tensor t) { SG_RETURN_TENSOR(sg::unwrap(t).detach()) }

int sg_copy_(sg_tensor dst, sg_tensor src) {
    // Parameter loading and optimizer-free updates must not be recorded by autograd.
    at::NoGradGuard no_grad;
    SG_RETURN_STATUS(sg::unwrap(dst).copy_(sg::unwrap(src)))
}

int sg_fill_(sg_tensor t, double value) {
    at::NoGradGuard no_grad;
    SG_RETURN_STATUS(sg::unwrap(t).fill_(value))
}

int sg_zero_(sg_tensor t) {
    at::NoGradGuard no_grad;
    SG_RETURN_STATUS(sg::unwrap(t).zero_())
}

char* sg_to_string(sg_tensor t) {
    try {
        std::ostringstream out;
        out << sg::unwrap(t);
        auto text = out.str();
        auto* copy = static_cast<char*>(std::malloc(text.size() + 1));
        if (copy == nullptr) throw std::bad_alloc();
        std::memcpy(copy, text.c_str(), text.size() + 1);
        return copy;
    }
    SG_CATCH(nullptr)
}

void sg_string_free(char* s) { std::free(s); }

}  // extern "C"

extern "C" {
// Swaps the tensor's data (device, dtype, storage) while keeping its identity and autograd
// metadata, like `param.data = other` in PyTorch; Module.To relies on it.
int sg_set_data(sg_tensor t, sg_tensor src) { SG_RETURN_STATUS(sg::unwrap(t).set_data(sg::unwrap(src))) }
}
