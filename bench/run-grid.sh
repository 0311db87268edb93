#!/usr/bin/env bash
# End to end: the grid of bench/grid.yaml through `sweepgrid run` with 1 and 2 slots, against the
# sequential python3-torch loop over the same grid; also SweepGrid's peak RSS with 2 slots.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWEEPGRID_DATA="${SWEEPGRID_DATA:-$(cd .. && pwd)/shared/data/mnist}"
dotnet build src/SweepGrid.Cli -c Release -v quiet -nologo >/dev/null
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

timed() { # prints "seconds peak_kib"
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$tmp/rss" "$@" >"$tmp/out" 2>&1
  end=$(date +%s.%N)
  /usr/bin/python3 -c "print($end - $start, $(tail -n 1 "$tmp/rss"))"
}
read -r one _ < <(timed ./sweepgrid run bench/grid.yaml --db "$tmp/one.db" --slots 1 --reports "$tmp/r1")
read -r two rss < <(timed ./sweepgrid run bench/grid.yaml --db "$tmp/two.db" --slots 2 --reports "$tmp/r2")
# python3-torch on the best OpenBLAS kernel the CPU has (bench/openblas-kernel.sh); SweepGrid uses MKL.
python=$(OPENBLAS_CORETYPE=$(bench/openblas-kernel.sh) OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/grid_python.py | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["seconds"])')
/usr/bin/python3 - "$one" "$two" "$python" "$rss" "$tmp" <<'PY'
import json, sqlite3, sys
one, two, py, rss = map(float, sys.argv[1:5])
def slot_rate(db):  # mean training samples/s of one slot, from the curves stored with the results
    rates = [json.loads(c)[0]["samples_per_second"] for (c,) in sqlite3.connect(db).execute("select curve from trials")]
    return sum(rates) / len(rates)
r1, r2 = slot_rate(sys.argv[5] + "/one.db"), slot_rate(sys.argv[5] + "/two.db")
print(f"grid of 8 MLP-T trainings (1 epoch, 60k images) + clean evaluation")
print(f"python3-torch sequential loop: {py:6.1f} s")
print(f"sweepgrid run, 1 slot:         {one:6.1f} s   ({py / one:.2f}x python)")
print(f"sweepgrid run, 2 slots:        {two:6.1f} s   ({py / two:.2f}x python; scaling 2 slots / 1 slot = {one / two:.2f}, i.e. {one / two / 2:.2f} of linear)")
print(f"training throughput: 1 slot {r1:,.0f} samples/s; 2 slots {2 * r2:,.0f} samples/s together = {2 * r2 / (2 * r1):.2f} x 2 x one slot")
print(f"peak RSS of sweepgrid run with 2 slots: {rss / 1024:.0f} MiB")
PY
