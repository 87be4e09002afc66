#!/usr/bin/env bash
# Shared, idempotent set-up for ./run.sh and ./test.sh on a Debian machine with the .NET SDK.
# 1. Debian packages the project uses (apt-get update first, only when something is missing); libgtk-3-0 for
#    OpenCvSharp4's native library.
# 2. NuGet restore of the solution (ONNX Runtime comes with the Microsoft.ML.OnnxRuntime.Gpu package).
# 3. A check that the OpenCV native library (OpenCvSharp4 runtime) finds every library it links (ldd).
# Steps that reach a registry are retried; a step that still fails says which and what it said.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# libgtk-3-0: libOpenCvSharpExtern.so (OpenCvSharp4.official.runtime.linux-x64) links libgtk-3 and libgdk-3.
# chromium: the operator HMI's Playwright tests.
# graphviz: the PackML DOT graph test; mbpoll, python3-pymodbus (+serial-asyncio): independent Modbus peers in tests.
APT_PACKAGES=(mosquitto mosquitto-clients socat sqlite3 libgtk-3-0 graphviz mbpoll python3-pymodbus python3-serial-asyncio chromium)

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

# OpenCvSharp's native library fails to load (DllNotFoundException: OpenCvSharpExtern) when one of the
# libraries it links is absent: name each missing one.
OPENCV_RUNTIME_VERSION="$(sed -n 's/.*"OpenCvSharp4.official.runtime.linux-x64" Version="\([^"]*\)".*/\1/p' "$ROOT/Directory.Packages.props")"
OPENCV_LIB="${NUGET_PACKAGES:-$HOME/.nuget/packages}/opencvsharp4.official.runtime.linux-x64/$OPENCV_RUNTIME_VERSION/runtimes/linux-x64/native/libOpenCvSharpExtern.so"
if [ ! -f "$OPENCV_LIB" ]; then
  say "OpenCV native library not found at $OPENCV_LIB (NuGet restore of OpenCvSharp4.official.runtime.linux-x64 $OPENCV_RUNTIME_VERSION)"
  exit 1
fi
if ! command -v ldd >/dev/null; then
  say "ldd is needed to check $OPENCV_LIB: apt-get install libc-bin"
  exit 1
fi
opencv_missing="$(ldd "$OPENCV_LIB" | awk '/not found/ {print $1}')"
if [ -n "$opencv_missing" ]; then
  say "libOpenCvSharpExtern.so cannot load; missing libraries: $(echo $opencv_missing) (apt-get install libgtk-3-0 provides libgtk-3 and libgdk-3)"
  exit 1
fi
