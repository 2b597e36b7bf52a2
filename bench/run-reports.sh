#!/usr/bin/env bash
# Each report type in each format over a year of a 2,000-client studio, through the API (request to
# completed), beside the report's main aggregation run as raw SQL on the same PostgreSQL.
#   bench/run-reports.sh [repeats]
# Knobs: BENCH_PORT (18200), BENCH_PG_PORT (55451), KEEP_RUN_DIR=1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
REPEATS="${1:-3}"
PORT="${BENCH_PORT:-18200}"
PGPORT="${BENCH_PG_PORT:-55451}"
bench_need psql curl bc
require_free_port "$PORT" "the server" "$PGPORT" "its embedded PostgreSQL"
JDK=$(bench_jdk); JAR=$(bench_jar)
DATA=$(bench_run_dir reports)
"$JDK/bin/java" -Xmx512m -jar "$JAR" --server.port="$PORT" --wellbase.platform.db.embedded-data-dir="$DATA/pgdata" \
  --wellbase.platform.db.embedded-port="$PGPORT" --wellbase.files.local.root="$DATA/files" \
  --wellbase.platform.demo.enabled=false --wellbase.platform.rate-limits.enabled=false \
  --db-scheduler.polling-interval=100ms --logging.level.root=WARN > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'stop_pid "$SERVER"; [[ -n "${KEEP_RUN_DIR:-}" ]] || rm -rf "$DATA/pgdata" "$DATA/files"' EXIT
wait_ready "$PORT" "$SERVER" "$DATA/server.log"

field() { sed -E "s/.*\"$1\":\"?([^\",}]+)\"?.*/\1/"; }
TOKEN=$(api POST /api/v1/auth/register '{"email":"bench@example.test","password":"bench-password-long","firstName":"B","lastName":"M"}' | field accessToken)
ORG=$(api POST /api/v1/organizations '{"name":"Bench Studio","timezone":"Europe/Berlin","currency":"EUR","country":"DE"}' | field id)
TOKEN=$(api POST /api/v1/auth/switch-organization "{\"organizationId\":\"$ORG\"}" | field accessToken)
pg_env "$DATA" "$PGPORT"
psql -q -v org="$ORG" -f bench/reports/seed.sql
echo "seeded: $(psql -qAt -c "SELECT count(*) FROM clients") clients, $(psql -qAt -c "SELECT count(*) FROM class_sessions") classes, $(psql -qAt -c "SELECT count(*) FROM bookings") bookings, $(psql -qAt -c "SELECT count(*) FROM sales") sales" >&2
FROM=$(date -d '-364 days' +%F); TO=$(date +%F)

report() { # type format → seconds from request to completed (the server's own time is in durationMs)
  local start id job status
  start=$(date +%s.%N)
  id=$(api POST /api/v1/reports "{\"reportType\":\"$1\",\"format\":\"$2\",\"filters\":{\"dateRange\":{\"from\":\"$FROM\",\"to\":\"$TO\"}}}" | field id)
  while true; do
    job=$(api GET "/api/v1/reports/$id"); status=$(echo "$job" | field status)
    [ "$status" != processing ] && break
    sleep 0.05
  done
  [ "$status" = completed ] || { echo "report $1 $2: $job" >&2; exit 1; }
  echo "$(echo "$(date +%s.%N) - $start" | bc) $(echo "$job" | field durationMs)"
}

raw() { # the main aggregation of a report, as plain SQL, in seconds
  local start; start=$(date +%s.%N)
  psql -qAt -v org="$ORG" -v from="$FROM" -v to="$TO" -c "$1" > /dev/null
  echo "$(date +%s.%N) - $start" | bc
}
RAW_SESSIONS="SELECT cs.local_date, t.name, l.name, cs.capacity, count(b.id) FILTER (WHERE b.status = 'attended'), count(b.id) FILTER (WHERE b.status = 'late_cancelled'), count(b.id) FILTER (WHERE b.status = 'no_show') FROM class_sessions cs JOIN class_types t ON t.id = cs.class_type_id JOIN locations l ON l.id = cs.location_id LEFT JOIN users u ON u.id = cs.instructor_id LEFT JOIN bookings b ON b.session_id = cs.id WHERE cs.org_id = '$ORG' AND cs.local_date BETWEEN '$FROM' AND '$TO' GROUP BY cs.id, t.name, l.name, u.first_name, u.last_name"
RAW_SALES="SELECT x.payment_method, date_trunc('day', x.sold_at), sum(i.total) FROM sales x JOIN sale_items i ON i.sale_id = x.id WHERE x.org_id = '$ORG' AND x.sold_at >= '$FROM' GROUP BY 1, 2"

for format in json csv pdf; do report attendance_summary $format >/dev/null; done  # warm-up, not counted
printf '%-24s %-5s %10s %10s\n' report format "wall (s)" "server ms" >&2
MAX=0; PDF_MAX=0
for type in attendance_summary revenue_summary membership_retention client_roster instructor_utilization; do
  for format in json csv pdf; do
    best=""; best_ms=""
    for _ in $(seq 1 "$REPEATS"); do
      read -r wall ms < <(report $type $format)
      if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc)" = 1 ]; then best=$wall; best_ms=$ms; fi
    done
    printf '%-24s %-5s %10.2f %10s\n' $type $format "$best" "$best_ms"
    if [ "$format" = pdf ]; then PDF_MAX=$(echo "if ($best > $PDF_MAX) $best else $PDF_MAX" | bc); else MAX=$(echo "if ($best > $MAX) $best else $MAX" | bc); fi
  done
done
printf 'raw SQL, attendance per-class aggregation: %.2fs; revenue aggregation: %.2fs\n' "$(raw "$RAW_SESSIONS")" "$(raw "$RAW_SALES")"
result reports.max_s "$(printf '%.2f' "$MAX")" '<2'
result reports.pdf_max_s "$(printf '%.2f' "$PDF_MAX")" '<4'
