#!/bin/sh
# Writes the JDK's AOT cache from a real, successful 'poll' cycle: a throw-away PostgreSQL, the
# built-in simulator with 1,000 agents, 'migrate', then one 'poll' recorded with -XX:AOTCacheOutput.
# A cache trained on a poll that fails early lacks every class the cycle loads after that point
# (jOOQ queries, the HTTP client, COPY, the derivation), and those are most of a run's start-up.
#
# The Dockerfile runs this at image build, and the benchmark runs it too, so the benchmark's figure
# is the image's.
#
#   aot-training.sh APP_DIR
#
# APP_DIR holds the extracted convoso-warehouse.jar and lib/; the cache is written to
# APP_DIR/convoso-warehouse.aot and the run's ENTRYPOINT reads it from there.
# Environment:
#   JAVA         the java the job runs with (default: java on the PATH); the cache is only valid for it
#   JAVA_FLAGS   the JVM flags the job runs with (the cache is only valid with the same GC)
#   PG_BIN       PostgreSQL's bin directory (default: the newest /usr/lib/postgresql/*/bin, Debian's
#                packages); as root, PostgreSQL runs as the user 'postgres', which they create
#   PG_PORT, SIMULATOR_PORT   loopback ports to use (defaults 55439 and 18439)
# Exits non-zero, with the logs on stderr, if any step fails.
set -eu

app=$(cd "${1:?usage: aot-training.sh APP_DIR}" && pwd)
java=${JAVA:-java}
flags=${JAVA_FLAGS:-}
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
pg_port=${PG_PORT:-55439}
simulator_port=${SIMULATOR_PORT:-18439}
cache="$app/convoso-warehouse.aot"
work=$(mktemp -d)
simulator_pid=

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    [ -n "$simulator_pid" ] && kill "$simulator_pid" 2>/dev/null || true
    [ -f "$work/pg/postmaster.pid" ] && as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    for log in "$work"/*.log; do [ -f "$log" ] && { echo "== $log" >&2; tail -n 40 "$log" >&2; }; done
    echo "aot-training: $1" >&2
    exit 1
}

[ -x "$pg_bin/initdb" ] || fail "no PostgreSQL in '$pg_bin' (set PG_BIN)"
[ "$(id -u)" -eq 0 ] && chown postgres "$work"
# fsync off: the database lives for this run only
as_postgres "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust --no-sync >"$work/initdb.log" 2>&1 || fail "initdb failed"
as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -w -l "$work/postgres.log" \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work -c fsync=off" start >/dev/null || fail "PostgreSQL did not start"

# The simulator answers at a busy time of day, so the cycle meets logged-in agents in every state.
"$java" -jar "$app/convoso-warehouse.jar" simulate --agents 1000 --port "$simulator_port" \
    --start 2025-05-28T10:00 >"$work/simulator.log" 2>&1 &
simulator_pid=$!
tries=0
until grep -q 'Agent Monitor simulator' "$work/simulator.log"; do
    tries=$((tries + 1))
    [ "$tries" -le 120 ] && kill -0 "$simulator_pid" 2>/dev/null || fail "the simulator did not start"
    sleep 0.5
done

export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres"
export SPRING_DATASOURCE_USERNAME=postgres
export CONVOSO_BASE_URL="http://127.0.0.1:$simulator_port"
export CONVOSO_AUTH_TOKEN=demo-token
export CONVOSO_TIME_ZONE=America/Los_Angeles
cd "$app"
# shellcheck disable=SC2086 # JAVA_FLAGS is a list of flags
"$java" $flags -jar convoso-warehouse.jar migrate >"$work/migrate.log" 2>&1 || fail "migrate failed"
rm -f "$cache"
# Flyway off, as the CronJob runs it (a separate 'migrate' owns the schema there).
# shellcheck disable=SC2086
SPRING_FLYWAY_ENABLED=false "$java" $flags -XX:AOTCacheOutput="$cache" -jar convoso-warehouse.jar poll \
    --scheduled-at 2025-05-28T17:00:00Z >"$work/poll.log" 2>&1 || fail "the training poll failed"
grep -q '1 loaded' "$work/poll.log" || fail "the training poll loaded no snapshot"
[ -s "$cache" ] || fail "no cache was written"
echo "aot-training: $cache written from a poll of 1,000 agents"
