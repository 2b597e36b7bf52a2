#!/usr/bin/env bash
# Client list with filters and facets at 100,000 clients: the HTTP endpoint (wrk, bearer token)
# against the same SQL run raw with pgbench against the same embedded PostgreSQL, in one run.
#
#   bench/run-clients.sh                 # defaults below
#   CONC=4 DURATION=20 LAT_DURATION=10 bench/run-clients.sh
#
# Loopback only; every load phase is bounded by DURATION / LAT_DURATION seconds.
# Knobs: NCLIENTS (100000), APP_PORT / DB_PORT (default: free ones), KEEP_RUN_DIR=1.
# LIST_CACHE_TTL (0s): the list's total and facet cache; 0s measures every request counting afresh, the
# same statements the raw side runs (the raw files under bench/clients/queries); 5s is the default in production.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROOT="$BENCH_ROOT"
cd "$ROOT"
JAVA_HOME_25="${JAVA_HOME_25:-$(bench_jdk)}"
JAR="$(bench_jar)"
NCLIENTS="${NCLIENTS:-100000}"
CONC="${CONC:-4}"               # concurrent connections in the throughput phase (both sides)
DURATION="${DURATION:-20}"      # seconds per throughput phase
LAT_DURATION="${LAT_DURATION:-10}"  # seconds per single-connection latency phase
WARMUP="${WARMUP:-5}"           # seconds of warm-up per query and side before measuring
ONLY="${ONLY:-}"                # run only the queries whose name matches this (a regular expression)
EXPLAIN_ONLY="${EXPLAIN_ONLY:-}" # 1: load, write EXPLAIN (ANALYZE, BUFFERS) of every statement, no load phases

for tool in wrk pgbench psql curl jq; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk postgresql-client curl jq)" >&2; exit 1; }
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
APP_PORT="${APP_PORT:-$(free_port)}"
DB_PORT="${DB_PORT:-$(free_port)}"
require_free_port "$APP_PORT" "the server" "$DB_PORT" "its embedded PostgreSQL"
RUN_DIR="$(bench_run_dir clients)"
APP_PID=""

cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
    fi
    [[ -n "${KEEP_RUN_DIR:-}" ]] || rm -rf "$RUN_DIR/pgdata"
}
trap cleanup EXIT

echo "== starting app on :$APP_PORT, embedded PostgreSQL on :$DB_PORT, data in $RUN_DIR/pgdata"
"$JAVA_HOME_25/bin/java" -Xms512m -Xmx1g -jar "$JAR" \
    --server.port="$APP_PORT" \
    --server.address=127.0.0.1 \
    --wellbase.platform.db.embedded-data-dir="$RUN_DIR/pgdata" \
    --wellbase.platform.db.embedded-port="$DB_PORT" \
    --wellbase.platform.rate-limits.enabled=false \
    --wellbase.platform.demo.enabled=false \
    --wellbase.identity.access-token-ttl=2h \
    --wellbase.clients.list-cache-ttl="${LIST_CACHE_TTL:-0s}" \
    >"$RUN_DIR/app.log" 2>&1 &
APP_PID=$!

for i in $(seq 1 180); do
    if curl -sf "http://127.0.0.1:$APP_PORT/actuator/health/readiness" >/dev/null 2>&1; then break; fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "app died, see $RUN_DIR/app.log" >&2; tail -50 "$RUN_DIR/app.log" >&2; exit 1; }
    [[ $i -eq 180 ]] && { echo "app not ready after 180 s" >&2; exit 1; }
    sleep 1
done
echo "== app ready"

BASE="http://127.0.0.1:$APP_PORT"
post() { curl -sf -X POST "$BASE$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2"; }
EMAIL="bench-clients-$(date +%s)@example.org"
TOKEN=$(post /api/v1/auth/register "{\"email\":\"$EMAIL\",\"password\":\"Bench-clients-pw-2024!\",\"firstName\":\"Bench\",\"lastName\":\"Owner\"}" | jq -r .accessToken)
ORG=$(post /api/v1/organizations '{"name":"Bench Studio","timezone":"Europe/Berlin","currency":"EUR","country":"DE"}' "$TOKEN" | jq -r .id)
TOKEN=$(post /api/v1/auth/switch-organization "{\"organizationId\":\"$ORG\"}" "$TOKEN" | jq -r .accessToken)
[[ -n "$ORG" && "$ORG" != null && -n "$TOKEN" && "$TOKEN" != null ]] || { echo "setup via API failed" >&2; exit 1; }
echo "== organization $ORG"

