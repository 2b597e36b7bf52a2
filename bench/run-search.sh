#!/usr/bin/env bash
# Global search beside the machine's limit, on one embedded PostgreSQL holding 1,000,000 documents in the bench
# organization (and 100,000 in another): GET /api/v1/search?q=…&limit=20 for twenty queries drawn at random
# (typeahead prefixes, names with and without accents, one or two typos), against pgbench -M prepared running
# exactly the statements the API issued for one search (captured from the server's statement log in this run) with
# the same queries. Target: p95 < 50 ms through the API.
#   bench/run-search.sh [seconds-per-measure] [connections]
# Knobs: WARMUP (s, 3), SERVER_WARMUP (at most s of search load before the measure; 60), BENCH_PORT (18300),
#   BENCH_PG_PORT (55461), HEAP (2g), POOL (40), KEEP_RUN_DIR=1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
DURATION="${1:-15}"
CONNECTIONS="${2:-4}"
WARMUP="${WARMUP:-3}"
SERVER_WARMUP="${SERVER_WARMUP:-60}"
PORT="${BENCH_PORT:-18300}"
PGPORT_="${BENCH_PG_PORT:-55461}"
bench_need wrk pgbench psql curl jq python3
require_free_port "$PORT" "the server" "$PGPORT_" "its embedded PostgreSQL"
JDK=$(bench_jdk); JAR=$(bench_jar)
DATA=$(bench_run_dir search)
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
LOAD_START=$(date +%s)
psql -q -v org="$ORG" -v other="$OTHER" -v uid="$USER_ID" -f bench/search/load.sql
echo "== loaded $(psql -XAtc "SELECT count(*) FROM search_documents WHERE org_id = '$ORG'") documents in the bench organization, $(psql -XAtc "SELECT count(*) FROM search_terms WHERE org_id = '$ORG'") title words, in $(( $(date +%s) - LOAD_START ))s" >&2
psql -XAtc "SELECT q FROM bench_search_queries ORDER BY n" >"$DATA/queries.txt"

# --- the statements of one search, as the server received them -----------------------------------
search_one() { api GET "/api/v1/search?q=$(jq -rn --arg q "$1" '$q|@uri')&limit=20"; }
# two words, so that every value the API binds differs from the others (the query, its first word, the four
# tsqueries), and the raw side's per-transaction values are each mapped to the right parameter
CAPTURED_Q="anna schm"
search_one mueller >/dev/null   # the first search warms the server's caches; the second is captured
capture_statements "$DATA/pgdata" "$DATA/captured-search.json" search_one "$CAPTURED_Q"
# the search is two statements: the query's words and corrections (parse), then the candidates ranked with them.
# Each query's parse results are computed here by the captured parse statement itself, so that the raw side's
# second statement gets, per transaction, the values the API would have bound for that query.
python3 - "$DATA/captured-search.json" "$CAPTURED_Q" <<'PY' >"$DATA/parse.sql"
import json, sys
statements = json.load(open(sys.argv[1]))
parse = next(s for s in statements if "search_terms" in s["sql"])
sql = parse["sql"]
for i in range(len(parse["params"]), 0, -1):
    v = parse["params"][i - 1]
    sql = sql.replace("$%d" % i, "s.q" if v == sys.argv[2] else "'" + str(v).replace("'", "''") + "'")
print("BEGIN; SELECT set_config('pg_trgm.similarity_threshold', '0.2', true);")
print("CREATE TEMP TABLE parsed AS SELECT s.n, p.* FROM bench_search_queries s CROSS JOIN LATERAL (" + sql + ") p;")
print("UPDATE bench_search_queries s SET exact = p.exact, fuzzy = p.fuzzy, exact_prefixes = p.exact_prefixes,"
      " fuzzy_prefixes = p.fuzzy_prefixes, corrected = p.corrected,"
      " first_word = regexp_replace(split_part(p.exact, ' ', 1), '^''|'':\\*$', '', 'g') FROM parsed p WHERE p.n = s.n;")
print("COMMIT;")
PY
psql -Xq -c "ALTER TABLE bench_search_queries ADD COLUMN exact text, ADD COLUMN fuzzy text, ADD COLUMN exact_prefixes text, ADD COLUMN fuzzy_prefixes text, ADD COLUMN corrected boolean, ADD COLUMN first_word text" -f "$DATA/parse.sql"
psql -XAt -c "SELECT json_build_object(
    'txn', json_build_object('q', json_build_array('s.q', q), 'exact', json_build_array('s.exact', exact),
                             'fuzzy', json_build_array('s.fuzzy', fuzzy),
                             'exact_prefixes', json_build_array('s.exact_prefixes', exact_prefixes),
                             'fuzzy_prefixes', json_build_array('s.fuzzy_prefixes', fuzzy_prefixes),
                             'corrected', json_build_array('s.corrected', CASE WHEN corrected THEN 't' ELSE 'f' END),
                             'first', json_build_array('s.first_word', first_word)),
    'run', json_build_object('org', '$ORG', 'uid', '$USER_ID'))
  FROM bench_search_queries WHERE q = '$CAPTURED_Q'" >"$DATA/known-search.json"
