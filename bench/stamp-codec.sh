#!/usr/bin/env sh
# Stamp signing/verification throughput vs raw Bouncy Castle Ed25519, and QR encode time (one thread).
# Builds under the shared Maven lock, then runs outside it so other builds are not held up.
set -e
cd "$(dirname "$0")/.."
CP_FILE="$PWD/stamp-codec/target/bench-classpath.txt"
flock /tmp/temso-mvn.lock mvn -B -q -pl stamp-codec test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
exec java -Djava.awt.headless=true \
  -cp "stamp-codec/target/test-classes:stamp-codec/target/classes:$(cat "$CP_FILE")" \
  vn.temso.stamp.bench.StampBenchmark
