# Shared helpers for bench/run-*.sh (sourced, not run). Each script:
#   - refuses to start when a port it wants is taken (it would otherwise measure another server),
#   - runs a few seconds of the same load before every measure (not counted),
#   - ends with one `RESULT <scenario> <measured> <target> <met|missed>` line per scenario.
# When BENCH_RESULTS names a file, the RESULT (and NOTE) lines are appended to it too (bench/run-all.sh).

# A signal (Ctrl-C, run-all's time limit) ends the script through its EXIT trap, which stops its server.
trap 'exit 130' INT
trap 'exit 143' TERM

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# JDK 25 (or newer): JAVA_HOME when it is one, else the first one under /usr/lib/jvm.
bench_jdk() {
    if [[ -n "${JAVA_HOME:-}" ]] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
        echo "$JAVA_HOME"; return
    fi
    local jdk
    jdk=$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]* 2>/dev/null | head -1 || true)
    [[ -n "$jdk" ]] || { echo "a JDK 25 or newer is needed (set JAVA_HOME)" >&2; exit 1; }
    echo "$jdk"
}

# The application jar; built (offline first) when missing.
bench_jar() {
    local jar
    jar=$(ls "$BENCH_ROOT"/target/wellbase-*.jar 2>/dev/null | grep -v original | head -1 || true)
    if [[ -z "$jar" ]]; then
        echo "== building the jar" >&2
        (cd "$BENCH_ROOT" && { ./mvnw -q -B -o -DskipTests package || ./mvnw -q -B -DskipTests package; }) >&2
        jar=$(ls "$BENCH_ROOT"/target/wellbase-*.jar | grep -v original | head -1)
    fi
    echo "$jar"
}

bench_need() { local t; for t in "$@"; do command -v "$t" >/dev/null || { echo "$t is needed" >&2; exit 1; }; done; }

