#!/usr/bin/env bash
# PostgreSQL smoke test of the Temso WAR: the same temso.war and payara-micro.jar that run on Derby.
#   1. installs PostgreSQL if missing (Debian/Ubuntu apt), starts the local cluster, (re)creates role and database
#   2. builds the WAR if traceability-war/target/temso.war is missing (no tests)
#   3. starts the WAR on PostgreSQL with demo data, checks the log and /health/ready, runs
#      docs/examples/registry-walkthrough.sh and some list/filter calls, stamps, sign-in throttling, lists the demo
#      rice on Google and waits for it in the province feed (AreaScan on PostgreSQL), restarts the server (schema must be
#      up to date, demo data not loaded twice) and checks that the database password is not in the log
#   4. stops the server it started; exits non-zero on the first failure
# Settings (environment):
#   PORT=8282                   HTTP port of the test server (must be free)
#   PG_SMOKE_DB=temso           database; it is DROPPED and recreated on the LOCAL cluster at every run
#   PG_SMOKE_USER=temso         role (created if missing; its password is set to PG_SMOKE_PASSWORD)
#   PG_SMOKE_PASSWORD=pg-smoke-Q7v2  distinctive, so the "password not logged" check also looks for it anywhere (a
#                               common word such as the changeset author "temso" would match log lines)
#   PG_SMOKE_KEEP=1             keep the work directory (logs, copies of the artifacts) after success
# Needs root or sudo (apt-get, the postgres system user), java 17+ and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PORT="${PORT:-8282}"
DB="${PG_SMOKE_DB:-temso}"
DB_USER="${PG_SMOKE_USER:-temso}"
DB_PASSWORD="${PG_SMOKE_PASSWORD:-pg-smoke-Q7v2}"
B="http://localhost:$PORT"
WORK=$(mktemp -d /tmp/temso-pgsmoke.XXXXXX)
SERVER_PID=""

