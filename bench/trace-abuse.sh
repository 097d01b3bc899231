#!/usr/bin/env bash
# The public trace page under abuse (issue 12, finding 2): does a stream of junk-parameter variants of ONE genuine
# stamp URL grow the heap or slow down genuine buyers?
#   1. baseline: wrk on ~1,000 genuine stamp URLs (as bench/trace-page.sh: 32 connections, Accept text/html);
#   2. the same wrk again while a second wrk sends the same genuine stamp with a unique junk parameter on every
#      request (bench/trace-abuse.lua, paced: ABUSE_CONNECTIONS connections, ABUSE_DELAY_MS between requests).
# During and after each run the heap is sampled after a full GC (jcmd GC.run, then GC.heap_info) and printed.
# Targets: heap after GC stays flat under abuse (the last sample within HEAP_SLACK_MB of the baseline's last), and
# genuine throughput under abuse >= 0.8 x the baseline.
# Needs the built WAR (./mvnw -B -o -DskipTests install), wrk and the JDK's jcmd. TEMSO_WAR=... runs another WAR
# (e.g. the code before the fix). DURATION=60s WARMUP=40s CONNECTIONS=32 STAMPS=1000 ABUSE_CONNECTIONS=4
# ABUSE_DELAY_MS=2 JUNK_CHARS=2000 SAMPLE_EVERY=15 HEAP_SLACK_MB=64 PORT=8383 change the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/server-lib.sh
DURATION="${DURATION:-60s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-40s}"
STAMPS="${STAMPS:-1000}"
ABUSE_CONNECTIONS="${ABUSE_CONNECTIONS:-4}"
ABUSE_DELAY_MS="${ABUSE_DELAY_MS:-2}"
JUNK_CHARS="${JUNK_CHARS:-2000}"
SAMPLE_EVERY="${SAMPLE_EVERY:-15}"
HEAP_SLACK_MB="${HEAP_SLACK_MB:-64}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
command -v jcmd >/dev/null || { echo "jcmd (JDK) is missing" >&2; exit 2; }
WORK=$(mktemp -d /tmp/temso-bench-abuse.XXXXXX)
SAMPLER=
trap '[ -z "$SAMPLER" ] || kill "$SAMPLER" 2>/dev/null; stop_server; [ -n "${KEEP_DATA:-}" ] || rm -rf "$WORK"' EXIT

echo "== $(date -u +%FT%TZ) $(nproc) CPUs, $(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1), WAR $TEMSO_WAR"
echo "uptime before start: $(uptime)"
# every request comes from one network: the clone rules (networks over days) keep every stamp GENUINE

start_server "$WORK/data" "$WORK/server.log"
TOKEN=$(login tantru.quanly)
read -r BATCH GTIN LOT < <(demo_batch "$TOKEN")
issue_stamp_paths "$TOKEN" "$BATCH" "$STAMPS" "$WORK/paths.txt"
ABUSE_PATH=$(head -1 "$WORK/paths.txt")
verdict() { curl -sf -H 'Accept: application/json' "$B$1" | json_field verdict; }
echo "$STAMPS stamps issued; abused stamp $ABUSE_PATH: $(verdict "$ABUSE_PATH"), with a junk parameter:" \
  "$(verdict "$ABUSE_PATH&junk=probe")"

# sample NAME: heap after GC every SAMPLE_EVERY s into $WORK/heap-NAME.txt, until killed
sample() {
  local t0; t0=$(date +%s)
  while sleep "$SAMPLE_EVERY"; do echo "$(( $(date +%s) - t0 )) $(heap_mb)" >> "$WORK/heap-$1.txt"; done
}
genuine() { # NAME DURATION [--latency]
  PATHS_FILE="$WORK/paths.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" ${3:-} -s bench/trace-page.lua "$B"
}

genuine warmup "$WARMUP" > /dev/null
echo "heap after GC before the runs: $(heap_mb) MB"

