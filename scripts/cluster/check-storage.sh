# Storage faults on PostgreSQL (sourced by scripts/cluster-check.sh; issue 13, "Storage faults are visible and
# survivable"). PostgreSQL is stopped (pg_ctl -m fast: every connection is cut, as when the database server goes away)
# while instances a and b run:
#   - both /health/ready turn DOWN within a few seconds (FIGURE pg_ready_down_ms), the load balancer has no server;
#   - a sign-in and a new batch, on each instance, answer 503 problem+json storage-unavailable with Retry-After, never
#     500; the Faces sign-in page answers 503 with its form and no stack trace;
#   - the trace page of a stamp scanned before answers 200 from memory (status and batch part cached, the scan
#     queued); one never seen answers 503 (it must be read from the database);
# PostgreSQL is started again (pg_start) and, without restarting either instance,
#   - both are ready again (FIGURE pg_recovery_ms), sign-in and a new batch work, the queued scans are written.
# Then the embedded Derby variant, a full disk: scripts/storage-fault-check.sh runs one instance outside the cluster
# (port CLUSTER_HTTP_BASE + 9, its data directory on a 48 MB tmpfs; needs root for the mount) and its PASS and FIGURE
# lines count here. CLUSTER_STORAGE_DERBY=0 skips it.

# storage_call URL METHOD PATH [JSON] [TOKEN] -> sets ST_STATUS, ST_HEADERS, ST_BODY
storage_call() {
  local out; out=$(mktemp "$CLUSTER_WORK/storage.XXXXXX")
  ST_STATUS=$(curl -s -m 30 -D "$out.h" -o "$out" -w '%{http_code}' -X "$2" "$1$3" -H 'Content-Type: application/json' \
    ${5:+-H "Authorization: Bearer $5"} ${4:+-d "$4"})
  ST_HEADERS=$(tr -d '\r' <"$out.h"); ST_BODY=$(cat "$out"); rm -f "$out" "$out.h"
}
# storage_expect_503 WHAT: the last storage_call answered 503 storage-unavailable problem+json with Retry-After
storage_expect_503() {
  [ "$ST_STATUS" = 503 ] || fail "$1 answered $ST_STATUS while PostgreSQL is down (expected 503 storage-unavailable): $ST_BODY"
  grep -qi '^content-type: application/problem+json' <<<"$ST_HEADERS" || fail "$1: 503 is not problem+json: $ST_HEADERS"
  grep -qi '^retry-after: [0-9]' <<<"$ST_HEADERS" || fail "$1: 503 without Retry-After"
  [ "$(jq_ 'j["type"]' <<<"$ST_BODY")" = "https://temso.vn/problems/storage-unavailable" ] || fail "$1: 503 of another type: $ST_BODY"
}
storage_ready() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1/health/ready"; }
# storage_wait_ready URL CODE TIMEOUT_S -> ms until /health/ready answered CODE
storage_wait_ready() {
  local t0; t0=$(now_ms)
  until [ "$(storage_ready "$1")" = "$2" ]; do
    [ $(( $(now_ms) - t0 )) -lt $(( $3 * 1000 )) ] || fail "$1/health/ready did not answer $2 within $3 s: $(curl -s -m 5 "$1/health/ready")"
    sleep 0.1
  done
  echo $(( $(now_ms) - t0 ))
}
storage_new_batch() { # URL TOKEN LOT: a batch like the demo manager's first open batch, with another lot code
  storage_call "$1" POST /api/batches "{\"productId\":\"$ST_PRODUCT\",\"zoneIds\":[\"$ST_ZONE\"],\"lotCode\":\"$3\",\"harvestDate\":\"2026-11-20\",\"quantity\":10,\"unit\":\"kg\"}" "$2"
}

