#!/usr/bin/env bash
# Messaging: end-to-end latency of a conversation's messages (sent over HTTP, received on STOMP sockets)
# with many sockets subscribed, beside a bare WebSocket fan-out on the same server in the same run
# (/bench/ws-fanout: no STOMP, no security, no database). Every socket checks it got each message once,
# in order. The client is Node.js with @stomp/stompjs and ws, installed into the run directory.
#   bench/run-messaging.sh [sockets] [messages] [per-second]      (defaults 1000, 40, 4: 4,000 frames/s, which
#   the client itself keeps up with on 2 cores; at 20,000 frames/s the bare floor's own p99 was 1.2 s)
# Knobs: BENCH_PORT (18300), BENCH_PG_PORT (55434), HEAP (1g), KEEP_RUN_DIR=1.
#   NODES=2: a second server (port BENCH_PORT+1) on the same database, both relaying to RabbitMQ's STOMP plugin
#   on 127.0.0.1:61613; every other socket connects to the second node, messages are sent to the first
#   (defaults then 2,000 sockets); the bare floor runs on the first node with the same number of sockets.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
NODES="${NODES:-1}"
SOCKETS="${1:-$(( NODES * 1000 ))}"
MESSAGES="${2:-40}"
RATE="${3:-4}"
PORT="${BENCH_PORT:-18300}"
PGPORT_="${BENCH_PG_PORT:-55434}"
bench_need psql curl node npm
require_free_port "$PORT" "the server" "$PGPORT_" "its embedded PostgreSQL"
JDK=$(bench_jdk); JAR=$(bench_jar)
DATA=$(bench_run_dir messaging)
SERVER=""
SERVER2=""
cleanup() { stop_pid "$SERVER2"; stop_pid "$SERVER"; [[ -n "${KEEP_RUN_DIR:-}" ]] || rm -rf "$DATA/pgdata" "$DATA/node"; }
trap cleanup EXIT

mkdir -p "$DATA/node"
(cd "$DATA/node" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund @stomp/stompjs@7.5.0 ws@8 >/dev/null)
cp "$BENCH_ROOT/bench/messaging/fanout.mjs" "$DATA/node/"

RELAY=()
[[ "$NODES" == 2 ]] && RELAY=(--wellbase.messaging.relay.host=127.0.0.1)
"$JDK/bin/java" -Xmx"${HEAP:-1g}" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --wellbase.platform.db.embedded-data-dir="$DATA/pgdata" --wellbase.platform.db.embedded-port="$PGPORT_" \
  --wellbase.platform.demo.enabled=false --wellbase.platform.rate-limits.enabled=false \
  --wellbase.messaging.bench-endpoint=true "${RELAY[@]}" --logging.level.root=WARN >>"$DATA/server.log" 2>&1 &
SERVER=$!
wait_ready "$PORT" "$SERVER" "$DATA/server.log"
SECOND=""
if [[ "$NODES" == 2 ]]; then
  require_free_port "$(( PORT + 1 ))" "the second node"
  "$JDK/bin/java" -Xmx"${HEAP:-1g}" -jar "$JAR" --server.port="$(( PORT + 1 ))" --server.address=127.0.0.1 \
    --wellbase.platform.db.url="jdbc:postgresql://127.0.0.1:$PGPORT_/postgres" --wellbase.platform.db.user=postgres \
    --wellbase.platform.db.password="$(cat "$DATA/secrets/db-password")" --wellbase.platform.demo.enabled=false \
    --wellbase.identity.key-encryption-key="$(cat "$DATA/secrets/key-encryption-key")" \
    --wellbase.platform.rate-limits.enabled=false "${RELAY[@]}" --logging.level.root=WARN >>"$DATA/server2.log" 2>&1 &
  SERVER2=$!
  wait_ready "$(( PORT + 1 ))" "$SERVER2" "$DATA/server2.log"
  SECOND="http://127.0.0.1:$(( PORT + 1 ))"
fi

api() { curl -sf "127.0.0.1:$PORT$2" -X "$1" -H 'Content-Type: application/json' ${TOKEN:+-H "Authorization: Bearer $TOKEN"} ${3:+-d "$3"}; }
field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }
TOKEN=$(api POST /api/v1/auth/register '{"email":"bench@example.test","password":"bench-password-long","firstName":"B","lastName":"N"}' | field accessToken)
ORG=$(api POST /api/v1/organizations '{"name":"Bench","timezone":"Europe/Berlin","currency":"EUR","country":"DE"}' | field id)
TOKEN=$(api POST /api/v1/auth/switch-organization "{\"organizationId\":\"$ORG\"}" | field accessToken)
CONVERSATION=$(api POST /api/v1/conversations '{"kind":"staff","title":"Bench"}' | sed -E 's/.*"conversation":\{"id":"([^"]+)".*/\1/')

echo "Wellbase messaging benchmark: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $NODES node(s), $SOCKETS sockets, $MESSAGES messages at $RATE/s"
cd "$DATA/node"
node fanout.mjs bare "http://127.0.0.1:$PORT" - - 50 20 20 >/dev/null   # warm-up
node fanout.mjs stomp "http://127.0.0.1:$PORT" "$TOKEN" "$CONVERSATION" 50 20 20 >/dev/null
BARE=$(node fanout.mjs bare "http://127.0.0.1:$PORT" - - "$SOCKETS" "$MESSAGES" "$RATE")
echo "bare fan-out: $BARE"
STOMP=$(node fanout.mjs stomp "http://127.0.0.1:$PORT" "$TOKEN" "$CONVERSATION" "$SOCKETS" "$MESSAGES" "$RATE" $SECOND)
echo "wellbase:     $STOMP"
get() { echo "$1" | sed -E "s/.*\"$2\":([-0-9.]+).*/\1/"; }
P99=$(get "$STOMP" p99); BARE_P99=$(get "$BARE" p99)
LOST=$(get "$STOMP" lost); REORDERED=$(get "$STOMP" reordered); DUPLICATES=$(get "$STOMP" duplicates)
if [[ "$NODES" == 2 ]]; then TARGET="<200"; else TARGET="<50"; fi
result "messaging.fanout_${NODES}node_p99_ms" "$P99" "$TARGET"
result messaging.fanout_lost "$LOST" "<1"
result messaging.fanout_reordered "$(( REORDERED + DUPLICATES ))" "<1"
note messaging.fanout_vs_bare "p99 $P99 ms vs bare $BARE_P99 ms; p50 $(get "$STOMP" p50) vs $(get "$BARE" p50) ms; $(get "$STOMP" framesPerSecond) vs $(get "$BARE" framesPerSecond) frames/s"
echo "run dir: $DATA"
