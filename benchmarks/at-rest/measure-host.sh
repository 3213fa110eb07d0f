#!/usr/bin/env bash
# Measures the real host's CPU and memory (issues 7 and 19). A roster of ROSTER devices (801 on), PRESENT of them
# present (the emulator) that complete, the others absent. Absent names are either in the hosts file as 10.10.10.10,
# the router's catch-all (a fast "not found"; the default), or, with UNKNOWN=1, unknown to the resolver: the host then
# runs in a private mount namespace whose /etc/resolv.conf names a local stand-in for the event router's DNS that
# answers every query "no such name" (nxdomain-resolver.py, which also counts the queries that reach it; needs root
# and python3).
# At rest (the default): after the PRESENT-th device completed it waits SETTLE seconds, then reads the host's CPU over
# WINDOW seconds (scaled to a minute). RUSH=1 measures the minute after arrivals instead: the present devices are
# unknown names at first and arrive one by one over ARRIVALS seconds (their hosts-file lines appear), and the CPU is
# read over WINDOW seconds from the last arrival, its first 10 s also apart (the last arrivals' downloads and track
# passes end in them). Then peak and current resident memory from /proc. Build first:
#   dotnet build -c Release MotionServer.Host && dotnet build -c Release MotionServer.Emulator
# Usage: benchmarks/at-rest/measure-host.sh [WORK_DIR] [PORT]
#   (environment: ROSTER=1000 PRESENT=50 UNKNOWN=0 RUSH=0 ARRIVALS=30 SETTLE=10 WINDOW=300 (60 with RUSH)
#    RESOLVER=127.0.0.153 KEEP=0 HOST_ENV="K=V ..." HOST_BIN=path/to/published/MotionServer.Host)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
port="${2:-18080}"
roster="${ROSTER:-1000}"
present_count="${PRESENT:-50}"
unknown="${UNKNOWN:-0}"
rush="${RUSH:-0}"
arrivals="${ARRIVALS:-30}"
settle="${SETTLE:-10}"
# At rest 300 s: a shorter window missed detection's groups of looks splitting over minutes (benchmarks/README.md).
if [ "$rush" = 1 ]; then window="${WINDOW:-60}"; else window="${WINDOW:-300}"; fi
resolver="${RESOLVER:-127.0.0.153}"
host_dll="${HOST_DLL:-$repo/MotionServer.Host/bin/Release/net10.0/MotionServer.Host.dll}"
emulator_dll="$repo/MotionServer.Emulator/bin/Release/net10.0/MotionServer.Emulator.dll"
ev="$work/ev"
rm -rf "$ev" && mkdir -p "$ev/config"
hosts="$ev/config/hosts"
counts="$work/dns-counts"
: >"$counts"

# With RUSH the emulator's hosts lines wait aside: each is added to the host's hosts file when its device arrives.
if [ "$rush" = 1 ]; then emulator_hosts="$work/present-hosts"; else emulator_hosts="$hosts"; fi
dotnet "$emulator_dll" --devices "$present_count" --port "$port" --hosts-file "$emulator_hosts" --roster "$ev/config/motions.csv" \
  >"$work/emulator.log" 2>&1 &
emulator=$!
host=
dns=
cleanup() {
  [ -n "$host" ] && kill -TERM "$host" 2>/dev/null && wait "$host" 2>/dev/null || true
  kill -TERM "$emulator" 2>/dev/null && wait "$emulator" 2>/dev/null || true
  [ -n "$dns" ] && kill -TERM "$dns" 2>/dev/null && wait "$dns" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 300); do grep -qs "Press Ctrl+C" "$work/emulator.log" && break; sleep 0.1; done
[ "$rush" = 1 ] && : >"$hosts"

# The roster grows to ROSTER rows: every id from 801 on that the emulator did not take is absent.
row=$(sed -n 2p "$ev/config/motions.csv")
present=$(tail -n +2 "$ev/config/motions.csv" | cut -d, -f3 | sort -n)
for id in $(seq 801 $((800 + roster))); do
  if ! grep -qx "$id" <<<"$present"; then
    echo "$row" | awk -F, -v OFS=, -v id="$id" '{ $1 = 10000 + id; $2 = id; $3 = id; $6 = "ABS" id "ENT"; print }'
    [ "$unknown" = 1 ] || echo "10.10.10.10 motion-$id" >>"$hosts"
  fi
