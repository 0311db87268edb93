#!/usr/bin/env bash
# A few points of the seeds' findings and the accuracy targets, on full MNIST, through the real CLI.
# Usage: bench/run-science.sh   (about 3-5 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
export SWEEPGRID_DATA="${SWEEPGRID_DATA:-$(cd .. && pwd)/shared/data/mnist}"
dotnet build src/SweepGrid.Cli -c Release -v quiet -nologo >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() { local name=$1; shift; ./sweepgrid train --json "$@" >"$tmp/$name.json"; }
run lenet-1epoch   --model lenet --epochs 1
run mlp-T1-10      --model mlp --temperature 1 --epochs 10
run mlp-T1_8-10    --model mlp --temperature 1/8 --epochs 10 --eval clean,fgsm=0.1
run mlp-T4-10      --model mlp --temperature 4 --epochs 10 --eval clean,fgsm=0.1
run lenet-none-3   --model lenet --dropout none --epochs 3 --eval clean,fgsm=0.1,fgsm=0.2,noise=0.3
run lenet-all-3    --model lenet --dropout all --epochs 3 --eval clean,fgsm=0.1,fgsm=0.2,noise=0.3

/usr/bin/python3 - "$tmp" <<'PY'
import json, sys, os
d = sys.argv[1]
def load(n): return json.load(open(os.path.join(d, n + ".json")))
def m(r, c, k):
    for x in r["metrics"]:
        if x["condition"] == c and x["metric"] == k: return x["value"]
    return float("nan")
print("| run | clean accuracy | other | training s |")
print("| --- | --- | --- | --- |")
for n in ["lenet-1epoch", "mlp-T1-10"]:
    r = load(n); print(f"| {n} | {r['accuracy']:.4f} | | {r['training_seconds']:.1f} |")
for n in ["mlp-T1_8-10", "mlp-T4-10"]:
    r = load(n); print(f"| {n} | {r['accuracy']:.4f} | fgsm=0.1 accuracy {m(r,'fgsm=0.1','accuracy'):.4f}, zero-gradient fraction {m(r,'fgsm=0.1','zero_gradient_fraction'):.4f} | {r['training_seconds']:.1f} |")
for n in ["lenet-none-3", "lenet-all-3"]:
    r = load(n); print(f"| {n} | {r['accuracy']:.4f} | fgsm=0.1 {m(r,'fgsm=0.1','accuracy'):.4f}, fgsm=0.2 {m(r,'fgsm=0.2','accuracy'):.4f}, noise=0.3 {m(r,'noise=0.3','accuracy'):.4f} | {r['training_seconds']:.1f} |")
PY
