#!/usr/bin/env bash
# Runs each seed study's profile on the real data into a throwaway store and checks that every one of
# its paper's findings is reproduced (the spec's `findings`, checked by the report). The nightly-style
# companion of the test suite, which runs only the quick start's quick profile.
#
#   scripts/seed-findings.sh                          # every sweeps/seed*.yaml, profile quick
#   scripts/seed-findings.sh --profile paper sweeps/seed003-temperature.yaml
#
# Prints one line per study (wall time, trainings, findings reproduced) and exits 1 if any finding is
# not reproduced or not measured, unless the spec explains it (`known_difference`). Reports land in ${SEED_FINDINGS_OUT:-reports/seed-findings}/<profile>/.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWEEPGRID_DATA="${SWEEPGRID_DATA:-$(cd .. && pwd)/shared/data/mnist}"

profile=quick
if [[ "${1:-}" == "--profile" ]]; then
  profile="${2:?--profile needs a name}"
  shift 2
fi
specs=("$@")
((${#specs[@]})) || specs=(sweeps/seed*.yaml)

out="${SEED_FINDINGS_OUT:-reports/seed-findings}/$profile"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failed=0
summary=()
for spec in "${specs[@]}"; do
  name=$(basename "$spec" .yaml)
  log="$out/$name.log"
  start=$(date +%s)
  status=0
  ./sweepgrid run "$spec" --profile "$profile" --db "$work/$name.db" --reports "$out" >"$log" 2>&1 || status=$?
  seconds=$(( $(date +%s) - start ))
  trainings=$(grep -m1 -oE '[0-9]+ trainings' "$log" || echo "? trainings")
  ok=$(grep -c '^finding reproduced:' "$log" || true)
  known=$(grep -c '^finding NOT reproduced (known difference):' "$log" || true)
  bad=$(grep -cE '^finding (NOT reproduced|not measured):' "$log" || true)
  line="$name ($profile): exit $status, ${seconds} s, $trainings, findings reproduced $ok of $((ok + known + bad))"
  ((known == 0)) || line+=" ($known with a known difference)"
  echo "$line"
  grep -E '^(finding|  |warning:)' "$log" | grep -vE '^  (failed|report)' | sed 's/^/    /' || true
  summary+=("$line")
  if ((status != 0 || bad > 0 || ok == 0)); then failed=1; fi
done

printf '%s\n' "${summary[@]}" >"$out/summary.txt"
exit $failed
