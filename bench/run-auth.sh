#!/usr/bin/env bash
# Login and authenticated-GET throughput beside a bare endpoint on the same server, in one run.
#   bench/run-auth.sh [seconds-per-measure] [connections]
# Starts the server (JDK 21+ from JAVA_HOME or /usr/lib/jvm) on a fresh embedded database under
# /tmp, loads it with wrk over loopback, prints requests/s, latency and the ratios, stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
CONNECTIONS="${2:-32}"
PORT="${BENCH_PORT:-18080}"
DATA=/tmp/wellbase-bench-auth
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[1-9]* 2>/dev/null | head -1)}/bin/java"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
JAR=$(ls target/wellbase-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then ./mvnw -q -B -DskipTests package; JAR=$(ls target/wellbase-*.jar | grep -v original | head -1); fi

rm -rf "$DATA"; mkdir -p "$DATA"
"$JAVA" -Xmx2g -jar "$JAR" --server.port="$PORT" --wellbase.platform.db.embedded-data-dir="$DATA/pgdata" \
  --wellbase.platform.demo.enabled=false --wellbase.platform.rate-limits.enabled=false \
  --wellbase.platform.bench-endpoint=true --logging.level.root=WARN > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null && break; sleep 0.5; done

EMAIL="bench-$RANDOM@example.test"; PASSWORD="bench-password-long-enough"
TOKEN=$(curl -sf "localhost:$PORT/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"firstName\":\"Bench\",\"lastName\":\"Mark\"}" \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')

cat > "$DATA/login.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"$EMAIL","password":"$PASSWORD"}'
LUA

measure() { # name, connections, wrk args...
  local name=$1 connections=$2; shift 2
  wrk -t2 -c"$connections" -d3s "$@" >/dev/null 2>&1 # warm-up
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
echo "wrk: 2 threads, $CONNECTIONS connections ($(( $(nproc) * 2 )) for login), ${DURATION}s per measure (after a 3 s warm-up)" >&2
BARE=$(measure "GET /bench/bare" "$CONNECTIONS" "http://localhost:$PORT/bench/bare")
ME=$(measure "GET /api/v1/auth/me" "$CONNECTIONS" -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/v1/auth/me")
# hashing is CPU-bound: two requests per core keep every core busy without queueing 19 MiB hashes
LOGIN=$(measure "POST /api/v1/auth/login" "$(( $(nproc) * 2 ))" -s "$DATA/login.lua" "http://localhost:$PORT/api/v1/auth/login")
awk -v me="$ME" -v bare="$BARE" -v login="$LOGIN" -v cores="$(nproc)" 'BEGIN {
  printf "ratio /auth/me vs bare: %.2f (target >= 0.6)\n", me / bare;
  printf "logins/s per core:      %.1f (target >= 50; Argon2id m=19456 KiB, t=2, p=1)\n", login / cores }'
