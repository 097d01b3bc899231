#!/usr/bin/env sh
# Google XML feed of N products (default 100,000) in a 128 MB heap, against a String.format reference.
# Usage: bench/catalog-sync.sh [products]
set -e
cd "$(dirname "$0")/.."
flock /tmp/temso-mvn.lock mvn -B -q -pl catalog-sync test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="catalog-sync/target/classes:catalog-sync/target/test-classes:$(cat catalog-sync/target/bench-classpath.txt)"
exec java -Xmx128m -Dfile.encoding=UTF-8 -cp "$CP" vn.temso.catalog.bench.GoogleXmlFeedBenchmark \
  "${1:-100000}" catalog-sync/target/bench
