#!/usr/bin/env bash
# Evaluation suite (clean, 4 brightness, 4 blur, FGSM at 3 ε) on MNIST's 10,000 test images, one thread:
# SweepGrid vs the identical python3-torch script, on the same LeNet weights (trained here for one epoch).
set -euo pipefail
cd "$(dirname "$0")/.."
export SWEEPGRID_DATA="${SWEEPGRID_DATA:-$(cd .. && pwd)/shared/data/mnist}"
dotnet build bench/SweepGrid.Bench -c Release -v quiet -nologo >/dev/null
bench_exe=bench/SweepGrid.Bench/bin/Release/net10.0/SweepGrid.Bench
# python3-torch runs OpenBLAS on the best kernel this CPU has; SweepGrid's libtorch 2.10 uses MKL.
export OPENBLAS_CORETYPE=$(bench/openblas-kernel.sh)
echo "kernels: SweepGrid = libtorch 2.10 (TorchSharp) with MKL/oneDNN; python3-torch 1.13 = OpenBLAS OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The first SweepGrid run also trains the weights (not timed); then alternating rounds (ROUNDS, default 3).
for r in $(seq "${ROUNDS:-3}"); do
  train=(); [[ $r == 1 ]] && train=(--train)
  "$bench_exe" eval "${train[@]}" --data "$SWEEPGRID_DATA" --weights "$tmp/lenet.weights" >>"$tmp/sweepgrid.json"
  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/eval_python.py --data "$SWEEPGRID_DATA" --weights "$tmp/lenet.weights" >>"$tmp/python.json"
done

/usr/bin/python3 - "$tmp" <<'PY'
import json, sys, os
d = sys.argv[1]
sg = [json.loads(l) for l in open(os.path.join(d, "sweepgrid.json"))]
py = [json.loads(l) for l in open(os.path.join(d, "python.json"))]
import statistics
median = lambda runs: sorted(runs, key=lambda r: r["total_seconds"])[len(runs) // 2]   # the median run
a, b = median(sg), median(py)
print(f"{'condition':16} {'SweepGrid acc':>13} {'python acc':>11} {'SweepGrid s':>12} {'python s':>9}")
for name in a["conditions"]:
    x, y = a["conditions"][name], b["conditions"][name]
    print(f"{name:16} {x['accuracy']:13.4f} {y['accuracy']:11.4f} {x['seconds']:12.2f} {y['seconds']:9.2f}")
print(f"{'total':16} {'':13} {'':11} {a['total_seconds']:12.2f} {b['total_seconds']:9.2f}   ratio (python time / SweepGrid time) {b['total_seconds'] / a['total_seconds']:.2f}  (median of {len(sg)} alternating runs; all: {[round(r['total_seconds'], 2) for r in sg]} vs {[round(r['total_seconds'], 2) for r in py]})")
PY
