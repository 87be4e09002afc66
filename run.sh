#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), then runs a StowCell command.
# The first word picks the executable: the cell's own commands (run, journal, graph, hmi) go to `stowcell`
# (src/Stow.Cell, with its simulator backend plugin built into plugins/Stow.Sim.Cell next to it); the development
# commands (items, sim, perception, plan, risk, journal-stress) go to `stowtools` (tools/Stow.Tools).
# With no arguments, or options only (`./run.sh --json`), it runs `stowcell run` (the main job on the embedded default
# config) with them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
source scripts/setup.sh
if [ $# -eq 0 ] || [[ "$1" == -* && "$1" != "--help" && "$1" != "-h" && "$1" != "--version" ]]; then set -- run "$@"; fi
case "$1" in
  items|sim|perception|plan|risk|journal-stress)
    project=tools/Stow.Tools/Stow.Tools.csproj
    dll=tools/Stow.Tools/bin/Release/net10.0/stowtools.dll ;;
  *)
    # Building the simulator backend builds stowcell first and copies the plugin next to it.
    project=sim/Stow.Sim.Cell/Stow.Sim.Cell.csproj
    dll=src/Stow.Cell/bin/Release/net10.0/stowcell.dll ;;
esac
mkdir -p "$ROOT/obj"
dotnet build "$project" -c Release --no-restore -nologo -v q >"$ROOT/obj/run-build.log" 2>&1 || { tail -30 "$ROOT/obj/run-build.log"; exit 1; }
exec dotnet "$dll" "$@"
