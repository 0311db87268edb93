#!/usr/bin/env bash
# For a CUDA image: puts PyTorch's libtorch 2.10 built for CUDA 12.8 (the libtorch TorchSharp 0.107 is
# built against) into DIR and prints the environment the sweepgrid process needs. Build SweepGrid in
# that image with `dotnet build -c Release -p:SweepGridLibTorch=external` so that no CPU libtorch is
# copied beside it; TorchSharp then loads libtorch_cuda.so from LD_LIBRARY_PATH (docs/science.md §8).
# Usage: scripts/cuda-libtorch.sh DIR [URL]   (needs network access to download.pytorch.org, and unzip)
set -euo pipefail
dir="${1:?usage: scripts/cuda-libtorch.sh DIR [URL]}"
url="${2:-https://download.pytorch.org/libtorch/cu128/libtorch-cxx11-abi-shared-with-deps-2.10.0%2Bcu128.zip}"
if [[ -f "$dir/libtorch/lib/libtorch_cuda.so" ]]; then
  echo "libtorch with CUDA already in $dir/libtorch" >&2
else
  command -v unzip >/dev/null || { echo "error: unzip is needed (apt-get install unzip)" >&2; exit 1; }
  mkdir -p "$dir"
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  echo "downloading $url" >&2
  curl -fL --retry 3 -o "$tmp/libtorch.zip" "$url"
  unzip -q "$tmp/libtorch.zip" -d "$tmp/unpacked"
  [[ -f "$tmp/unpacked/libtorch/lib/libtorch_cuda.so" ]] || { echo "error: $url holds no lib/libtorch_cuda.so; is it a CUDA build?" >&2; exit 1; }
  rm -rf "$dir/libtorch" && mv "$tmp/unpacked/libtorch" "$dir/libtorch"
fi
lib="$(cd "$dir/libtorch/lib" && pwd)"
echo "export LD_LIBRARY_PATH=$lib\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
