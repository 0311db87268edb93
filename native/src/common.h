// Shared plumbing for every export: handle wrapping, the live-tensor counter and the catch macros
// that keep C++ exceptions from crossing the C ABI.
#pragma once

#include <torch/torch.h>

#include <atomic>
#include <cmath>
#include <string>
#include <vector>

#include "sweepgrid_native.h"

struct sg_tensor_s {
    at::Tensor tensor;
};

struct sg_generator_s {
    at::Generator generator;
};

namespace sg {

// Counts tensor handles that are alive, so tests can prove that training loops free everything.
extern std::atomic<int64_t> live_tensors;

void set_error(const char* message);

inline sg_tensor wrap(at::Tensor t) {
    live_tensors.fetch_add(1, std::memory_order_relaxed);
    return new sg_tensor_s{std::move(t)};
}

inline at::Tensor& unwrap(sg_tensor t) {
    if (t == nullptr) throw std::invalid_argument("a required tensor argument was null");
    return t->tensor;
}

// Optional tensors (bias, weights, running statistics) are passed as NULL when absent.
inline c10::optional<at::Tensor> optional(sg_tensor t) {
    if (t == nullptr) return c10::nullopt;
    return t->tensor;
}

inline c10::optional<at::Generator> optional(sg_generator g) {
    if (g == nullptr) return c10::nullopt;
    return g->generator;
}

inline std::vector<int64_t> dims(const int64_t* values, int32_t n) {
    if (n < 0) throw std::invalid_argument("negative dimension count");
    return std::vector<int64_t>(values, values + n);
}

inline at::Device device(int32_t type, int32_t index) {
    return at::Device(static_cast<c10::DeviceType>(type), static_cast<c10::DeviceIndex>(index));
}

inline at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index) {
    return at::TensorOptions().dtype(static_cast<c10::ScalarType>(dtype)).device(device(device_type, device_index));
}

// The C ABI carries scalars as doubles, but libtorch rejects a floating-point alpha (and an in-place
// floating-point factor) for integral tensors, e.g. `num_batches_tracked += 1`. A whole number travels
// as an integer Scalar instead, which gives the same result on floating-point tensors.
inline at::Scalar whole_or_double(double value) {
    if (std::isfinite(value) && std::nearbyint(value) == value && std::fabs(value) < 9.0e15) {
        return at::Scalar(static_cast<int64_t>(value));
    }
    return at::Scalar(value);
}

inline at::Reduction::Reduction reduction(int32_t code) {
    switch (code) {
        case 0: return at::Reduction::None;
        case 1: return at::Reduction::Mean;
        case 2: return at::Reduction::Sum;
        default: throw std::invalid_argument("reduction must be 0 (none), 1 (mean) or 2 (sum)");
    }
}

}  // namespace sg

// Catch everything; c10::Error's message without the C++ backtrace is what users need to read.
#define SG_CATCH(sentinel)                                              \
    catch (const c10::Error& e) {                                       \
        sg::set_error(e.what_without_backtrace());                      \
        return sentinel;                                                \
    }                                                                   \
    catch (const std::exception& e) {                                   \
        sg::set_error(e.what());                                        \
        return sentinel;                                                \
    }                                                                   \
    catch (...) {                                                       \
        sg::set_error("unknown native error");                          \
        return sentinel;                                                \
    }

#define SG_RETURN_TENSOR(expr) \
    try {                      \
        return sg::wrap(expr); \
    }                          \
    SG_CATCH(nullptr)

#define SG_RETURN_STATUS(stmt) \
    try {                      \
        stmt;                  \
        return 0;              \
    }                          \
    SG_CATCH(-1)
