#!/usr/bin/env bash
# The control loop's wake-up latency and CPU use beside cyclictest's (rt-tests), one after the other, with the
# same period, duration, SCHED_FIFO priority, mlockall, CPU (taskset -c 1) and background load
# (idle, or stress-ng pinned to CPU 0). Prints a markdown table for bench/RESULTS.md and keeps raw outputs.
#
#   bench/loop-vs-cyclictest.sh [SECONDS per run, default 20] [OUT dir, default $TMPDIR/loop-vs-cyclictest]
#   SPIN_US=20 BODY=none RATES="1000" LOADS="stress" bench/loop-vs-cyclictest.sh 10
#   TIERED=1 ALLOC_MB_S=50 RATES=1000 LOADS=idle bench/loop-vs-cyclictest.sh 20
#
# The loop runs with tiered compilation off (TIERED=0, the default: DOTNET_TieredCompilation=0), since the
# runtime suspends every managed thread when it installs or removes call-counting stubs, which woke the loop
# milliseconds late under load; TIERED=1 measures the default runtime. ALLOC_MB_S=M adds a thread in the loop's
# process that allocates M MB/s of garbage, as the cell's perception and planning threads do: its garbage
# collections suspend the loop thread too.
#
# Latency = wake time - absolute deadline on CLOCK_MONOTONIC, in whole microseconds, percentiles from 1 us
# histograms (cyclictest -h). cyclictest runs with --laptop so that neither side sets /dev/cpu_dma_latency.
# CPU: cyclictest's user+sys over its wall time (bash `time`, whole process); the loop's thread CPU time
# (CLOCK_THREAD_CPUTIME_ID) over the measured window, split into the body and the pacing.
# Needs root (or CAP_SYS_NICE + CAP_IPC_LOCK) for SCHED_FIFO and mlockall on both sides.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SECONDS_PER_RUN=${1:-20}
OUT=${2:-${TMPDIR:-/tmp}/loop-vs-cyclictest}
RATES=${RATES:-"500 1000"}
LOADS=${LOADS:-"idle stress"}
SPIN_US=${SPIN_US:-0}
BODY=${BODY:-sim}
PRIO=${PRIO:-80}
TIERED=${TIERED:-0}
ALLOC_MB_S=${ALLOC_MB_S:-0}
CPU=${CPU:-1}
LOAD_CPU=${LOAD_CPU:-0}
mkdir -p "$OUT"

say() { echo "[loop-vs-cyclictest] $*" >&2; }

# Own install step: rt-tests (cyclictest) and stress-ng from Debian, retried.
need=()
for p in rt-tests stress-ng; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" != "0" ] && SUDO="sudo"
  for try in 1 2 3; do
    if $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
       $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"; then break; fi
    [ $try = 3 ] && { say "apt-get install ${need[*]} failed 3 times"; exit 1; }
    sleep $((try * 5))
  done
fi

dotnet build bench/Stow.Bench -c Release -nologo -v q >/dev/null
BENCH="$ROOT/bench/Stow.Bench/bin/Release/net10.0/Stow.Bench.dll"

# percentiles of a cyclictest -h histogram ("bin count" lines, 1 us bins; overflows beyond the last bin)
cyclic_pct() {
  awk '
    /^# Histogram Overflows:/ { ovf = $4 + 0 }
    /^# Max Latencies:/ { max = $4 + 0 }
    /^[0-9]/ { n[$1 + 0] = $2 + 0; tot += $2; if ($1 + 0 > top) top = $1 + 0 }
    END {
      tot += ovf; split("0.5 0.99 0.999", q, " ");
      for (k = 1; k <= 3; k++) {
        r = int(q[k] * tot); if (r < q[k] * tot) r++;
        s = 0; v = -1;
        for (i = 0; i <= top; i++) { s += n[i]; if (s >= r) { v = i; break } }
        if (v < 0) v = ">" top;
        printf "%s ", v
      }
      printf "%s\n", max
    }' "$1"
}

