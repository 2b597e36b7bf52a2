#!/usr/bin/env bash
# Every benchmark scenario in one command, one after the other (each starts its own server on its own
# ports and fresh data, and stops it), then one table: scenario, measured, target, met|missed.
#   bench/run-all.sh            # about 15-18 minutes on a 2-core machine
#   QUICK=1 bench/run-all.sh    # a few minutes: shorter measures, smaller data (sizes printed)
# It reports and always exits 0; the tests check correctness. A script that fails or exceeds its
# time limit shows up in the table as "<script> exit=<status>". Output of each script: the run dir printed.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=$(mktemp -d /tmp/wellbase-bench-all.XXXXXX)
export BENCH_RESULTS="$OUT/results.txt"
: >"$BENCH_RESULTS"

if [[ -n "${QUICK:-}" ]]; then
  MODE="QUICK"; LIMIT=300
  AUTH=(env WARMUP=2 SERVER_WARMUP=30 bench/run-auth.sh 5 32)
  CLIENTS=(env NCLIENTS=20000 CONC=4 DURATION=3 LAT_DURATION=2 WARMUP=1 SERVER_WARMUP=30 ONLY='^(list_status_tag|list_q|facets_status)$' bench/run-clients.sh)
  BOOKINGS=(env NCLIENTS=10000 WARMUP=1 SERVER_WARMUP=30 bench/run-bookings.sh 4 16)
  COMMERCE=(env NPRODUCTS=10000 WARMUP=1 SERVER_WARMUP=30 LAT_DURATION=3 bench/run-commerce.sh 4 16)
  BILLING=(env WARMUP=1 SERVER_WARMUP=30 bench/run-billing.sh 4 16)
  IMPORTS=(bench/run-imports.sh 100000 512m)
  REPORTS=(bench/run-reports.sh 1)
  STARTUP=(bench/run-startup.sh 2)
  NOTIFICATIONS=(bench/run-notifications.sh 20000 500)
  MESSAGING=(env WARM_SECONDS=3 CONV_MESSAGES=300 bench/run-messaging.sh 500 20 4)
  INSIGHTS=(env DAYS=180 DURATION=5 bench/run-insights.sh)
  SIZES="auth 5 s a measure; clients 20,000 (3 of 5 queries, 3 s / 2 s measures); bookings 10,000 clients, 4 s measures, 16 connections, 30 s JIT warm-up at most; commerce 10,000 products, 4 s measures; billing 4 s measures, 30 s warm-up at most; import 100,000 visit rows; reports 1 repeat; start-up 2 restarts; notifications 20,000 bookings, 500 due at once; messaging 500 sockets, one node; insights 990,000 bookings"
else
  MODE="FULL"; LIMIT=600
  AUTH=(env WARMUP=3 bench/run-auth.sh 15 32)
  CLIENTS=(env NCLIENTS=100000 CONC=4 DURATION=10 LAT_DURATION=5 WARMUP=3 bench/run-clients.sh)
  BOOKINGS=(env NCLIENTS=50000 WARMUP=3 bench/run-bookings.sh 10 16)
  COMMERCE=(env WARMUP=3 LAT_DURATION=5 bench/run-commerce.sh 10 16)
  BILLING=(env WARMUP=3 bench/run-billing.sh 10 16)
  IMPORTS=(bench/run-imports.sh 1000000 512m)
  REPORTS=(bench/run-reports.sh 2)
  STARTUP=(bench/run-startup.sh 3)
  NOTIFICATIONS=(bench/run-notifications.sh 100000 2000)
  MESSAGING=(env WARM_SECONDS=5 bench/run-messaging.sh)
  INSIGHTS=(bench/run-insights.sh)
  SIZES="auth 15 s a measure; clients 100,000 (5 queries, 10 s / 5 s measures); bookings 50,000 clients, 10 s measures, 16 connections, JIT warm-up until the compilers are quiet (3 min at most); commerce 50,000 products, 10 s measures, the same warm-up; billing 10 s measures, 2 min warm-up at most; import 1,000,000 visit rows; reports 2 repeats; start-up 3 restarts; notifications 100,000 bookings, 2,000 due at once; messaging 1,000 sockets, one node; insights 10,037,500 bookings"
fi

START=$(date +%s)
echo "== Wellbase benchmarks ($MODE): $(date -u +%FT%TZ), $(nproc) cores"
echo "== sizes: $SIZES"
echo "== load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
run() { # name, command...
  local name=$1; shift
  echo "== $name: $*"
  local t0=$SECONDS
  timeout --kill-after=60 "$LIMIT" "$@" >"$OUT/$name.log" 2>&1
  local rc=$?
  grep -E '^(RESULT|NOTE|MISMATCH|REFUSING)' "$OUT/$name.log" | sed 's/^/   /'
  echo "   ($((SECONDS - t0)) s, exit $rc, log $OUT/$name.log)"
  if [[ $rc -ne 0 ]] && ! grep -q '^MISMATCH' "$OUT/$name.log"; then
    echo "RESULT $name exit=$rc =0 missed" >>"$BENCH_RESULTS"
  elif grep -q '^MISMATCH' "$OUT/$name.log"; then
    echo "RESULT $name.captured_statements MISMATCH =match missed" >>"$BENCH_RESULTS"
  fi
}
run auth "${AUTH[@]}"
run clients "${CLIENTS[@]}"
run bookings "${BOOKINGS[@]}"
run commerce "${COMMERCE[@]}"
run billing "${BILLING[@]}"
run imports "${IMPORTS[@]}"
run reports "${REPORTS[@]}"
run notifications "${NOTIFICATIONS[@]}"
run messaging "${MESSAGING[@]}"
run insights "${INSIGHTS[@]}"
run startup "${STARTUP[@]}"

echo
echo "== load average at end: $(cut -d' ' -f1-3 /proc/loadavg); $(( ($(date +%s) - START) / 60 )) min $(( ($(date +%s) - START) % 60 )) s in all ($MODE)"
echo "== sizes: $SIZES"
echo
{ echo "scenario measured target result"; grep '^RESULT' "$BENCH_RESULTS" | cut -d' ' -f2-; } | column -t
grep '^NOTE' "$BENCH_RESULTS" | sed 's/^NOTE /note: /'
echo "(logs in $OUT)"
exit 0
