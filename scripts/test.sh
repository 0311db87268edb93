#!/usr/bin/env bash
# The README's second command: install what the tests need, build, run every test, print a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWEEPGRID_DATA="${SWEEPGRID_DATA:-$(cd .. && pwd)/shared/data/mnist}"

scripts/install-deps.sh --test
dotnet build SweepGrid.sln -c Release -v quiet -nologo

log=$(mktemp)
status=0
dotnet test SweepGrid.sln -c Release --no-build --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

# One closing line over all test assemblies: "tests: N passed, N failed, N skipped".
awk '$1 == "Passed:" && $2 ~ /^[0-9]+$/ && NF == 2 { p += $2 }
     $1 == "Failed:" && $2 ~ /^[0-9]+$/ && NF == 2 { f += $2 }
     $1 == "Skipped:" && $2 ~ /^[0-9]+$/ && NF == 2 { s += $2 }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
