#!/usr/bin/env bash
# Login and authenticated-GET throughput beside a bare endpoint on the same server, in one run.
#   bench/run-auth.sh [seconds-per-measure] [connections]
# Starts the server (JDK 21+ from JAVA_HOME or /usr/lib/jvm) on a fresh embedded database under
# /tmp, loads it with wrk over loopback, prints requests/s, latency and the ratios, stops it.
# Knobs: WARMUP (s, default 3), SERVER_WARMUP (at most s of JIT warm-up per path, until the compilers are quiet; 120), PROFILE_ME=<file.jfr>, BENCH_PORT (18080), BENCH_PG_PORT (55421), KEEP_RUN_DIR=1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
DURATION="${1:-20}"
CONNECTIONS="${2:-32}"
WARMUP="${WARMUP:-3}"
PORT="${BENCH_PORT:-18080}"
PGPORT_="${BENCH_PG_PORT:-55421}"
bench_need wrk curl
require_free_port "$PORT" "the server" "$PGPORT_" "its embedded PostgreSQL"
JAVA="$(bench_jdk)/bin/java"; JAR=$(bench_jar)
DATA=$(bench_run_dir auth)
SERVER=""
trap 'stop_pid "$SERVER"; [[ -n "${KEEP_RUN_DIR:-}" ]] || rm -rf "$DATA/pgdata"' EXIT
"$JAVA" -Xmx2g -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --wellbase.platform.db.embedded-data-dir="$DATA/pgdata" \
  --wellbase.platform.db.embedded-port="$PGPORT_" \
  --wellbase.platform.demo.enabled=false --wellbase.platform.rate-limits.enabled=false \
  --wellbase.platform.bench-endpoint=true --logging.level.root=WARN > "$DATA/server.log" 2>&1 &
SERVER=$!
wait_ready "$PORT" "$SERVER" "$DATA/server.log"

EMAIL="bench-$RANDOM@example.test"; PASSWORD="bench-password-long-enough"
TOKEN=$(curl -sf "127.0.0.1:$PORT/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"firstName\":\"Bench\",\"lastName\":\"Mark\"}" \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')

cat > "$DATA/login.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"$EMAIL","password":"$PASSWORD"}'
LUA

measure() { # name, connections, wrk args...
  local name=$1 connections=$2; shift 2
  wrk -t2 -c"$connections" -d"${WARMUP}s" "$@" >/dev/null 2>&1 # warm-up
  local out; out=$(wrk -t2 -c"$connections" -d"${DURATION}s" --latency "$@")
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf '%-28s %10s req/s   p50 %-9s p99 %-9s non-2xx %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}" >&2
  echo "$rps"
}

echo "Wellbase auth benchmark: $(date -u +%FT%TZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)" >&2
echo "wrk: 2 threads, $CONNECTIONS connections ($(( $(nproc) * 2 )) for login), ${DURATION}s per measure (after a ${WARMUP}s warm-up), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# the JIT warm-up of both paths until the compilers are quiet (warm_until_steady, lib.sh), then the measures
me_load() { wrk -t2 -c"$CONNECTIONS" -d"$2s" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/auth/me"; }
bare_load() { wrk -t2 -c"$CONNECTIONS" -d"$2s" "http://127.0.0.1:$PORT/bench/bare"; }
warm_until_steady /auth/me "${SERVER_WARMUP:-120}" me_load
warm_until_steady /bench/bare "${SERVER_WARMUP:-120}" bare_load
BARE=$(measure "GET /bench/bare" "$CONNECTIONS" "http://127.0.0.1:$PORT/bench/bare")
if [[ -n "${PROFILE_ME:-}" ]]; then # a flight recording of the server during the /auth/me measure (and its warm-up)
  record_server "$PROFILE_ME" "$((WARMUP + DURATION))"
fi
ME=$(measure "GET /api/v1/auth/me" "$CONNECTIONS" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/auth/me")
# hashing is CPU-bound: two requests per core keep every core busy without queueing 19 MiB hashes
LOGIN=$(measure "POST /api/v1/auth/login" "$(( $(nproc) * 2 ))" -s "$DATA/login.lua" "http://127.0.0.1:$PORT/api/v1/auth/login")
awk -v me="$ME" -v bare="$BARE" -v login="$LOGIN" -v cores="$(nproc)" 'BEGIN {
  printf "ratio /auth/me vs bare: %.2f (target >= 0.6)\n", me / bare;
  printf "logins/s per core:      %.1f (target >= 50; Argon2id m=19456 KiB, t=2, p=1)\n", login / cores }'
ME_RATIO=$(awk -v me="$ME" -v bare="$BARE" 'BEGIN { if (bare > 0) printf "%.2f", me / bare; else print "n/a" }')
PER_CORE=$(awk -v login="$LOGIN" -v cores="$(nproc)" 'BEGIN { printf "%.1f", login / cores }')
result auth.me_vs_bare "$ME_RATIO" '>=0.6'
result auth.login_per_core "$PER_CORE" '>=50'
