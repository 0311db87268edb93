#!/usr/bin/env bash
# The README's first command: install what is missing, build, and run the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWEEPGRID_DATA="${SWEEPGRID_DATA:-$(cd .. && pwd)/shared/data/mnist}"

scripts/install-deps.sh
dotnet build SweepGrid.sln -c Release -v quiet -nologo

# The main job: a small real study (sweeps/quickstart.yaml) on the embedded store (./sweepgrid.db),
# ending with its accuracy table; reports land in reports/quickstart/. Run it again: it resumes
# (or, when finished, only prints the report).
./sweepgrid run sweeps/quickstart.yaml
