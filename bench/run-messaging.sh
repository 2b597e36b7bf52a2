#!/usr/bin/env bash
# Messaging: end-to-end latency of a conversation's messages (sent over HTTP, received on STOMP sockets)
# with many sockets subscribed, beside a bare WebSocket fan-out on the same server in the same run
# (/bench/ws-fanout: no STOMP, no security, no database). Every socket checks it got each message once,
# in order. The client is Node.js with @stomp/stompjs and ws, installed into the run directory.
#   bench/run-messaging.sh [sockets] [messages] [per-second]      (defaults 1000, 40, 4: 4,000 frames/s, which
#   the client itself keeps up with on 2 cores; at 20,000 frames/s the bare floor's own p99 was 1.2 s)
# Two shapes, one after the other, each beside the bare floor of the same shape:
#   broadcast:      every socket in one conversation (each message is a burst of <sockets> frames);
#   conversations:  the sockets spread over CONVERSATIONS (200) conversations, CONV_MESSAGES (1000) messages at
#                   CONV_RATE (100) per second, each to the next conversation in turn (1,000 sockets: 5 each).
#   SHAPES=broadcast or SHAPES=conversations runs one of them.
# Knobs: BENCH_PORT (18300), BENCH_PG_PORT (55434), HEAP (1g), JAVA_OPTS (both nodes; JAVA_OPTS2 for the second),
#   KEEP_RUN_DIR=1, SETTLE_MS (3000: the wait after every socket subscribed), WARM_SECONDS (10).
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
"$JDK/bin/java" -Xmx"${HEAP:-1g}" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --wellbase.platform.db.embedded-data-dir="$DATA/pgdata" --wellbase.platform.db.embedded-port="$PGPORT_" \
  --wellbase.platform.demo.enabled=false --wellbase.platform.rate-limits.enabled=false \
  --wellbase.messaging.bench-endpoint=true "${RELAY[@]}" --logging.level.root=WARN >>"$DATA/server.log" 2>&1 &
SERVER=$!
wait_ready "$PORT" "$SERVER" "$DATA/server.log"
SECOND=""
if [[ "$NODES" == 2 ]]; then
  require_free_port "$(( PORT + 1 ))" "the second node"
  "$JDK/bin/java" -Xmx"${HEAP:-1g}" ${JAVA_OPTS2:-${JAVA_OPTS:-}} -jar "$JAR" --server.port="$(( PORT + 1 ))" --server.address=127.0.0.1 \
    --wellbase.platform.db.url="jdbc:postgresql://127.0.0.1:$PGPORT_/postgres" --wellbase.platform.db.user=postgres \
    --wellbase.platform.db.password="$(cat "$DATA/secrets/db-password")" --wellbase.platform.demo.enabled=false \
    --wellbase.identity.key-encryption-key="$(cat "$DATA/secrets/key-encryption-key")" \
    --wellbase.platform.rate-limits.enabled=false "${RELAY[@]}" --logging.level.root=WARN >>"$DATA/server2.log" 2>&1 &
  SERVER2=$!
  wait_ready "$(( PORT + 1 ))" "$SERVER2" "$DATA/server2.log"
  SECOND="http://127.0.0.1:$(( PORT + 1 ))"
fi

TOKEN=$(api POST /api/v1/auth/register '{"email":"bench@example.test","password":"bench-password-long","firstName":"B","lastName":"N"}' | field accessToken)
ORG=$(api POST /api/v1/organizations '{"name":"Bench","timezone":"Europe/Berlin","currency":"EUR","country":"DE"}' | field id)
TOKEN=$(api POST /api/v1/auth/switch-organization "{\"organizationId\":\"$ORG\"}" | field accessToken)
new_conversation() { api POST /api/v1/conversations '{"kind":"staff","title":"Bench"}' | sed -E 's/.*"conversation":\{"id":"([^"]+)".*/\1/'; }
CONVERSATION=$(new_conversation)
SHAPES="${SHAPES:-broadcast conversations}"
CONVERSATIONS="${CONVERSATIONS:-200}"
MANY=""
if [[ "$SHAPES" == *conversations* ]]; then
  for _ in $(seq 1 "$CONVERSATIONS"); do MANY="$MANY${MANY:+,}$(new_conversation)"; done
fi

echo "Wellbase messaging benchmark: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $NODES node(s), $SOCKETS sockets, $MESSAGES messages at $RATE/s"
cd "$DATA/node"
node fanout.mjs bare "http://127.0.0.1:$PORT" - - 50 20 20 >/dev/null   # warm-up
node fanout.mjs stomp "http://127.0.0.1:$PORT" "$TOKEN" "$CONVERSATION" 50 20 20 >/dev/null
get() { echo "$1" | sed -E "s/.*\"$2\":([-0-9.]+).*/\1/"; }
if [[ "$NODES" == 2 ]]; then TARGET="<200"; else TARGET="<50"; fi
# measure <name> <rooms for bare> <conversation ids> <messages> <per-second>
measure() {
  local name=$1 rooms=$2 ids=$3 messages=$4 rate=$5 bare stomp
  # WARM_SECONDS (10) of the same shape first, not counted (the JIT, the pools, the relay's connections)
  local warm=$(( rate * ${WARM_SECONDS:-10} ))
  node fanout.mjs bare "http://127.0.0.1:$PORT" - "$rooms" "$SOCKETS" "$warm" "$rate" >/dev/null
  node fanout.mjs stomp "http://127.0.0.1:$PORT" "$TOKEN" "$ids" "$SOCKETS" "$warm" "$rate" $SECOND >/dev/null
  bare=$(node fanout.mjs bare "http://127.0.0.1:$PORT" - "$rooms" "$SOCKETS" "$messages" "$rate")
  echo "$name, bare:     $bare"
  stomp=$(node fanout.mjs stomp "http://127.0.0.1:$PORT" "$TOKEN" "$ids" "$SOCKETS" "$messages" "$rate" $SECOND)
  echo "$name, wellbase: $stomp"
  result "messaging.${name}_${NODES}node_p99_ms" "$(get "$stomp" p99)" "$TARGET"
  result "messaging.${name}_${NODES}node_lost" "$(get "$stomp" lost)" "<1"
  result "messaging.${name}_${NODES}node_twice_or_reordered" "$(( $(get "$stomp" reordered) + $(get "$stomp" duplicates) ))" "<1"
  note "messaging.${name}_${NODES}node_vs_bare" "p99 $(get "$stomp" p99) ms vs bare $(get "$bare" p99) ms; p50 $(get "$stomp" p50) vs $(get "$bare" p50) ms; $(get "$stomp" framesPerSecond) vs $(get "$bare" framesPerSecond) frames/s; $(get "$stomp" messagesPerSecond) messages/s sent"
}
[[ "$SHAPES" == *broadcast* ]] && measure broadcast - "$CONVERSATION" "$MESSAGES" "$RATE"
[[ "$SHAPES" == *conversations* ]] && measure conversations "$CONVERSATIONS" "$MANY" "${CONV_MESSAGES:-1000}" "${CONV_RATE:-100}"
echo "run dir: $DATA"
