#!/usr/bin/env bash
# Publishes the sweepgrid program for linux-x64 into OUT (default: artifacts/publish). The Dockerfile's
# build stage runs this same script, and the deployment tests run it too, so the image ships exactly
# what is tested. Usage: scripts/publish.sh [OUT [MSBUILD-ARGS…]], e.g. the CUDA image's
# `scripts/publish.sh /out -p:SweepGridLibTorch=external` (no CPU libtorch in the output; docs/science.md, GPU).
#
# After publishing, what the program cannot load is removed from OUT (510 MB → 380 MB measured on 2026-12-01):
#  - libtorch's Python binding and the test/backend libraries of the libtorch package. Nothing SweepGrid
#    ships depends on them: TorchSharp loads libtorch_cpu (or torch_cuda) and libLibTorchSharp, whose
#    NEEDED entries are libtorch, libtorch_cpu and libc10 (libtorch_cpu adds libc10 and libgomp); the
#    removed ones either need libtorch_python themselves or are only loaded by Python or by libtorch's
#    own C++ tests. The Deploy tests check that the published program still starts and loads libtorch.
#  - libtorch_cpu.so's static symbol table (.symtab/.strtab, ~92 MB; `strip --strip-unneeded`, written
#    to a new file, so a hard link into the NuGet cache is never modified). The dynamic symbols the
#    loader and TorchSharp use stay; only debuggers and profilers lose names inside libtorch. Skipped,
#    with a note, when `strip` (binutils) is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/publish}"
shift || true
dotnet publish src/SweepGrid.Cli/SweepGrid.Cli.csproj -c Release -r linux-x64 --self-contained false -o "$out" -nologo -v quiet "$@"
test -x "$out/sweepgrid"

unneeded=(
  libtorch_python.so        # the Python extension's C++ side (32 MB)
  libshm.so                 # shared-memory tensors for Python's multiprocessing; needed only by libtorch_python
  libnnapi_backend.so       # Android NNAPI backend; needs libtorch_python
  libtorchbind_test.so      # libtorch's own test libraries
  libjitbackend_test.so
  libbackend_with_compiler.so
  libaoti_custom_ops.so     # AOTInductor custom-op test library
)
for name in "${unneeded[@]}"; do
  rm -f "$out/$name"
done

if [ -f "$out/libtorch_cpu.so" ]; then
  if command -v strip >/dev/null 2>&1; then
    strip --strip-unneeded -o "$out/libtorch_cpu.so.stripped" "$out/libtorch_cpu.so"
    mv -f "$out/libtorch_cpu.so.stripped" "$out/libtorch_cpu.so"
  else
    echo "note: strip (binutils) not found; libtorch_cpu.so keeps its static symbol table (~92 MB more)" >&2
  fi
fi
echo "published to $out ($(du -sh "$out" | cut -f1))"
