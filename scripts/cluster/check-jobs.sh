# Jobs run once (sourced by scripts/cluster-check.sh): a large issuing job started on instance a is worked under a
# lease in the database; the instance holding the lease is killed with kill -9, and the other instance's job
# sweeper must take the job over once the lease runs out (temso.jobs.lease-seconds, 15 s by default) and finish it:
# exactly the requested number of stamps, every issue number and serial once, no job left RUNNING. A print job of
# new stamps (issued, then printed), started at the same time, is killed with it and must end DONE with every label.
# The killed instance is started again, so the cluster is left as it was found. Then an instance running a job is
# stopped cleanly (its lease is given back: the job goes on at the next sweep), and PostgreSQL is stopped for a few
# seconds under a running job (it pauses and goes on by itself).

JOBS_STAMPS="${JOBS_STAMPS:-40000}"
JOBS_PRINT_LABELS="${JOBS_PRINT_LABELS:-10000}"
JOBS_STOP_STAMPS="${JOBS_STOP_STAMPS:-100000}"  # runs longer than the 5 s drain of a clean stop
JOBS_DB_OUTAGE_S="${JOBS_DB_OUTAGE_S:-8}"   # 0 skips the database outage part

# job_owner_pid TABLE ID -> pid part of lease_owner (host/pid/instance#run), empty when free
job_owner_pid() { psql_q "SELECT COALESCE(lease_owner, '') FROM $1 WHERE id = '$2'" | cut -d/ -f2; }
# instance_of_pid PID -> a or b (empty when neither)
instance_of_pid() {
  local n
  for n in $CLUSTER_INSTANCES; do [ -n "$1" ] && [ "$(instance_pid "$n")" = "$1" ] && { echo "$n"; return; }; done
  return 0
}

# job_instance TABLE ID -> a or b when that instance holds the job's lease, else empty
job_instance() { instance_of_pid "$(job_owner_pid "$1" "$2")"; }

