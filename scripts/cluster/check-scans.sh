# One view of scans (sourced by scripts/cluster-check.sh): the clone rules judge a stamp by the scans of every
# instance. Two fresh stamps of one batch get the same history: a scan two days ago from one network (a row written
# straight into the database), then 21 scans from 8 other networks (client addresses through the trusted proxy
# header). Stamp "single" is scanned on instance a only, stamp "clustered" alternately on a and b. Every verdict
# of the clustered stamp must equal the single one at the same scan (GENUINE until the 7th network, then SUSPICIOUS),
# and both instances must tell the same verdict, scan count and places afterwards.

check_scans() {
  local tok paths single clustered id_s id_c i net v_s v_c on
  tok=$(token tantru.quanly) || fail "demo manager cannot sign in"
  paths=$(issue_stamps "$tok" 2 | cut -d" " -f2)
  single=$(sed -n 1p <<<"$paths"); clustered=$(sed -n 2p <<<"$paths")
  [ -n "$single" ] && [ -n "$clustered" ] || fail "two stamps were not issued"
  id_s=$(stamp_id "$single")
  id_c=$(stamp_id "$clustered")
  for id in "$id_s" "$id_c"; do
    psql_q "INSERT INTO scan (id, stamp_id, scanned_at, client_hash, network_hash)
            VALUES (gen_random_uuid()::text, '$id', now() - interval '2 days', 'seed-client', 'seed-network-0000')" >/dev/null \
      || fail "could not seed the scan history of $id"
  done
  local mismatches=0 first_suspicious=""
  for i in $(seq 0 20); do
    net="100.$((64 + i % 8)).$((i * 7 % 250)).$((10 + i))"
    v_s=$(scan_json "$A_URL" "$single" "$net")
    if [ $((i % 2)) = 0 ]; then on=$A_URL; else on=$B_URL; fi
    v_c=$(scan_json "$on" "$clustered" "$net")
    [ "${v_s%% *}" = "${v_c%% *}" ] || { mismatches=$((mismatches + 1)); log "scan $((i + 1)): one instance ${v_s%% *}, alternating ${v_c%% *}"; }
    [ -z "$first_suspicious" ] && [ "${v_c%% *}" = SUSPICIOUS ] && first_suspicious=$((i + 1))
  done
  [ "$mismatches" = 0 ] || fail "$mismatches of 21 alternating scans got another verdict than on one instance"
  [ "$first_suspicious" = 6 ] || fail "the alternately scanned copy turned SUSPICIOUS at scan ${first_suspicious:-never}, expected 6 (7th network)"
  pass "21 scans alternating on a and b from 8 networks: the same verdict at every scan as on one instance (SUSPICIOUS from the 7th network)"
  sleep 2.5 # past the refresh interval: both instances read each other's rows
  local on_a on_b
  on_a=$(scan_json "$A_URL" "$clustered" 100.64.0.10); on_b=$(scan_json "$B_URL" "$clustered" 100.64.0.10)
  [ "${on_a%% *}" = SUSPICIOUS ] && [ "${on_b%% *}" = SUSPICIOUS ] || fail "verdicts differ after the scans: a '$on_a', b '$on_b'"
  [ "$(cut -d' ' -f3 <<<"$on_a")" = "$(cut -d' ' -f3 <<<"$on_b")" ] || fail "places differ: a '$on_a', b '$on_b'"
  pass "both instances tell the copy SUSPICIOUS with the same places (a: $on_a; b: $on_b)"
  local flagged
  flagged=$(psql_q "SELECT COUNT(*) FROM stamp WHERE id IN ('$id_s', '$id_c') AND suspicious = TRUE")
  [ "$flagged" = 2 ] || fail "both copies should be on the staff's list of suspected copies, $flagged are"
  sleep 0.5 # the last queued rows
  local rows
  rows=$(psql_q "SELECT COUNT(*) FROM scan WHERE stamp_id = '$id_c'")
  [ "$rows" -ge 23 ] || fail "scan rows of the alternating stamp: $rows, expected 1 seeded + 21 + 2"
  pass "every scan of the alternating stamp is a row ($rows)"
}
