# Cluster harness, sourced by scripts/cluster-check.sh and the benchmarks (not run on its own).
# Starts a private PostgreSQL (its own data directory and port: the machine's own clusters are never touched),
# Temso instances (Payara Micro, Hazelcast --clustermode tcpip on loopback) and haproxy in front of them, with the
# built artifacts copied once into the work directory (a rebuild while it runs changes nothing).
# Ports (override through the environment): CLUSTER_HTTP_BASE=8480 -> haproxy 8480, instance a 8481, b 8482, c 8483;
# CLUSTER_HZ_BASE=6900 -> Hazelcast a 6901, b 6921, c 6941; CLUSTER_PG_PORT=5440.
# CLUSTER_INSTANCES="a b" names the instances of the cluster (every one is a member of the tcpip list).

CLUSTER_HTTP_BASE="${CLUSTER_HTTP_BASE:-8480}"
CLUSTER_HZ_BASE="${CLUSTER_HZ_BASE:-6900}"
CLUSTER_PG_PORT="${CLUSTER_PG_PORT:-5440}"
CLUSTER_INSTANCES="${CLUSTER_INSTANCES:-a b}"
CLUSTER_DB=temso
CLUSTER_DB_USER=temso
CLUSTER_DB_PASSWORD="${CLUSTER_DB_PASSWORD:-cluster-check-$RANDOM$RANDOM}"
CLUSTER_SECRET="${CLUSTER_SECRET:-cluster-check-stamp-key-secret-$RANDOM$RANDOM$RANDOM$RANDOM}"
CLUSTER_ROOT="${CLUSTER_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
LB_URL="http://127.0.0.1:$CLUSTER_HTTP_BASE"
A_URL="http://127.0.0.1:$((CLUSTER_HTTP_BASE + 1))"
B_URL="http://127.0.0.1:$((CLUSTER_HTTP_BASE + 2))"
C_URL="http://127.0.0.1:$((CLUSTER_HTTP_BASE + 3))"
PG_BIN="${PG_BIN:-}"
CLUSTER_WORK="${CLUSTER_WORK:-}"
LB_PID=""
DEMO_PASSWORD=temso-demo-2026

log()    { printf '[cluster] %s\n' "$*" >&2; }
pass()   { printf 'PASS %s\n' "$*"; }
fail()   { printf 'FAIL %s\n' "$*" >&2; exit 1; }
# figure NAME VALUE UNIT: one measured figure, collected into the summary at the end
figure() { printf 'FIGURE %s=%s %s\n' "$1" "$2" "${3:-}"; printf '%s=%s %s\n' "$1" "$2" "${3:-}" >>"$CLUSTER_WORK/figures"; }
now_ms() { date +%s%3N; }
sudo_()  { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { (cd /tmp && if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi); }
# PostgreSQL inherits every open descriptor of its starter (a caller's flock would stay held by it)
without_inherited_fds() {
  ( for fd in /proc/self/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-" 2>/dev/null; done; "$@" )
}

# instance_url NAME -> http://127.0.0.1:port of that instance
instance_index() { case "$1" in a) echo 1;; b) echo 2;; c) echo 3;; *) fail "unknown instance $1";; esac; }
instance_url()   { echo "http://127.0.0.1:$((CLUSTER_HTTP_BASE + $(instance_index "$1")))"; }
instance_hz()    { echo $((CLUSTER_HZ_BASE + 1 + 20 * ($(instance_index "$1") - 1))); }
instance_pid()   { cat "$CLUSTER_WORK/$1.pid" 2>/dev/null; }
instance_log()   { echo "$CLUSTER_WORK/$1.log"; }

cluster_install() {
  local need=()
  command -v haproxy >/dev/null 2>&1 || need+=(haproxy)
  command -v wrk >/dev/null 2>&1 || need+=(wrk)
  command -v psql >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v python3 >/dev/null 2>&1 || need+=(python3)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]} (apt-get)"
    sudo_ env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    without_inherited_fds sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
  fi
  PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}"
}

