#!/usr/bin/env bash
# Importing a 1,000,000-row Mindbody visits export through the API, beside a raw COPY of the same
# file into a bare table on the same PostgreSQL, in one run; the server's heap is sampled meanwhile.
# The floor: after the import, the same bookings are saved aside, the real bookings table emptied
# (TRUNCATE: nothing references it) and the saved rows inserted back by one plain INSERT ... SELECT,
# through the table's own indexes, checks and foreign keys. Target: import <= 1.5x that insert.
#   bench/run-imports.sh [visit-rows] [server-heap]
# Knobs: BENCH_PORT (18190), BENCH_PG_PORT (55441), KEEP_RUN_DIR=1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
ROWS="${1:-1000000}"
HEAP="${2:-512m}"
CLIENTS=20000
PORT="${BENCH_PORT:-18190}"
PGPORT="${BENCH_PG_PORT:-55441}"
bench_need psql curl awk bc
require_free_port "$PORT" "the server" "$PGPORT" "its embedded PostgreSQL"
JDK=$(bench_jdk); JAR=$(bench_jar)
DATA=$(bench_run_dir imports)
awk -v rows="$ROWS" -v clients=$CLIENTS -v start="$(date -u -d '2023-01-02' +%s)" -f bench/imports/visits.awk > "$DATA/visits.csv"
{ echo "Client ID,First Name,Last Name,Email"; for i in $(seq 1 $CLIENTS); do echo "M-$i,First$i,Last$i,client$i@example.test"; done; } > "$DATA/clients.csv"
echo "visits file: $ROWS rows, $(du -m "$DATA/visits.csv" | cut -f1) MB" >&2

METRICS_PASSWORD="bench-$RANDOM-$RANDOM"   # /actuator/prometheus needs basic auth
WELLBASE_METRICS_PASSWORD="$METRICS_PASSWORD" "$JDK/bin/java" -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" --wellbase.platform.db.embedded-data-dir="$DATA/pgdata" \
  --wellbase.platform.db.embedded-port="$PGPORT" --wellbase.files.local.root="$DATA/files" \
  --wellbase.platform.demo.enabled=false --wellbase.platform.rate-limits.enabled=false \
  --db-scheduler.polling-interval=500ms --logging.level.root=WARN --logging.level.io.wellbase.dataexchange=INFO > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'stop_pid "$SERVER"; [[ -n "${KEEP_RUN_DIR:-}" ]] || rm -rf "$DATA/pgdata" "$DATA"/*.csv' EXIT
wait_ready "$PORT" "$SERVER" "$DATA/server.log"

field() { sed -E "s/.*\"$1\":\"?([^\",}]+)\"?.*/\1/"; }
TOKEN=$(api POST /api/v1/auth/register '{"email":"bench@example.test","password":"bench-password-long","firstName":"B","lastName":"M"}' | field accessToken)
ORG=$(api POST /api/v1/organizations '{"name":"Bench","timezone":"America/New_York","currency":"USD","country":"US"}' | field id)
TOKEN=$(api POST /api/v1/auth/switch-organization "{\"organizationId\":\"$ORG\"}" | field accessToken)

import() { # kind, file → seconds from submit to completed
  local start id status job
  start=$(date +%s.%N)
  id=$(curl -sf "127.0.0.1:$PORT/api/v1/imports" -H "Authorization: Bearer $TOKEN" -F kind="$1" -F file=@"$2" | field id)
  while true; do
    job=$(api GET "/api/v1/imports/$id"); status=$(echo "$job" | field status)
    case "$status" in completed|failed|cancelled) break ;; esac
    sleep 0.2
  done
  echo "$1: $job" > "$DATA/job-$1.json"
  echo "$(date +%s.%N) - $start" | bc
}