run() { # NAME ABUSE(0/1)
  echo "uptime before $1: $(uptime)"
  : > "$WORK/heap-$1.txt"
  sample "$1" & SAMPLER=$!
  local abuser=
  if [ "$2" = 1 ]; then
    ABUSE_PATH="$ABUSE_PATH" JUNK_CHARS="$JUNK_CHARS" ABUSE_DELAY_MS="$ABUSE_DELAY_MS" \
      wrk -t1 -c"$ABUSE_CONNECTIONS" -d"$DURATION" -s bench/trace-abuse.lua "$B" > "$WORK/wrk-junk.txt" &
    abuser=$!
  fi
  genuine "$1" "$DURATION" --latency | tee "$WORK/wrk-genuine-$1.txt" | sed 's/^/  /'
  [ -z "$abuser" ] || wait "$abuser"
  kill "$SAMPLER" 2>/dev/null; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=
  sleep 3 # the scans queued during the run are written first (ScanLedger): what stays is what the run left
  echo "$DURATION after $(heap_mb)" >> "$WORK/heap-$1.txt"
  echo "  heap after GC (s MB): $(tr '\n' ';' < "$WORK/heap-$1.txt" | sed 's/;$//; s/;/; /g')"
}
run baseline 0
run abuse 1
echo "  the junk-parameter load alongside:"; sed 's/^/    /' "$WORK/wrk-junk.txt"
echo "uptime at the end: $(uptime)"
echo "abused stamp after the runs: $(verdict "$ABUSE_PATH"), a new junk variant: $(verdict "$ABUSE_PATH&junk=after")"

rps() { sed -nE 's/^Requests\/sec:[[:space:]]+([0-9.]+).*/\1/p' "$1"; }
reqs() { sed -nE 's/^[[:space:]]*([0-9]+) requests in.*/\1/p' "$1"; }
p99() { awk '$1=="99%" { v=$2; if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v);
  print v } else if (v ~ /s$/) { sub(/s$/,"",v); print v*1000 } }' "$1"; }
errors() { grep -E 'Non-2xx|Socket errors' "$1" | tr '\n' ' ' || true; }
last_heap() { tail -1 "$WORK/heap-$1.txt" | awk '{ print $NF }'; }
max_heap() { awk 'BEGIN { m = 0 } { if ($NF > m) m = $NF } END { print m }' "$WORK/heap-$1.txt"; }
B_RPS=$(rps "$WORK/wrk-genuine-baseline.txt"); A_RPS=$(rps "$WORK/wrk-genuine-abuse.txt")
J_RPS=$(rps "$WORK/wrk-junk.txt"); J_REQS=$(reqs "$WORK/wrk-junk.txt")
B_HEAP=$(last_heap baseline); A_HEAP=$(last_heap abuse)
echo "errors: baseline [$(errors "$WORK/wrk-genuine-baseline.txt")] under abuse [$(errors "$WORK/wrk-genuine-abuse.txt")]" \
  "junk [$(errors "$WORK/wrk-junk.txt")]"
RATIO=$(echo "$A_RPS / $B_RPS" | bc -l)
printf 'RESULT genuine %.0f req/s (p99 %.2f ms) alone, %.0f req/s (p99 %.2f ms) beside %.0f junk req/s (%s junk URLs): ratio %.3f (target >= 0.8)\n' \
  "$B_RPS" "$(p99 "$WORK/wrk-genuine-baseline.txt")" "$A_RPS" "$(p99 "$WORK/wrk-genuine-abuse.txt")" "$J_RPS" "$J_REQS" "$RATIO"
printf 'RESULT heap after GC: baseline end %s MB (max %s), under abuse end %s MB (max %s): growth %+d MB (target <= %s MB)\n' \
  "$B_HEAP" "$(max_heap baseline)" "$A_HEAP" "$(max_heap abuse)" "$(( A_HEAP - B_HEAP ))" "$HEAP_SLACK_MB"
if [ "$(echo "$RATIO >= 0.8" | bc -l)" = 1 ] && [ $(( A_HEAP - B_HEAP )) -le "$HEAP_SLACK_MB" ]; then
  echo "RESULT targets met"
else
  echo "RESULT targets MISSED"
fi
