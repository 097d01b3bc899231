# JVM options of the Temso server, sourced by run.sh and the benchmarks (bench/server-lib.sh) so that what is
# measured is what runs. Override with TEMSO_JAVA_OPTS. Why these (docs/operations.md, docs/performance.md):
# a page or API call leaves almost nothing alive behind it, so the parallel collector's young pauses stay short
# (10-20 ms on 2 cores) where G1's default pause goal let single pauses reach 45-114 ms under the trace-page load;
# a fixed 1 GB heap (256 MB young) holds the caches (stamp statuses, trace parts, Derby's page cache) with room.
TEMSO_JAVA_OPTS="${TEMSO_JAVA_OPTS:--XX:+UseParallelGC -Xms1g -Xmx1g -Xmn256m}"
