#!/usr/bin/env bash
# The README's first command: install what is missing, build, and run the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWEEPGRID_DATA="${SWEEPGRID_DATA:-$(cd .. && pwd)/shared/data/mnist}"

scripts/install-deps.sh
dotnet build SweepGrid.sln -c Release -v quiet -nologo

# The main job: train MLP-256 (T = 1) and LeNet briefly on MNIST and print their test accuracies.
./sweepgrid train --model mlp --epochs 1
./sweepgrid train --model lenet --epochs 1 --train-limit 20000
