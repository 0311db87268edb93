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
python=$(OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/grid_python.py | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["seconds"])')
/usr/bin/python3 - "$one" "$two" "$python" "$rss" <<'PY'
import sys
one, two, py, rss = map(float, sys.argv[1:])
print(f"grid of 8 MLP-T trainings (1 epoch, 60k images) + clean evaluation")
print(f"python3-torch sequential loop: {py:6.1f} s")
print(f"sweepgrid run, 1 slot:         {one:6.1f} s   ({py / one:.2f}x python)")
print(f"sweepgrid run, 2 slots:        {two:6.1f} s   ({py / two:.2f}x python; scaling 2 slots / 1 slot = {one / two:.2f}, i.e. {one / two / 2:.2f} of linear)")
print(f"peak RSS of sweepgrid run with 2 slots: {rss / 1024:.0f} MiB")
PY
