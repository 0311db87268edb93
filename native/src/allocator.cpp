// Keeps glibc from returning tensor-sized blocks to the kernel after every training step.
//
// libtorch allocates CPU tensors with malloc. Blocks above M_MMAP_THRESHOLD (128 KiB by default) are
// mmap'ed and munmap'ed on free; glibc normally raises that threshold after the first large free, but
// in the .NET host it stayed low and every optimizer step paid page faults for its temporaries
// (MLP-256 Adam step: 0.7-0.9 ms instead of 0.2 ms; bench/README.md). Fixing the threshold at glibc's
// own dynamic maximum (32 MiB) keeps such blocks on the heap, as in a python3-torch process.
#include <malloc.h>

#include <cstdlib>
#include <cstring>

#include "common.h"

extern "C" int sg_tune_allocator(void) {
    const char* setting = std::getenv("SWEEPGRID_MALLOC_TUNING");
    if (setting != nullptr && std::strcmp(setting, "0") == 0) return 0;
#if defined(__GLIBC__)
    constexpr int mmap_threshold = 32 * 1024 * 1024;
    constexpr int trim_threshold = 4 * mmap_threshold;
    if (mallopt(M_MMAP_THRESHOLD, mmap_threshold) != 1) return -1;
    if (mallopt(M_TRIM_THRESHOLD, trim_threshold) != 1) return -1;
    return 1;
#else
    return 0;
#endif
}
