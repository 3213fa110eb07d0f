#!/usr/bin/env bash
# Measures the real host over a compressed event day (issue 19): its CPU per 1,000 joins, and its resident memory wave
# by wave (flat, or growing?). The emulator's `day` command plays the day: a roster of ROSTER devices, all away at
# first; WAVES waves, in each JOINS devices chosen at random join at random moments over SPREAD seconds, stay until
# served (the host asked for their logs and has every track) and 5-15 s more, then leave, half of them leaving an
# address that stays silent. A device is away at least 20 s between visits. The host runs with the contract's
# defaults (only Network:Port and Network:HostsFile set). CPU is the host's user + system time from its start to the
# end of the day. Build first:
#   dotnet build -c Release MotionServer.Host && dotnet build -c Release MotionServer.Emulator
# Usage: benchmarks/at-rest/measure-day.sh [WORK_DIR] [PORT]
#   (environment: ROSTER=130 WAVES=6 JOINS=113 SPREAD=40 HOST_ENV="K=V ..." HOST_BIN=path/to/published/MotionServer.Host)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
port="${2:-18090}"
host_dll="${HOST_DLL:-$repo/MotionServer.Host/bin/Release/net10.0/MotionServer.Host.dll}"
emulator_dll="$repo/MotionServer.Emulator/bin/Release/net10.0/MotionServer.Emulator.dll"
ev="$work/ev"
rm -rf "$ev" && mkdir -p "$ev/config"
day_log="$work/day.log"

dotnet "$emulator_dll" day --devices "${ROSTER:-130}" --waves "${WAVES:-6}" --joins "${JOINS:-113}" --spread "${SPREAD:-40}" \
  --port "$port" --hosts-file "$ev/config/hosts" --roster "$ev/config/motions.csv" >"$day_log" 2>&1 &
day=$!
host=
cleanup() {
  [ -n "$host" ] && kill -TERM "$host" 2>/dev/null && wait "$host" 2>/dev/null || true
  kill -TERM "$day" 2>/dev/null && wait "$day" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 300); do grep -qs "^ready" "$day_log" && break; sleep 0.1; done
grep -q "^ready" "$day_log" || { echo "the emulator did not start:"; cat "$day_log"; exit 1; }
printf '{ "MotionServer": { "Network": { "Port": %s, "HostsFile": "%s" } } }\n' "$port" "$ev/config/hosts" >"$work/settings.json"

# HOST_BIN names a published native host (Native AOT: benchmarks/README.md); otherwise the JIT build's dll runs.
if [ -n "${HOST_BIN:-}" ]; then host_cmd=("$HOST_BIN"); else host_cmd=(dotnet "$host_dll"); fi
env ${HOST_ENV:-} "${host_cmd[@]}" --event-dir "$ev" --settings "$work/settings.json" >"$work/host.out" 2>&1 &
host=$!
hz=$(getconf CLK_TCK)
cpu() { awk -v hz="$hz" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$host/stat"; }
rss() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$host/status"; }

# A line per wave as the emulator ends it, with the host's resident memory and CPU so far.
seen=0
report_waves() {
  waves=$(grep -c "^wave" "$day_log" || true)
  while [ "$seen" -lt "$waves" ]; do
    seen=$((seen + 1))
    echo "$(grep "^wave" "$day_log" | sed -n "${seen}p"); host: RSS $(rss) MiB, CPU $(cpu) s so far"
  done
}
while kill -0 "$day" 2>/dev/null; do report_waves; sleep 1; done
wait "$day" || true
report_waves
total=$(cpu)
grep "^day:" "$day_log" || { echo "the day did not end:"; tail "$day_log"; exit 1; }
joins=$(sed -n 's/^day: \([0-9]*\) joins.*/\1/p' "$day_log")
awk -v c="$total" -v j="$joins" 'BEGIN { printf "host CPU: %.1f s over the day, %.1f s per 1,000 joins\n", c, c / j * 1000 }'
echo "host's 'can be disconnected' lines: $(grep -c "can be disconnected" "$ev/logs/server.log" || true)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "VmHWM|VmRSS" "/proc/$host/status"
echo "pid $host; work $work"
