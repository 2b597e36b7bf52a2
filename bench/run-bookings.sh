#!/usr/bin/env bash
# Booking throughput through the API beside the same transaction as raw SQL (pgbench) on the same
# database, in one run: on a few sessions (contention for the same rows) and spread over many.
#   bench/run-bookings.sh [seconds-per-measure] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
CONNECTIONS="${2:-16}"
PORT="${BENCH_PORT:-18180}"
PGPORT="${BENCH_PG_PORT:-55431}"
NCLIENTS=20000
NSESSIONS=2000
DATA=/tmp/wellbase-bench-bookings
JAVA="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[1-9]* 2>/dev/null | head -1)}/bin/java"
for tool in wrk pgbench psql curl; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
JAR=$(ls target/wellbase-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then ./mvnw -q -B -DskipTests package; JAR=$(ls target/wellbase-*.jar | grep -v original | head -1); fi

rm -rf "$DATA"; mkdir -p "$DATA"
"$JAVA" -Xmx2g -jar "$JAR" --server.port="$PORT" --wellbase.platform.db.embedded-data-dir="$DATA/pgdata" \
  --wellbase.platform.db.embedded-port="$PGPORT" --wellbase.platform.db.max-pool-size=40 \
  --wellbase.platform.demo.enabled=false --wellbase.platform.rate-limits.enabled=false \
  --db-scheduler.enabled=false --logging.level.root=WARN > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null && break; sleep 0.5; done

api() { curl -sf "localhost:$PORT$2" -X "$1" -H 'Content-Type: application/json' ${TOKEN:+-H "Authorization: Bearer $TOKEN"} ${3:+-d "$3"}; }
field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }
TOKEN=$(api POST /api/v1/auth/register '{"email":"bench@example.test","password":"bench-password-long","firstName":"B","lastName":"M"}' | field accessToken)
ORG=$(api POST /api/v1/organizations '{"name":"Bench","timezone":"Europe/Berlin","currency":"EUR","country":"DE"}' | field id)
TOKEN=$(api POST /api/v1/auth/switch-organization "{\"organizationId\":\"$ORG\"}" | field accessToken)
LOCATION=$(api POST /api/v1/locations '{"name":"Main","timezone":"Europe/Berlin"}' | field id)
TYPE=$(api POST /api/v1/class-types '{"name":"Flow","durationMinutes":60,"defaultCapacity":20}' | field id)
PLAN=$(api POST /api/v1/membership-plans '{"name":"Big pack","kind":"class_pack","credits":1000,"price":{"amount":1,"currency":"EUR"},"periodUnit":"year","periodCount":1}' | field id)

USER_ID=$(api GET /api/v1/auth/me | field id)
api PUT "/api/v1/staff/$USER_ID/working-hours" "{\"hours\":[$(for d in 1 2 3 4 5 6; do printf '{"locationId":"%s","weekday":%d,"startTime":"08:00","endTime":"20:00"},' "$LOCATION" $d; done | sed 's/,$//')]}" >/dev/null
SERVICE=$(api POST /api/v1/services "{\"name\":\"Massage\",\"durationMinutes\":60,\"bufferAfterMinutes\":15,\"currency\":\"EUR\",\"staffIds\":[\"$USER_ID\"]}" | field id)
for i in $(seq 1 20); do # some classes taught and appointments booked in the two weeks
  api POST /api/v1/sessions "{\"classTypeId\":\"$TYPE\",\"locationId\":\"$LOCATION\",\"instructorId\":\"$USER_ID\",\"startsAt\":\"$(date -u -d "+$((i % 12 + 1)) days 09:00" +%FT%T)Z\"}" >/dev/null || true
done

export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=postgres
psql -q -v org="$ORG" -v type="$TYPE" -v location="$LOCATION" -v plan="$PLAN" -v nclients=$NCLIENTS \
  -v nsessions=$NSESSIONS -f bench/bookings/load.sql
psql -qAt -c "SELECT id FROM bench_clients ORDER BY n" > "$DATA/clients.txt"

