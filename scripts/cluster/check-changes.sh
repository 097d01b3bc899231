# Changes show everywhere (sourced by scripts/cluster-check.sh): an edit, a void, a recall and a key revocation
# made on instance a show on instance b's trace page within the documented bound. Each delay is measured from the
# write's answer on a to the first read on b that shows it (reads back to back) and printed as a figure.
CHANGE_BOUND_MS="${CHANGE_BOUND_MS:-100}"
# the measured delay includes the read on b that shows it (a few ms; tens on a loaded 2-core machine), whose own
# duration is allowed on top of the bound, plus this margin for scheduling on a busy machine
CHANGE_MARGIN_MS="${CHANGE_MARGIN_MS:-50}"

# change_delay NAME WATCH_PATH CONDITION METHOD WRITE_URL TOKEN [BODY]: measures one change, prints a figure
change_delay() {
  local name=$1 path=$2 cond=$3 method=$4 url=$5 tok=$6 body=${7:-} out ms read_ms
  out=$(python3 "$CLUSTER_ROOT/scripts/cluster/change_delay.py" "$B_URL$path" "$cond" "$method" "$url" "$tok" ${body:+"$body"}) \
    || fail "$name made on a did not show on b"
  read -r ms read_ms <<<"$out"
  figure "change_delay_${name}_ms" "$ms" "ms (of which the read that showed it: $read_ms ms)"
  [ "$ms" -le $((CHANGE_BOUND_MS + read_ms + CHANGE_MARGIN_MS)) ] \
    || fail "$name made on a showed on b after $ms ms, over the bound of $CHANGE_BOUND_MS ms (+ $read_ms ms read)"
  echo "$ms" >>"$CLUSTER_WORK/change-delays"
}

check_changes() {
  local tok admin stamps seq1 path1 path2 batch product body
  tok=$(token tantru.quanly) || fail "demo manager cannot sign in"
  admin=$(token admin) || fail "demo admin cannot sign in"
  : >"$CLUSTER_WORK/change-delays"
  batch=$(curl -sf "$LB_URL/api/batches?status=OPEN" -H "Authorization: Bearer $tok" | jq_ 'j["items"][0]')

  # an audited edit: the product's description
  stamps=$(issue_stamps "$tok" 2)
  seq1=$(sed -n 1p <<<"$stamps" | cut -d' ' -f1); path1=$(sed -n 1p <<<"$stamps" | cut -d' ' -f2)
  path2=$(sed -n 2p <<<"$stamps" | cut -d' ' -f2)
  product=$(jq_ 'j["productId"]' <<<"$batch")
  local desc="Gạo ST25 – mô tả sửa lúc $(date +%T.%N)"
  body=$(curl -sf "$LB_URL/api/products/$product" -H "Authorization: Bearer $tok" \
    | python3 -c 'import json,sys; j=json.load(sys.stdin); j["description"]=sys.argv[1]; print(json.dumps(j))' "$desc")
  change_delay edit "$path1" "j['product']['description'] == $(python3 -c 'import sys; print(repr(sys.argv[1]))' "$desc")" \
    PUT "$A_URL/api/products/$product" "$tok" "$body"
  pass "a product edit on a shows on b's trace page"

  # a void of one stamp
  change_delay void "$path1" "j['verdict'] != 'GENUINE'" POST "$A_URL/api/batches/$(jq_ 'j["id"]' <<<"$batch")/stamps/void" \
    "$tok" "{\"fromSeq\":$seq1,\"toSeq\":$seq1,\"reason\":\"cluster check\"}"
  pass "a void on a shows on b's trace page"

  # a recall, on a batch of its own (the demo batch stays open for the other checks)
  local recall_batch rb_path
  recall_batch=$(python3 -c 'import json,sys,time
b = json.loads(sys.argv[1])
print(json.dumps({"productId": b["productId"], "lotCode": "CL" + str(int(time.time() * 1000) % 10**9),
  "zoneIds": [z["id"] if isinstance(z, dict) else z for z in b.get("zoneIds") or b.get("zones") or []],
  "harvestDate": b["harvestDate"], "quantity": 10, "unit": "kg"}))' \
    "$(curl -sf "$LB_URL/api/batches/$(jq_ 'j["id"]' <<<"$batch")" -H "Authorization: Bearer $tok")")
  recall_batch=$(curl -sf -X POST "$A_URL/api/batches" -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
    -d "$recall_batch" | jq_ 'j["id"]') || fail "could not create a batch to recall"
  rb_path=$(issue_stamps "$tok" 1 "$recall_batch" | cut -d' ' -f2)
  change_delay recall "$rb_path" "j.get('batch', {}).get('status') == 'RECALLED'" POST "$A_URL/api/batches/$recall_batch/recall" \
    "$tok" '{"reason":"cluster check"}'
  pass "a recall on a shows on b's trace page"

  # a key revocation: the signing key of path2 is retired by a rotation, then revoked
  local kid
  kid=$(curl -sf "$A_URL/api/keys" -H "Authorization: Bearer $admin" | jq_ '[k["kid"] for k in j if k["status"] == "ACTIVE"][0]')
  curl -sf -o /dev/null -X POST "$A_URL/api/keys/rotate" -H "Authorization: Bearer $admin" || fail "key rotation failed"
  change_delay revocation "$path2" "j['verdict'] != 'GENUINE'" POST "$A_URL/api/keys/$kid/revoke" "$admin" '{}'
  pass "a key revocation on a shows on b's trace page"
  # and b signs new stamps with the key that is active now, not the one it used before the rotation on a
  local fresh v
  fresh=$(ISSUE_URL=$B_URL issue_stamps "$tok" 1 | cut -d' ' -f2)
  v=$(scan_json "$B_URL" "$fresh" 203.0.113.5)
  [ "${v%% *}" = GENUINE ] || fail "a stamp issued on b right after a rotation and revocation on a is '$v' (signed with the revoked key?)"
  pass "a stamp issued on b right after the rotation and revocation on a is GENUINE"

  local max
  max=$(sort -n "$CLUSTER_WORK/change-delays" | tail -1)
  figure change_delay_max_ms "$max" ms
}