pg_env "$RUN_DIR" "$DB_PORT"
echo "== loading $NCLIENTS clients"
START_LOAD=$(date +%s)
psql -q -X -v org="$ORG" -v nclients="$NCLIENTS" -f "$ROOT/bench/clients/load.sql"
echo "   loaded in $(( $(date +%s) - START_LOAD )) s"

# name | HTTP path and query | raw SQL file (the statements the app runs for that request)
QUERIES=(
    "list_status_tag|/api/v1/clients?status=active&tag=vip&page_size=20|list_status_tag.sql"
    "list_q|/api/v1/clients?q=anna|list_q.sql"
    "list_sort_created|/api/v1/clients?sort=-createdAt|list_sort_created.sql"
    "list_membership|/api/v1/clients?membershipState=active&plan=00000000-0000-0000-0000-00000000b001|list_membership.sql"
    "facets_status|/api/v1/clients/facets?status=active|facets_status.sql"
)

# Turns a wrk report into "rps p50ms p99ms non2xx".
wrk_figures() {
    awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
        /Non-2xx/ { bad = $NF } /Socket errors/ { bad = bad "+sock" }
        END { printf "%.1f %.2f %.2f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }' "$1"
}

# Turns a pgbench report and its per-transaction logs into "tps p50ms p99ms failed".
pgbench_figures() {
    local tps p50 p99
    tps=$(awk '/^tps = .*without initial connection time/ { print $3 }' "$1")
    read -r p50 p99 < <(cat "$2".* | awk '{ print $3 }' | sort -n | awk '{ a[NR] = $1 } END {
        i50 = int(NR * 0.50); if (i50 < 1) i50 = 1; i99 = int(NR * 0.99); if (i99 < 1) i99 = 1;
        printf "%.2f %.2f\n", a[i50] / 1000, a[i99] / 1000 }')
    local failed; failed=$(awk '/number of failed transactions/ { print $5 } ' "$1"); failed=${failed:-0}
    printf "%.1f %s %s %s\n" "$tps" "$p50" "$p99" "$failed"
}

# The JIT warm-up (warm_until_steady, lib.sh): every query's path in turn at CONC connections, until the compilers
# are quiet; at most SERVER_WARMUP seconds (120).
{ echo 'local paths = {'; for entry in "${QUERIES[@]}"; do IFS='|' read -r _ path _ <<<"$entry"; echo "  \"$path\","; done
  echo '}'; echo 'local i = 0'
  echo "request = function() i = i + 1; return wrk.format('GET', paths[(i % #paths) + 1], {['Authorization'] = 'Bearer $TOKEN'}) end"
} >"$RUN_DIR/warm.lua"
SERVER=$APP_PID
list_load() { wrk -t2 -c"$CONC" -d"$2s" -s "$RUN_DIR/warm.lua" "$BASE"; } # chunk, seconds
[[ -n "$EXPLAIN_ONLY" ]] || warm_until_steady "every list query" "${SERVER_WARMUP:-120}" list_load

RESULTS="$RUN_DIR/results.tsv"
printf "query\tconc\tapp_rps\tapp_p50_ms\tapp_p99_ms\tapp_non2xx\traw_tps\traw_p50_ms\traw_p99_ms\traw_failed\tratio\n" >"$RESULTS"

for entry in "${QUERIES[@]}"; do
    IFS='|' read -r name path sqlfile <<<"$entry"
    [[ -z "$ONLY" || "$name" =~ $ONLY ]] || continue
    url="$BASE$path"
    code=$(curl -s -o "$RUN_DIR/$name.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$url")
    [[ "$code" == 200 ]] || { echo "$name: HTTP $code: $(head -c 500 "$RUN_DIR/$name.json")" >&2; exit 1; }
    sed -e "s/@ORG@/$ORG/g" "$ROOT/bench/clients/queries/$sqlfile" >"$RUN_DIR/$name.sql"
    summary=$(jq -c 'if has("data") then {rows: (.data | length), total: .pagination.total} else {total, facets: (keys | length)} end' "$RUN_DIR/$name.json")
    echo "== $name  $path  -> $summary"
    # The plan of every statement, as run here, for the record (and for EXPLAIN_ONLY=1).
    grep -v -e '^--' -e '^BEGIN' -e '^COMMIT' "$RUN_DIR/$name.sql" | sed 's/^/EXPLAIN (ANALYZE, BUFFERS) /' \
        | psql -X -q >"$RUN_DIR/$name.explain.txt" 2>&1
    awk '/Execution Time/ { printf "   statement %d: %s ms\n", ++n, $3 }' "$RUN_DIR/$name.explain.txt"
    [[ -z "$EXPLAIN_ONLY" ]] || continue

    wrk -t1 -c1 -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
    for conc in 1 "$CONC"; do
        dur=$([[ $conc == 1 ]] && echo "$LAT_DURATION" || echo "$DURATION")
        threads=$([[ $conc == 1 ]] && echo 1 || echo 2)
        wrk -t"$threads" -c"$conc" -d"${dur}s" --latency -H "Authorization: Bearer $TOKEN" "$url" >"$RUN_DIR/$name.wrk.c$conc.txt"
        read -r app_rps app_p50 app_p99 app_bad < <(wrk_figures "$RUN_DIR/$name.wrk.c$conc.txt")
        rm -f "$RUN_DIR/$name.pg.c$conc".log*
        pgbench -n -M prepared -f "$RUN_DIR/$name.sql" -c "$conc" -j "$threads" -T "$WARMUP" >/dev/null 2>&1 || true  # warm-up
        pgbench -n -M prepared -f "$RUN_DIR/$name.sql" -c "$conc" -j "$threads" -T "$dur" \
            -l --log-prefix="$RUN_DIR/$name.pg.c$conc.log" >"$RUN_DIR/$name.pgbench.c$conc.txt" 2>&1
        read -r raw_tps raw_p50 raw_p99 raw_failed < <(pgbench_figures "$RUN_DIR/$name.pgbench.c$conc.txt" "$RUN_DIR/$name.pg.c$conc.log")
        ratio=$(awk -v a="$app_rps" -v r="$raw_tps" 'BEGIN { printf "%.2f", (r > 0 ? a / r : 0) }')
        printf "   c=%-2s app %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  non2xx %s | raw %8.1f tps  p50 %7.2f ms  p99 %7.2f ms | ratio %s\n" \
            "$conc" "$app_rps" "$app_p50" "$app_p99" "$app_bad" "$raw_tps" "$raw_p50" "$raw_p99" "$ratio"
        printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$name" "$conc" "$app_rps" "$app_p50" "$app_p99" "$app_bad" \
            "$raw_tps" "$raw_p50" "$raw_p99" "$raw_failed" "$ratio" >>"$RESULTS"
    done
done

echo
echo "== results ($RESULTS)"
column -t -s $'\t' "$RESULTS"
echo
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem/ { print $2 }') GiB, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
echo "jdk: $("$JAVA_HOME_25/bin/java" -version 2>&1 | head -1)"
echo "postgres: $(psql -XAtc 'SHOW server_version')"
echo "run dir: $RUN_DIR (app.log, wrk and pgbench reports)"

# Targets: p99 < 50 ms for the lists (single connection), app >= 0.6x raw for list, search and facets (CONC).
pick() { awk -F'\t' -v q="$1" -v c="$2" -v col="$3" -v agg="$4" 'NR > 1 && $1 ~ q && $2 == c {
    v = $col + 0; if (n++ == 0 || (agg == "max" && v > r) || (agg == "min" && v < r)) r = v }
    END { if (n) printf "%.2f", r; else print "n/a" }' "$RESULTS"; }
echo
echo "clients: $NCLIENTS (the target is stated at 100,000)"
result clients.list.p99_ms "$(pick '^list_(status_tag|sort_created|membership)$' 1 5 max)" '<50'
result clients.q.p99_ms "$(pick '^list_q$' 1 5 max)" '<50'
result clients.list.ratio "$(pick '^list_(status_tag|sort_created|membership)$' "$CONC" 11 min)" '>=0.6'
result clients.q.ratio "$(pick '^list_q$' "$CONC" 11 min)" '>=0.6'
result clients.facets.ratio "$(pick '^facets' "$CONC" 11 min)" '>=0.6'
