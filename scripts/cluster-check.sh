#!/usr/bin/env bash
# Proves the production shape on this machine: a private PostgreSQL, two Temso instances clustered with
# --clustermode tcpip on loopback, and haproxy in front with health checks on /health/ready. Then it runs the
# checks of scripts/cluster/check-*.sh in order (each prints PASS lines and FIGURE lines, and stops the script
# at the first failure), stops everything it started and prints the measured figures.
#   scripts/cluster-check.sh                 # every check
#   scripts/cluster-check.sh sessions files  # only these (names of scripts/cluster/check-NAME.sh)
# Settings: CLUSTER_HTTP_BASE (8480: haproxy, +1 instance a, +2 b), CLUSTER_HZ_BASE (6900), CLUSTER_PG_PORT (5440),
# CLUSTER_KEEP=1 keeps the work directory (logs are kept anyway when a check fails).
# Needs root or sudo (apt-get for postgresql, haproxy, wrk when missing; PostgreSQL runs as user postgres),
# Java 17+, curl, python3, and the built artifacts (built here, tests skipped, when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/cluster/lib.sh

ORDER="sessions changes scans files jobs restart storage coldstart"
CHECKS="${*:-$ORDER}"
for c in $CHECKS; do
  [ -f "scripts/cluster/check-$c.sh" ] || { echo "no check named $c (scripts/cluster/check-$c.sh)" >&2; exit 2; }
done

on_exit() {
  local rc=$?
  set +e
  cluster_down
  if [ -s "${CLUSTER_WORK:-/nonexistent}/figures" ]; then
    printf '\n== figures ==\n'; cat "$CLUSTER_WORK/figures"
  fi
  if [ "$rc" -ne 0 ]; then
    log "FAILED (exit $rc); logs kept in $CLUSTER_WORK"
  elif [ "${CLUSTER_KEEP:-}" = 1 ]; then
    log "work directory kept: $CLUSTER_WORK"
  else
    rm -rf "$CLUSTER_WORK"
    log "all checks passed"
  fi
}
trap on_exit EXIT

T0=$(date +%s)
cluster_up
figure cluster_start_s $(( $(date +%s) - T0 )) s
for c in $CHECKS; do
  log "== check $c =="
  . "scripts/cluster/check-$c.sh"
  t=$(date +%s)
  "check_$c"
  log "== check $c passed in $(( $(date +%s) - t )) s =="
done