python3 bench/capture.py generate "$DATA/captured-search.json" "$DATA/known-search.json" bench/search/search-setup.sql \
  >"$DATA/captured-search.sql"
mapfile -t DEFINES < <(python3 bench/capture.py defines "$DATA/captured-search.sql" "$DATA/captured-search.json" | sed 's/^/-D/')
echo "== per-run constants of the raw side (none should be a query's own value): ${DEFINES[*]:-none}" >&2
echo "== the raw side runs the $(grep -c '^-- captured: ' "$DATA/captured-search.sql") statements the API issued for one search" >&2

# every query answers through the API: how many results, and the slowest of three tries
while read -r q; do
  n=$(search_one "$q" | jq '.data | length')
  ms=$(for _ in 1 2 3; do curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" \
         "127.0.0.1:$PORT/api/v1/search?q=$(jq -rn --arg q "$q" '$q|@uri')&limit=20"; done | sort -n | tail -1)
  printf '   %-18s %3s results  %6.1f ms\n' "$q" "$n" "$(awk -v s="$ms" 'BEGIN { print s * 1000 }')" >&2
done <"$DATA/queries.txt"

cat >"$DATA/search.lua" <<LUA
local queries = {}
local function encode(s) return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end)) end
for line in io.lines("$DATA/queries.txt") do queries[#queries + 1] = encode(line) end
request = function()
  return wrk.format("GET", "/api/v1/search?limit=20&q=" .. queries[math.random(#queries)], {["Authorization"] = "Bearer $TOKEN"})
end
done = function(summary, latency, requests)
  io.write(string.format("p95_ms %.2f\n", latency:percentile(95) / 1000))
end
LUA

echo "Wellbase search benchmark: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $CONNECTIONS connections, ${WARMUP}s warm-up + ${DURATION}s each" >&2
search_load() { wrk -t2 -c"$CONNECTIONS" -d"$2s" -s "$DATA/search.lua" "http://127.0.0.1:$PORT"; } # chunk, seconds
warm_until_steady search "$SERVER_WARMUP" search_load
OUT=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$DATA/search.lua" "http://127.0.0.1:$PORT")
APP=$(echo "$OUT" | awk '/Requests\/sec/ {print $2}'); P95=$(echo "$OUT" | awk '/^p95_ms/ {print $2}')
P99=$(wrk_ms "$(echo "$OUT" | awk '$1=="99%" {print $2}')"); BAD=$(echo "$OUT" | awk '/Non-2xx/ {print $NF}')
printf '%-40s %9s req/s  p95 %s ms  p99 %s ms  non-2xx %s\n' "API: search, 1M documents" "$APP" "$P95" "$P99" "${BAD:-0}" >&2
pgbench -n -M prepared -f "$DATA/captured-search.sql" -c "$CONNECTIONS" -j 2 -T "$WARMUP" -D org="$ORG" -D uid="$USER_ID" "${DEFINES[@]}" >/dev/null 2>&1 || true
rm -f "$DATA"/pgbench_log.*
RAW_OUT=$(cd "$DATA" && pgbench -n -M prepared -l -f "$DATA/captured-search.sql" -c "$CONNECTIONS" -j 2 -T "$DURATION" -D org="$ORG" -D uid="$USER_ID" "${DEFINES[@]}" 2>&1) ||
  echo "pgbench failed: $(echo "$RAW_OUT" | grep -m3 -iE 'error|abort')" >&2
RAW=$(echo "$RAW_OUT" | awk '/^tps/ {print $3; exit}')
RAW_P95=$(cat "$DATA"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END { if (NR) printf "%.2f", v[int(NR*0.95)] / 1000; else print "n/a" }')
printf '%-40s %9s tps    p95 %s ms\n' "raw SQL: the same statements" "$RAW" "$RAW_P95" >&2
echo "durability: $(durability)" >&2

result search.p95_ms "$P95" '<50'
note search.api_vs_raw "$(awk -v a="$APP" -v b="$RAW" 'BEGIN { if (b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }')"
note search.raw_p95_ms "$RAW_P95"
note search.p99_ms "$P99"
