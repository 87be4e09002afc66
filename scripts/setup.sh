#!/usr/bin/env bash
# Shared, idempotent set-up for ./run.sh and ./test.sh on a Debian machine with the .NET SDK.
# 1. Debian packages the project uses (apt-get update first, only when something is missing).
# 2. The pinned ONNX Runtime native library into .deps/onnxruntime (git-ignored), SHA-256 checked.
# 3. NuGet restore of the solution.
# Steps that reach a registry are retried; a step that still fails says which and what it said.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

APT_PACKAGES=(mosquitto mosquitto-clients socat sqlite3 chromium)
ORT_VERSION="1.23.2"
ORT_SHA256="733854c3d7ce45256cc1c22cd4a30373247e1f7b7de8f40beab24211ef8e2a76"
ORT_DIR="$ROOT/.deps/onnxruntime"
ORT_LIB="$ORT_DIR/libonnxruntime.so.1"

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

ort_ok() { [ -f "$ORT_LIB" ] && echo "$ORT_SHA256  $ORT_LIB" | sha256sum -c --status; }
if ! ort_ok; then
  say "fetching ONNX Runtime $ORT_VERSION native library (npm package onnxruntime-node, ~97 MB)"
  command -v npm >/dev/null || { say "npm is needed to fetch ONNX Runtime: apt-get install npm"; exit 1; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && retry "npm pack onnxruntime-node@$ORT_VERSION" npm pack "onnxruntime-node@$ORT_VERSION" --ignore-scripts)
  tar -xzf "$tmp/onnxruntime-node-$ORT_VERSION.tgz" -C "$tmp" package/bin/napi-v6/linux/x64/libonnxruntime.so.1
  mkdir -p "$ORT_DIR"
  cp "$tmp/package/bin/napi-v6/linux/x64/libonnxruntime.so.1" "$ORT_LIB"
  if ! ort_ok; then
    say "SHA-256 of $ORT_LIB does not match the pinned $ORT_SHA256; refusing to use it"
    rm -f "$ORT_LIB"
    exit 1
  fi
  ln -sf libonnxruntime.so.1 "$ORT_DIR/libonnxruntime.so"
  say "ONNX Runtime $ORT_VERSION ready in $ORT_DIR"
fi
export STOWCELL_ORT_LIB="$ORT_LIB"

stamp="$ROOT/obj/.restore.stamp"
if [ ! -f "$stamp" ] || [ -n "$(find "$ROOT" -name '*.csproj' -newer "$stamp" -o -name 'Directory.*.props' -newer "$stamp" | head -1)" ]; then
  say "restoring NuGet packages"
  retry "dotnet restore" dotnet restore "$ROOT/StowCell.sln"
  mkdir -p "$ROOT/obj" && touch "$stamp"
fi