# cluster_prepare: work directory, artifacts copied in
cluster_prepare() {
  CLUSTER_WORK="${CLUSTER_WORK:-$(mktemp -d /tmp/temso-cluster.XXXXXX)}"
  chmod 755 "$CLUSTER_WORK"
  : >"$CLUSTER_WORK/figures"
  local war="$CLUSTER_ROOT/traceability-war/target/temso.war" jar="$CLUSTER_ROOT/traceability-war/target/payara-micro.jar"
  if [ ! -f "$war" ] || [ ! -f "$jar" ]; then
    log "building traceability-war (tests skipped)"
    (cd "$CLUSTER_ROOT" && flock /tmp/mvn.lock ./mvnw -B -q -o -pl traceability-war -am -DskipTests package)
  fi
  cp -p "$war" "$jar" "$CLUSTER_WORK/"   # -p: the fast starts are keyed on the files' times
  log "work directory $CLUSTER_WORK"
}
# Fast starts (scripts/boot-cache.sh): a launcher root and a class-data-sharing archive per instance, kept under
# target/ across runs and remade when the jar, the WAR or the JVM changes; CLUSTER_BOOT_CACHE=0 starts plainly.
# boot_dir NAME: where that instance's are kept
boot_dir() { echo "$CLUSTER_ROOT/traceability-war/target/boot/${CLUSTER_HTTP_BASE}-$1"; }

# pg_init: a private PostgreSQL cluster in the work directory on CLUSTER_PG_PORT, with role and database temso
pg_init() {
  local data="$CLUSTER_WORK/pg"
  mkdir -p "$data" && chown postgres:postgres "$data" && chmod 700 "$data"
  touch "$CLUSTER_WORK/pg.log" && chown postgres:postgres "$CLUSTER_WORK/pg.log"
  as_postgres "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null \
    || fail "initdb failed"
  cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $CLUSTER_PG_PORT
unix_socket_directories = '$data'
max_connections = 200
fsync = on
CONF
  # password authentication over TCP, as production does
  printf 'local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n' >"$data/pg_hba.conf"
  pg_start
  as_postgres psql -q -v ON_ERROR_STOP=1 -h "$data" -p "$CLUSTER_PG_PORT" -d postgres >/dev/null <<SQL
CREATE ROLE $CLUSTER_DB_USER LOGIN PASSWORD '$CLUSTER_DB_PASSWORD';
CREATE DATABASE $CLUSTER_DB OWNER $CLUSTER_DB_USER ENCODING 'UTF8' TEMPLATE template0;
SQL
}
pg_start() {
  without_inherited_fds as_postgres "$PG_BIN/pg_ctl" -D "$CLUSTER_WORK/pg" -l "$CLUSTER_WORK/pg.log" -w -t 60 start >/dev/null \
    || fail "PostgreSQL did not start (log $CLUSTER_WORK/pg.log)"
}
# pg_stop [mode]: fast by default (connections are cut, as when the database server goes away)
pg_stop() { as_postgres "$PG_BIN/pg_ctl" -D "$CLUSTER_WORK/pg" -m "${1:-fast}" -w stop >/dev/null 2>&1 || true; }
# psql_q "SQL": runs a statement in the application's database as its owner, unaligned output
psql_q() { as_postgres psql -X -q -tA -v ON_ERROR_STOP=1 -h "$CLUSTER_WORK/pg" -p "$CLUSTER_PG_PORT" -d "$CLUSTER_DB" -c "$1"; }