check_storage() {
  local tok batch bjson seen unseen ms_a ms_b t0 n url lot=ST$RANDOM
  tok=$(token tantru.quanly) || fail "demo manager cannot sign in"
  batch=$(curl -sf "$LB_URL/api/batches?status=OPEN" -H "Authorization: Bearer $tok" | jq_ 'j["items"][0]["id"]')
  bjson=$(curl -sf "$LB_URL/api/batches/$batch" -H "Authorization: Bearer $tok")
  ST_PRODUCT=$(jq_ 'j["productId"]' <<<"$bjson"); ST_ZONE=$(jq_ 'j["zones"][0]["id"]' <<<"$bjson")
  # two stamps: one scanned on both instances before the fault, one never scanned
  local paths; paths=$(issue_stamps "$tok" 2 | cut -d' ' -f2)
  seen=$(sed -n 1p <<<"$paths"); unseen=$(sed -n 2p <<<"$paths")
  [ -n "$seen" ] && [ -n "$unseen" ] || fail "two stamps were not issued"
  for url in "$A_URL" "$B_URL"; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url$seen")" = 200 ] || fail "trace page on $url before the fault"
  done
  sleep 0.5 # the scans of the pages above are written every 100 ms
  local scans_before; scans_before=$(psql_q "SELECT COUNT(*) FROM scan")

  log "stopping PostgreSQL (fast: connections are cut)"
  t0=$(now_ms)
  pg_stop fast
  ms_a=$(storage_wait_ready "$A_URL" 503 15); ms_a=$(( $(now_ms) - t0 ))
  ms_b=$(storage_wait_ready "$B_URL" 503 15); ms_b=$(( $(now_ms) - t0 ))
  figure pg_ready_down_ms "$(( ms_a > ms_b ? ms_a : ms_b ))" ms
  pass "PostgreSQL stopped: /health/ready DOWN on a after $ms_a ms, on b after $ms_b ms ($(curl -s -m 5 "$A_URL/health/ready" | head -c 300))"
  [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$LB_URL/health/ready")" = 503 ] || fail "the load balancer still has a server"
  pass "the load balancer has no server left (503)"

  for url in "$A_URL" "$B_URL"; do
    storage_call "$url" POST /api/auth/login "{\"username\":\"tantru.quanly\",\"password\":\"$DEMO_PASSWORD\"}"
    storage_expect_503 "sign-in on $url"
    storage_new_batch "$url" "$tok" "${lot}X"
    storage_expect_503 "new batch on $url"
    storage_call "$url" GET "/api/batches/$batch" "" "$tok"
    storage_expect_503 "reading a batch on $url"
  done
  pass "sign-in, a new batch and an API read answer 503 storage-unavailable problem+json with Retry-After on a and b"
  # the Faces sign-in form: the page again with the message, 503, no stack trace
  local jar="$CLUSTER_WORK/storage-cookies" page vstate status body
  page=$(curl -s -c "$jar" "$A_URL/login.xhtml")
  vstate=$(python3 -c 'import re,sys; m=re.search(r"name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()); print(m.group(1) if m else "")' <<<"$page")
  if [ -n "$vstate" ]; then
    body=$(curl -s -b "$jar" -o "$CLUSTER_WORK/storage-ui.html" -w '%{http_code}' "$A_URL/login.xhtml" \
      --data-urlencode "login=login" --data-urlencode "login:username=tantru.quanly" \
      --data-urlencode "login:password=$DEMO_PASSWORD" --data-urlencode "login:submit=" \
      --data-urlencode "jakarta.faces.ViewState=$vstate")
    grep -q -E 'Exception|at vn\.temso|at org\.' "$CLUSTER_WORK/storage-ui.html" && fail "the sign-in page shows a stack trace"
    [ "$body" = 503 ] || [ "$body" = 200 ] || fail "the Faces sign-in answered $body while PostgreSQL is down"
    pass "the Faces sign-in page answers $body without a stack trace while PostgreSQL is down"
  else
    log "the sign-in page itself did not render while PostgreSQL is down ($(curl -s -o /dev/null -w '%{http_code}' "$A_URL/login.xhtml"))"
  fi

  status=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$A_URL$seen")
  [ "$status" = 200 ] || fail "the trace page of a stamp seen before answered $status on a while PostgreSQL is down"
  status=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$B_URL$seen")
  [ "$status" = 200 ] || fail "the trace page of a stamp seen before answered $status on b while PostgreSQL is down"
  status=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$A_URL$unseen")
  [ "$status" = 503 ] || fail "the trace page of a stamp never seen answered $status while PostgreSQL is down (expected 503)"
  pass "trace pages while PostgreSQL is down: a stamp seen before 200 on a and b (from memory, scans queued), one never seen 503"

  log "starting PostgreSQL again"
  t0=$(now_ms)
  pg_start
  storage_wait_ready "$A_URL" 200 60 >/dev/null; ms_a=$(( $(now_ms) - t0 ))
  storage_wait_ready "$B_URL" 200 60 >/dev/null; ms_b=$(( $(now_ms) - t0 ))
  figure pg_recovery_ms "$(( ms_a > ms_b ? ms_a : ms_b ))" ms
  pass "PostgreSQL back: a ready after $ms_a ms, b after $ms_b ms, neither restarted"
  for n in a b; do kill -0 "$(instance_pid "$n")" || fail "instance $n is gone"; done
  wait_ready "$LB_URL" 30
  for url in "$A_URL" "$B_URL"; do
    storage_call "$url" POST /api/auth/login "{\"username\":\"tantru.quanly\",\"password\":\"$DEMO_PASSWORD\"}"
    [ "$ST_STATUS" = 200 ] || fail "sign-in on $url after recovery: $ST_STATUS $ST_BODY"
    tok=$(jq_ 'j["token"]' <<<"$ST_BODY")
    storage_new_batch "$url" "$tok" "${lot}${url##*:}"
    [ "$ST_STATUS" = 201 ] || [ "$ST_STATUS" = 200 ] || fail "new batch on $url after recovery: $ST_STATUS $ST_BODY"
    status=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$url$unseen")
    [ "$status" = 200 ] || fail "trace page of the stamp never seen on $url after recovery: $status"
  done
  pass "after recovery sign-in, a new batch and trace pages work on a and b"
  local scans_after
  for _ in $(seq 50); do
    scans_after=$(psql_q "SELECT COUNT(*) FROM scan")
    [ "$scans_after" -ge $((scans_before + 4)) ] && break
    sleep 0.2
  done
  [ "$scans_after" -ge $((scans_before + 4)) ] || fail "scans made while PostgreSQL was down were not written: $scans_before before, $scans_after after"
  pass "scans made while PostgreSQL was down were written once it was back ($scans_before -> $scans_after rows)"
  storage_derby
}

