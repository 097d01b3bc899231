#!/usr/bin/env sh
# Builds Temso and starts it on embedded Derby with demo data. Stop with Ctrl-C.
#   PORT=8080            HTTP port
#   TEMSO_DATA_DIR=data  where the embedded database and derby.log live
#   TEMSO_DEMO_ENABLED   true here; a production start sets false (the default of the WAR)
#   TEMSO_JAVA_OPTS      JVM options (default in scripts/jvm-options.sh: parallel GC, 1 GB heap)
# Any other TEMSO_* variable from the README's configuration table is passed through by the environment.
set -e
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests install
PORT="${PORT:-8080}"
export TEMSO_DATA_DIR="${TEMSO_DATA_DIR:-$PWD/data}"
export TEMSO_DEMO_ENABLED="${TEMSO_DEMO_ENABLED:-true}"
export TEMSO_PUBLIC_BASE_URL="${TEMSO_PUBLIC_BASE_URL:-http://localhost:$PORT}"
mkdir -p "$TEMSO_DATA_DIR"
. scripts/jvm-options.sh
# --nohazelcast --disablephonehome: a single instance makes no outbound connection (see docs/operations.md
# for clustering). No --rootdir: a kept root directory would boot the previously deployed WAR first.
# shellcheck disable=SC2086 # TEMSO_JAVA_OPTS is a list of options
exec java $TEMSO_JAVA_OPTS -Duser.timezone=UTC -Dfile.encoding=UTF-8 -Dderby.stream.error.file="$TEMSO_DATA_DIR/derby.log" \
  -jar traceability-war/target/payara-micro.jar \
  --deploy traceability-war/target/temso.war --contextroot / \
  --port "$PORT" --nohazelcast --disablephonehome
