#!/usr/bin/env bash
# Commerce beside the machine's limit, on one embedded PostgreSQL:
#  - placing orders of one unit of the same product (every order reserves stock on the same row: contention)
#    through POST /api/v1/orders, beside the same transaction in raw SQL: pgbench -M prepared running exactly the
#    statements the API issued for one order, captured from the server's statement log in this run (as the
#    bookings benchmark does) and kept as $DATA/captured-order.sql (UPDATE_CAPTURE=1 copies it to bench/commerce);
#  - the product list with filters at NPRODUCTS products: p99 on one connection (as the clients benchmark measures
#    latency), and req/s at [connections] beside its two statements raw; the same for a text search.
#   bench/run-commerce.sh [seconds-per-measure] [connections]
# Knobs: WARMUP (s, 3), SERVER_WARMUP (at most s of order load before the first measure, until the JIT has settled, see warm_until_steady in lib.sh; 180), LAT_DURATION (s of the one-connection latency phases, 10), NPRODUCTS (50000), BENCH_PORT (18190), BENCH_PG_PORT (55441), HEAP (2g),
#   POOL (40), KEEP_RUN_DIR=1, PROFILE_ORDERS=<file.jfr> (record the server during the orders measure).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
DURATION="${1:-15}"
CONNECTIONS="${2:-16}"
WARMUP="${WARMUP:-3}"
SERVER_WARMUP="${SERVER_WARMUP:-180}"
PORT="${BENCH_PORT:-18190}"
PGPORT_="${BENCH_PG_PORT:-55441}"
NPRODUCTS="${NPRODUCTS:-50000}"
bench_need wrk pgbench psql curl jq python3
require_free_port "$PORT" "the server" "$PGPORT_" "its embedded PostgreSQL"
JDK=$(bench_jdk); JAR=$(bench_jar)
DATA=$(bench_run_dir commerce)
SERVER=""
cleanup() { stop_pid "$SERVER"; [[ -n "${KEEP_RUN_DIR:-}" ]] || rm -rf "$DATA/pgdata"; }
trap cleanup EXIT

start_server
pg_env "$DATA" "$PGPORT_"
enable_statement_log; stop_pid "$SERVER"; start_server   # the logging collector needs a restart

TOKEN=$(api POST /api/v1/auth/register '{"email":"bench@example.test","password":"bench-password-long","firstName":"B","lastName":"M"}' | field accessToken)
ORG=$(api POST /api/v1/organizations '{"name":"Bench Shop","timezone":"Europe/Berlin","currency":"EUR","country":"DE"}' | field id)
OTHER=$(api POST /api/v1/organizations '{"name":"Other Shop","timezone":"Europe/Berlin","currency":"EUR","country":"DE"}' | field id)
TOKEN=$(api POST /api/v1/auth/switch-organization "{\"organizationId\":\"$ORG\"}" | field accessToken)
LOCATION=$(api POST /api/v1/locations '{"name":"Shop","timezone":"Europe/Berlin"}' | field id)
USER_ID=$(api GET /api/v1/auth/me | field id)
psql -q -v org="$ORG" -v other="$OTHER" -v location="$LOCATION" -v nproducts="$NPRODUCTS" -f bench/commerce/load.sql
HOT_API=$(psql -XAtc "SELECT id FROM products WHERE org_id = '$ORG' AND sku = 'HOT-API'")
HOT_RAW=$(psql -XAtc "SELECT id FROM products WHERE org_id = '$ORG' AND sku = 'HOT-RAW'")
psql -qAt -c "SELECT id FROM bench_clients ORDER BY n" >"$DATA/clients.txt"
DURABILITY_BEFORE=$(durability)

