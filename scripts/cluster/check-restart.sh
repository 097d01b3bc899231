# Rolling restart without errors (sourced by scripts/cluster-check.sh): while wrk loads one stamp's trace page
# through haproxy, each instance in turn is stopped with SIGTERM and started again. Checks: /health/ready turns DOWN
# as soon as SIGTERM arrives while the instance still serves (the drain), it is UP again only when the instance
# serves trace pages, haproxy reports 0 failed requests (non-2xx answers or socket errors), and every scan answered
# (every 2xx trace page) is a scan row afterwards.
RESTART_WRK_CONNECTIONS="${RESTART_WRK_CONNECTIONS:-4}"

# restart_one NAME PATH: drain, stop and start one instance, checking readiness on the way
restart_one() {
  local name=$1 path=$2 url pid t0 down_ms="" code ms
  url=$(instance_url "$name"); pid=$(instance_pid "$name")
  t0=$(now_ms)
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url/health/ready")" != 200 ]; then
      down_ms=$(( $(now_ms) - t0 )); break
    fi
    sleep 0.02
  done
  [ -n "$down_ms" ] || fail "instance $name stopped without ever reporting /health/ready DOWN"
  figure "drain_ready_down_ms_$name" "$down_ms" ms
  [ "$down_ms" -le 1000 ] || fail "instance $name took $down_ms ms to report DOWN after SIGTERM"
  code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$url$path")
  [ "$code" = 200 ] || fail "instance $name no longer serves while draining ($code): it stopped before the balancer noticed"
  pass "instance $name: /health/ready DOWN $down_ms ms after SIGTERM while it still serves trace pages"
  instance_stop "$name"
  figure "drain_stop_ms_$name" $(( $(now_ms) - t0 )) ms
  instance_start "$name"
  # UP only when it serves: the first 200 from /health/ready is followed at once by a trace page from it
  until [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url/health/ready")" = 200 ]; do
    kill -0 "$(instance_pid "$name")" 2>/dev/null || fail "instance $name exited while starting (log $(instance_log "$name"))"
    [ $(( $(now_ms) - t0 )) -lt 300000 ] || fail "instance $name not ready 300 s after its restart"
    sleep 0.05
  done
  code=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$url$path")
  [ "$code" = 200 ] || fail "instance $name said it was ready but answered a trace page with $code"
  ms=$(( $(now_ms) - $(cat "$CLUSTER_WORK/$name.started") ))
  figure "restart_ready_ms_$name" "$ms" ms
  pass "instance $name ready again after $ms ms and serving at once"
  sleep 2 # haproxy takes it back after 2 good checks 500 ms apart
}

check_restart() {
  local tok path id before wrk_pid out requests non2xx socket acked rows
  tok=$(token tantru.quanly) || fail "demo manager cannot sign in"
  path=$(issue_stamps "$tok" 1 | cut -d' ' -f2); id=$(stamp_id "$path")
  curl -sf -o /dev/null "$LB_URL$path" || fail "the trace page of a new stamp does not answer"
  sleep 0.5
  before=$(psql_q "SELECT COUNT(*) FROM scan WHERE stamp_id = '$id'")
  out="$CLUSTER_WORK/restart-wrk.txt"
  wrk -t1 -c"$RESTART_WRK_CONNECTIONS" -d3600s --timeout 10s "$LB_URL$path" >"$out" 2>&1 &
  wrk_pid=$!
  sleep 3
  for n in $CLUSTER_INSTANCES; do restart_one "$n" "$path"; done
  sleep 2
  kill -INT "$wrk_pid"; wait "$wrk_pid" 2>/dev/null || true
  cat "$out" >&2
  requests=$(sed -nE 's/^ *([0-9]+) requests in .*/\1/p' "$out")
  non2xx=$(sed -nE 's/.*Non-2xx or 3xx responses: *([0-9]+).*/\1/p' "$out"); non2xx=${non2xx:-0}
  socket=$(sed -nE 's/.*Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+).*/\1+\2+\3+\4/p' "$out")
  socket=$(( ${socket:-0} ))
  [ -n "$requests" ] || fail "wrk printed no summary ($out)"
  figure rolling_restart_requests "$requests"
  figure rolling_restart_failed $(( non2xx + socket ))
  [ $(( non2xx + socket )) = 0 ] || fail "rolling restart: $non2xx non-2xx answers and $socket socket errors of $requests requests"
  pass "rolling restart of $CLUSTER_INSTANCES under load: $requests trace pages, 0 failed"
  acked=$(( requests - non2xx ))
  sleep 1 # queued scans are written every 100 ms
  rows=$(( $(psql_q "SELECT COUNT(*) FROM scan WHERE stamp_id = '$id'") - before ))
  figure rolling_restart_scan_rows "$rows"
  [ "$rows" -ge "$acked" ] || fail "rolling restart lost scans: $acked answered, $rows written"
  pass "every answered scan was written ($acked answered, $rows rows: requests in flight when wrk stopped count too)"
}