done >>"$ev/config/motions.csv.tmp"
cat "$ev/config/motions.csv.tmp" >>"$ev/config/motions.csv" && rm "$ev/config/motions.csv.tmp"
printf '{ "MotionServer": { "Network": { "Port": %s, "HostsFile": "%s" } } }\n' "$port" "$hosts" >"$work/settings.json"

# HOST_BIN names a published native host (Native AOT: benchmarks/README.md); otherwise the JIT build's dll runs.
if [ -n "${HOST_BIN:-}" ]; then host_cmd=("$HOST_BIN"); else host_cmd=(dotnet "$host_dll"); fi
if [ "$unknown" = 1 ]; then
  python3 "$repo/benchmarks/at-rest/nxdomain-resolver.py" "$resolver" "$counts" >"$work/dns.log" 2>&1 &
  dns=$!
  echo "nameserver $resolver" >"$work/resolv.conf"
  # The host's own view of /etc/resolv.conf (exec keeps the pid: /proc/$host is the host's).
  host_cmd=(unshare -m sh -c 'mount --bind "$0" /etc/resolv.conf && exec "$@"' "$work/resolv.conf" "${host_cmd[@]}")
fi
env ${HOST_ENV:-} "${host_cmd[@]}" --event-dir "$ev" --settings "$work/settings.json" >"$work/host.out" 2>&1 &
host=$!
log="$ev/logs/server.log"
if [ "$rush" = 1 ]; then
  sleep 8 # the first looks miss every device: found later, each is an arrival
  n=$(wc -l <"$work/present-hosts")
  while read -r line; do echo "$line" >>"$hosts"; sleep "$(awk -v a="$arrivals" -v n="$n" 'BEGIN { print a / n }')"; done <"$work/present-hosts"
  echo "$present_count arrivals over ${arrivals} s"
else
  for _ in $(seq 1 1800); do
    done_count=$(grep -c "can be disconnected" "$log" 2>/dev/null || true)
    [ "${done_count:-0}" -ge "$present_count" ] && break
    sleep 0.2
  done
  echo "completed: ${done_count:-0} of $present_count (roster $(($(wc -l <"$ev/config/motions.csv") - 1)))"
  sleep "$settle"
fi
ticks() { awk '{ print $14 + $15 }' "/proc/$host/stat"; }
# With RUSH the window's first 10 s are read apart: the last arrivals' downloads and track passes end in them.
head_s=0; [ "$rush" = 1 ] && [ "$window" -gt 10 ] && head_s=10
t0=$(ticks); s0=$(date +%s); sleep "$head_s"; th=$(ticks); sleep "$((window - head_s))"; t1=$(ticks); s1=$(date +%s)
hz=$(getconf CLK_TCK)
[ "$rush" = 1 ] && echo "completed: $(grep -c "can be disconnected" "$log" 2>/dev/null || true) of $present_count (roster $roster)"
awk -v a="$t0" -v b="$t1" -v hz="$hz" -v w="$window" 'BEGIN { printf "CPU: %.2f s a minute\n", (b - a) / hz * 60 / w }'
[ "$head_s" -gt 0 ] && awk -v a="$t0" -v h="$th" -v b="$t1" -v hz="$hz" -v hs="$head_s" -v w="$window" \
  'BEGIN { printf "of which the first %d s: %.2f s; the other %d s: %.2f s (%.2f s a minute)\n", hs, (h - a) / hz, w - hs, (b - h) / hz, (b - h) / hz * 60 / (w - hs) }'
if [ "$unknown" = 1 ]; then
  # The average is over every second of the window: a second in which nothing was asked is not in the counts file.
  awk -v s0="$s0" -v s1="$s1" '$1 >= s0 && $1 < s1 { q += $2; n += $3; if ($3 > peak) peak = $3 }
    END { w = s1 - s0; if (w) printf "names asked of the resolver: %.0f a second on average, %d at most (queries %.0f a second)\n", n / w, peak, q / w }' "$counts"
  awk '{ if ($3 > peak) peak = $3 } END { printf "busiest second of the whole run: %d names\n", peak }' "$counts"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "VmHWM|VmRSS|RssAnon|RssFile" "/proc/$host/status"
grep -E "^(Rss|Anonymous|Private)" "/proc/$host/smaps_rollup"
echo "pid $host; work $work"
# KEEP=N keeps both running N seconds more (for dotnet-counters, dotnet-gcdump, dotnet-trace on the pid).
if [ -n "${KEEP:-}" ]; then sleep "$KEEP"; fi