# True when something listens on TCP port $1 (any address) or answers on 127.0.0.1:$1.
port_taken() {
    if command -v ss >/dev/null && ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; then return 0; fi
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# require_free_port <port> <what>...: exit 1 with a clear message when one is already taken.
require_free_port() {
    while [[ $# -ge 2 ]]; do
        if port_taken "$1"; then
            echo "REFUSING TO START: port $1 ($2) is already in use; another server would be measured." >&2
            echo "  Stop whatever listens there (ss -ltnp 'sport = :$1') or choose another port (see the script's *_PORT knobs)." >&2
            exit 1
        fi
        shift 2
    done
}

# A fresh run directory under /tmp (never a fixed name: two runs must not share or delete each other's data).
bench_run_dir() { mktemp -d "/tmp/wellbase-bench-$1.XXXXXX"; }

# wait_ready <port> <pid> <log> [seconds]: until /actuator/health/readiness answers 200.
wait_ready() {
    local port=$1 pid=$2 log=$3 limit=${4:-180} i
    for i in $(seq 1 $((limit * 5))); do
        curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && return 0
        kill -0 "$pid" 2>/dev/null || { echo "the server died; last lines of $log:" >&2; tail -40 "$log" >&2; exit 1; }
        sleep 0.2
    done
    echo "the server was not ready after ${limit}s; see $log" >&2; exit 1
}

# start_server: the jar on 127.0.0.1:$PORT with its embedded PostgreSQL in $DATA/pgdata on $PGPORT_ (no demo data,
# no rate limits, no scheduler; HEAP, default 2g, POOL, default 40, and JAVA_OPTS as given); SERVER is its pid.
# Uses the script's JDK, JAR, DATA, PORT and PGPORT_.
start_server() {
    "$JDK/bin/java" -Xmx"${HEAP:-2g}" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
        --wellbase.platform.db.embedded-data-dir="$DATA/pgdata" \
        --wellbase.platform.db.embedded-port="$PGPORT_" --wellbase.platform.db.max-pool-size="${POOL:-40}" \
        --wellbase.platform.demo.enabled=false --wellbase.platform.rate-limits.enabled=false \
        --db-scheduler.enabled=false --logging.level.root=WARN >>"$DATA/server.log" 2>&1 &
    SERVER=$!
    wait_ready "$PORT" "$SERVER" "$DATA/server.log"
}

# api <method> <path> [json]: the server on $PORT, as $TOKEN when set; fails on an error status.
api() { curl -sf "127.0.0.1:$PORT$2" -X "$1" -H 'Content-Type: application/json' ${TOKEN:+-H "Authorization: Bearer $TOKEN"} ${3:+-d "$3"}; }

# field <name>: the first string value of that name in the JSON on stdin.
field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }

# stop_pid <pid>: TERM, then KILL after 30 s. Only ever the process this script started.
stop_pid() {
    local pid=$1 i
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null || true
}

# pg_env <run dir> <port>: libpq variables for the embedded PostgreSQL of that run (its password is
# kept beside the data directory, in <run dir>/secrets/db-password).
pg_env() {
    export PGHOST=127.0.0.1 PGPORT="$2" PGUSER=postgres PGDATABASE=postgres
    PGPASSWORD=$(cat "$1/secrets/db-password")
    export PGPASSWORD
}

# Durability settings both sides of a comparison run under (same server, so they must simply not change).
durability() { psql -XAtc "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'commit_delay')"; }

# result <scenario> <measured> <target>: target is an operator and a number (>=0.5, <20, <=1.5).
result() {
    local scenario=$1 measured=$2 target=$3 verdict
    verdict=$(awk -v m="$measured" -v t="$target" 'BEGIN {
        if (m !~ /^-?[0-9]+(\.[0-9]+)?$/) { print "missed"; exit }
        op = t; sub(/[0-9.]+$/, "", op); v = substr(t, length(op) + 1) + 0; m += 0
        ok = (op == ">=" && m >= v) || (op == ">" && m > v) || (op == "<=" && m <= v) || (op == "<" && m < v) || (op == "=" && m == v)
        print (ok ? "met" : "missed") }')
    local line="RESULT $scenario $measured $target $verdict"
    echo "$line"
    [[ -z "${BENCH_RESULTS:-}" ]] || echo "$line" >>"$BENCH_RESULTS"
}

# note <scenario> <text...>: a figure reported beside the results, without a target.
note() {
    local line="NOTE $*"
    echo "$line"
    [[ -z "${BENCH_RESULTS:-}" ]] || echo "$line" >>"$BENCH_RESULTS"
}

# jit_ticks <pid>: CPU time (clock ticks) the JVM's compiler threads have used so far (Linux /proc; 0 elsewhere).
jit_ticks() {
    local total=0 task
    for task in /proc/"$1"/task/*; do
        grep -q '^C[12] CompilerThre' "$task/comm" 2>/dev/null || continue
        total=$((total + $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}

# record_server <file.jfr> <seconds>: a flight recording (JFR, settings=profile) of the server $SERVER from now on.
record_server() { "$(bench_jdk)/bin/jcmd" "$SERVER" JFR.start settings=profile duration="$2s" filename="$1" >/dev/null; }

# warm_until_steady <label> <max seconds> <command...>: the JIT warm-up before an API measure. The command runs
# as `<command...> <chunk number> <seconds>` and prints a wrk report; it is run in WARM_STEP-second chunks (10)
# until the server's compiler threads used less than JIT_QUIET (5) % of one core in a chunk and the chunk's
# requests/s is within 3 % of the chunk two before it, at least 30 s and at most <max> s. A chunk number lets a
# load that must not repeat itself (bookings) move on. Uses $SERVER (the server's pid). On two cores one C2
# thread still compiles the request path a minute after the load began (JFR: 13-23 % of the machine's CPU in
# "C2 CompilerThread0" 25-75 s in), so a short fixed warm-up measured the JIT beside the server.
warm_until_steady() {
    local label=$1 max=$2; shift 2
    local step=${WARM_STEP:-10} quiet=${JIT_QUIET:-5} spent=0 chunk=0 rate n jit before chunks="" rates=()
    while (( spent < max )); do
        before=$(jit_ticks "$SERVER")
        rate=$("$@" "$chunk" "$step" 2>/dev/null | awk '/^Requests\/sec/ {printf "%.0f", $2}')
        jit=$(( ($(jit_ticks "$SERVER") - before) * 100 / (step * $(getconf CLK_TCK)) ))
        rate=${rate:-0}; spent=$((spent + step)); chunk=$((chunk + 1)); chunks+=" $rate (JIT ${jit}%)"; rates+=("$rate")
        n=${#rates[@]}
        if (( spent >= 30 && n >= 3 && jit < quiet )) && awk -v a="$rate" -v b="${rates[n-3]}" 'BEGIN { exit !(a <= b * 1.03) }'; then break; fi
    done
    echo "== warm-up ($label): ${spent}s, requests/s per ${step}s and the compilers' share of a core:$chunks" >&2
}

# Milliseconds from a wrk latency figure (850.00us, 12.3ms, 1.2s).
wrk_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0; else if (v ~ /m$/) printf "%.2f", v * 60000; else if (v ~ /s$/) printf "%.2f", v * 1000; else print "n/a" }'; }

# Statement capture (bench/capture.py). The embedded server's own stderr is not kept (nobody reads
# it once it has started), so capturing needs its logging collector, on in jsonlog, which takes a
# restart: enable_statement_log before the restart, capture_statements after it.
enable_statement_log() {
    psql -XqAt -c "ALTER SYSTEM SET logging_collector = on" -c "ALTER SYSTEM SET log_destination = 'jsonlog'" \
        -c "ALTER SYSTEM SET log_directory = 'log'"
}

# capture_statements <pgdata> <out.json> <command...>: runs the command (one API request) with
# log_statement = 'all' and writes the statements the application's connections sent meanwhile.
capture_statements() {
    local pgdata=$1 out=$2; shift 2
    local file log mark
    file=$(psql -XAtc "SELECT pg_current_logfile('jsonlog')")
    [[ -n "$file" ]] || { echo "the server has no jsonlog (enable_statement_log and restart first)" >&2; return 1; }
    log="$pgdata/$file"; mark=$(wc -l <"$log")
    psql -XqAt -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
    sleep 0.5
    "$@" >/dev/null
    sleep 0.5
    psql -XqAt -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
    python3 "$BENCH_ROOT/bench/capture.py" extract "$log" "$mark" >"$out"
}

# check_capture <name> <fresh capture.json> <committed pgbench script>: MISMATCH (and status 1) when
# the statements the server issues are no longer the ones the raw side runs.
check_capture() {
    local name=$1 fresh=$2 script=$3
    if diff <(python3 "$BENCH_ROOT/bench/capture.py" shape "$script") <(python3 "$BENCH_ROOT/bench/capture.py" shape "$fresh") >"$fresh.diff"; then
        echo "== $name: the raw side runs the $(grep -c '^-- captured: ' "$script") statements the API issued ($(basename "$script"))"
        return 0
    fi
    echo "MISMATCH $name: the API now issues other statements than $script runs (< committed, > now):" >&2
    sed 's/^/MISMATCH   /' "$fresh.diff" >&2
    echo "MISMATCH $name: review, then regenerate with UPDATE_CAPTURE=1" >&2
    return 1
}