log() { printf '[pg-smoke] %s\n' "$*" >&2; }
fail() { printf '[pg-smoke] FAIL: %s\n' "$*" >&2; exit 1; }

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    for _ in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    if kill -0 "$SERVER_PID" 2>/dev/null; then kill -9 "$SERVER_PID"; fi
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
on_exit() {
  rc=$?
  stop_server
  if [ "$rc" -ne 0 ]; then
    log "logs kept in $WORK"
  elif [ "${PG_SMOKE_KEEP:-}" = 1 ]; then
    log "work directory kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap on_exit EXIT

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# the cluster outlives this script, so it must not inherit the script's open files: run under `flock` (as the
# shared Maven lock is taken), PostgreSQL kept that lock for as long as it ran and every later build waited
without_inherited_fds() {
  ( for fd in /proc/self/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-" 2>/dev/null; done; "$@" )
}
as_postgres() { (cd /tmp && if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi); }
sql_literal() { printf "'%s'" "${1//\'/\'\'}"; }

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then fail "port $PORT is in use (set PORT)"; fi

# ---- 1. PostgreSQL ------------------------------------------------------------------------------------------
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  log "installing PostgreSQL (apt-get)"
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  without_inherited_fds sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null # starts it
fi
CLUSTER=$(pg_lsclusters -h | sort -V | tail -1)
if [ -z "$CLUSTER" ]; then
  VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
  log "creating cluster $VERSION/main"
  sudo_ pg_createcluster "$VERSION" main >/dev/null
  CLUSTER=$(pg_lsclusters -h | sort -V | tail -1)
fi
read -r PG_VERSION PG_CLUSTER PG_PORT PG_STATUS _ <<<"$CLUSTER"
if [ "$PG_STATUS" != online ]; then
  log "starting cluster $PG_VERSION/$PG_CLUSTER"
  without_inherited_fds sudo_ pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
fi
for _ in $(seq 30); do as_postgres pg_isready -q -p "$PG_PORT" && break; sleep 1; done
as_postgres pg_isready -q -p "$PG_PORT" || fail "PostgreSQL $PG_VERSION/$PG_CLUSTER does not accept connections"

log "recreating database $DB (owner $DB_USER) on port $PG_PORT"
as_postgres psql -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $(sql_literal "$DB_USER")) THEN
    CREATE ROLE "$DB_USER" LOGIN;
  END IF;
END \$\$;
ALTER ROLE "$DB_USER" LOGIN PASSWORD $(sql_literal "$DB_PASSWORD");
DROP DATABASE IF EXISTS "$DB" WITH (FORCE);
CREATE DATABASE "$DB" OWNER "$DB_USER" ENCODING 'UTF8' TEMPLATE template0;
SQL
psql_app() { PGPASSWORD="$DB_PASSWORD" psql -h localhost -p "$PG_PORT" -U "$DB_USER" -d "$DB" -v ON_ERROR_STOP=1 -tAc "$1"; }
psql_app "SELECT 1" >/dev/null || fail "cannot sign in to $DB as $DB_USER over TCP with the password"

# ---- 2. artifacts -------------------------------------------------------------------------------------------
if [ ! -f traceability-war/target/temso.war ] || [ ! -f traceability-war/target/payara-micro.jar ]; then
  log "building traceability-war (tests skipped)"
  flock /tmp/temso-mvn.lock ./mvnw -B -q -o -pl traceability-war -am -DskipTests package
fi
# private copies: a concurrent rebuild must not swap the WAR under the running server
cp traceability-war/target/temso.war traceability-war/target/payara-micro.jar "$WORK/"

# ---- 3. server ----------------------------------------------------------------------------------------------

START=0
start_server() { # $1: log file
  mkdir -p "$WORK/data"
  START=$((START + 1))
  # a fresh runtime directory per start: Payara Micro redeploys whatever an existing --rootdir holds before
  # it deploys --deploy again (a second, stale deployment that runs the start-up code once more)
  TEMSO_DB_URL="jdbc:postgresql://localhost:$PG_PORT/$DB" TEMSO_DB_USER="$DB_USER" TEMSO_DB_PASSWORD="$DB_PASSWORD" \
  TEMSO_DEMO_ENABLED=true TEMSO_DATA_DIR="$WORK/data" TEMSO_PUBLIC_BASE_URL="$B" \
    java -Duser.timezone=UTC -Dfile.encoding=UTF-8 -jar "$WORK/payara-micro.jar" \
      --deploy "$WORK/temso.war" --contextroot / --port "$PORT" --nohazelcast --disablephonehome \
      --rootdir "$WORK/payara-$START" >"$1" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 240); do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$1" >&2; fail "server exited during start-up (log $1)"; }
    grep -q "Payara Micro .* ready in" "$1" && [ "$(curl -s -o /dev/null -w '%{http_code}' "$B/health/ready")" = 200 ] \
      && return 0
    sleep 1
  done
  fail "server not ready after 240 s (log $1)"
}
check_log() { # $1: log file
  [ "$(grep -c "temso was successfully deployed" "$1")" = 1 ] || fail "not exactly one deployment in $1"
  if grep -q SEVERE "$1"; then grep -n -A5 SEVERE "$1" | head -60 >&2; fail "SEVERE in $1"; fi
  # the password must appear neither as a setting nor, when it is distinctive, anywhere at all
  if grep -qiE "password[^a-z0-9]{0,4}$(printf '%s' "$DB_PASSWORD" | sed 's/[][\.*^$/+?(){}|]/\\&/g')([^a-z0-9-]|$)" "$1"; then
    fail "database password printed in $1"
  fi
  case "$DB_PASSWORD" in
    "$DB_USER"|"$DB"|temso) ;;
    *) if grep -qF -- "$DB_PASSWORD" "$1"; then fail "database password printed in $1"; fi ;;
  esac
}
check_ready() {
  body=$(curl -s "$B/health/ready")
  case "$body" in *'"status":"UP"'*'"product":"PostgreSQL"'*) ;; *) fail "/health/ready: $body" ;; esac
}
TOKEN=""
get() { # $1: path; prints the body, fails unless 200
  out=$(curl -s -w '\n%{http_code}' "$B$1" -H "Authorization: Bearer $TOKEN")
  code=${out##*$'\n'}; body=${out%$'\n'*}
  [ "$code" = 200 ] || fail "GET $1 -> $code: $body"
  printf '%s' "$body"
}
total() { get "$1" | grep -o '"total":[0-9]*' | cut -d: -f2; }
expect_total() { # $1: path, $2: minimum total
  t=$(total "$1"); [ -n "$t" ] && [ "$t" -ge "$2" ] || fail "GET $1: total ${t:-missing}, expected at least $2"
  log "GET $1: total $t"
}
login() {
  TOKEN=$(curl -s -X POST "$B/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"temso-demo-2026\"}" | sed -nE 's/.*"token":"([^"]+)".*/\1/p')
  [ -n "$TOKEN" ] || fail "demo login $1 failed"
}

log "first start on PostgreSQL (port $PORT, log $WORK/first.log)"
start_server "$WORK/first.log"
check_ready
grep -q "Demo data loaded" "$WORK/first.log" || fail "demo data not loaded on the first start"
check_log "$WORK/first.log"
log "health: $(curl -s "$B/health/ready")"

log "registry walkthrough"
B="$B" bash docs/examples/registry-walkthrough.sh >"$WORK/walkthrough.out" 2>&1 || { cat "$WORK/walkthrough.out" >&2; fail "walkthrough exited non-zero"; }
uuid='[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
for what in zone product batch; do
  grep -qE "^$what $uuid\$" "$WORK/walkthrough.out" || { cat "$WORK/walkthrough.out" >&2; fail "walkthrough created no $what"; }
done
grep -q '"lotCode":"TT2611-A"' "$WORK/walkthrough.out" && grep -q '"eventCount":1' "$WORK/walkthrough.out" \
  && grep -q '"code":"PRE_HARVEST_INTERVAL"' "$WORK/walkthrough.out" \
  || { cat "$WORK/walkthrough.out" >&2; fail "walkthrough batch is not as expected"; }

login admin
expect_total "/api/zones?status=ACTIVE" 2
expect_total "/api/zones?q=l%C3%BAa" 1
expect_total "/api/products?ocop=active" 1
expect_total "/api/products?ocop=none" 0
expect_total "/api/batches?harvestedFrom=2024-01-01" 2
expect_total "/api/batches?harvestedFrom=2024-01-01&harvestedTo=2030-12-31&status=OPEN" 1
expect_total "/api/batches?lot=TT2611-A" 1
expect_total "/api/audit" 4
expect_total "/api/cooperatives?q=t%C3%A2n" 1
# stamps (when the WAR has them): issue on the walkthrough batch, resolve one, void one, buyer report
login tantru.quanly
BATCH=$(sed -nE 's/^batch (.*)$/\1/p' "$WORK/walkthrough.out")
issue=$(curl -s -D - -o "$WORK/issue.out" -X POST "$B/api/batches/$BATCH/stamps" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"count":5}')
case "$issue" in
  "HTTP/1.1 404"*) log "this WAR has no stamp API: stamp checks skipped" ;;
  "HTTP/1.1 202"*)
    JOB=$(printf '%s' "$issue" | tr -d '\r' | sed -nE 's/^[Ll]ocation: *[a-z]+:\/\/[^/]+(\/.*)$/\1/p')
    for _ in $(seq 120); do
      job=$(get "$JOB"); case "$job" in *'"status":"DONE"'*) break ;; *'"status":"RUNNING"'*) sleep 0.5 ;; *) fail "job $JOB: $job" ;; esac
    done
    case "$job" in *'"issued":5'*) ;; *) fail "stamp job did not issue 5: $job" ;; esac
    expect_total "/api/batches/$BATCH/stamps" 5
    URL=$(get "/api/batches/$BATCH/stamps?size=5" | grep -o '"url":"[^"]*"' | head -1 | cut -d'"' -f4)
    verdict() { curl -s -H 'Accept: application/json' "$B/01/${1#*/01/}" | grep -o '"verdict":"[A-Z_]*"' | cut -d'"' -f4; }
    [ "$(verdict "$URL")" = GENUINE ] || fail "stamp $URL is not GENUINE"
    v=$(curl -s -X POST "$B/api/batches/$BATCH/stamps/void" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d '{"fromSeq":1,"toSeq":1,"reason":"In lỗi"}')
    case "$v" in *'"voided":1'*) ;; *) fail "void: $v" ;; esac
    [ "$(verdict "$URL")" = VOIDED ] || fail "voided stamp $URL is not VOIDED"
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$B/report" --data-urlencode "stamp=$URL" -d kind=SUSPECTED_FAKE \
      -d rating=1 --data-urlencode "message=Tem bị bóc lại")
    [ "$code" = 303 ] || fail "buyer report -> $code"
    get "/api/reports" | grep -q "Tem bị bóc lại" || fail "buyer report not listed"
    get "/api/stamps/suspicious" >/dev/null
    login admin; get "/api/keys" | grep -q '"kid"' || fail "no signing key listed"
    URL2=$(get "/api/batches/$BATCH/stamps?size=5" | grep -o '"url":"[^"]*"' | sed -n 2p | cut -d'"' -f4)
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$B/.well-known/jwks.json")" = 200 ] || fail "jwks.json"
    log "stamps: issued 5, GENUINE, voided, buyer report listed, suspicious list and JWKS answer"
    ;;
  *) fail "issuing stamps: $(printf '%s' "$issue" | head -1) $(cat "$WORK/issue.out")" ;;
