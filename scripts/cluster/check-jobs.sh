# Jobs run once (sourced by scripts/cluster-check.sh): a large issuing job started on instance a is worked under a
# lease in the database; the instance holding the lease is killed with kill -9, and the other instance's job
# sweeper must take the job over once the lease runs out (temso.jobs.lease-seconds, 15 s by default) and finish it:
# exactly the requested number of stamps, every issue number and serial once, no job left RUNNING. Then the same
# for a print job of new stamps (issued, then printed). The killed instances are started again at the end.

JOBS_STAMPS="${JOBS_STAMPS:-40000}"
JOBS_PRINT_LABELS="${JOBS_PRINT_LABELS:-6000}"

# job_owner_pid TABLE ID -> pid part of lease_owner (host/pid/instance#run), empty when free
job_owner_pid() { psql_q "SELECT COALESCE(lease_owner, '') FROM $1 WHERE id = '$2'" | cut -d/ -f2; }
# instance_of_pid PID -> a or b (empty when neither)
instance_of_pid() {
  local n
  for n in $CLUSTER_INSTANCES; do [ -n "$1" ] && [ "$(instance_pid "$n")" = "$1" ] && { echo "$n"; return; }; done
  return 0
}

# kill_owner_and_time TABLE ID WHAT -> kills the owner of the job with kill -9 once it has committed work, waits for
# the other instance to take it over; prints "victim takeover_ms"
kill_owner_and_time() {
  local table=$1 id=$2 what=$3 pid victim="" other t_kill opid
  for _ in $(seq 600); do
    pid=$(job_owner_pid "$table" "$id")
    victim=$(instance_of_pid "$pid")
    [ -n "$victim" ] && [ "$(psql_q "$4")" = t ] && break
    sleep 0.1
  done
  [ -n "$victim" ] || fail "$what $id never got an owner among the instances"
  [ "$(psql_q "SELECT status FROM $table WHERE id = '$id'")" != DONE ] || fail "$what $id was DONE before the kill; make it bigger"
  for other in $CLUSTER_INSTANCES; do [ "$other" != "$victim" ] && break; done
  log "$what $id runs on instance $victim (pid $pid): kill -9"
  t_kill=$(now_ms)
  instance_kill9 "$victim"
  for _ in $(seq 1200); do
    opid=$(job_owner_pid "$table" "$id")
    [ -n "$opid" ] && [ "$opid" = "$(instance_pid "$other")" ] && break
    sleep 0.05
  done
  [ "$opid" = "$(instance_pid "$other")" ] || fail "$what $id was not taken over by instance $other within 60 s"
  echo "$victim $(( $(now_ms) - t_kill ))"
}

# wait_status TABLE ID STATUS TIMEOUT_S
wait_status() {
  local s
  for _ in $(seq $(( $4 * 5 ))); do
    s=$(psql_q "SELECT status FROM $1 WHERE id = '$2'")
    [ "$s" = "$3" ] && return 0
    [ "$s" = FAILED ] && fail "$1 $2 FAILED: $(psql_q "SELECT error FROM $1 WHERE id = '$2'")"
    sleep 0.2
  done
  fail "$1 $2 is $s after $4 s, expected $3"
}

# stamps_unique JOB_ID BATCH_ID COUNT: exactly COUNT stamps, issue numbers and serials once each
stamps_unique() {
  local row
  row=$(psql_q "SELECT COUNT(*) || ' ' || COUNT(DISTINCT seq) || ' ' || COUNT(DISTINCT serial) FROM stamp WHERE job_id = '$1'")
  [ "$row" = "$3 $3 $3" ] || fail "job $1: stamps, distinct issue numbers, distinct serials = $row, expected $3 each"
  [ "$(psql_q "SELECT COUNT(*) FROM (SELECT seq FROM stamp WHERE batch_id = '$2' GROUP BY seq HAVING COUNT(*) > 1) d")" = 0 ] \
    || fail "batch $2 has an issue number given twice"
  [ "$(psql_q "SELECT requested || ' ' || issued FROM issuance_job WHERE id = '$1'")" = "$3 $3" ] \
    || fail "job $1 counts $(psql_q "SELECT requested || '/' || issued FROM issuance_job WHERE id = '$1'")"
}

