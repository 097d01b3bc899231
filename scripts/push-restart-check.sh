#!/usr/bin/env bash
# Push sync survives crashes: every product version is delivered exactly once even when the server is killed
# with kill -9 in the middle of a sync (the Arquillian-managed server of the integration suite cannot be killed
# and restarted inside the suite, so this script does it).
#   1. starts temso.war on Payara Micro with a fresh Derby database and demo data, push pointed at a marketplace
#      that is not up yet (attempts fail with connection refused and back off)
#   2. creates PRODUCTS products as tantru.quanly, lists them on http-push, changes half of them twice
#   3. starts scripts/push-restart/TestMarketplace.java (JDK only): fails about half of the requests (500, 429
#      with Retry-After, timeouts, some after applying the change) and logs each delivery by Idempotency-Key
#   4. CYCLES times: waits for some progress while pushes are still open, then kill -9 the server and starts it
#      again on the same database
#   5. waits until no version is PENDING/SENDING, then checks: every version in GET /api/listings/status is
#      SYNCED, the marketplace applied each idempotency key exactly once, and applied no key Temso does not know
# Settings (environment): PORT=8283, MARKET_PORT=18094, PRODUCTS=30, CYCLES=3, KEEP=1 (keep the work directory),
#   TEMSO_WAR, PAYARA_MICRO_JAR (default: the files in traceability-war/target)
# Needs java 17+, curl, python3 (JSON), a built traceability-war/target/temso.war and payara-micro.jar
# (./mvnw -B -o -pl traceability-war -am -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8283}"
MARKET_PORT="${MARKET_PORT:-18094}"
PRODUCTS="${PRODUCTS:-30}"
CYCLES="${CYCLES:-3}"
B="http://127.0.0.1:$PORT"
SECRET="restart-check-secret-$RANDOM$RANDOM"
WAR="${TEMSO_WAR:-traceability-war/target/temso.war}"
MICRO="${PAYARA_MICRO_JAR:-traceability-war/target/payara-micro.jar}"
WORK=$(mktemp -d /tmp/temso-pushcheck.XXXXXX)
SERVER_PID=""
MARKET_PID=""