# --- the statements of one order, as the server received them ----------------------------------
order_one() { api POST /api/v1/orders "{\"clientId\":\"$(psql -XAtc "SELECT id FROM bench_clients WHERE n = $1")\",\"locationId\":\"$LOCATION\",\"items\":[{\"productId\":\"$HOT_API\",\"quantity\":1}]}"; }
order_one 1 >/dev/null   # the first order warms the server's caches; the second is captured
capture_statements "$DATA/pgdata" "$DATA/captured-order.json" order_one 2
CAPTURED_CLIENT=$(psql -XAtc "SELECT id FROM bench_clients WHERE n = 2")
printf '{"txn": {"cid": ["c.id", "%s"]}, "run": {"org": "%s", "uid": "%s", "location": "%s", "product": "%s"}}\n' \
  "$CAPTURED_CLIENT" "$ORG" "$USER_ID" "$LOCATION" "$HOT_API" >"$DATA/known-order.json"
python3 bench/capture.py generate "$DATA/captured-order.json" "$DATA/known-order.json" bench/commerce/order-setup.sql >"$DATA/captured-order.sql"
[[ -z "${UPDATE_CAPTURE:-}" ]] || cp "$DATA/captured-order.sql" bench/commerce/captured-order.sql
mapfile -t ORDER_DEFINES < <(python3 bench/capture.py defines "$DATA/captured-order.sql" "$DATA/captured-order.json" | sed 's/^/-D/')
echo "== the raw side runs the $(grep -c '^-- captured: ' "$DATA/captured-order.sql") statements the API issued for one order" >&2

