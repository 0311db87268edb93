#!/usr/bin/env bash
# Evaluation suite (clean, 4 brightness, 4 blur, FGSM at 3 ε) on MNIST's 10,000 test images, one thread:
# SweepGrid vs the identical python3-torch script, on the same LeNet weights (trained here for one epoch).
set -euo pipefail
cd "$(dirname "$0")/.."
export SWEEPGRID_DATA="${SWEEPGRID_DATA:-$(cd .. && pwd)/shared/data/mnist}"
dotnet build bench/SweepGrid.Bench -c Release -v quiet -nologo >/dev/null
bench_exe=bench/SweepGrid.Bench/bin/Release/net10.0/SweepGrid.Bench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bench_exe" eval --train --data "$SWEEPGRID_DATA" --weights "$tmp/lenet.sgpt" >"$tmp/sweepgrid.json"
OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/eval_python.py --data "$SWEEPGRID_DATA" --weights "$tmp/lenet.sgpt" >"$tmp/python.json"
"$bench_exe" eval --data "$SWEEPGRID_DATA" --weights "$tmp/lenet.sgpt" >>"$tmp/sweepgrid.json"
OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/eval_python.py --data "$SWEEPGRID_DATA" --weights "$tmp/lenet.sgpt" >>"$tmp/python.json"

/usr/bin/python3 - "$tmp" <<'PY'
import json, sys, os
d = sys.argv[1]
sg = [json.loads(l) for l in open(os.path.join(d, "sweepgrid.json"))]
py = [json.loads(l) for l in open(os.path.join(d, "python.json"))]
best = lambda runs: min(runs, key=lambda r: r["total_seconds"])
a, b = best(sg), best(py)
print(f"{'condition':16} {'SweepGrid acc':>13} {'python acc':>11} {'SweepGrid s':>12} {'python s':>9}")
for name in a["conditions"]:
    x, y = a["conditions"][name], b["conditions"][name]
    print(f"{name:16} {x['accuracy']:13.4f} {y['accuracy']:11.4f} {x['seconds']:12.2f} {y['seconds']:9.2f}")
print(f"{'total':16} {'':13} {'':11} {a['total_seconds']:12.2f} {b['total_seconds']:9.2f}   ratio (python time / SweepGrid time) {b['total_seconds'] / a['total_seconds']:.2f}")
PY
