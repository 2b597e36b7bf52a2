#!/usr/bin/env bash
# Insights over ten million visits in one organization: the home summary, a year's daily time series of
# visits and a year's monthly fill rate through the API (rollups up to yesterday but one, the rows after),
# beside the same year's answer computed from the rows in raw SQL; and a question answered by the built-in
# parser. Also: training time of the churn model on a generated 5,000-client organization.
#   bench/run-insights.sh
# Knobs: DAYS (1825: 10,037,500 bookings; 5,500 bookings a day), BENCH_PORT (18300), BENCH_PG_PORT (55461),
# DURATION (15 s per wrk measure), KEEP_RUN_DIR=1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
PORT="${BENCH_PORT:-18300}"
PGPORT="${BENCH_PG_PORT:-55461}"
DURATION="${DURATION:-15}"
DAYS="${DAYS:-1825}"
bench_need psql curl jq wrk bc
require_free_port "$PORT" "the server" "$PGPORT" "its embedded PostgreSQL"
JDK=$(bench_jdk); JAR=$(bench_jar)
DATA=$(bench_run_dir insights)
"$JDK/bin/java" -Xmx1g -jar "$JAR" --server.port="$PORT" --wellbase.platform.db.embedded-data-dir="$DATA/pgdata" \
  --wellbase.platform.db.embedded-port="$PGPORT" --wellbase.files.local.root="$DATA/files" \
  --wellbase.platform.demo.enabled=false --wellbase.platform.rate-limits.enabled=false \
  --wellbase.insights.query-timeout=60s --logging.level.root=WARN > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'stop_pid "$SERVER"; [[ -n "${KEEP_RUN_DIR:-}" ]] || rm -rf "$DATA/pgdata" "$DATA/files"' EXIT
wait_ready "$PORT" "$SERVER" "$DATA/server.log"

TOKEN=$(api POST /api/v1/auth/register '{"email":"bench@example.test","password":"bench-password-long","firstName":"B","lastName":"M"}' | jq -r .accessToken)
ORG=$(api POST /api/v1/organizations '{"name":"Big Studio","timezone":"Europe/Berlin","currency":"EUR","country":"DE"}' | jq -r .id)
TOKEN=$(api POST /api/v1/auth/switch-organization "{\"organizationId\":\"$ORG\"}" | jq -r .accessToken)
pg_env "$DATA" "$PGPORT"
start=$(date +%s)
psql -q -v org="$ORG" -v days="$DAYS" -f bench/insights/seed.sql
echo "seeded in $(( $(date +%s) - start )) s: $(psql -qAt -c "SELECT count(*) FROM bookings") bookings, $(psql -qAt -c "SELECT count(*) FROM class_sessions") classes" >&2
start=$(date +%s.%N)
api POST /api/v1/analytics/rollups/rebuild '{}' > "$DATA/rollups.json"
REBUILD=$(echo "$(date +%s.%N) - $start" | bc)
echo "rollups rebuilt in ${REBUILD}s through $(jq -r .completeThrough "$DATA/rollups.json"): $(psql -qAt -c "SELECT count(*) FROM insight_daily_attendance") attendance rows" >&2

