#!/usr/bin/env bash
# Booking throughput through the API beside a fair floor: pgbench -M prepared running exactly the
# statements the API issues for one booking (captured from the server's statement log at every run,
# bench/bookings/captured-book.sql), in the same order and transaction, on the same database. On a
# few sessions (contention for the same rows) and spread over many; then the availability of one
# staff member over two weeks, right after the booking load, beside its captured statements.
#   bench/run-bookings.sh [seconds-per-measure] [connections]
# Knobs: WARMUP (s, default 3), SERVER_WARMUP (at most s of booking load before the first measure, until the JIT has settled, see warm_until_steady in lib.sh; 180), NCLIENTS (50000), NSESSIONS (2000), PROFILE_BOOKINGS=<file.jfr> (record the server during the contention measure), BENCH_PORT (18180),
#   BENCH_PG_PORT (55431), UPDATE_CAPTURE=1 (rewrite the committed captured statements from this run),
#   KEEP_RUN_DIR=1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
DURATION="${1:-15}"
CONNECTIONS="${2:-16}"
WARMUP="${WARMUP:-3}"
SERVER_WARMUP="${SERVER_WARMUP:-180}"
PORT="${BENCH_PORT:-18180}"
PGPORT_="${BENCH_PG_PORT:-55431}"
NCLIENTS="${NCLIENTS:-50000}"
NSESSIONS="${NSESSIONS:-2000}"
bench_need wrk pgbench psql curl jq python3
require_free_port "$PORT" "the server" "$PGPORT_" "its embedded PostgreSQL"
JDK=$(bench_jdk); JAR=$(bench_jar)
DATA=$(bench_run_dir bookings)
SERVER=""
cleanup() { stop_pid "$SERVER"; [[ -n "${KEEP_RUN_DIR:-}" ]] || rm -rf "$DATA/pgdata"; }
trap cleanup EXIT

start_server
pg_env "$DATA" "$PGPORT_"
enable_statement_log; stop_pid "$SERVER"; start_server   # the logging collector needs a restart

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

psql -q -v org="$ORG" -v type="$TYPE" -v location="$LOCATION" -v plan="$PLAN" -v nclients="$NCLIENTS" \
  -v nsessions="$NSESSIONS" -f bench/bookings/load.sql
psql -qAt -c "SELECT id FROM bench_clients ORDER BY n" >"$DATA/clients.txt"
DURABILITY_BEFORE=$(durability)

# --- the statements of one booking, as the server received them -------------------------------
book_one() { api POST "/api/v1/sessions/$(psql -XAtc "SELECT id FROM bench_sessions WHERE kind = 'capture' AND n = $2")/bookings" "{\"clientId\":\"$(psql -XAtc "SELECT id FROM bench_clients WHERE n = $1")\"}"; }
book_one 1 1 >/dev/null   # the first booking of the run warms the server's caches; the second is captured
capture_statements "$DATA/pgdata" "$DATA/captured-book.json" book_one 2 1
# the values the API bound, by name: per transaction (an expression of the setup SELECT) or per run (-D)
psql -XAt -v org="$ORG" >"$DATA/known-book.json" <<SQL
SELECT json_build_object(
  'txn', json_build_object('cid', json_build_array('c.id', c.id), 'mid', json_build_array('c.membership', c.membership),
    'sid', json_build_array('s.id', s.id), 'starts', json_build_array('cs.starts_at::text', cs.starts_at::text),
    'day', json_build_array('cs.local_date::text', cs.local_date::text)),
  'run', json_build_object('org', '$ORG', 'uid', '$USER_ID', 'type', '$TYPE', 'location', '$LOCATION'))
FROM bench_clients c JOIN bench_sessions s ON s.kind = 'capture' AND s.n = 1 JOIN class_sessions cs ON cs.id = s.id WHERE c.n = 2
SQL
MATCH=1
if [[ -n "${UPDATE_CAPTURE:-}" ]]; then
  python3 bench/capture.py generate "$DATA/captured-book.json" "$DATA/known-book.json" bench/bookings/book-setup.sql >bench/bookings/captured-book.sql
  echo "== rewrote bench/bookings/captured-book.sql from this run's capture"
fi
check_capture "booking" "$DATA/captured-book.json" bench/bookings/captured-book.sql || MATCH=0
mapfile -t BOOK_DEFINES < <(python3 bench/capture.py defines bench/bookings/captured-book.sql "$DATA/captured-book.json" | sed 's/^/-D/')

