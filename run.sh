#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), then runs the stowcell CLI.
# With no arguments it runs `stowcell run` (the main job on the embedded default config).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
source scripts/setup.sh
dotnet build src/Stow.Cell/Stow.Cell.csproj -c Release --no-restore -nologo -v q >/tmp/stowcell-build.log 2>&1 || { tail -30 /tmp/stowcell-build.log; exit 1; }
if [ $# -eq 0 ]; then set -- run; fi
exec dotnet src/Stow.Cell/bin/Release/net10.0/stowcell.dll "$@"