lua() { # kind, session count
  psql -qAt -c "SELECT id FROM bench_sessions WHERE kind = '$1' ORDER BY n" > "$DATA/sessions-$1.txt"
  cat > "$DATA/book-$1.lua" <<LUA
local clients, sessions = {}, {}
for line in io.lines("$DATA/clients.txt") do clients[#clients + 1] = line end
for line in io.lines("$DATA/sessions-$1.txt") do sessions[#sessions + 1] = line end
local counter, offset = 0, 0
function setup(thread) thread:set("offset", offset); offset = offset + 1 end
function init() counter = tonumber(wrk.thread:get("offset")) or 0 end
request = function()
  counter = counter + 2
  local k = counter
  local client = clients[(k % #clients) + 1]
  local session = sessions[(math.floor(k / #clients) + k) % #sessions + 1]
  return wrk.format("POST", "/api/v1/sessions/" .. session .. "/bookings",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer $TOKEN"}, '{"clientId":"' .. client .. '"}')
end
LUA
}

measure_app() { # name, kind
  lua "$2"
  local out; out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$DATA/book-$2.lua" "http://localhost:$PORT")
  local rps p99 bad
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  bad=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf '%-34s %9s req/s  p99 %-9s non-2xx %s\n' "$1" "$rps" "$p99" "${bad:-0}" >&2
  echo "$rps"
}
measure_raw() { # name, kind, sessions
  local out; out=$(pgbench -n -f bench/bookings/book.sql -c "$CONNECTIONS" -j 2 -T "$DURATION" \
    -D org="$ORG" -D kind="$2" -D nsessions="$3" -D nclients=$NCLIENTS 2>&1)
  local tps; tps=$(echo "$out" | awk '/^tps/ {print $3; exit}')
  local lat; lat=$(echo "$out" | awk '/latency average/ {print $4}')
  printf '%-34s %9s tps    avg %-6s ms\n' "$1" "$tps" "$lat" >&2
  echo "$tps"
}

echo "Wellbase booking benchmark: $(date -u +%FT%TZ), $(nproc) cores, $CONNECTIONS connections, ${DURATION}s each" >&2
APP_FEW=$(measure_app "API: 4 sessions (contention)" few)
RAW_FEW=$(measure_raw "raw SQL: 4 sessions (contention)" few 4)
APP_MANY=$(measure_app "API: 2000 sessions" many)
RAW_MANY=$(measure_raw "raw SQL: 2000 sessions" many $NSESSIONS)
FROM_DAY=$(date -u +%F); TO_DAY=$(date -u -d '+13 days' +%F)
out=$(wrk -t1 -c2 -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" \
  "http://localhost:$PORT/api/v1/availability?serviceId=$SERVICE&staffId=$USER_ID&from=$FROM_DAY&to=$TO_DAY")
printf '%-34s %9s req/s  p50 %-9s p99 %s (target p99 < 20 ms)\n' "API: availability, 2 weeks" \
  "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1=="50%" {print $2}')" \
  "$(echo "$out" | awk '$1=="99%" {print $2}')" >&2
pgbench -n -f bench/bookings/availability.sql -c 2 -j 1 -T "$DURATION" -D org="$ORG" -D staff="$USER_ID" \
  -D location="$LOCATION" 2>&1 | awk '/^tps/ {t=$3} /latency average/ {l=$4} END {printf "%-34s %9s tps    avg %s ms\n", "raw SQL: availability queries", t, l}' >&2
OVERSOLD=$(psql -qAt -c "SELECT count(*) FROM class_sessions WHERE confirmed_count > capacity")
DRIFT=$(psql -qAt -c "SELECT count(*) FROM class_sessions s WHERE confirmed_count <> (SELECT count(*) FROM bookings b WHERE b.session_id = s.id AND b.status = 'confirmed')")
awk -v a="$APP_FEW" -v r="$RAW_FEW" -v b="$APP_MANY" -v q="$RAW_MANY" 'BEGIN {
  printf "ratio contention: %.2f (target >= 0.5)\nratio spread:     %.2f (target >= 0.5)\n", a / r, b / q }'
echo "oversold sessions: $OVERSOLD; sessions whose counter differs from their bookings: $DRIFT"
