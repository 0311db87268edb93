#!/usr/bin/env bash
# Prints the best OpenBLAS kernel this CPU supports, chosen from its flags, for OPENBLAS_CORETYPE.
# Debian 12's OpenBLAS (0.3.21) does not recognise recent Intel CPUs and falls back to SSE3 "Prescott"
# kernels; python3-torch, the OpenBLAS-based peer in the benchmarks, must run the kernel the CPU has.
flags=$(grep -m1 '^flags' /proc/cpuinfo)
has() { [[ " $flags " == *" $1 "* ]]; }
if has avx512f && has avx512bw && has avx512vl; then echo SkylakeX
elif has avx2 && has fma; then echo Haswell
elif has avx; then echo Sandybridge
else echo Prescott
fi