check_jobs() {
  local tok batch loc job victim ms t0 took
  tok=$(token tantru.quanly) || fail "demo manager cannot sign in"
  batch=$(curl -sf "$A_URL/api/batches?status=OPEN" -H "Authorization: Bearer $tok" | jq_ 'j["items"][0]["id"]')

  # 1. issuing
  loc=$(curl -sf -D - -o /dev/null -X POST "$A_URL/api/batches/$batch/stamps" -H "Authorization: Bearer $tok" \
    -H 'Content-Type: application/json' -d "{\"count\":$JOBS_STAMPS}" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  [ -n "$loc" ] || fail "issuing $JOBS_STAMPS stamps was refused"
  job=${loc##*/}
  t0=$(now_ms)
  read -r victim ms < <(kill_owner_and_time issuance_job "$job" "issuing job" \
    "SELECT issued > 0 FROM issuance_job WHERE id = '$job'")
  figure job_takeover_ms "$ms" ms
  pass "issuing job of $JOBS_STAMPS stamps: its instance ($victim) killed with kill -9, taken over after $ms ms"
  wait_status issuance_job "$job" DONE 180
  took=$(( $(now_ms) - t0 ))
  stamps_unique "$job" "$batch" "$JOBS_STAMPS"
  figure job_issue_total_ms "$took" ms
  pass "issuing job DONE after takeover: $JOBS_STAMPS stamps, every issue number and serial once ($took ms in all)"
  [ "$(psql_q "SELECT COUNT(*) FROM issuance_job WHERE status = 'RUNNING'")" = 0 ] || fail "an issuing job is stuck RUNNING"
  log "starting instance $victim again"
  instance_start "$victim"
  ms=$(instance_wait "$victim")
  log "instance $victim ready after $ms ms"

  # 2. printing (issue new stamps, then write the file); killed while it issues or prints
  local pjob pms pvictim ijob
  loc=$(curl -sf -D - -o /dev/null -X POST "$A_URL/api/batches/$batch/print-jobs" -H "Authorization: Bearer $tok" \
    -H 'Content-Type: application/json' -d "{\"format\":\"PDF\",\"count\":$JOBS_PRINT_LABELS}" | tr -d '\r' \
    | sed -n 's/^[Ll]ocation: //p')
  [ -n "$loc" ] || fail "printing $JOBS_PRINT_LABELS new stamps was refused"
  pjob=${loc##*/}
  ijob=$(psql_q "SELECT issuance_job_id FROM print_job WHERE id = '$pjob'")
  read -r pvictim pms < <(kill_owner_and_time print_job "$pjob" "print job" \
    "SELECT (SELECT issued FROM issuance_job WHERE id = '$ijob') > 0")
  figure print_takeover_ms "$pms" ms
  pass "print job of $JOBS_PRINT_LABELS new labels: its instance ($pvictim) killed with kill -9, taken over after $pms ms"
  wait_status print_job "$pjob" DONE 240
  stamps_unique "$ijob" "$batch" "$JOBS_PRINT_LABELS"
  [ "$(psql_q "SELECT labels_done FROM print_job WHERE id = '$pjob'")" = "$JOBS_PRINT_LABELS" ] \
    || fail "print job $pjob printed $(psql_q "SELECT labels_done FROM print_job WHERE id = '$pjob'") labels"
  [ "$(psql_q "SELECT COUNT(*) FROM print_job WHERE status IN ('ISSUING', 'PRINTING')")" = 0 ] || fail "a print job is stuck"
  pass "print job DONE after takeover: $JOBS_PRINT_LABELS labels of $JOBS_PRINT_LABELS stamps issued once each"
  log "starting instance $pvictim again"
  instance_start "$pvictim"
  ms=$(instance_wait "$pvictim")
  log "instance $pvictim ready after $ms ms"
}
