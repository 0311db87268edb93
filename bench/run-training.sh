#!/usr/bin/env bash
# Training throughput: SweepGrid vs the identical python3-torch loop, side by side in one run.
# Usage: bench/run-training.sh [--limit N]   (default: all 60,000 MNIST training images)
set -euo pipefail
cd "$(dirname "$0")/.."
export SWEEPGRID_DATA="${SWEEPGRID_DATA:-$(cd .. && pwd)/shared/data/mnist}"
dotnet build bench/SweepGrid.Bench -c Release -v quiet -nologo >/dev/null
bench_exe=bench/SweepGrid.Bench/bin/Release/net10.0/SweepGrid.Bench

rounds="${ROUNDS:-2}"
tmp=$(mktemp -d)
# Alternate the two implementations so that machine noise hits both alike.
for r in $(seq "$rounds"); do
  "$bench_exe" train --data "$SWEEPGRID_DATA" "$@" >>"$tmp/sweepgrid.jsonl"
  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/train_python.py --data "$SWEEPGRID_DATA" "$@" >>"$tmp/python.jsonl"
done

/usr/bin/python3 - "$tmp" <<'PY'
import json, sys, statistics, platform, os
d = sys.argv[1]
def load(name):
    rows = {}
    for line in open(os.path.join(d, name)):
        r = json.loads(line); rows.setdefault(r["model"], []).append(r)
    return rows
sg, py = load("sweepgrid.jsonl"), load("python.jsonl")
print(f"{'model':8} {'SweepGrid samples/s':>20} {'python3-torch samples/s':>24} {'ratio':>7}   (best of {len(next(iter(sg.values())))} rounds, 1 thread, batch 64, Adam)")
for model in sg:
    a = max(r["samples_per_second"] for r in sg[model]); b = max(r["samples_per_second"] for r in py[model])
    print(f"{model:8} {a:20,.0f} {b:24,.0f} {a / b:7.2f}")
PY
rm -rf "$tmp"