heap_sampler() { # the largest used heap (MiB) seen while the import runs
  local max=0 used
  while kill -0 $SERVER 2>/dev/null && [ ! -f "$DATA/stop-sampling" ]; do
    used=$(curl -sf -u "prometheus:$METRICS_PASSWORD" "127.0.0.1:$PORT/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $NF} END {print int(sum / 1048576)}') || used=""
    [ -n "$used" ] && [ "$used" -gt "$max" ] && max=$used
    sleep 1
  done
  echo $max > "$DATA/heap-max"
}

T_CLIENTS=$(import clients "$DATA/clients.csv")
# warm-up (not counted): 20,000 visits of other days (2019) through the same path
awk -v rows=20000 -v clients=$CLIENTS -v start="$(date -u -d '2019-01-02' +%s)" -f bench/imports/visits.awk | sed '2,$ s/^V/W/' > "$DATA/warmup-visits.csv"
T_WARMUP=$(import visits "$DATA/warmup-visits.csv"); mv "$DATA/job-visits.json" "$DATA/job-warmup.json"
pg_env "$DATA" "$PGPORT"
psql -q -c "CREATE UNLOGGED TABLE warmup_bookings AS SELECT * FROM bookings"
heap_sampler & SAMPLER=$!
T_IMPORT=$(import visits "$DATA/visits.csv")
grep -q '"status":"completed"' "$DATA/job-visits.json" || echo "the visits import did not complete: $(cut -c1-300 "$DATA/job-visits.json")" >&2
touch "$DATA/stop-sampling"; wait $SAMPLER || true
HEAP_MAX=$(cat "$DATA/heap-max" 2>/dev/null || echo "?")

pg_env "$DATA" "$PGPORT"
psql -q -c "CREATE UNLOGGED TABLE IF NOT EXISTS bare_visits (visit_id text, client_id text, first_name text, last_name text, visit_date text, visit_time text, class_name text, staff text, location text, late_cancel text, no_show text)"
psql -q -c "CREATE TABLE bare_visits_logged (LIKE bare_visits)"
START=$(date +%s.%N)
psql -q -c "\\copy bare_visits_logged FROM '$DATA/visits.csv' WITH (FORMAT csv, HEADER true)"
T_COPY=$(echo "$(date +%s.%N) - $START" | bc)

# the floor of the merge's biggest step: the same bookings inserted by plain SQL into the real table
# (the warm-up's rows go back first, untimed, so the table holds what the import found in it)
psql -q -c "CREATE UNLOGGED TABLE saved_bookings AS SELECT * FROM bookings WHERE id NOT IN (SELECT id FROM warmup_bookings)" \
  -c "TRUNCATE bookings" -c "INSERT INTO bookings SELECT * FROM warmup_bookings" -c "VACUUM ANALYZE bookings" -c "CHECKPOINT"
START=$(date +%s.%N)
psql -q -c "INSERT INTO bookings SELECT * FROM saved_bookings ORDER BY session_id, client_id"
T_RAW_INSERT=$(echo "$(date +%s.%N) - $START" | bc)
INSERTED=$(psql -qAt -c "SELECT count(*) FROM saved_bookings")

echo "clients import ($CLIENTS rows): ${T_CLIENTS}s; warm-up visits import (20,000 rows, not counted): ${T_WARMUP}s" >&2
grep -E "import .*(first pass|staged|merged|committed|rows in)" "$DATA/server.log" | sed -E 's/^.*(import [0-9a-f-]+: )/  /' | cut -c1-120 | tail -16 >&2
cat "$DATA/job-visits.json" | sed 's/,"/\n  "/g' | grep -E '"(status|created|updated|skipped|failed|warnings|total)"' >&2
printf 'visits import: %.1fs   raw COPY of the same file: %.1fs   ratio %.1fx   max heap used %s MiB (-Xmx%s)\n' \
  "$T_IMPORT" "$T_COPY" "$(echo "$T_IMPORT / $T_COPY" | bc -l)" "$HEAP_MAX" "$HEAP"
printf 'the same %s bookings inserted by plain SQL into the real bookings table (its indexes, checks, foreign keys): %.1fs\n' \
  "$INSERTED" "$T_RAW_INSERT"
echo "visit rows: $ROWS (the target is stated at 1,000,000)"
result imports.visits_vs_insert "$(echo "scale=2; $T_IMPORT / $T_RAW_INSERT" | bc -l | sed 's/^\./0./')" '<=1.5'
note imports.visits_vs_copy "$(printf '%.1f' "$(echo "$T_IMPORT / $T_COPY" | bc -l)")x (import over a raw COPY of the same file into a bare table; reported, no target)"
note imports.heap_max_mib "$HEAP_MAX (-Xmx$HEAP)"
