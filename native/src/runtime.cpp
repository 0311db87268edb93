// Errors, threads, devices and global autograd state.
#include <dlfcn.h>

#include <cstring>

#include "common.h"

namespace sg {
std::atomic<int64_t> live_tensors{0};

namespace {
thread_local std::string last_error;
thread_local bool has_error = false;
}  // namespace

void set_error(const char* message) {
    last_error = message == nullptr ? "unknown native error" : message;
    has_error = true;
}
}  // namespace sg

extern "C" {

const char* sg_last_error(void) { return sg::has_error ? sg::last_error.c_str() : nullptr; }

void sg_clear_error(void) {
    sg::has_error = false;
    sg::last_error.clear();
}

int64_t sg_live_tensors(void) { return sg::live_tensors.load(std::memory_order_relaxed); }

const char* sg_torch_version(void) {
    static const std::string version = std::to_string(TORCH_VERSION_MAJOR) + "." +
                                       std::to_string(TORCH_VERSION_MINOR) + "." +
                                       std::to_string(TORCH_VERSION_PATCH);
    return version.c_str();
}

int sg_set_num_threads(int32_t n) { SG_RETURN_STATUS(at::set_num_threads(n)) }

int32_t sg_get_num_threads(void) {
    try {
        return at::get_num_threads();
    }
    SG_CATCH(-1)
}

int sg_set_num_interop_threads(int32_t n) { SG_RETURN_STATUS(at::set_num_interop_threads(n)) }

int sg_set_blas_threads(int32_t n) {
    // Debian's libtorch reaches OpenBLAS through libblas.so.3; its pool ignores at::set_num_threads.
    using setter = void (*)(int);
    auto fn = reinterpret_cast<setter>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    if (fn == nullptr) return 0;
    fn(n);
    return 1;
}

int sg_cuda_is_available(void) {
    try {
        return torch::cuda::is_available() ? 1 : 0;
    }
    SG_CATCH(-1)
}

int32_t sg_cuda_device_count(void) {
    try {
        return static_cast<int32_t>(torch::cuda::device_count());
    }
    SG_CATCH(-1)
}

int sg_manual_seed(uint64_t seed) { SG_RETURN_STATUS(torch::manual_seed(seed)) }

int sg_set_grad_enabled(int enabled) {
    bool previous = c10::GradMode::is_enabled();
    c10::GradMode::set_enabled(enabled != 0);
    return previous ? 1 : 0;
}

int sg_is_grad_enabled(void) { return c10::GradMode::is_enabled() ? 1 : 0; }

}  // extern "C"
