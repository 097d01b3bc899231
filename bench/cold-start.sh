#!/usr/bin/env bash
# Cold start of one instance on embedded Derby (run.sh's shape: --nohazelcast), from `java` to /health/ready 200:
#   plain  java -jar payara-micro.jar --deploy temso.war (what run.sh does), fresh data directory (demo data loaded)
#   fast   the prepared fast start of scripts/boot-cache.sh (launcher root + class-data-sharing archive), fresh data
#   fast, existing data   the same on the data directory of the previous run (schema migrated, demo data there)
# RUNS=3 starts of each (medians printed), PORT=8394. Also prints the CPU time the JVM used until ready: on a busy
# machine it moves less than wall time. Needs the built artifacts (./mvnw -B -o -DskipTests install).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/boot-cache.sh
RUNS="${RUNS:-3}"
PORT="${PORT:-8394}"
JAR="$PWD/traceability-war/target/payara-micro.jar"
WAR="$PWD/traceability-war/target/temso.war"
WORK=$(mktemp -d /tmp/temso-bench-cold.XXXXXX)
trap 'kill "${PID:-0}" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
. scripts/jvm-options.sh

echo "== $(date -u +%FT%TZ) $(nproc) CPUs, $(java -version 2>&1 | head -1)"
echo "uptime before: $(uptime)"
t0=$(date +%s%3N)
boot_prepare "$WORK/boot" "$JAR" "$WAR"
echo "fast start prepared in $(( $(date +%s%3N) - t0 )) ms (once per upgrade)"

# start_once DATA_DIR LAUNCH... -> "wall_ms cpu_ms"
start_once() {
  local data=$1; shift
  mkdir -p "$data"
  local t0; t0=$(date +%s%3N)
  # shellcheck disable=SC2086
  TEMSO_DATA_DIR="$data" TEMSO_DEMO_ENABLED=true TEMSO_PUBLIC_BASE_URL="http://localhost:$PORT" \
    java $TEMSO_JAVA_OPTS -Duser.timezone=UTC -Dfile.encoding=UTF-8 -Dderby.stream.error.file="$data/derby.log" \
    "$@" --deploy "$WAR" --contextroot / --port "$PORT" --nohazelcast --disablephonehome >"$WORK/server.log" 2>&1 &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready")" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$WORK/server.log" >&2; echo "the server exited" >&2; exit 1; }
    sleep 0.05
  done
  local wall=$(( $(date +%s%3N) - t0 )) cpu
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$PID/stat")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  echo "$wall $cpu"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

declare -A WALL CPU
for mode in plain fast existing; do
  : >"$WORK/$mode.txt"
  for i in $(seq "$RUNS"); do
    case $mode in
      plain) r=$(start_once "$WORK/data-plain-$i" -jar "$JAR") ;;
      fast) boot_reset "$WORK/boot"; mapfile -t A < <(boot_args "$WORK/boot"); r=$(start_once "$WORK/data-fast-$i" "${A[@]}") ;;
      existing) boot_reset "$WORK/boot"; mapfile -t A < <(boot_args "$WORK/boot"); r=$(start_once "$WORK/data-fast-1" "${A[@]}") ;;
    esac
    echo "$mode run $i: ${r% *} ms to ready, ${r#* } ms CPU"
    echo "$r" >>"$WORK/$mode.txt"
  done
  WALL[$mode]=$(cut -d' ' -f1 "$WORK/$mode.txt" | median); CPU[$mode]=$(cut -d' ' -f2 "$WORK/$mode.txt" | median)
done
echo "FIGURE cold start, plain java -jar, fresh data: ${WALL[plain]} ms (CPU ${CPU[plain]} ms)"
echo "FIGURE cold start, fast start, fresh data: ${WALL[fast]} ms (CPU ${CPU[fast]} ms)"
echo "FIGURE cold start, fast start, existing data: ${WALL[existing]} ms (CPU ${CPU[existing]} ms)"
python3 -c "import sys; p,f,e=map(int,sys.argv[1:]); print('FIGURE ratio fast/plain: %.2f, existing/plain: %.2f' % (f/p, e/p))" \
  "${WALL[plain]}" "${WALL[fast]}" "${WALL[existing]}"
echo "uptime after: $(uptime)"
