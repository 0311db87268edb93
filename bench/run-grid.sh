#!/usr/bin/env bash
# End to end: the grid of bench/grid.yaml through `sweepgrid run` with 1 and 2 slots, against the
# sequential python3-torch loop over the same grid; also SweepGrid's peak RSS with 2 slots.
# ROUNDS (default 3) rounds alternate python3-torch, 1 slot and 2 slots, and the ratios are those of the
# medians. python3-torch is reported two ways: the loop's own clock (after `import torch`, as
# grid_python.py prints it; the headline figure, as before) and the whole process (interpreter start and
# imports included, like SweepGrid's figure, which runs from process start to the report).
# The fixed per-run cost of a 1-slot run is its wall time minus the trials' own phases (load, train,
# evaluate, from the timings stored with each result): process start, the study's planning (decoding and
# fingerprinting the dataset), submission, per-trial bookkeeping and the report.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWEEPGRID_DATA="${SWEEPGRID_DATA:-$(cd .. && pwd)/shared/data/mnist}"
rounds="${ROUNDS:-3}"
dotnet build src/SweepGrid.Cli -c Release -v quiet -nologo >/dev/null
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
kernel=$(bench/openblas-kernel.sh)

timed() { # prints "seconds peak_kib"
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$tmp/rss" "$@" >"$tmp/out" 2>&1
  end=$(date +%s.%N)
  /usr/bin/python3 -c "print($end - $start, $(tail -n 1 "$tmp/rss"))"
}
: >"$tmp/rounds"
for round in $(seq 1 "$rounds"); do
  # python3-torch on the best OpenBLAS kernel the CPU has (bench/openblas-kernel.sh); SweepGrid uses MKL.
  read -r pywall _ < <(timed env OPENBLAS_CORETYPE="$kernel" OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/grid_python.py)
  py=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["seconds"])' "$tmp/out")
  read -r one _ < <(timed ./sweepgrid run bench/grid.yaml --db "$tmp/one-$round.db" --slots 1 --reports "$tmp/r1-$round")
  read -r two rss < <(timed ./sweepgrid run bench/grid.yaml --db "$tmp/two-$round.db" --slots 2 --reports "$tmp/r2-$round")
  echo "$round $py $pywall $one $two $rss" >>"$tmp/rounds"
  echo "round $round: python3-torch ${py}s (process ${pywall}s), 1 slot ${one}s, 2 slots ${two}s" >&2
done
/usr/bin/python3 - "$tmp" <<'PY'
import json, sqlite3, statistics, sys
tmp = sys.argv[1]
rows = [line.split() for line in open(f"{tmp}/rounds")]
def trials(db):
    return [(json.loads(c), json.loads(t) if t else {}) for (c, t) in sqlite3.connect(db).execute("select curve, timings from trials")]
def slot_rate(db):  # mean training samples/s of one slot, from the curves stored with the results
    rates = [curve[0]["samples_per_second"] for curve, _ in trials(db)]
    return sum(rates) / len(rates)
def phases(db):  # seconds inside the trials: load + train + evaluate
    total = 0.0
    for _, timings in trials(db):
        total += sum(float(v) for k, v in timings.items() if k.lower().replace("_", "") in ("loadseconds", "trainseconds", "evaluateseconds"))
    return total
med = lambda xs: statistics.median(xs)
py = [float(r[1]) for r in rows]; pywall = [float(r[2]) for r in rows]
one = [float(r[3]) for r in rows]; two = [float(r[4]) for r in rows]; rss = [float(r[5]) for r in rows]
r1 = [slot_rate(f"{tmp}/one-{r[0]}.db") for r in rows]; r2 = [slot_rate(f"{tmp}/two-{r[0]}.db") for r in rows]
fixed = [o - phases(f"{tmp}/one-{r[0]}.db") for o, r in zip(one, rows)]
runs = lambda xs, f="{:.2f}": " / ".join(f.format(x) for x in xs)
print(f"grid of 8 MLP-T trainings (1 epoch, 60k images) + clean evaluation; {len(rows)} alternating rounds, medians")
print(f"python3-torch sequential loop: {med(py):6.2f} s ({runs(py)}); whole process {med(pywall):.2f} s ({runs(pywall)})")
print(f"sweepgrid run, 1 slot:         {med(one):6.2f} s ({runs(one)}): {med(py) / med(one):.2f}x python ({runs([p / o for p, o in zip(py, one)])}); "
      f"{med(pywall) / med(one):.2f}x the whole python process")
print(f"sweepgrid run, 2 slots:        {med(two):6.2f} s ({runs(two)}): {med(py) / med(two):.2f}x python ({runs([p / t for p, t in zip(py, two)])}); "
      f"{med(pywall) / med(two):.2f}x the whole python process; 2 slots / 1 slot = {med(one) / med(two):.2f}")
print(f"fixed per-run cost of the 1-slot run (wall minus the trials' load/train/evaluate): {med(fixed):.2f} s ({runs(fixed)})")
print(f"training throughput: 1 slot {med(r1):,.0f} samples/s; 2 slots together = {runs([2 * b / (2 * a) for a, b in zip(r1, r2)])} x 2 x one slot")
print(f"peak RSS of sweepgrid run with 2 slots: {runs([x / 1024 for x in rss], '{:.0f}')} MiB")
PY
