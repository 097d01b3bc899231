#!/usr/bin/env bash
# Trace page throughput: wrk on loopback, 32 connections, 30 s, over ~1,000 genuine stamp URLs (Accept text/html),
# against a static file of the same size served by the same Payara Micro in the same run (a second, throw-away WAR
# holding only that file, deployed next to temso.war: the application itself is not touched).
# Targets: trace pages >= 0.5 x the static rate, and trace-page p99 <= 25 ms.
# Needs the built WAR (./mvnw -B -o -DskipTests install) and wrk (apt-get install -y wrk).
# DURATION=30s WARMUP=40s CONNECTIONS=32 STAMPS=1000 PORT=8383 change the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/server-lib.sh
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-40s}"   # each side is warmed up before it is measured: steady state, not JIT compilation (C2 needs >20 s here)
STAMPS="${STAMPS:-1000}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
WORK=$(mktemp -d /tmp/temso-bench-trace.XXXXXX)
trap 'stop_server; [ -n "${KEEP_DATA:-}" ] || rm -rf "$WORK"' EXIT

echo "== $(date -u +%FT%TZ) $(nproc) CPUs, $(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1)"
echo "uptime before start: $(uptime)"

# wrk sends every request from one address: one network, which the clone rules never flag (issue 12), so every
# page stays GENUINE with the default thresholds while the rules still run on each scan.

# The static file must have the trace page's size, known only once stamps exist: the server is started twice on
# the same data directory, first to issue stamps and measure a page, then with the sized static WAR deployed too.
start_server "$WORK/data" "$WORK/server-1.log"
TOKEN=$(login tantru.quanly)
read -r BATCH GTIN LOT < <(demo_batch "$TOKEN")
issue_stamp_paths "$TOKEN" "$BATCH" "$STAMPS" "$WORK/paths.txt"
FIRST=$(head -1 "$WORK/paths.txt")
SIZE=$(curl -s -o "$WORK/page.html" -w '%{size_download}' -H 'Accept: text/html' "$B$FIRST")
grep -q 'GENUINE\|Chính hãng\|chính hãng' "$WORK/page.html" || echo "warning: could not spot the genuine verdict in $WORK/page.html" >&2
VERDICT=$(curl -sf -H 'Accept: application/json' "$B$FIRST" | json_field verdict)
echo "$STAMPS stamps issued for batch $BATCH; trace page $SIZE bytes, verdict $VERDICT"
[ "$VERDICT" = GENUINE ] || { echo "the sample stamp is not GENUINE" >&2; exit 1; }
stop_server

# static reference: a WAR with one HTML file of the same size (deployed at /static)
mkdir -p "$WORK/static"
head -c "$SIZE" < "$WORK/page.html" > "$WORK/static/page.html"
(cd "$WORK/static" && jar cf "$WORK/static.war" page.html)
SERVER_EXTRA_ARGS="--deploy $WORK/static.war" start_server "$WORK/data" "$WORK/server-2.log"
STATIC_SIZE=$(curl -sf -o /dev/null -w '%{size_download}' -H 'Accept: text/html' "$B/static/page.html")
echo "static file /static/page.html $STATIC_SIZE bytes"
echo "/static/page.html" > "$WORK/static-paths.txt"

run_wrk() { # name paths-file
  PATHS_FILE="$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/trace-page.lua "$B" > /dev/null   # warm-up
  echo "uptime before $1: $(uptime)"
  PATHS_FILE="$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/trace-page.lua "$B" \
    | tee "$WORK/wrk-$1.txt" | sed 's/^/  /'
}
run_wrk trace "$WORK/paths.txt"
run_wrk static "$WORK/static-paths.txt"
echo "uptime at the end: $(uptime)"
# every page after the run is still GENUINE (thresholds raised) and the scans were recorded
AFTER=$(curl -sf -H 'Accept: application/json' "$B$FIRST")
echo "sample stamp after the run: verdict $(printf '%s' "$AFTER" | json_field verdict), scanCount $(printf '%s' "$AFTER" | json_field scanCount)"

rps() { sed -nE 's/^Requests\/sec:[[:space:]]+([0-9.]+).*/\1/p' "$1"; }
p99() { # in ms
  awk '$1=="99%" { v=$2; if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v }
       else if (v ~ /s$/) { sub(/s$/,"",v); print v*1000 } }' "$1"
}
errors() { grep -E 'Non-2xx|Socket errors' "$1" | tr '\n' ' ' || true; }
T_RPS=$(rps "$WORK/wrk-trace.txt"); S_RPS=$(rps "$WORK/wrk-static.txt")
T_P99=$(p99 "$WORK/wrk-trace.txt"); S_P99=$(p99 "$WORK/wrk-static.txt")
echo "errors: trace [$(errors "$WORK/wrk-trace.txt")] static [$(errors "$WORK/wrk-static.txt")]"
printf 'RESULT trace page (%s B) %.0f req/s p99 %.2f ms | static file (%s B) %.0f req/s p99 %.2f ms | ratio %.3f (target >= 0.5), p99 target <= 25 ms\n' \
  "$SIZE" "$T_RPS" "$T_P99" "$STATIC_SIZE" "$S_RPS" "$S_P99" "$(echo "$T_RPS / $S_RPS" | bc -l)"