# wait_takeover TABLE ID INSTANCE T_KILL -> ms from the kill until INSTANCE holds the job's lease
wait_takeover() {
  for _ in $(seq 1200); do
    [ "$(job_instance "$1" "$2")" = "$3" ] && { echo $(( $(now_ms) - $4 )); return 0; }
    sleep 0.05
  done
  fail "$1 $2 was not taken over by instance $3 within 60 s"
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
  local tok batch loc job pjob ijob victim other t0 t_kill ms pms
  tok=$(token tantru.quanly) || fail "demo manager cannot sign in"
  batch=$(curl -sf "$A_URL/api/batches?status=OPEN" -H "Authorization: Bearer $tok" | jq_ 'j["items"][0]["id"]')

  # an issuing job and a print job of new stamps (issued, then printed), both started on instance a
  loc=$(start_issuing "$A_URL" "$tok" "$batch" "$JOBS_STAMPS")
  job=${loc##*/}
  t0=$(now_ms)
  loc=$(curl -sf -D - -o /dev/null -X POST "$A_URL/api/batches/$batch/print-jobs" -H "Authorization: Bearer $tok" \
    -H 'Content-Type: application/json' -d "{\"format\":\"PDF\",\"count\":$JOBS_PRINT_LABELS}" | tr -d '\r' \
    | sed -n 's/^[Ll]ocation: //p')
  [ -n "$loc" ] || fail "printing $JOBS_PRINT_LABELS new stamps was refused"
  pjob=${loc##*/}
  ijob=$(psql_q "SELECT issuance_job_id FROM print_job WHERE id = '$pjob'")

  # kill -9 the instance running them once both have committed stamps
  for _ in $(seq 600); do
    victim=$(job_instance issuance_job "$job")
    [ -n "$victim" ] && [ "$(job_instance print_job "$pjob")" = "$victim" ] \
      && [ "$(psql_q "SELECT COUNT(*) FROM issuance_job WHERE id IN ('$job', '$ijob') AND issued > 0")" = 2 ] && break
    sleep 0.1
  done
  [ -n "$victim" ] || fail "issuing job $job never got an owner among the instances"
  [ "$(job_instance print_job "$pjob")" = "$victim" ] || fail "the print job runs elsewhere than the issuing job"
  [ "$(psql_q "SELECT status FROM issuance_job WHERE id = '$job'")" = RUNNING ] \
    && [ "$(psql_q "SELECT status IN ('ISSUING', 'PRINTING') FROM print_job WHERE id = '$pjob'")" = t ] \
    || fail "a job finished before the kill; make them bigger (JOBS_STAMPS, JOBS_PRINT_LABELS)"
  log "print job at $(psql_q "SELECT status || ' ' || labels_done FROM print_job WHERE id = '$pjob'") labels"
  for other in $CLUSTER_INSTANCES; do [ "$other" != "$victim" ] && break; done
  log "issuing job $job and print job $pjob run on instance $victim: kill -9"
  t_kill=$(now_ms)
  instance_kill9 "$victim" 2>/dev/null
  ms=$(wait_takeover issuance_job "$job" "$other" "$t_kill")
  figure job_takeover_ms "$ms" ms
  pms=$(wait_takeover print_job "$pjob" "$other" "$t_kill")
  figure print_takeover_ms "$pms" ms
  pass "instance $victim killed with kill -9 while issuing $JOBS_STAMPS stamps and printing $JOBS_PRINT_LABELS new labels:"\
" instance $other took the issuing job over after $ms ms, the print job after $pms ms"

  wait_status issuance_job "$job" DONE 180
  figure job_issue_total_ms $(( $(now_ms) - t0 )) ms
  stamps_unique "$job" "$batch" "$JOBS_STAMPS"
  pass "issuing job DONE: $JOBS_STAMPS stamps, every issue number and serial once"
  wait_status print_job "$pjob" DONE 240
  stamps_unique "$ijob" "$batch" "$JOBS_PRINT_LABELS"
  [ "$(psql_q "SELECT labels_done FROM print_job WHERE id = '$pjob'")" = "$JOBS_PRINT_LABELS" ] \
    || fail "print job $pjob printed $(psql_q "SELECT labels_done FROM print_job WHERE id = '$pjob'") labels"
  pass "print job DONE: $JOBS_PRINT_LABELS labels of $JOBS_PRINT_LABELS stamps issued once each"
  [ "$(psql_q "SELECT COUNT(*) FROM issuance_job WHERE status = 'RUNNING'")" = 0 ] || fail "an issuing job is stuck RUNNING"
  [ "$(psql_q "SELECT COUNT(*) FROM print_job WHERE status IN ('ISSUING', 'PRINTING')")" = 0 ] || fail "a print job is stuck"
  pass "no job left RUNNING, ISSUING or PRINTING"

  # without the 5 s drain for the clean stop below (restarted with the defaults after it), so the stop meets the job
  log "starting instance $victim again"
  instance_start "$victim" TEMSO_SHUTDOWN_DRAIN_SECONDS=0
  ms=$(instance_wait "$victim")
  log "instance $victim ready after $ms ms"

  jobs_clean_stop "$tok" "$batch"
  [ "$JOBS_DB_OUTAGE_S" -gt 0 ] && jobs_db_outage "$tok" "$batch"
  return 0
}

# jobs_clean_stop TOKEN BATCH: the instance running an issuing job is stopped cleanly (SIGTERM: drain, then shutdown);
# it gives the lease back, so the other instance continues the job at its next sweep instead of after the lease.
jobs_clean_stop() {
  local tok=$1 batch=$2 loc job victim other t_stop ms
  loc=$(start_issuing "$A_URL" "$tok" "$batch" "$JOBS_STOP_STAMPS")
  job=${loc##*/}
  for _ in $(seq 600); do
    victim=$(job_instance issuance_job "$job")
    [ -n "$victim" ] && [ "$(psql_q "SELECT issued > 0 FROM issuance_job WHERE id = '$job'")" = t ] && break
    sleep 0.1
  done
  [ -n "$victim" ] || fail "issuing job $job never got an owner among the instances"
  for other in $CLUSTER_INSTANCES; do [ "$other" != "$victim" ] && break; done
  log "issuing job $job runs on instance $victim: SIGTERM"
  t_stop=$(now_ms)
  instance_stop "$victim"
  if [ "$(psql_q "SELECT status FROM issuance_job WHERE id = '$job'")" = DONE ]; then
    log "the job ended during the drain, before the shutdown (make JOBS_STOP_STAMPS bigger to see a takeover)"
  else
    ms=$(wait_takeover issuance_job "$job" "$other" "$t_stop")
    figure job_takeover_on_stop_ms "$ms" ms
    log "instance $other took the job over $ms ms after SIGTERM"
  fi
  wait_status issuance_job "$job" DONE 240
  stamps_unique "$job" "$batch" "$JOBS_STOP_STAMPS"
  pass "instance $victim stopped cleanly (SIGTERM) while issuing $JOBS_STOP_STAMPS stamps: DONE, every issue number"\
" and serial once"
  log "starting instance $victim again"
  instance_start "$victim"
  ms=$(instance_wait "$victim")
  log "instance $victim ready after $ms ms"
}

# jobs_db_outage TOKEN BATCH: PostgreSQL stops (connections cut) for JOBS_DB_OUTAGE_S seconds while an issuing job runs;
# the job pauses instead of failing and continues by itself when the database is back: DONE, every stamp once.
jobs_db_outage() {
  local tok=$1 batch=$2 loc job before t_back t_moved n
  loc=$(start_issuing "$A_URL" "$tok" "$batch" "$JOBS_STAMPS")
  job=${loc##*/}
  for _ in $(seq 600); do
    [ "$(psql_q "SELECT issued > 0 FROM issuance_job WHERE id = '$job'")" = t ] && break
    sleep 0.1
  done
  before=$(psql_q "SELECT issued FROM issuance_job WHERE id = '$job'")
  log "issuing job $job at $before stamps: PostgreSQL stops for $JOBS_DB_OUTAGE_S s"
  pg_stop fast
  sleep "$JOBS_DB_OUTAGE_S"
  pg_start
  t_back=$(now_ms)
  before=$(psql_q "SELECT issued FROM issuance_job WHERE id = '$job'")
  log "PostgreSQL is back; the job stands at $before stamps"
  for _ in $(seq 1200); do
    n=$(psql_q "SELECT issued FROM issuance_job WHERE id = '$job'" 2>/dev/null || echo "$before")
    [ "$n" -gt "$before" ] && break
    sleep 0.1
  done
  [ "$n" -gt "$before" ] || fail "issuing job $job did not continue within 120 s after the database came back"
  t_moved=$(now_ms)
  figure job_resume_after_db_ms $(( t_moved - t_back )) ms
  wait_status issuance_job "$job" DONE 240
  stamps_unique "$job" "$batch" "$JOBS_STAMPS"
  [ "$(psql_q "SELECT COUNT(*) FROM issuance_job WHERE status = 'RUNNING'")" = 0 ] || fail "an issuing job is stuck RUNNING"
  pass "issuing job paused through a ${JOBS_DB_OUTAGE_S} s database outage and went on by itself"\
" $(( t_moved - t_back )) ms after it came back: DONE, $JOBS_STAMPS stamps, every issue number and serial once"
  local name
  for name in $CLUSTER_INSTANCES; do wait_ready "$(instance_url "$name")" 120 "$(instance_pid "$name")"; done
  wait_ready "$LB_URL" 60
}