esac
# issue 12 on PostgreSQL: failed sign-ins counted in login_failure (insert, then atomic updates; the 6th from this
# address is throttled), a scan row with its network hash, and zones listed with their stored display outline
for i in 1 2 3 4 5; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$B/api/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"duchoa.quanly","password":"not-the-password"}')
  [ "$code" = 401 ] || fail "wrong password $i -> $code"
done
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$B/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"duchoa.quanly","password":"not-the-password"}')
[ "$code" = 429 ] || fail "the 6th wrong password -> $code, expected 429"
[ "$(psql_app "SELECT coalesce(max(failures), 0) FROM login_failure")" -ge 5 ] \
  || fail "login_failure did not count 5 failures"
[ "$(psql_app "SELECT count(*) FROM scan WHERE network_hash IS NOT NULL")" -ge 1 ] || fail "no scan row with a network hash"
login admin
get "/api/zones?size=5" | grep -q '"displayGeometry"' || fail "zones listed without displayGeometry"
log "issue 12: 5 failed sign-ins counted then 429, scans with network hashes, zones with display outlines"
# issue 18 on PostgreSQL: a listing of the demo rice reaches the province feed, read by AreaScan (table scans on a
# connection of its own, streamed with a fetch size) and published into the database file store
login tantru.quanly
RICE=$(get "/api/products?q=T%C3%A2n%20Tr%E1%BB%A5%20Xanh" | sed -nE 's/.*"items":\[\{[^}]*"id":"([^"]+)".*/\1/p')
[ -n "$RICE" ] || fail "demo rice not found"
curl -s -X PUT "$B/api/listings/$RICE/google-xml" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"enabled": true}' | grep -q '"problems":\[\]' || fail "listing the demo rice on Google"
RICE_GTIN=$(get "/api/products/$RICE" | sed -nE 's/.*"gtin":"([0-9]+)".*/\1/p')
for _ in $(seq 60); do
  code=$(curl -s -o "$WORK/province.xml" -w '%{http_code}' "$B/feeds/province/google-xml.xml")
  [ "$code" = 200 ] && grep -q "<g:gtin>$RICE_GTIN</g:gtin>" "$WORK/province.xml" && break
  sleep 2
