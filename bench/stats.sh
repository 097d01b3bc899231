#!/usr/bin/env bash
# Statistics on a year of data: 10 million scans of 500,000 stamps (bench/StampSeeder writes them straight into the
# database of a stopped Temso), on embedded Derby and on PostgreSQL. For each database: start with demo data, issue
# one stamp to copy, stop, seed, start again, wait for the daily rollup to catch up (timed), then time every report
# of /api/stats for the province admin and for a cooperative manager over the whole year: median of 5 after a
# warm-up, against the 1 s the issue allows (ratio). Figures go to docs/performance.md.
# Build first (./mvnw -B -o -DskipTests package). Usage: bench/stats.sh [derby|postgres|both]   (default both; postgres needs root or sudo, as scripts/postgres-smoke.sh)
# Settings: STATS_SCANS (10000000), STATS_STAMPS (500000), PORT (8383), STATS_DATA (a directory kept between runs:
# each database is seeded once, later runs, e.g. of a newer build, only time the reports)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/server-lib.sh
WHICH="${1:-both}"
SCANS="${STATS_SCANS:-10000000}"
STAMPS="${STATS_STAMPS:-500000}"
WORK="${STATS_DATA:-$(mktemp -d /tmp/temso-stats.XXXXXX)}" # STATS_DATA: kept, and seeded only once
mkdir -p "$WORK"
trap 'stop_server' EXIT

CP_FILE="$PWD/traceability-war/target/bench-classpath.txt"
seeder_classpath() { # built once, only when a database is to be seeded
  [ -f "$CP_FILE" ] || flock /tmp/mvn.lock ./mvnw -o -q -pl traceability-war -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
  echo "traceability-war/target/test-classes:traceability-war/target/classes:$(cat "$CP_FILE")"
}

# the reports, all over the last 365 days (Vietnam days)
TO=$(TZ=Asia/Ho_Chi_Minh date +%F)
FROM=$(TZ=Asia/Ho_Chi_Minh date -d '364 days ago' +%F)
RANGE="from=$FROM&to=$TO"
REPORTS="${STATS_REPORTS:-scans-per-day scans-per-product stamps-issued-scanned alerts ocop-by-stars ocop-by-group
  ocop-by-commune ocop-expiring zones-by-status zones-by-crop cooperatives-traced}"

# ms TOKEN PATH -> median time of 5 calls (after one warm-up), in ms
median_ms() {
  local i times=()
  curl -sf -o /dev/null -H "Authorization: Bearer $1" "$B$2" || { echo "FAILED $2" >&2; echo -1; return; }
  for i in 1 2 3 4 5; do
    times+=("$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $1" "$B$2")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{ printf "%.0f\n", $1 * 1000 }'
}

run_on() { # NAME DATA_DIR JDBC_URL USER PASSWORD
  local name=$1 data=$2 url=$3 user=$4 password=$5
  echo "== $name"
  local token batch
  if [ ! -f "$WORK/$name.seeded" ]; then
    start_server "$data" "$WORK/$name-1.log"
    token=$(login tantru.quanly)
    read -r batch _ _ < <(demo_batch "$token")
    job=$(start_job "$token" "$batch" 1)
    until curl -sf "$job" -H "Authorization: Bearer $token" | grep -q '"status":"DONE"'; do sleep 1; done
    stop_server
    java -Xmx1g -Duser.timezone=UTC -Dderby.storage.pageCacheSize=4000 -cp "$(seeder_classpath)" vn.temso.trace.bench.StampSeeder "$url" "$user" \
      "$password" "$STAMPS" "$SCANS"
    touch "$WORK/$name.seeded"
  fi
  local t0; t0=$(date +%s)
  start_server "$data" "$WORK/$name-2.log"
  local fresh=1; [ -f "$WORK/$name.timed" ] && fresh=0 # rolled up by an earlier run: only the days since
  until grep -q 'Rolled up the stamps and scans of' "$WORK/$name-2.log" || { [ $fresh = 0 ] && sleep 90; }; do
    kill -0 "$SERVER_PID" || { echo "server died" >&2; exit 1; }
    [ $(( $(date +%s) - t0 )) -lt 3600 ] || { echo "rollup not done after an hour" >&2; exit 1; }
    sleep 5
  done
  [ $fresh = 0 ] || echo "rollup caught up $(( $(date +%s) - t0 )) s after the start ($(grep -o 'Rolled up the stamps and scans of [0-9]* days' "$WORK/$name-2.log"))"
  touch "$WORK/$name.timed"
  local user report ms
  for user in admin tantru.quanly; do
    token=$(login "$user")
    for report in $REPORTS; do
      ms=$(median_ms "$token" "/api/stats/$report?$RANGE")
      printf '%s %-14s %-16s %6s ms   (reference 1000 ms: ratio %s)\n' "$name" "$user" "$report" "$ms" \
        "$(awk -v m="$ms" 'BEGIN { printf "%.2f", m / 1000 }')"
    done
  done
  stop_server
}

if [ "$WHICH" = derby ] || [ "$WHICH" = both ]; then
  run_on derby "$WORK/derby" "jdbc:derby:$WORK/derby/db" "" ""
fi
if [ "$WHICH" = postgres ] || [ "$WHICH" = both ]; then
  as_postgres() { (cd /tmp && if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi); }
  read -r _ _ PG_PORT PG_STATUS _ <<<"$(pg_lsclusters -h | sort -V | tail -1)"
  [ "$PG_STATUS" = online ] || { echo "start the PostgreSQL cluster first (scripts/postgres-smoke.sh does)" >&2; exit 1; }
  as_postgres psql -q -p "$PG_PORT" -c "DROP DATABASE IF EXISTS temso_stats" \
    -c "DROP ROLE IF EXISTS temso_stats" -c "CREATE ROLE temso_stats LOGIN PASSWORD 'temso_stats'" \
    -c "CREATE DATABASE temso_stats OWNER temso_stats"
  export TEMSO_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/temso_stats" TEMSO_DB_USER=temso_stats \
    TEMSO_DB_PASSWORD=temso_stats
  run_on postgres "$WORK/postgres" "$TEMSO_DB_URL?reWriteBatchedInserts=true" temso_stats temso_stats
fi
[ -n "${STATS_DATA:-}" ] || rm -rf "$WORK"