FROM=$(date -d '-364 days' +%F); TO=$(date +%F)
BASE="http://127.0.0.1:$PORT"
figures() { awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
  /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
  END { printf "%.1f %.2f %.2f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }' "$1"; }
measure() { # name url [lua] → "rps p50 p99 non2xx"
  local name=$1 url=$2 lua=${3:-}
  wrk -t1 -c1 -d3s -H "Authorization: Bearer $TOKEN" ${lua:+-s "$lua"} "$url" > /dev/null
  wrk -t1 -c1 -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" ${lua:+-s "$lua"} "$url" > "$DATA/$name.wrk.txt"
  figures "$DATA/$name.wrk.txt"
}
cat > "$DATA/ask.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"question":"how many visits by month this year"}'
LUA
raw_ms() { # the best of three runs of a statement, in ms (EXPLAIN ANALYZE's execution time)
  local best=""; for _ in 1 2 3; do
    t=$(psql -qAt -c "EXPLAIN (ANALYZE, FORMAT JSON) $1" | jq '.[0]["Execution Time"]')
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done; printf '%.1f' "$best"; }
RAW_SERIES="SELECT cs.local_date, count(*) FILTER (WHERE b.status = 'attended') FROM bookings b JOIN class_sessions cs ON cs.org_id = b.org_id AND cs.id = b.session_id WHERE b.org_id = '$ORG' AND cs.org_id = '$ORG' AND cs.status = 'scheduled' AND cs.local_date BETWEEN '$FROM' AND '$TO' GROUP BY 1"
ROLLUP_SERIES="SELECT day, sum(visits) FROM insight_daily_attendance WHERE org_id = '$ORG' AND day BETWEEN '$FROM' AND '$TO' GROUP BY 1"

read -r h_rps h_p50 h_p99 h_bad < <(measure home "$BASE/api/v1/home/summary")
read -r t_rps t_p50 t_p99 t_bad < <(measure series "$BASE/api/v1/analytics/timeseries?metric=visits&interval=day&from=$FROM&to=$TO")
read -r f_rps f_p50 f_p99 f_bad < <(measure fill "$BASE/api/v1/analytics/timeseries?metric=fillRate&interval=month&groupBy=location&from=$FROM&to=$TO")
read -r a_rps a_p50 a_p99 a_bad < <(measure ask "$BASE/api/v1/insights/ask" "$DATA/ask.lua")
RAW=$(raw_ms "$RAW_SERIES"); ROLL=$(raw_ms "$ROLLUP_SERIES")
# the same year's answer both ways must agree
api GET "/api/v1/analytics/timeseries?metric=visits&interval=day&from=$FROM&to=$TO" | jq -c '[.rows[] | .visits] | add' > "$DATA/api-total.txt"
psql -qAt -c "SELECT sum(n) FROM ($RAW_SERIES) x(d, n)" > "$DATA/raw-total.txt"
SAME=$([ "$(cat "$DATA/api-total.txt")" = "$(cat "$DATA/raw-total.txt")" ] && echo 1 || echo 0)
printf '%-28s %9s %9s %9s %7s\n' measure req/s p50_ms p99_ms non2xx
printf '%-28s %9s %9s %9s %7s\n' "home summary" "$h_rps" "$h_p50" "$h_p99" "$h_bad"
printf '%-28s %9s %9s %9s %7s\n' "visits per day, a year" "$t_rps" "$t_p50" "$t_p99" "$t_bad"
printf '%-28s %9s %9s %9s %7s\n' "fill per month x location" "$f_rps" "$f_p50" "$f_p99" "$f_bad"
printf '%-28s %9s %9s %9s %7s\n' "question (parser)" "$a_rps" "$a_p50" "$a_p99" "$a_bad"
echo "a year of visits per day in raw SQL: ${RAW} ms from the rows, ${ROLL} ms from the rollups; API total = rows total: $SAME"

# Churn training on a generated 5,000-client organization (its own studio, a year of visits).
TOKEN2=$(api POST /api/v1/auth/register '{"email":"churn@example.test","password":"bench-password-long","firstName":"C","lastName":"M"}' | jq -r .accessToken)
ORG2=$(TOKEN=$TOKEN2 api POST /api/v1/organizations '{"name":"Churn Studio","timezone":"Europe/Berlin","currency":"EUR","country":"DE"}' | jq -r .id)
TOKEN2=$(TOKEN=$TOKEN2 api POST /api/v1/auth/switch-organization "{\"organizationId\":\"$ORG2\"}" | jq -r .accessToken)
psql -q -v org="$ORG2" -f bench/insights/churn-seed.sql
start=$(date +%s.%N)
TOKEN=$TOKEN2 api POST /api/v1/predictions/churn/model/retrain '{}' > "$DATA/churn.json"
TRAIN=$(echo "$(date +%s.%N) - $start" | bc)
echo "churn model: $(jq -c '{method, trainingRows, heldOutRows, heldOutLeavers, quality, rules, trainingMs}' "$DATA/churn.json")"

result insights.home_p99_ms "$h_p99" '<100'
result insights.timeseries_year_p99_ms "$t_p99" '<100'
result insights.fill_month_location_p99_ms "$f_p99" '<100'
result insights.ask_p99_ms "$a_p99" '<200'
result insights.rollups_equal_rows "$SAME" '=1'
result insights.churn_training_s "$(printf '%.1f' "$TRAIN")" '<60'
result insights.churn_auc "$(jq -r .quality.auc "$DATA/churn.json")" '>=0.85'
result insights.churn_precision_at_10 "$(jq -r .quality.precisionAt10 "$DATA/churn.json")" '>=0.5'
note insights.raw_year_series_ms "$RAW" "rollup_year_series_ms=$ROLL" "rollup_rebuild_s=$REBUILD"
echo "run dir: $DATA"
