#!/usr/bin/env bash
# Notifications: (1) reminders planned for N upcoming class bookings — the re-plan job that new reminder
# offsets start — beside the same rows inserted by one plain SQL statement; (2) a busy minute's batch of
# due reminders turned into messages and handed to the email channel (the mail outbox), and the outbox's
# throughput, beside a plain insert of the same messages.
#   bench/run-notifications.sh [bookings] [minute-batch]     (defaults 100000 and 2000)
# Knobs: BENCH_PORT (18200), BENCH_PG_PORT (55433), BENCH_SMTP_PORT (18225), HEAP (1g), KEEP_RUN_DIR=1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
N="${1:-100000}"
BATCH="${2:-2000}"
PORT="${BENCH_PORT:-18200}"
PGPORT_="${BENCH_PG_PORT:-55433}"
SMTP_PORT="${BENCH_SMTP_PORT:-18225}"
PER_SESSION=50
bench_need psql curl python3
require_free_port "$PORT" "the server" "$PGPORT_" "its embedded PostgreSQL" "$SMTP_PORT" "the SMTP stand-in"
JDK=$(bench_jdk); JAR=$(bench_jar)
DATA=$(bench_run_dir notifications)
SERVER=""
SINK=""
cleanup() { stop_pid "$SERVER"; stop_pid "$SINK"; [[ -n "${KEEP_RUN_DIR:-}" ]] || rm -rf "$DATA/pgdata"; }
trap cleanup EXIT
python3 "$BENCH_ROOT/bench/smtp-sink.py" "$SMTP_PORT" "$DATA/smtp-count" &
SINK=$!

"$JDK/bin/java" -Xmx"${HEAP:-1g}" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --wellbase.platform.db.embedded-data-dir="$DATA/pgdata" --wellbase.platform.db.embedded-port="$PGPORT_" \
  --wellbase.platform.demo.enabled=false --wellbase.platform.rate-limits.enabled=false \
  --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
  --logging.level.root=WARN --logging.level.io.wellbase.notifications=INFO >>"$DATA/server.log" 2>&1 &
SERVER=$!
wait_ready "$PORT" "$SERVER" "$DATA/server.log"
pg_env "$DATA" "$PGPORT_"

TOKEN=$(api POST /api/v1/auth/register '{"email":"bench@example.test","password":"bench-password-long","firstName":"B","lastName":"N"}' | field accessToken)
ORG=$(api POST /api/v1/organizations '{"name":"Bench","timezone":"Europe/Berlin","currency":"EUR","country":"DE"}' | field id)
TOKEN=$(api POST /api/v1/auth/switch-organization "{\"organizationId\":\"$ORG\"}" | field accessToken)
LOCATION=$(api POST /api/v1/locations '{"name":"Main","timezone":"Europe/Berlin"}' | field id)
TYPE=$(api POST /api/v1/class-types '{"name":"Flow","durationMinutes":60,"defaultCapacity":50}' | field id)
NSESSIONS=$(( (N + PER_SESSION - 1) / PER_SESSION ))
NCLIENTS=$(( PER_SESSION * 20 ))

echo "Wellbase notifications benchmark: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $N bookings ($NSESSIONS sessions x $PER_SESSION), minute batch $BATCH"
# N confirmed bookings over the next two weeks (sessions from 2 days ahead, so every offset is ahead)
psql -qX -v org="$ORG" -v type="$TYPE" -v location="$LOCATION" -v n="$N" -v nsessions="$NSESSIONS" \
  -v nclients="$NCLIENTS" -v per="$PER_SESSION" <<'SQL'
CREATE TABLE bench_clients AS SELECT g AS n, gen_random_uuid() AS id FROM generate_series(1, :nclients) g;
INSERT INTO clients (id, org_id, first_name, last_name, email, status)
SELECT id, :'org', 'Bench', 'Client ' || n, 'client' || n || '@bench.test', 'active' FROM bench_clients;
CREATE TABLE bench_sessions AS SELECT g AS n, gen_random_uuid() AS id FROM generate_series(1, :nsessions) g;
INSERT INTO class_sessions (id, org_id, class_type_id, location_id, starts_at, ends_at, local_date, capacity, confirmed_count)
SELECT id, :'org', :'type', :'location', date_trunc('minute', now()) + interval '2 days' + n * interval '7 minutes',
       date_trunc('minute', now()) + interval '2 days' + n * interval '7 minutes' + interval '1 hour', current_date + 2, :per, :per
FROM bench_sessions;
INSERT INTO bookings (id, org_id, session_id, client_id, status, booked_by, confirmed_at)
SELECT gen_random_uuid(), :'org', s.id, c.id, 'confirmed', NULL, now()
FROM bench_sessions s JOIN bench_clients c ON c.n BETWEEN (s.n % 20) * :per + 1 AND (s.n % 20) * :per + :per
LIMIT :n;
VACUUM ANALYZE;
SQL