# instance_start NAME [VAR=value ...]: starts one instance in the background (extra environment after the name)
instance_start() {
  local name=$1; shift
  local port=$((CLUSTER_HTTP_BASE + $(instance_index "$name"))) hz; hz=$(instance_hz "$name")
  local members="" n
  for n in $CLUSTER_INSTANCES; do members="${members:+$members,}127.0.0.1:$(instance_hz "$n")"; done
  local run=$(( $(cat "$CLUSTER_WORK/$name.runs" 2>/dev/null || echo 0) + 1 ))
  echo "$run" >"$CLUSTER_WORK/$name.runs"
  rm -rf "$CLUSTER_WORK/$name-root-"*   # a kept root directory would boot the previous deployment first
  mkdir -p "$CLUSTER_WORK/$name-data"
  . "$CLUSTER_ROOT/scripts/jvm-options.sh"
  local launch=(-jar "$CLUSTER_WORK/payara-micro.jar") root=(--rootdir "$CLUSTER_WORK/$name-root-$run")
  if [ "${CLUSTER_BOOT_CACHE:-1}" = 1 ]; then
    . "$CLUSTER_ROOT/scripts/boot-cache.sh"
    local t0; t0=$(now_ms)
    if ! boot_ready "$(boot_dir "$name")" "$CLUSTER_WORK/payara-micro.jar" "$CLUSTER_WORK/temso.war"; then
      boot_prepare "$(boot_dir "$name")" "$CLUSTER_WORK/payara-micro.jar" "$CLUSTER_WORK/temso.war" \
        || fail "could not prepare the fast start of instance $name"
      log "fast start of instance $name prepared in $(( $(now_ms) - t0 )) ms"
    fi
    boot_reset "$(boot_dir "$name")"
    mapfile -t launch < <(boot_args "$(boot_dir "$name")")
    root=()   # the launcher's own directory is the root directory
  fi
  # the public base URL here is plain http on loopback, and every marketplace channel refuses a non-https link, so
  # with the default gate no feed would ever publish: the check of feeds lets the invalid items out instead
  # shellcheck disable=SC2086 # option lists
  ( cd "$CLUSTER_WORK" && exec env TEMSO_DB_URL="jdbc:postgresql://127.0.0.1:$CLUSTER_PG_PORT/$CLUSTER_DB" \
      TEMSO_DB_USER="$CLUSTER_DB_USER" TEMSO_DB_PASSWORD="$CLUSTER_DB_PASSWORD" \
      TEMSO_DATA_DIR="$CLUSTER_WORK/$name-data" TEMSO_DEMO_ENABLED=true TEMSO_PUBLIC_BASE_URL="$LB_URL" \
      TEMSO_STAMP_KEY_SECRET="$CLUSTER_SECRET" TEMSO_HTTP_TRUSTED_PROXIES=127.0.0.1 \
      TEMSO_FEED_MAX_INVALID_SHARE="${CLUSTER_FEED_MAX_INVALID_SHARE:-1}" \
      "$@" java ${CLUSTER_JAVA_OPTS:-$TEMSO_JAVA_OPTS} -Duser.timezone=UTC -Dfile.encoding=UTF-8 \
      "${launch[@]}" --deploy "$CLUSTER_WORK/temso.war" --contextroot / \
      --port "$port" --name "temso-$name" --clustername temso-check-$CLUSTER_HZ_BASE \
      --clustermode "tcpip:$members" --interfaces 127.0.0.1 --startport "$hz" --disablephonehome \
      "${root[@]}" ) >>"$CLUSTER_WORK/$name.log" 2>&1 &
  echo $! >"$CLUSTER_WORK/$name.pid"
  echo "$(now_ms)" >"$CLUSTER_WORK/$name.started"
  log "instance $name starting (pid $!, port $port, hazelcast $hz, log $CLUSTER_WORK/$name.log)"
}

# wait_ready URL [timeout s] [pid]: waits until /health/ready answers 200; prints nothing, fails on timeout
wait_ready() {
  local url=$1 timeout=${2:-240} pid=${3:-} t0; t0=$(date +%s)
  until [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$url/health/ready")" = 200 ]; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then fail "process $pid for $url exited while starting"; fi
    [ $(( $(date +%s) - t0 )) -lt "$timeout" ] || fail "$url not ready after $timeout s"
    sleep 0.2
  done
}
# instance_wait NAME [timeout]: waits until that instance is ready; prints ms since its start
instance_wait() {
  wait_ready "$(instance_url "$1")" "${2:-240}" "$(instance_pid "$1")"
  echo $(( $(now_ms) - $(cat "$CLUSTER_WORK/$1.started") ))
}
# instance_stop NAME: SIGTERM (the instance drains and stops cleanly), waits up to 90 s for the process to end
instance_stop() {
  local pid; pid=$(instance_pid "$1"); [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 900); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then log "instance $1 did not stop in 90 s: kill -9"; kill -9 "$pid" 2>/dev/null; fi
  wait "$pid" 2>/dev/null || true
  rm -f "$CLUSTER_WORK/$1.pid"
}
# instance_kill9 NAME: the process dies at once, as in a crash or an OOM kill
instance_kill9() {
  local pid; pid=$(instance_pid "$1"); [ -n "$pid" ] || return 0
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$CLUSTER_WORK/$1.pid"
}

