#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), then runs every test project and ends with one
# line summing them all: "N passed, N failed, N skipped".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
source scripts/setup.sh || exit 1
set +e
log=$(mktemp)
dotnet build StowCell.sln -c Release --no-restore -nologo -v q 2>&1 | tee "$log.build" | grep -E "error|Warn|warn" | head -50
if [ "${PIPESTATUS[0]}" -ne 0 ] || grep -q " error " "$log.build"; then
  echo "build failed"; tail -30 "$log.build"; echo "0 passed, 1 failed"; exit 1
fi
# -m:1: one test assembly at a time; the wall-clock tests (RTDE at 500 Hz, the live-sim job over ptys) are paced by
# real time and need the CPU they would share with a parallel assembly on a 2-core machine.
dotnet test StowCell.sln -c Release --no-build -nologo -v q -m:1 --blame-hang-timeout 5m "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# Per-project lines look like: "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total: ..."
summary=$(grep -E "(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" "$log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped\n", p, f, s}')
rm -f "$log" "$log.build"
echo "$summary"
exit $rc