# storage_derby: the full-disk check on embedded Derby (scripts/storage-fault-check.sh), its figures collected
storage_derby() {
  if [ "${CLUSTER_STORAGE_DERBY:-1}" = 0 ]; then log "embedded Derby part skipped (CLUSTER_STORAGE_DERBY=0)"; return 0; fi
  if [ "$(id -u)" != 0 ]; then log "embedded Derby part skipped: mounting its tmpfs needs root"; return 0; fi
  local out="$CLUSTER_WORK/storage-derby.out" rc=0
  log "embedded Derby on a full disk: scripts/storage-fault-check.sh (port $((CLUSTER_HTTP_BASE + 9)), output $out)"
  PORT=$((CLUSTER_HTTP_BASE + 9)) JOB_WAIT_S=300 TEMSO_WAR="$CLUSTER_WORK/temso.war" "$CLUSTER_ROOT/scripts/storage-fault-check.sh" >"$out" 2>&1 || rc=$?
  grep -E '^(PASS|PENDING|FAIL) ' "$out" | sed 's/^/  derby: /'
  local f
  while read -r f; do figure "${f%%=*}" "$(cut -d' ' -f1 <<<"${f#*=}")" "$(cut -s -d' ' -f2 <<<"${f#*=}")"; done \
    < <(sed -n 's/^FIGURE //p' "$out")
  [ "$rc" = 0 ] || fail "embedded Derby storage check failed (exit $rc), see $out"
}
