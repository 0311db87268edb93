#!/usr/bin/env bash
# Publishes the sweepgrid program for linux-x64 into OUT (default: artifacts/publish). The Dockerfile's
# build stage runs this same script, and the deployment tests run it too, so the image ships exactly
# what is tested. Usage: scripts/publish.sh [OUT [MSBUILD-ARGS…]], e.g. the CUDA image's
# `scripts/publish.sh /out -p:SweepGridLibTorch=external` (no CPU libtorch in the output; docs/science.md, GPU).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/publish}"
shift || true
dotnet publish src/SweepGrid.Cli/SweepGrid.Cli.csproj -c Release -r linux-x64 --self-contained false -o "$out" -nologo -v quiet "$@"
test -x "$out/sweepgrid"
echo "published to $out"