{
  echo "| rate | load | load avg (1 min) | cyclictest p50 / p99 / p99.9 / max [us] | loop p50 / p99 / p99.9 / max [us] | p99 ratio | p99.9 ratio | cyclictest CPU | loop thread CPU (body + pacing) | loop allocs / GCs in window |"
  echo "|---:|---|---:|---|---|---:|---:|---:|---|---|"
} > "$OUT/table.md"

for load in $LOADS; do
  for rate in $RATES; do
    interval=$((1000000 / rate))
    tag="${rate}hz-${load}"
    stress_pid=""
    if [ "$load" = stress ]; then
      # background load on the other core: a CPU hog, a memory thrasher and an I/O syncer
      taskset -c "$LOAD_CPU" stress-ng --cpu 1 --vm 1 --vm-bytes 256M --io 1 --timeout $((SECONDS_PER_RUN * 3 + 60))s \
        >"$OUT/$tag.stress.log" 2>&1 &
      stress_pid=$!
      sleep 2
    fi
    la=$(cut -d' ' -f1 /proc/loadavg)
    say "$tag: cyclictest ${SECONDS_PER_RUN}s (load avg $la)"
    TIMEFORMAT='%U %S %R'
    { time cyclictest -m -p "$PRIO" --policy=fifo -i "$interval" -D "$SECONDS_PER_RUN" -q -t1 -a "$CPU" --laptop -h 20000 \
        >"$OUT/$tag.cyclictest.txt" 2>/dev/null; } 2>"$OUT/$tag.cyclictest.time"
    read -r c50 c99 c999 cmax < <(cyclic_pct "$OUT/$tag.cyclictest.txt")
    ccpu=$(awk '{ printf "%.2f", 100 * ($1 + $2) / $3 }' "$OUT/$tag.cyclictest.time")
    say "$tag: loop ${SECONDS_PER_RUN}s"
    DOTNET_TieredCompilation=$TIERED taskset -c "$CPU" dotnet "$BENCH" loop-latency --rate "$rate" --seconds "$SECONDS_PER_RUN" \
      --priority "$PRIO" --body "$BODY" --spin-us "$SPIN_US" --background-alloc-mb-s "$ALLOC_MB_S" >"$OUT/$tag.loop.json"
    la2=$(cut -d' ' -f1 /proc/loadavg)
    if [ -n "$stress_pid" ]; then kill "$stress_pid" 2>/dev/null || true; wait "$stress_pid" 2>/dev/null || true; fi
    python3 - "$OUT/$tag.loop.json" "$rate" "$load" "$la / $la2" "$c50" "$c99" "$c999" "$cmax" "$ccpu" >>"$OUT/table.md" <<'PY'
import json, sys
j = json.load(open(sys.argv[1])); rate, load, la, c50, c99, c999, cmax, ccpu = sys.argv[2:]
l = j["latency_us"]
def ratio(a, b):
    try: return f"{float(a) / max(float(b), 1):.2f}"
    except ValueError: return "n/a"
print(f"| {rate} Hz | {load} | {la} | {c50} / {c99} / {c999} / {cmax} | {l['p50']} / {l['p99']} / {l['p999']} / {l['max']} "
      f"| {ratio(l['p99'], c99)} | {ratio(l['p999'], c999)} | {ccpu} % | {j['thread_cpu_pct']:.2f} % ({j['body_cpu_pct']:.2f} + {j['pacer_cpu_pct']:.2f}) "
      f"| {j['allocated_bytes']} B / {j['gc_count']} (cycles with GC {j['cycles_with_gc']}) |")
PY
  done
done
say "body=$BODY spin=${SPIN_US}us prio=$PRIO cpu=$CPU tiered=$TIERED alloc=${ALLOC_MB_S}MB/s; $(nproc) CPUs; $(uname -r)"
cat "$OUT/table.md"
