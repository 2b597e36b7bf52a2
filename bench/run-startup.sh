#!/usr/bin/env bash
# Start-up with the embedded database through the README's command, bin/start: the time from launch
# to the first 200 of /actuator/health/readiness on a restart (same data, the AOT cache already
# trained), and the idle resident set size. The first start of the run (training the cache when the
# jar is newer than it, creating the database and the demo studio) is the warm-up and not counted.
#   bench/run-startup.sh [restarts]        (default 3; the median is the result)
# Knobs: BENCH_PORT (18210), BENCH_PG_PORT (55461), KEEP_RUN_DIR=1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
RESTARTS="${1:-3}"
PORT="${BENCH_PORT:-18210}"
PGPORT_="${BENCH_PG_PORT:-55461}"
bench_need curl
require_free_port "$PORT" "the server" "$PGPORT_" "its embedded PostgreSQL"
export JAVA_HOME; JAVA_HOME=$(bench_jdk)
DATA=$(bench_run_dir startup)
SERVER=""
trap 'stop_pid "$SERVER"; [[ -n "${KEEP_RUN_DIR:-}" ]] || rm -rf "$DATA/pgdata" "$DATA/files"' EXIT

start() { # sets SERVER and READY_S (seconds from launch to the first 200 of readiness); not in a subshell
  local t0 i
  t0=$(date +%s.%N)
  PORT="$PORT" bin/start --server.address=127.0.0.1 --wellbase.platform.db.embedded-data-dir="$DATA/pgdata" \
    --wellbase.platform.db.embedded-port="$PGPORT_" --wellbase.files.local.root="$DATA/files" \
    >>"$DATA/server.log" 2>&1 &
  SERVER=$!
  for i in $(seq 1 6000); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" && break
    kill -0 "$SERVER" 2>/dev/null || { echo "bin/start died; see $DATA/server.log" >&2; tail -30 "$DATA/server.log" >&2; exit 1; }
    sleep 0.1
  done
  READY_S=$(echo "$(date +%s.%N) - $t0" | bc)
}

echo "Wellbase start-up benchmark: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)" >&2
[[ -f target/run/app.aot ]] && echo "AOT cache: target/run/app.aot (retrained by bin/start if the jar is newer)" >&2
start; FIRST=$READY_S
printf 'first start (warm-up: cache training if due, new database, demo data): %.1fs\n' "$FIRST"
sleep 2; stop_pid "$SERVER"; SERVER=""
[[ -f target/run/app.aot ]] || { echo "bin/start made no AOT cache (target/run/app.aot): is the JDK older than 25?" >&2; exit 1; }
TIMES=()
for r in $(seq 1 "$RESTARTS"); do
  start; T=$READY_S; TIMES+=("$T")
  sleep 3
  RSS=$(ps -o rss= -p "$SERVER" 2>/dev/null | awk '{printf "%.0f", $1 / 1024}')  # bin/start execs java
  printf 'restart %d: ready in %.1fs, idle RSS %s MiB\n' "$r" "$T" "${RSS:-?}"
  stop_pid "$SERVER"; SERVER=""
done
MEDIAN=$(printf '%s\n' "${TIMES[@]}" | sort -n | awk '{a[NR] = $1} END {printf "%.1f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}')
note startup.first_start_s "$(printf '%.1f' "$FIRST") (warm-up, not a target)"
result startup.bin_start_s "$MEDIAN" '<10'
result startup.idle_rss_mib "${RSS:-n/a}" '<512'
