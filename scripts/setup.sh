#!/usr/bin/env bash
# Shared, idempotent set-up for ./run.sh and ./test.sh on a Debian machine with the .NET SDK.
# 1. Debian packages the project uses (apt-get update first, only when something is missing).
# 2. NuGet restore of the solution (ONNX Runtime comes with the Microsoft.ML.OnnxRuntime.Gpu package).
# Steps that reach a registry are retried; a step that still fails says which and what it said.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

APT_PACKAGES=(mosquitto mosquitto-clients socat sqlite3)

say() { echo "[setup] $*" >&2; }

retry() { # retry <step name> <cmd...>
  local name=$1; shift
  local n=0 out
  until out=$("$@" 2>&1); do
    n=$((n + 1))
    if [ $n -ge 4 ]; then
      say "step '$name' failed after $n tries: $*"
      echo "$out" | tail -20 >&2
      return 1
    fi
    say "step '$name' failed (try $n), retrying in $((n * 5)) s"
    sleep $((n * 5))
  done
}

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  retry "apt-get update" $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update
  retry "apt-get install ${missing[*]}" $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  # The Debian package starts a system broker on 1883; the project starts its own brokers.
  $SUDO systemctl disable --now mosquitto >/dev/null 2>&1 || true
fi

stamp="$ROOT/obj/.restore.stamp"
if [ ! -f "$stamp" ] || [ -n "$(find "$ROOT" -name '*.csproj' -newer "$stamp" -o -name 'Directory.*.props' -newer "$stamp" | head -1)" ]; then
  say "restoring NuGet packages"
  retry "dotnet restore" dotnet restore "$ROOT/StowCell.sln"
  mkdir -p "$ROOT/obj" && touch "$stamp"
fi
