# Shared by bench/issuance.sh, bench/trace-page.sh and scripts/kill9-issuance.sh (sourced, not run).
# Starts the built WAR on Payara Micro with demo data in a data directory of its own and talks to its API.
# Needs: traceability-war/target/{payara-micro.jar,temso.war} (./mvnw -B -o -DskipTests install), curl.

PORT="${PORT:-8383}"
B="http://localhost:$PORT"
PUBLIC_BASE="${TEMSO_PUBLIC_BASE_URL:-https://tem.example.vn}"
SERVER_PID=
TEMSO_WAR="${TEMSO_WAR:-traceability-war/target/temso.war}"   # another copy of the WAR may be given
. scripts/jvm-options.sh   # the JVM options run.sh uses (TEMSO_JAVA_OPTS overrides)

# start_server DATA_DIR LOG_FILE: starts in the background, waits (up to 300 s, the box may be busy) for the JWKS.
start_server() {
  [ -f "$TEMSO_WAR" ] || { echo "build first: ./mvnw -B -o -DskipTests install" >&2; exit 2; }
  mkdir -p "$1"
  TEMSO_DATA_DIR="$1" TEMSO_DEMO_ENABLED=true TEMSO_PUBLIC_BASE_URL="$PUBLIC_BASE" \
    java $TEMSO_JAVA_OPTS -Duser.timezone=UTC -Dfile.encoding=UTF-8 -Dderby.stream.error.file="$1/derby.log" ${SERVER_JAVA_OPTS:-} \
    -jar traceability-war/target/payara-micro.jar --deploy "$TEMSO_WAR" --contextroot / \
    --port "$PORT" --nohazelcast --disablephonehome ${SERVER_EXTRA_ARGS:-} >"$2" 2>&1 &
  SERVER_PID=$!
  local t0; t0=$(date +%s)
  until curl -sf -o /dev/null "$B/.well-known/jwks.json"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited, see $2" >&2; exit 1; }
    [ $(( $(date +%s) - t0 )) -lt 300 ] || { echo "server not up after 300 s, see $2" >&2; kill "$SERVER_PID"; exit 1; }
    sleep 1
  done
  echo "server pid $SERVER_PID up on port $PORT after $(( $(date +%s) - t0 )) s"
}

# stop_server: a clean stop (SIGTERM, Derby shut down by the app), waits for the JVM to exit.
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
  kill -0 "$SERVER_PID" 2>/dev/null && kill -9 "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

# login USER -> bearer token
login() {
  curl -sf -X POST "$B/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"temso-demo-2026\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# json_field NAME < json -> first string or number value of that field
json_field() {
  sed -E "s/.*\"$1\":\"?([^\",}]*)\"?.*/\1/"
}

# demo_batch TOKEN -> "id gtin lot" of the demo manager's first open batch (read with a JSON parser: field order
# and new fields must not break it)
demo_batch() {
  curl -sf "$B/api/batches?status=OPEN" -H "Authorization: Bearer $1" | python3 -c \
    'import json,sys; b=json.load(sys.stdin)["items"][0]; print(b["id"], b["gtin"], b["lotCode"])'
}

# start_job TOKEN BATCH COUNT -> job URL (Location of the 202)
start_job() {
  curl -s -D - -o /dev/null -X POST "$B/api/batches/$2/stamps" -H "Authorization: Bearer $1" \
    -H 'Content-Type: application/json' -d "{\"count\":$3}" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p'
}

# Issues $3 stamps on batch $2 (token $1), waits for the job and writes their local paths (/01/...) to $4, one a line.
issue_stamp_paths() {
  local job
  job=$(start_job "$1" "$2" "$3")
  until curl -sf "$job" -H "Authorization: Bearer $1" | grep -q '"status":"DONE"'; do sleep 1; done
  curl -sf "$B/api/batches/$2/stamps/export" -H "Authorization: Bearer $1" | tail -n +2 \
    | sed -nE "s#.*(https?://[^/]+)(/01/[^,\"]+).*#\2#p" | head -n "$3" > "$4"
  [ "$(wc -l < "$4")" -eq "$3" ] || { echo "expected $3 stamp paths" >&2; exit 1; }
}

# heap_mb: the server's used heap in MB right after a full GC (all generations of the parallel collector); needs jcmd
heap_mb() {
  jcmd "$SERVER_PID" GC.run > /dev/null
  jcmd "$SERVER_PID" GC.heap_info | awk '/Metaspace/ { exit } /used [0-9]+K/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1);
    sub(/K.*/, "", v); sum += v } } END { printf "%.0f\n", sum / 1024 }'
}

# live_heap_mb: the server's live objects in MB, counted at a full GC (jmap -histo:live): unlike heap_mb, objects
# a busy request allocates between the GC and the reading are not counted
live_heap_mb() {
  jmap -histo:live "$SERVER_PID" | awk '/^Total/ { printf "%.0f\n", $3 / 1048576 }'
}
