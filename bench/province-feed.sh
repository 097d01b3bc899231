#!/usr/bin/env bash
# Province feed of 100,000 OCOP products (issue 18): regenerated in under 5 s with the heap under 128 MB.
# vn.temso.listing.bench.ProvinceFeedBench seeds an embedded Derby database with the real schema (once: the directory
# is kept), then regenerates the province google-xml feed three times exactly as the service does (AreaScan table
# scans, CatalogEntries, the Google validator, FeedPublisher into the database file store) in a JVM started with
# -Xmx128m, printing seconds against the 5 s target and the peak heap used against 128 MB. -Dread=pages (in
# JAVA_EXTRA) reads through AreaCatalog pages instead, as commune feeds and the catalogue page do.
# Usage: bench/province-feed.sh [products]   (default 100000). Settings: AREA_DATA (the database directory, kept
# between runs; default /tmp/temso-area-bench-<products>).
set -euo pipefail
cd "$(dirname "$0")/.."
PRODUCTS="${1:-100000}"
DATA="${AREA_DATA:-/tmp/temso-area-bench-$PRODUCTS}"
CP_FILE="$PWD/traceability-war/target/bench-classpath.txt"
[ -f "$CP_FILE" ] && [ -d traceability-war/target/test-classes/vn/temso/listing/bench ] || \
  flock /tmp/mvn.lock ./mvnw -o -q -pl traceability-war -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="traceability-war/target/test-classes:traceability-war/target/classes:$(cat "$CP_FILE")"
JAVA_OPTS="-Duser.timezone=UTC -Dfile.encoding=UTF-8 -Dderby.stream.error.file=$DATA.derby.log"
if [ ! -d "$DATA" ]; then
  java -Xmx1g $JAVA_OPTS -cp "$CP" vn.temso.listing.bench.ProvinceFeedBench seed "$DATA" "$PRODUCTS"
fi
# the service runs with the parallel collector (scripts/jvm-options.sh) and Derby's log buffer at 1 MB
# (ConfiguredDataSource); so does the measured JVM. Derby's page cache stays at its default 1,000 pages: the service's
# 4,000 are sized for its 1 GB heap and would not fit in 128 MB.
java -Xmx128m -XX:+UseParallelGC -Dderby.storage.logBufferSize=1048576 $JAVA_OPTS ${JAVA_EXTRA:-} -cp "$CP" vn.temso.listing.bench.ProvinceFeedBench run "$DATA"