lua() { # kind, first index
  psql -qAt -c "SELECT id FROM bench_sessions WHERE kind = '$1' ORDER BY n" >"$DATA/sessions-$1.txt"
  cat >"$DATA/book-$1-$2.lua" <<LUA
local clients, sessions = {}, {}
for line in io.lines("$DATA/clients.txt") do clients[#clients + 1] = line end
for line in io.lines("$DATA/sessions-$1.txt") do sessions[#sessions + 1] = line end
local counter, offset = 0, 0
function setup(thread) thread:set("offset", offset); offset = offset + 1 end
function init() counter = $2 + (tonumber(wrk.thread:get("offset")) or 0) - 2 end
request = function()
  counter = counter + 2
  local k = counter
  local client = clients[(k % #clients) + 1]
  local session = sessions[(math.floor(k / #clients) + k) % #sessions + 1]
  return wrk.format("POST", "/api/v1/sessions/" .. session .. "/bookings",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer $TOKEN"}, '{"clientId":"' .. client .. '"}')
end
LUA
  echo "$DATA/book-$1-$2.lua"
}

# Pair index k -> (client k mod C, session (k div C + k) mod S) is one-to-one over C*S consecutive k; every
# phase starts a quarter of that apart (API warm-up, API measure, raw warm-up, raw measure), so no request
# meets a booking made before it.
quarter() { echo $((NCLIENTS * $1 / 4)); }
measure_app() { # name, kind, sessions
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$(lua "$2" 0)" "http://127.0.0.1:$PORT" >/dev/null # warm-up
  local out; out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$(lua "$2" "$(quarter "$3")")" "http://127.0.0.1:$PORT")
  local rps p99 bad
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  bad=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf '%-34s %9s req/s  p99 %-9s non-2xx %s\n' "$1" "$rps" "$p99" "${bad:-0}" >&2
  echo "$rps"
}
measure_raw() { # name, kind, sessions
  if [[ "$MATCH" != 1 ]]; then # a stale script would bind the wrong values and measure other work
    printf '%-34s skipped: the captured statements do not match (see MISMATCH above)\n' "$1" >&2; echo ""; return
  fi
  local args=(-n -M prepared -f bench/bookings/captured-book.sql -c "$CONNECTIONS" -j 2 -D org="$ORG" -D uid="$USER_ID"
    -D type="$TYPE" -D location="$LOCATION" -D kind="$2" -D nsessions="$3" -D nclients="$NCLIENTS" -D nconn="$CONNECTIONS" "${BOOK_DEFINES[@]}")
  pgbench "${args[@]}" -T "$WARMUP" -D k=$((2 * $(quarter "$3"))) >"$DATA/pgbench-$2-warmup.txt" 2>&1 || true
  local out; out=$(pgbench "${args[@]}" -T "$DURATION" -D k=$((3 * $(quarter "$3"))) 2>&1) || echo "pgbench failed: $(echo "$out" | grep -m3 -iE 'error|abort')" >&2
  echo "$out" >"$DATA/pgbench-$2.txt"
  local tps; tps=$(echo "$out" | awk '/^tps/ {print $3; exit}')
  local lat; lat=$(echo "$out" | awk '/latency average/ {print $4}')
  local failed; failed=$(echo "$out" | awk '/number of failed transactions/ {print $5}')
  printf '%-34s %9s tps    avg %-6s ms  failed %s\n' "$1" "$tps" "$lat" "${failed:-0}" >&2
  echo "$tps"
}

echo "Wellbase booking benchmark: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $CONNECTIONS connections, ${SERVER_WARMUP}s server warm-up, then ${WARMUP}s warm-up + ${DURATION}s each, $NCLIENTS clients" >&2
# the server's own warm-up (JIT, pools, caches) before the first measure: bookings on the spread sessions, from
# an index range no measure uses (an eighth of the pairs in; each chunk 100,000 pairs on, a chunk books far fewer)
booking_load() { # chunk, seconds
  wrk -t2 -c"$CONNECTIONS" -d"$2s" -s "$(lua many $(($(quarter "$NSESSIONS") / 2 + $1 * 100000)))" "http://127.0.0.1:$PORT"
}
warm_until_steady bookings "$SERVER_WARMUP" booking_load
if [[ -n "${PROFILE_BOOKINGS:-}" ]]; then # a flight recording of the server during the contention measure (and its warm-up)
  record_server "$PROFILE_BOOKINGS" "$((WARMUP + DURATION))"
fi
APP_FEW=$(measure_app "API: 4 sessions (contention)" few_api 4)
RAW_FEW=$(measure_raw "raw SQL: 4 sessions (contention)" few_raw 4)
APP_MANY=$(measure_app "API: $NSESSIONS sessions" many "$NSESSIONS")
RAW_MANY=$(measure_raw "raw SQL: $NSESSIONS sessions" many "$NSESSIONS")
DURABILITY_AFTER=$(durability)

# --- availability, right after the booking load ------------------------------------------------
FROM_DAY=$(date -u +%F); TO_DAY=$(date -u -d '+13 days' +%F)
AV_PATH="/api/v1/availability?serviceId=$SERVICE&staffId=$USER_ID&from=$FROM_DAY&to=$TO_DAY"
api GET "$AV_PATH" >/dev/null
capture_statements "$DATA/pgdata" "$DATA/captured-availability.json" api GET "$AV_PATH"
printf '{"txn": {}, "run": {"org": "%s", "staff": "%s", "location": "%s", "service": "%s"}}\n' "$ORG" "$USER_ID" "$LOCATION" "$SERVICE" >"$DATA/known-availability.json"
if [[ -n "${UPDATE_CAPTURE:-}" ]]; then
  python3 bench/capture.py generate "$DATA/captured-availability.json" "$DATA/known-availability.json" - >bench/bookings/captured-availability.sql
  echo "== rewrote bench/bookings/captured-availability.sql from this run's capture"
fi
AV_MATCH=1
check_capture "availability" "$DATA/captured-availability.json" bench/bookings/captured-availability.sql || AV_MATCH=0
mapfile -t AV_DEFINES < <(python3 bench/capture.py defines bench/bookings/captured-availability.sql "$DATA/captured-availability.json" | sed 's/^/-D/')
wrk -t1 -c2 -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$AV_PATH" >/dev/null
out=$(wrk -t1 -c2 -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$AV_PATH")
AV_RPS=$(echo "$out" | awk '/Requests\/sec/ {print $2}'); AV_P99=$(wrk_ms "$(echo "$out" | awk '$1=="99%" {print $2}')")
printf '%-34s %9s req/s  p50 %-9s p99 %s ms (target p99 < 20 ms)\n' "API: availability, 2 weeks" "$AV_RPS" \
  "$(echo "$out" | awk '$1=="50%" {print $2}')" "$AV_P99" >&2
AV_ARGS=(-n -M prepared -f bench/bookings/captured-availability.sql -c 2 -j 1 -D org="$ORG" -D staff="$USER_ID" -D location="$LOCATION" -D service="$SERVICE" "${AV_DEFINES[@]}")
pgbench "${AV_ARGS[@]}" -T "$WARMUP" >/dev/null 2>&1 || true
AV_RAW=$(pgbench "${AV_ARGS[@]}" -T "$DURATION" 2>&1 | awk '/^tps/ {t=$3} /latency average/ {l=$4} END {print t, l}')
printf '%-34s %9s tps    avg %s ms\n' "raw SQL: availability (captured)" ${AV_RAW} >&2

OVERSOLD=$(psql -qAt -c "SELECT count(*) FROM class_sessions WHERE confirmed_count > capacity")
RAW_BOOKED=$(psql -qAt -c "SELECT count(*) FROM bookings b JOIN bench_sessions s ON s.id = b.session_id AND s.kind = 'few_raw' WHERE b.status = 'confirmed'")
DRIFT=$(psql -qAt -c "SELECT count(*) FROM class_sessions s WHERE confirmed_count <> (SELECT count(*) FROM bookings b WHERE b.session_id = s.id AND b.status = 'confirmed')")
echo "durability, before the raw side: $DURABILITY_BEFORE"
echo "durability, after the raw side:  $DURABILITY_AFTER"
[[ "$DURABILITY_BEFORE" == "$DURABILITY_AFTER" ]] || echo "MISMATCH durability settings changed during the run" >&2
echo "confirmed bookings the raw side made on the contention sessions (warm-up included): $RAW_BOOKED"
echo "oversold sessions: $OVERSOLD; sessions whose counter differs from their bookings: $DRIFT"
echo "run dir: $DATA"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
result bookings.raw_matches_api "$((MATCH * AV_MATCH))" =1
result bookings.contention "$(ratio "$APP_FEW" "$RAW_FEW")" '>=0.5'
result bookings.oversold "$OVERSOLD" =0
result bookings.counter_drift "$DRIFT" =0
result bookings.spread "$(ratio "$APP_MANY" "$RAW_MANY")" '>=0.5'
result availability.p99_ms "$AV_P99" '<20'
note availability.api_vs_raw "$(ratio "$AV_RPS" "${AV_RAW%% *}") (API req/s over the captured statements' tps)"
[[ "$MATCH$AV_MATCH" == 11 ]] || exit 3
