#!/usr/bin/env sh
# Zone outline validation: a 2,000 / 10,000 / 20,001-position ring through today's path (parse, JTS IsValidOp,
# area, display simplification; 20,001 is refused by the cap) against the pairwise self-intersection check it
# replaced. One thread, median of a few runs. Builds under the shared Maven lock, then runs outside it.
set -e
cd "$(dirname "$0")/.."
CP_FILE="$PWD/traceability-war/target/bench-classpath.txt"
flock /tmp/mvn.lock ./mvnw -o -q -pl traceability-war -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
exec java -cp "traceability-war/target/test-classes:traceability-war/target/classes:$(cat "$CP_FILE")" \
  vn.temso.zone.bench.GeometryBenchmark