log() { printf '[push-restart] %s\n' "$*" >&2; }
fail() { printf '[push-restart] FAIL: %s\n' "$*" >&2; exit 1; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

on_exit() {
  rc=$?
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$MARKET_PID" ] && kill -0 "$MARKET_PID" 2>/dev/null; then kill "$MARKET_PID"; wait "$MARKET_PID" 2>/dev/null || true; fi
  if [ "$rc" -ne 0 ] || [ "${KEEP:-}" = 1 ]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap on_exit EXIT

[ -f "$WAR" ] && [ -f "$MICRO" ] || fail "build first: ./mvnw -B -o -pl traceability-war -am -DskipTests package"
for p in "$PORT" "$MARKET_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then fail "port $p is in use (set PORT / MARKET_PORT)"; fi
done

# copies: a build running meanwhile must not change what the restarts deploy
cp "$WAR" "$WORK/temso.war"; cp "$MICRO" "$WORK/payara-micro.jar"
python3 -c "import sys, zipfile; [zipfile.ZipFile(f).testzip() for f in sys.argv[1:]]" "$WORK/temso.war" \
  "$WORK/payara-micro.jar" 2>/dev/null || fail "$WAR or $MICRO is not a complete archive (a build running?)"
WAR="$WORK/temso.war"; MICRO="$WORK/payara-micro.jar"


STARTS=0
start_server() {
  STARTS=$((STARTS + 1))
  java -Duser.timezone=UTC -Dfile.encoding=UTF-8 -Dtemso.data.dir="$WORK/data" \
    -Dderby.stream.error.file="$WORK/derby.log" -Dtemso.demo.enabled=true \
    -Dtemso.public.base-url=https://tem.temso.test \
    -Dtemso.push.endpoint="http://127.0.0.1:$MARKET_PORT/push" -Dtemso.push.secret="$SECRET" \
    -Dtemso.listing.interval-ms=250 -Dtemso.push.base-delay-ms=200 -Dtemso.push.max-delay-ms=2000 \
    -Dtemso.push.max-attempts=1000 -Dtemso.push.connect-timeout-ms=1000 -Dtemso.push.request-timeout-ms=1000 \
    -jar "$MICRO" --deploy "$WAR" --contextroot / --port "$PORT" --nohazelcast --disablephonehome \
    > "$WORK/server-$STARTS.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 240); do
    curl -sf "$B/health/ready" >/dev/null 2>&1 && { log "server start $STARTS ready (pid $SERVER_PID)"; return; }
    kill -0 "$SERVER_PID" 2>/dev/null || fail "server exited; see $WORK/server-$STARTS.log"
    sleep 1
  done
  fail "server not ready after 240 s"
}

login() {
  TOKEN=$(curl -sf -X POST "$B/api/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"tantru.quanly","password":"temso-demo-2026"}' | json 'd["token"]')
}
api() { # method path [body]
  curl -sf -X "$1" "$B$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+-d "$3"}
}
counts() { api GET /api/listings/status | json '" ".join(str(d["push"]["counts"][k]) for k in ("PENDING","SENDING","SYNCED","FAILED"))'; }

start_server
login

log "creating $PRODUCTS products and listing them on http-push"
VERSIONS=0
for i in $(seq "$PRODUCTS"); do
  GTIN=$(python3 -c "
import random; s='893'+''.join(random.choice('0123456789') for _ in range(9))
t=sum(int(c)*(3 if k%2==0 else 1) for k,c in enumerate(reversed(s))); print(s+str((10-t%10)%10))")
  BODY="{\"gtin\":\"$GTIN\",\"name\":\"Khô cá lóc Tân Trụ số $i\",\"description\":\"Phơi nắng, \\\"không\\\" chất bảo quản\",\"unit\":\"gói 500 g\",\"priceVnd\":$((100000 + i)),\"imageUrl\":\"https://tem.temso.test/img/$i.jpg\"}"
  ID=$(api POST /api/products "$BODY" | json 'd["id"]')
  api PUT "/api/listings/$ID/http-push" '{}' >/dev/null
  VERSIONS=$((VERSIONS + 1))
  if [ $((i % 2)) = 0 ]; then
    for price in 200000 300000; do
      api PUT "/api/products/$ID" "${BODY/\"priceVnd\":$((100000 + i))/\"priceVnd\":$((price + i))}" >/dev/null
      VERSIONS=$((VERSIONS + 1))
    done
  fi
done
log "$VERSIONS product versions queued; starting the marketplace now, so the crashes hit a backlog"
java scripts/push-restart/TestMarketplace.java "$MARKET_PORT" "$SECRET" "$WORK/market.log" 0.5 &
MARKET_PID=$!

for c in $(seq "$CYCLES"); do
  read -r pending sending synced failed <<<"$(counts)"
  target=$((synced + 5))
  for _ in $(seq 120); do
    read -r pending sending synced failed <<<"$(counts)"
    [ "$synced" -ge "$target" ] || [ $((pending + sending)) -eq 0 ] && break
    sleep 0.2
  done
  if [ $((pending + sending)) -eq 0 ]; then log "all versions were final before crash $c; no more crashes"; break; fi
  log "crash $c: kill -9 while pending=$pending sending=$sending synced=$synced failed=$failed"
  kill -9 "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  start_server
  login
done

log "waiting for every version to be final"
for _ in $(seq 600); do
  read -r pending sending synced failed <<<"$(counts)"
  [ $((pending + sending)) -eq 0 ] && break
  sleep 0.5
done
read -r pending sending synced failed <<<"$(counts)"
log "final: pending=$pending sending=$sending synced=$synced failed=$failed"
[ "$synced" -eq "$VERSIONS" ] || fail "expected $VERSIONS synced versions, got synced=$synced failed=$failed pending=$pending"

: > "$WORK/keys.txt"
page=0
while :; do
  n=$(api GET "/api/listings/status?size=200&page=$page" | python3 -c "
import json,sys; d=json.load(sys.stdin)
with open('$WORK/keys.txt','a') as f:
    for i in d['items']['items']: f.write(i['idempotencyKey']+' '+i['status']+'\n')
print(len(d['items']['items']))")
  [ "$n" -lt 200 ] && break
  page=$((page + 1))
done
python3 - "$WORK/keys.txt" "$WORK/market.log" <<'PY'
import sys, collections
keys = [l.split()[0] for l in open(sys.argv[1]) if l.strip()]
events = [l.split() for l in open(sys.argv[2]) if l.strip()]
applied = collections.Counter(e[1] for e in events if e[0] == 'applied')
dups = collections.Counter(e[1] for e in events if e[0] == 'duplicate')
fails = collections.Counter(e[1] for e in events if e[0] == 'failed')
bad = [e for e in events if e[0] == 'bad-signature']
missing = [k for k in keys if applied[k] != 1]
unknown = [k for k in applied if k not in set(keys)]
print(f"[push-restart] versions {len(keys)}, distinct keys {len(set(keys))}, applied once {sum(1 for k in keys if applied[k] == 1)}, "
      f"resent after apply (answered idempotently) {sum(dups.values())}, injected failures {dict(fails)}, bad signatures {len(bad)}",
      file=sys.stderr)
ok = len(keys) == len(set(keys)) and not missing and not unknown and not bad
if not ok:
    print(f"[push-restart] FAIL: missing/duplicated {missing[:10]}, unknown {unknown[:10]}", file=sys.stderr)
sys.exit(0 if ok else 1)
PY
log "OK: every product version delivered exactly once across $((STARTS - 1)) kill -9 restart(s)"
