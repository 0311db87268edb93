#!/usr/bin/env bash
# Training throughput: SweepGrid (TorchSharp, libtorch 2.10 with MKL) vs the identical python3-torch loop
# (Debian's PyTorch 1.13 with OpenBLAS on the best kernel this CPU has), alternating, medians.
# Usage: bench/run-training.sh [--limit N]   (default: all 60,000 MNIST training images)
# ROUNDS (default 3) alternating rounds; SWEEPGRID_VARIANTS="default untuned" adds a SweepGrid run with
# the glibc malloc tuning off (SWEEPGRID_MALLOC_TUNING=0) to every round.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWEEPGRID_DATA="${SWEEPGRID_DATA:-$(cd .. && pwd)/shared/data/mnist}"
dotnet build bench/SweepGrid.Bench -c Release -v quiet -nologo >/dev/null
bench_exe=bench/SweepGrid.Bench/bin/Release/net10.0/SweepGrid.Bench
kernel=$(bench/openblas-kernel.sh)

rounds="${ROUNDS:-3}"
variants="${SWEEPGRID_VARIANTS:-default}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Alternate the implementations so that machine noise hits all alike.
for r in $(seq "$rounds"); do
  for v in $variants; do
    if [[ $v == untuned ]]; then tuning=0; else tuning=1; fi
    SWEEPGRID_MALLOC_TUNING=$tuning "$bench_exe" train --data "$SWEEPGRID_DATA" "$@" >>"$tmp/sweepgrid-$v.jsonl"
  done
  OPENBLAS_CORETYPE=$kernel OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/train_python.py --data "$SWEEPGRID_DATA" "$@" >>"$tmp/python.jsonl"
done

/usr/bin/python3 - "$tmp" "$kernel" "$variants" <<'PY'
import json, sys, statistics, os
d, kernel, variants = sys.argv[1], sys.argv[2], sys.argv[3].split()
def load(name, per_cpu=False):
    rows = {}
    for line in open(os.path.join(d, name)):
        r = json.loads(line)
        n = r["samples_per_second"] * r["seconds"]
        rows.setdefault(r["model"], []).append(n / r["cpu_seconds"] if per_cpu else r["samples_per_second"])
    return rows
py = load("python.jsonl")
print(f"kernels: SweepGrid = libtorch 2.10 (TorchSharp) with MKL; python3-torch 1.13 = OpenBLAS OPENBLAS_CORETYPE={kernel}")
print(f"{'model':8} {'variant':10} {'SweepGrid samples/s':>20} {'python3-torch samples/s':>24} {'ratio':>7}   (median of {len(next(iter(py.values())))} alternating rounds, 1 thread, batch 64, Adam)")
for v in variants:
    sg = load(f"sweepgrid-{v}.jsonl")
    for model in sg:
        a, b = statistics.median(sg[model]), statistics.median(py[model])
        print(f"{model:8} {v:10} {a:20,.0f} {b:24,.0f} {a / b:7.2f}   runs: {[round(x) for x in sg[model]]} vs {[round(x) for x in py[model]]}")
print("per CPU-second of the training process (user + system time; robust to other load on a shared machine):")
pyc = load("python.jsonl", per_cpu=True)
for v in variants:
    sgc = load(f"sweepgrid-{v}.jsonl", per_cpu=True)
    for model in sgc:
        a, b = statistics.median(sgc[model]), statistics.median(pyc[model])
        print(f"{model:8} {v:10} {a:20,.0f} {b:24,.0f} {a / b:7.2f}   runs: {[round(x) for x in sgc[model]]} vs {[round(x) for x in pyc[model]]}")
PY