done
grep -q "<g:gtin>$RICE_GTIN</g:gtin>" "$WORK/province.xml" || fail "province feed without the listed rice (HTTP $code)"
[ "$(psql_app "SELECT count(*) FROM area_feed WHERE scope = 'province' AND outcome = 'PUBLISHED'")" = 6 ] \
  || fail "province feeds not all published: $(psql_app "SELECT channel, outcome, message FROM area_feed WHERE scope = 'province'")"
log "issue 18: the listed rice is in /feeds/province/google-xml.xml ($(grep -c '<item>' "$WORK/province.xml") items), six province feeds published"
COOPS=$(psql_app "SELECT count(*) FROM cooperative")
USERS=$(psql_app "SELECT count(*) FROM app_user")
CHANGESETS=$(psql_app "SELECT count(*) FROM databasechangelog")
check_log "$WORK/first.log"

log "restart (log $WORK/second.log)"
stop_server
start_server "$WORK/second.log"
check_ready
grep -q "changelog unchanged since its last migration\|Database is up to date, no changesets to execute" "$WORK/second.log" || fail "the schema was migrated again on restart"
if grep -q "Demo data loaded" "$WORK/second.log"; then fail "demo data loaded a second time"; fi
[ "$(psql_app "SELECT count(*) FROM cooperative")" = "$COOPS" ] || fail "cooperative count changed on restart"
[ "$(psql_app "SELECT count(*) FROM app_user")" = "$USERS" ] || fail "user count changed on restart"
[ "$(psql_app "SELECT count(*) FROM databasechangelog")" = "$CHANGESETS" ] || fail "changelog rows changed on restart"
login tantru.quanly
expect_total "/api/batches?lot=TT2611-A" 1
if [ -n "${URL2:-}" ]; then
  [ "$(verdict "$URL2")" = GENUINE ] || fail "stamp $URL2 is not GENUINE after the restart"
  log "stamp still GENUINE after the restart"
fi
check_log "$WORK/second.log"
stop_server

log "PASS: PostgreSQL $PG_VERSION, $CHANGESETS changesets, $COOPS cooperatives, walkthrough, filters and restart"