# lb_start: haproxy from deploy/haproxy/haproxy.cfg with the instances' ports filled in
lb_start() {
  local cfg="$CLUSTER_WORK/haproxy.cfg" servers="" n
  for n in $CLUSTER_INSTANCES; do
    servers="$servers    server $n 127.0.0.1:$((CLUSTER_HTTP_BASE + $(instance_index "$n"))) check cookie $n\n"
  done
  sed -e "s|@LB_PORT@|$CLUSTER_HTTP_BASE|g" -e "s|@SERVERS@|$servers|" \
    "$CLUSTER_ROOT/deploy/haproxy/haproxy.cfg" >"$cfg"
  haproxy -c -q -f "$cfg" || fail "haproxy configuration $cfg is not valid"
  haproxy -f "$cfg" -db >"$CLUSTER_WORK/haproxy.log" 2>&1 &
  LB_PID=$!
  wait_ready "$LB_URL" 30
  log "haproxy on $LB_URL (pid $LB_PID)"
}
lb_stop() { [ -n "$LB_PID" ] && kill "$LB_PID" 2>/dev/null; wait "$LB_PID" 2>/dev/null || true; LB_PID=""; }

# cluster_up: PostgreSQL, the instances one after the other (the first loads the demo data), haproxy
cluster_up() {
  cluster_install
  cluster_prepare
  pg_init
  local n ms
  for n in $CLUSTER_INSTANCES; do
    instance_start "$n"
    ms=$(instance_wait "$n")
    log "instance $n ready after $ms ms"
  done
  lb_start
}

# cluster_down: stops everything started (trap EXIT)
cluster_down() {
  local n
  lb_stop
  for n in a b c; do [ -f "$CLUSTER_WORK/$n.pid" ] && instance_stop "$n"; done
  [ -d "$CLUSTER_WORK/pg" ] && pg_stop fast
}

# token USER [URL]: signs a demo user in, prints the bearer token
token() {
  curl -sf -X POST "${2:-$LB_URL}/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$DEMO_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
# jq_ EXPR: a python expression over the JSON on stdin, bound to j (no jq on a fresh machine)
jq_() { python3 -c "import json,sys; j=json.load(sys.stdin); r=($1); print(r if not isinstance(r,(dict,list)) else json.dumps(r))"; }

# start_issuing URL TOKEN BATCH COUNT -> the job's URL (its Location); fails when the request is refused
start_issuing() {
  local loc
  loc=$(curl -sf -D - -o /dev/null -X POST "$1/api/batches/$3/stamps" -H "Authorization: Bearer $2" \
    -H 'Content-Type: application/json' -d "{\"count\":$4}" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  [ -n "$loc" ] || fail "issuing $4 stamps on batch $3 was refused"
  echo "$loc"
}

# issue_stamps TOKEN COUNT [BATCH] -> "seq path" of the new stamps (path /01/...), one a line, through the load
# balancer (or ISSUE_URL); BATCH defaults to the first open batch the token sees
issue_stamps() {
  local tok=$1 count=$2 batch=${3:-} job
  [ -n "$batch" ] || batch=$(curl -sf "$LB_URL/api/batches?status=OPEN" -H "Authorization: Bearer $tok" | jq_ 'j["items"][0]["id"]')
  job=$(start_issuing "${ISSUE_URL:-$LB_URL}" "$tok" "$batch" "$count")
  for _ in $(seq 600); do
    curl -sf "$job" -H "Authorization: Bearer $tok" | grep -q '"status":"DONE"' && break
    sleep 0.5
  done
  curl -sf "$LB_URL/api/batches/$batch/stamps/export" -H "Authorization: Bearer $tok" | tail -n +2 \
    | sed -nE 's#^([0-9]+),.*https?://[^/]+(/01/[^,"]+).*#\1 \2#p' | tail -n "$count"
}
# stamp_id PATH -> the stamp's id, GTIN-14.serial (paths are /01/{gtin}/10/{lot}/21/{serial}?8030=...)
stamp_id() { sed -E 's#^/01/([0-9]{14})/.*/21/([^/?]+).*#\1.\2#' <<<"$1"; }
# scan URL PATH ADDRESS -> "verdict scanCount places" as the JSON trace record tells it
scan_json() {
  curl -sf "$1$2" -H 'Accept: application/json' -H "X-Forwarded-For: $3" \
    | jq_ '" ".join(str(j.get(k)) for k in ("verdict", "scanCount", "scanPlaces"))'
}
