#!/usr/bin/env bash
# Billing beside the machine's limit, on one embedded PostgreSQL: taking a payment by hand (an amount for a client,
# cash) through POST /api/v1/payments, which writes the payment, settles it, takes the organization's next invoice
# number (one counter row per organization and year: every payment of the organization queues on it, which is what
# keeps the numbers gap-free), writes the paid invoice and its line, the audit entry and the event publication;
# beside the same transaction in raw SQL: pgbench -M prepared running exactly the statements the API issued for one
# payment, captured from the server's statement log in this run (as the bookings and orders benchmarks do).
#   bench/run-billing.sh [seconds-per-measure] [connections]
# Knobs: WARMUP (s, 3), SERVER_WARMUP (at most s of payment load before the measure, see warm_until_steady; 120),
#   BENCH_PORT (18200), BENCH_PG_PORT (55451), HEAP (2g), POOL (40), KEEP_RUN_DIR=1, UPDATE_CAPTURE=1,
#   PROFILE_PAYMENTS=<file.jfr>.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
DURATION="${1:-15}"
CONNECTIONS="${2:-16}"
WARMUP="${WARMUP:-3}"
SERVER_WARMUP="${SERVER_WARMUP:-120}"
PORT="${BENCH_PORT:-18200}"
PGPORT_="${BENCH_PG_PORT:-55451}"
bench_need wrk pgbench psql curl jq python3
require_free_port "$PORT" "the server" "$PGPORT_" "its embedded PostgreSQL"
JDK=$(bench_jdk); JAR=$(bench_jar)
DATA=$(bench_run_dir billing)
SERVER=""
cleanup() { stop_pid "$SERVER"; [[ -n "${KEEP_RUN_DIR:-}" ]] || rm -rf "$DATA/pgdata"; }
trap cleanup EXIT

start_server
pg_env "$DATA" "$PGPORT_"
enable_statement_log; stop_pid "$SERVER"; start_server   # the logging collector needs a restart

TOKEN=$(api POST /api/v1/auth/register '{"email":"bench@example.test","password":"bench-password-long","firstName":"B","lastName":"M"}' | field accessToken)
ORG=$(api POST /api/v1/organizations '{"name":"Bench Studio","timezone":"Europe/Berlin","currency":"EUR","country":"DE"}' | field id)
OTHER=$(api POST /api/v1/organizations '{"name":"Other Studio","timezone":"Europe/Berlin","currency":"EUR","country":"DE"}' | field id)
TOKEN=$(api POST /api/v1/auth/switch-organization "{\"organizationId\":\"$ORG\"}" | field accessToken)
USER_ID=$(api GET /api/v1/auth/me | field id)
psql -q -v org="$ORG" -v other="$OTHER" -f bench/billing/load.sql
psql -qAt -c "SELECT id FROM bench_clients ORDER BY n" >"$DATA/clients.txt"
DURABILITY_BEFORE=$(durability)

# --- the statements of one payment, as the server received them ----------------------------------
pay_one() { api POST /api/v1/payments "{\"amount\":2500,\"description\":\"Drop-in\",\"method\":\"cash\",\"clientId\":\"$(psql -XAtc "SELECT id FROM bench_clients WHERE n = $1")\"}"; }
pay_one 1 >/dev/null   # the first payment warms the server's caches; the second is captured
capture_statements "$DATA/pgdata" "$DATA/captured-payment.json" pay_one 2
CAPTURED_CLIENT=$(psql -XAtc "SELECT id FROM bench_clients WHERE n = 2")
printf '{"txn": {"cid": ["c.id", "%s"]}, "run": {"org": "%s", "uid": "%s"}}\n' "$CAPTURED_CLIENT" "$ORG" "$USER_ID" \
  >"$DATA/known-payment.json"
python3 bench/capture.py generate "$DATA/captured-payment.json" "$DATA/known-payment.json" bench/billing/payment-setup.sql \
  >"$DATA/captured-payment.sql"
[[ -z "${UPDATE_CAPTURE:-}" ]] || cp "$DATA/captured-payment.sql" bench/billing/captured-payment.sql
mapfile -t DEFINES < <(python3 bench/capture.py defines "$DATA/captured-payment.sql" "$DATA/captured-payment.json" | sed 's/^/-D/')
echo "== the raw side runs the $(grep -c '^-- captured: ' "$DATA/captured-payment.sql") statements the API issued for one payment" >&2

cat >"$DATA/payment.lua" <<LUA
local clients = {}
for line in io.lines("$DATA/clients.txt") do clients[#clients + 1] = line end
request = function()
  local client = clients[math.random(#clients)]
  return wrk.format("POST", "/api/v1/payments", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer $TOKEN"},
    '{"amount":2500,"description":"Drop-in","method":"cash","clientId":"' .. client .. '"}')
end
LUA

echo "Wellbase billing benchmark: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $CONNECTIONS connections, ${WARMUP}s warm-up + ${DURATION}s each" >&2
payment_load() { wrk -t2 -c"$CONNECTIONS" -d"$2s" -s "$DATA/payment.lua" "http://127.0.0.1:$PORT"; } # chunk, seconds
warm_until_steady payments "$SERVER_WARMUP" payment_load
if [[ -n "${PROFILE_PAYMENTS:-}" ]]; then
  record_server "$PROFILE_PAYMENTS" "$DURATION"
fi
OUT=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$DATA/payment.lua" "http://127.0.0.1:$PORT")
APP=$(echo "$OUT" | awk '/Requests\/sec/ {print $2}'); P99=$(wrk_ms "$(echo "$OUT" | awk '$1=="99%" {print $2}')")
BAD=$(echo "$OUT" | awk '/Non-2xx/ {print $NF}')
printf '%-40s %9s req/s  p99 %s ms  non-2xx %s\n' "API: take a payment by hand" "$APP" "$P99" "${BAD:-0}" >&2
pgbench -n -M prepared -f "$DATA/captured-payment.sql" -c "$CONNECTIONS" -j 2 -T "$WARMUP" -D org="$ORG" -D uid="$USER_ID" "${DEFINES[@]}" >/dev/null 2>&1 || true
RAW_OUT=$(pgbench -n -M prepared -f "$DATA/captured-payment.sql" -c "$CONNECTIONS" -j 2 -T "$DURATION" -D org="$ORG" -D uid="$USER_ID" "${DEFINES[@]}" 2>&1) ||
  echo "pgbench failed: $(echo "$RAW_OUT" | grep -m3 -iE 'error|abort')" >&2
RAW=$(echo "$RAW_OUT" | awk '/^tps/ {print $3; exit}')
printf '%-40s %9s tps\n' "raw SQL: the same statements" "$RAW" >&2
DURABILITY_AFTER=$(durability)
[[ "$DURABILITY_BEFORE" == "$DURABILITY_AFTER" ]] || echo "durability settings changed during the run" >&2
echo "durability: $DURABILITY_AFTER" >&2

# the invoice numbers of the organization have no gaps, whatever ran concurrently
read -r COUNT MAXSEQ < <(psql -XAtF' ' -c "SELECT count(*), coalesce(max(seq), 0) FROM invoices WHERE org_id = '$ORG' AND kind = 'invoice'")
result billing.payments_vs_raw "$(awk -v a="$APP" -v b="$RAW" 'BEGIN { if (b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }')" '>=0.5'
result billing.invoice_number_gaps "$((MAXSEQ - COUNT))" =0
note billing.payments.p99_ms "$P99"
