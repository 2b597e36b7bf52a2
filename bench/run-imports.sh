#!/usr/bin/env bash
# Importing a 1,000,000-row Mindbody visits export through the API, beside a raw COPY of the same
# file into a bare table on the same PostgreSQL, in one run; the server's heap is sampled meanwhile.
#   bench/run-imports.sh [visit-rows] [server-heap]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
HEAP="${2:-512m}"
CLIENTS=20000
PORT="${BENCH_PORT:-18190}"
PGPORT="${BENCH_PG_PORT:-55441}"
DATA=/tmp/wellbase-bench-imports
JDK="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[1-9]* 2>/dev/null | head -1)}"
for tool in psql curl awk; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
JAR=$(ls target/wellbase-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then ./mvnw -q -B -DskipTests package; JAR=$(ls target/wellbase-*.jar | grep -v original | head -1); fi

rm -rf "$DATA"; mkdir -p "$DATA"
awk -v rows="$ROWS" -v clients=$CLIENTS -v start="$(date -u -d '2023-01-02' +%s)" -f bench/imports/visits.awk > "$DATA/visits.csv"
{ echo "Client ID,First Name,Last Name,Email"; for i in $(seq 1 $CLIENTS); do echo "M-$i,First$i,Last$i,client$i@example.test"; done; } > "$DATA/clients.csv"
echo "visits file: $ROWS rows, $(du -m "$DATA/visits.csv" | cut -f1) MB" >&2

"$JDK/bin/java" -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" --wellbase.platform.db.embedded-data-dir="$DATA/pgdata" \
  --wellbase.platform.db.embedded-port="$PGPORT" --wellbase.files.local.root="$DATA/files" \
  --wellbase.platform.demo.enabled=false --wellbase.platform.rate-limits.enabled=false \
  --db-scheduler.polling-interval=500ms --logging.level.root=WARN --logging.level.io.wellbase.dataexchange=INFO > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null && break; sleep 0.5; done

api() { curl -sf "localhost:$PORT$2" -X "$1" -H 'Content-Type: application/json' ${TOKEN:+-H "Authorization: Bearer $TOKEN"} ${3:+-d "$3"}; }
field() { sed -E "s/.*\"$1\":\"?([^\",}]+)\"?.*/\1/"; }
TOKEN=$(api POST /api/v1/auth/register '{"email":"bench@example.test","password":"bench-password-long","firstName":"B","lastName":"M"}' | field accessToken)
ORG=$(api POST /api/v1/organizations '{"name":"Bench","timezone":"America/New_York","currency":"USD","country":"US"}' | field id)
TOKEN=$(api POST /api/v1/auth/switch-organization "{\"organizationId\":\"$ORG\"}" | field accessToken)

import() { # kind, file → seconds from submit to completed
  local start id status job
  start=$(date +%s.%N)
  id=$(curl -sf "localhost:$PORT/api/v1/imports" -H "Authorization: Bearer $TOKEN" -F kind="$1" -F file=@"$2" | field id)
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
    used=$(curl -sf "localhost:$PORT/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $NF} END {print int(sum / 1048576)}')
    [ -n "$used" ] && [ "$used" -gt "$max" ] && max=$used
    sleep 1
  done
  echo $max > "$DATA/heap-max"
}

T_CLIENTS=$(import clients "$DATA/clients.csv")
heap_sampler & SAMPLER=$!
T_IMPORT=$(import visits "$DATA/visits.csv")
touch "$DATA/stop-sampling"; wait $SAMPLER
HEAP_MAX=$(cat "$DATA/heap-max")

export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=postgres
psql -q -c "CREATE UNLOGGED TABLE IF NOT EXISTS bare_visits (visit_id text, client_id text, first_name text, last_name text, visit_date text, visit_time text, class_name text, staff text, location text, late_cancel text, no_show text)"
psql -q -c "CREATE TABLE bare_visits_logged (LIKE bare_visits)"
START=$(date +%s.%N)
psql -q -c "\\copy bare_visits_logged FROM '$DATA/visits.csv' WITH (FORMAT csv, HEADER true)"
T_COPY=$(echo "$(date +%s.%N) - $START" | bc)

# the floor of the merge's biggest step: the same bookings written by plain SQL into a table with the
# same indexes, checks and foreign keys
psql -q -c "CREATE TABLE raw_bookings (LIKE bookings INCLUDING ALL)" \
  -c "ALTER TABLE raw_bookings ADD FOREIGN KEY (org_id, session_id) REFERENCES class_sessions (org_id, id), ADD FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id)"
START=$(date +%s.%N)
psql -q -c "INSERT INTO raw_bookings SELECT * FROM bookings ORDER BY session_id, client_id"
T_RAW_INSERT=$(echo "$(date +%s.%N) - $START" | bc)

echo "clients import ($CLIENTS rows): ${T_CLIENTS}s" >&2
grep -E "import .*(first pass|staged|merged|committed|rows in)" "$DATA/server.log" | sed -E 's/^.*(import [0-9a-f-]+: )/  /' | cut -c1-120 | tail -16 >&2
cat "$DATA/job-visits.json" | sed 's/,"/\n  "/g' | grep -E '"(status|created|updated|skipped|failed|warnings|total)"' >&2
printf 'visits import: %.1fs   raw COPY of the same file: %.1fs   ratio %.1fx   max heap used %s MiB (-Xmx%s)\n' \
  "$T_IMPORT" "$T_COPY" "$(echo "$T_IMPORT / $T_COPY" | bc -l)" "$HEAP_MAX" "$HEAP"
printf 'the same %s bookings inserted by plain SQL into an identical table (indexes, checks, foreign keys): %.1fs\n' \
  "$ROWS" "$T_RAW_INSERT"