cat >"$DATA/order.lua" <<LUA
local clients = {}
for line in io.lines("$DATA/clients.txt") do clients[#clients + 1] = line end
request = function()
  local client = clients[math.random(#clients)]
  return wrk.format("POST", "/api/v1/orders", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer $TOKEN"},
    '{"clientId":"' .. client .. '","locationId":"$LOCATION","items":[{"productId":"$HOT_API","quantity":1}]}')
end
LUA
cat >"$DATA/list.lua" <<LUA
request = function()
  return wrk.format("GET", "/api/v1/products?isActive=true&tag=vegan&page=" .. math.random(1, 20),
    {["Authorization"] = "Bearer $TOKEN"})
end
LUA

wrk_measure() { # name, lua-or-path, seconds -> "rps p99"
  local out
  if [[ "$2" == /* && -f "$2" ]]; then
    out=$(wrk -t2 -c"$CONNECTIONS" -d"$3s" --latency -s "$2" "http://127.0.0.1:$PORT")
  else
    out=$(wrk -t2 -c"$CONNECTIONS" -d"$3s" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$2")
  fi
  local rps p99 bad
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  bad=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf '%-40s %9s req/s  p99 %-9s non-2xx %s\n' "$1" "$rps" "$p99" "${bad:-0}" >&2
  echo "$rps $(wrk_ms "$p99")"
}
pgbench_measure() { # name, script, defines... -> tps
  local name=$1 script=$2; shift 2
  pgbench -n -M prepared -f "$script" -c "$CONNECTIONS" -j 2 -T "$WARMUP" "$@" >/dev/null 2>&1 || true
  local out; out=$(pgbench -n -M prepared -f "$script" -c "$CONNECTIONS" -j 2 -T "$DURATION" "$@" 2>&1) || echo "pgbench failed: $(echo "$out" | grep -m3 -iE 'error|abort')" >&2
  echo "$out" >"$DATA/pgbench-$(basename "$script" .sql).txt"
  local tps; tps=$(echo "$out" | awk '/^tps/ {print $3; exit}')
  printf '%-40s %9s tps    avg %s ms\n' "$name" "$tps" "$(echo "$out" | awk '/latency average/ {print $4}')" >&2
  echo "$tps"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }

for q in list search; do   # the plans, for reading (page 1)
  grep -v -e '^\\set' -e '^--' -e '^BEGIN' -e '^SET' -e '^COMMIT' "bench/commerce/$q.sql" | sed -e "s/:org/'$ORG'/g" -e 's/:page \* 20/0/' |
    sed 's/^/EXPLAIN (ANALYZE, BUFFERS) /' | psql -XAt >"$DATA/plan-$q.txt" 2>&1 || true
done
echo "Wellbase commerce benchmark: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $CONNECTIONS connections, ${WARMUP}s warm-up + ${DURATION}s each, $NPRODUCTS products" >&2
order_load() { wrk -t2 -c"$CONNECTIONS" -d"$2s" -s "$DATA/order.lua" "http://127.0.0.1:$PORT"; } # chunk, seconds
warm_until_steady orders "$SERVER_WARMUP" order_load
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$DATA/list.lua" "http://127.0.0.1:$PORT" >/dev/null

if [[ -n "${PROFILE_ORDERS:-}" ]]; then # a flight recording of the server during the orders measure only
  record_server "$PROFILE_ORDERS" "$DURATION"
fi
read -r APP_ORDERS _ < <(wrk_measure "API: place an order (one hot product)" "$DATA/order.lua" "$DURATION")
RAW_ORDERS=$(pgbench_measure "raw SQL: the same statements" "$DATA/captured-order.sql" \
  -D org="$ORG" -D product="$HOT_RAW" -D location="$LOCATION" -D uid="$USER_ID" "${ORDER_DEFINES[@]}")
read -r APP_LIST _ < <(wrk_measure "API: product list (tag, active, page)" "$DATA/list.lua" "$DURATION")
LIST_P99=$(wrk -t1 -c1 -d"${LAT_DURATION:-10}s" --latency -s "$DATA/list.lua" "http://127.0.0.1:$PORT" | awk '$1=="99%" {print $2}')
LIST_P99=$(wrk_ms "$LIST_P99"); echo "API: product list, one connection: p99 $LIST_P99 ms" >&2
RAW_LIST=$(pgbench_measure "raw SQL: the list's two statements" bench/commerce/list.sql -D org="$ORG")
read -r APP_Q _ < <(wrk_measure "API: product search q=serum 1" "/api/v1/products?q=serum%201" "$DURATION")
Q_P99=$(wrk -t1 -c1 -d"${LAT_DURATION:-10}s" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/products?q=serum%201" | awk '$1=="99%" {print $2}')
Q_P99=$(wrk_ms "$Q_P99"); echo "API: product search, one connection: p99 $Q_P99 ms" >&2
RAW_Q=$(pgbench_measure "raw SQL: the search's two statements" bench/commerce/search.sql -D org="$ORG")
DURABILITY_AFTER=$(durability)

# every order the API placed holds exactly one reserved unit; nothing was reserved beyond what is on hand
read -r RESERVED PLACED < <(psql -XAtF' ' -c "SELECT (SELECT reserved FROM stock_levels WHERE org_id = '$ORG' AND product_id = '$HOT_API'),
  (SELECT count(*) FROM order_items WHERE org_id = '$ORG' AND product_id = '$HOT_API')")
OVERSOLD=$(psql -XAtc "SELECT count(*) FROM stock_levels WHERE reserved > on_hand OR on_hand < 0")
[[ "$DURABILITY_BEFORE" == "$DURABILITY_AFTER" ]] || echo "durability settings changed during the run" >&2
echo "durability: $DURABILITY_AFTER" >&2

result commerce.orders_vs_raw "$(ratio "$APP_ORDERS" "$RAW_ORDERS")" '>=0.5'
result commerce.oversold "$OVERSOLD" =0
result commerce.reservation_drift "$((RESERVED - PLACED))" =0
result commerce.list.p99_ms "$LIST_P99" '<50'
note commerce.list.api_vs_raw "$(ratio "$APP_LIST" "$RAW_LIST") (req/s over the raw statements' tps)"
note commerce.search.p99_ms "$Q_P99"
note commerce.search.api_vs_raw "$(ratio "$APP_Q" "$RAW_Q")"
