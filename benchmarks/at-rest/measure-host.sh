#!/usr/bin/env bash
# Measures the real host at rest (issue 7): a roster of 1,000 (801-1800), 50 devices present (the emulator) that
# complete, 950 absent (named in the hosts file as 10.10.10.10, the router's catch-all: a fast "not found").
# After the 50th device completed it waits SETTLE seconds, then reads the host's CPU over WINDOW seconds (scaled to a
# minute) and its peak and current resident memory from /proc. Build first:
#   dotnet build -c Release MotionServer.Host && dotnet build -c Release MotionServer.Emulator
# Usage: benchmarks/at-rest/measure-host.sh [WORK_DIR] [PORT]
#   (environment: SETTLE=10 WINDOW=45 KEEP=0 HOST_ENV="K=V ..." HOST_BIN=path/to/published/MotionServer.Host)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
port="${2:-18080}"
settle="${SETTLE:-10}"
window="${WINDOW:-45}"
host_dll="${HOST_DLL:-$repo/MotionServer.Host/bin/Release/net10.0/MotionServer.Host.dll}"
emulator_dll="$repo/MotionServer.Emulator/bin/Release/net10.0/MotionServer.Emulator.dll"
ev="$work/ev"
rm -rf "$ev" && mkdir -p "$ev/config"

dotnet "$emulator_dll" --devices 50 --port "$port" --hosts-file "$ev/config/hosts" --roster "$ev/config/motions.csv" \
  >"$work/emulator.log" 2>&1 &
emulator=$!
host=
cleanup() {
  [ -n "$host" ] && kill -TERM "$host" 2>/dev/null && wait "$host" 2>/dev/null || true
  kill -TERM "$emulator" 2>/dev/null && wait "$emulator" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 300); do grep -qs "Press Ctrl+C" "$work/emulator.log" && break; sleep 0.1; done

# The roster grows to 1,000 rows: every id of 801-1800 that the emulator did not take is absent.
row=$(sed -n 2p "$ev/config/motions.csv")
present=$(tail -n +2 "$ev/config/motions.csv" | cut -d, -f3 | sort -n)
for id in $(seq 801 1800); do
  if ! grep -qx "$id" <<<"$present"; then
    echo "$row" | awk -F, -v OFS=, -v id="$id" '{ $1 = 10000 + id; $2 = id; $3 = id; $6 = "ABS" id "ENT"; print }'
    echo "10.10.10.10 motion-$id" >>"$ev/config/hosts"
  fi
done >>"$ev/config/motions.csv.tmp"
cat "$ev/config/motions.csv.tmp" >>"$ev/config/motions.csv" && rm "$ev/config/motions.csv.tmp"
printf '{ "MotionServer": { "Network": { "Port": %s, "HostsFile": "%s" } } }\n' "$port" "$ev/config/hosts" >"$work/settings.json"

# HOST_BIN names a published native host (Native AOT: benchmarks/README.md); otherwise the JIT build's dll runs.
if [ -n "${HOST_BIN:-}" ]; then host_cmd=("$HOST_BIN"); else host_cmd=(dotnet "$host_dll"); fi
env ${HOST_ENV:-} "${host_cmd[@]}" --event-dir "$ev" --settings "$work/settings.json" >"$work/host.out" 2>&1 &
host=$!
log="$ev/logs/server.log"
for _ in $(seq 1 1800); do
  done_count=$(grep -c "can be disconnected" "$log" 2>/dev/null || true)
  [ "${done_count:-0}" -ge 50 ] && break
  sleep 0.2
done
echo "completed: ${done_count:-0} of 50 (roster $(($(wc -l <"$ev/config/motions.csv") - 1)))"
sleep "$settle"
ticks() { awk '{ print $14 + $15 }' "/proc/$host/stat"; }
t0=$(ticks); sleep "$window"; t1=$(ticks)
hz=$(getconf CLK_TCK)
awk -v a="$t0" -v b="$t1" -v hz="$hz" -v w="$window" 'BEGIN { printf "CPU: %.2f s a minute\n", (b - a) / hz * 60 / w }'
grep -E "VmHWM|VmRSS|RssAnon|RssFile" "/proc/$host/status"
grep -E "^(Rss|Anonymous|Private)" "/proc/$host/smaps_rollup"
echo "pid $host; work $work"
# KEEP=N keeps both running N seconds more (for dotnet-counters, dotnet-gcdump, dotnet-trace on the pid).
if [ -n "${KEEP:-}" ]; then sleep "$KEEP"; fi