# (1) new offsets: the server re-plans every upcoming booking's reminders in a background job
EXPECTED=$(( N * 2 ))
START=$(date +%s.%N)
api PUT /api/v1/notifications/settings '{"reminderOffsetMinutes":[1440,60],"disabledCategories":[]}' >/dev/null
for _ in $(seq 1 3000); do
  GOT=$(psql -XAtc "SELECT count(*) FROM notification_reminders WHERE status = 'pending'")
  [[ "$GOT" -ge "$EXPECTED" ]] && break
  sleep 0.1
done
APP_S=$(awk -v a="$START" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
echo "server: $GOT reminders planned in $APP_S s (from the settings change to the last row)"
RAW_S=$(psql -XAt <<SQL | awk '/^Time:/ { t += $2 } END { printf "%.2f", t / 1000 }'
CREATE TABLE raw_reminders (LIKE notification_reminders INCLUDING ALL);
\timing on
INSERT INTO raw_reminders (id, org_id, kind, entity_id, session_id, client_id, offset_minutes, starts_at, due_at)
SELECT gen_random_uuid(), b.org_id, 'class', b.id, b.session_id, b.client_id, o.m, s.starts_at,
       (s.starts_at AT TIME ZONE 'Europe/Berlin' - o.m * interval '1 minute') AT TIME ZONE 'Europe/Berlin'
FROM bookings b JOIN class_sessions s ON s.org_id = b.org_id AND s.id = b.session_id
CROSS JOIN (VALUES (1440), (60)) AS o (m)
WHERE b.org_id = '$ORG' AND b.status = 'confirmed' AND s.status = 'scheduled' AND s.starts_at > now();
SQL
)
echo "raw SQL: the same rows by one INSERT ... SELECT in $RAW_S s"
result notifications.reminders_planned_s "$APP_S" "<60"
note notifications.plan_vs_raw "$(awk -v a="$APP_S" -v r="$RAW_S" 'BEGIN { printf "%.1f", a / (r > 0 ? r : 0.001) }')x the raw insert ($N bookings, 2 offsets)"

# (2) a busy minute: BATCH reminders fall due at once; each becomes an email delivery, sent over SMTP
MAILS_BEFORE=$(cat "$DATA/smtp-count")
psql -XqAt -c "UPDATE notification_reminders SET due_at = now() WHERE id IN (SELECT id FROM notification_reminders WHERE status = 'pending' AND offset_minutes = 60 ORDER BY id LIMIT $BATCH)"
START=$(date +%s.%N)
for _ in $(seq 1 600); do
  LEFT=$(psql -XAtc "SELECT (SELECT count(*) FROM notification_reminders WHERE status = 'pending' AND due_at <= now())
                          + (SELECT count(*) FROM notification_deliveries WHERE status = 'queued')")
  [[ "$LEFT" -eq 0 ]] && break
  sleep 0.1
done
BATCH_S=$(awk -v a="$START" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
SENT=$(psql -XAtc "SELECT count(*) FROM notification_deliveries WHERE status = 'sent'")
MAILS=$(( $(cat "$DATA/smtp-count") - MAILS_BEFORE ))
echo "server: $BATCH due reminders -> $SENT email deliveries sent, $MAILS mails taken by the SMTP stand-in, in $BATCH_S s"
RAW_BATCH_S=$(psql -XAt <<SQL | awk '/^Time:/ { t += $2 } END { printf "%.3f", t / 1000 }'
CREATE TABLE raw_deliveries (LIKE notification_deliveries INCLUDING ALL);
\timing on
INSERT INTO raw_deliveries (id, org_id, channel, type, category, recipient, client_id, subject, body, dedupe_key, status, sent_at)
SELECT gen_random_uuid(), r.org_id, 'email', 'class.reminder', 'reminders', c.email, r.client_id, 'Reminder', 'See you',
       'class.reminder:booking:' || r.entity_id || ':60m:email', 'sent', now()
FROM notification_reminders r JOIN clients c ON c.id = r.client_id
WHERE r.status = 'sent';
SQL
)
echo "raw SQL: the same $BATCH deliveries by one INSERT ... SELECT in $RAW_BATCH_S s"
result notifications.minute_batch_s "$BATCH_S" "<5"
note notifications.outbox_per_s "$(awk -v n="$SENT" -v s="$BATCH_S" 'BEGIN { printf "%.0f", n / (s > 0 ? s : 0.001) }') deliveries/s end to end (reminder due -> accepted by the SMTP stand-in; includes waiting for the dispatcher's next run)"
echo "run dir: $DATA"
