#!/usr/bin/env bash
# Runs GS1's resolver conformance suite (github.com/gs1/GS1DL-resolver-testsuite) against a local Temso, over plain
# http, with php-cli serving the suite's helper (tester.php) and its page, and headless Chromium running the page.
# Prints each check as "pass|warn|fail id: message" for a product URI and a lot URI of the demo data, then a count.
#
# Needs: a built traceability-war/target/temso.war and payara-micro.jar (./mvnw -DskipTests package), Debian's
# php-cli php-curl chromium chromium-driver and node, and the suite checked out at GS1_SUITE (a git clone or a bare
# copy: its files are read with git show). Three local changes to the suite, made on a copy, never on the suite:
#   1. tester.php refuses every URI that is not https: the copy also takes http (no TLS on this machine);
#   2. the suite's helper URL (a server of GS1's) becomes the local php server;
#   3. GS1's linkset schema comes from the copy in this repository (traceability-war/src/test/resources/gs1, the
#      same file as https://gs1.github.io/linkset/gs1-linkset-schema.json): this machine has no internet access.
# Checks that need TLS (tlsOK, isHttps, httpVersion, rdFile: the suite asks https://{host} for them) or GS1's
# servers (linkTypesDefined reads GS1's list of link types) cannot pass here; docs/api.md lists the result.
set -euo pipefail
cd "$(dirname "$0")/.."
GS1_SUITE="${GS1_SUITE:-/work/.mirror/gs1+GS1DL-resolver-testsuite/repo}"
PORT="${PORT:-18095}"
SUITE_PORT="${SUITE_PORT:-18096}"
DRIVER_PORT="${DRIVER_PORT:-18097}"
WAR="${WAR:-traceability-war/target/temso.war}"
MICRO_JAR="${MICRO_JAR:-traceability-war/target/payara-micro.jar}"
HOST="resolver.localhost" # *.localhost is loopback for Chromium and curl alike (RFC 6761), and has a dot the suite wants
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

mkdir -p "$WORK/public" "$WORK/data"
show() { git -C "$GS1_SUITE" show "HEAD:$1"; }
show tester.php | sed "s#str_starts_with(\$result\['testVal'\], 'https://')#preg_match('~^https?://~', \$result['testVal'])#" \
  > "$WORK/tester.php"
grep -q "preg_match('~^https?://~'" "$WORK/tester.php" || { echo "tester.php changed upstream: patch not applied" >&2; exit 1; }
show GS1DigitalLinkToolkit.js > "$WORK/public/GS1DigitalLinkToolkit.js"
show GS1DigitalLinkResolverTestSuite.js \
  | sed -e "s#^const testUri = .*#const testUri = 'http://suite.localhost:$SUITE_PORT/tester.php';#" \
        -e "s#https://gs1.github.io/linkset/gs1-linkset-schema.json#/gs1-linkset-schema.json#" \
  > "$WORK/public/GS1DigitalLinkResolverTestSuite.js"
cp traceability-war/src/test/resources/gs1/gs1-linkset-schema.json scripts/gs1-suite/index.html "$WORK/public/"
( cd "$WORK" && npm pack -q ajv-dist@8.17.1 >/dev/null && tar xzf ajv-dist-8.17.1.tgz \
  && cp package/dist/ajv7.min.js public/ )

TEMSO_DATA_DIR="$WORK/data" TEMSO_DEMO_ENABLED=true TEMSO_PUBLIC_BASE_URL="http://$HOST:$PORT" \
  java -Duser.timezone=UTC -Dfile.encoding=UTF-8 -Dderby.stream.error.file="$WORK/data/derby.log" \
  -jar "$MICRO_JAR" --deploy "$WAR" --contextroot / \
  --port "$PORT" --nohazelcast --disablephonehome > "$WORK/payara.log" 2>&1 &
PIDS+=($!)
php -S "127.0.0.1:$SUITE_PORT" -t "$WORK" "$WORK/tester.php" > "$WORK/php.log" 2>&1 &
PIDS+=($!)
chromedriver --port="$DRIVER_PORT" > "$WORK/chromedriver.log" 2>&1 &
PIDS+=($!)
for i in $(seq 1 180); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/.well-known/gs1resolver" && break
  sleep 1
done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/.well-known/gs1resolver" || { tail -50 "$WORK/payara.log"; exit 1; }

total=0; passed=0
for dl in "http://$HOST:$PORT/01/08931234500016" "http://$HOST:$PORT/01/08931234500016/10/TT2024-HT-001"; do
  echo "== $dl"
  page="http://suite.localhost:$SUITE_PORT/index.html#dl=$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$dl")"
  out="$(node scripts/gs1-suite/run.js "$page" "$DRIVER_PORT")"
  echo "$out"
  total=$((total + $(grep -cE '^(pass|warn|fail) ' <<<"$out" || true)))
  passed=$((passed + $(grep -c '^pass ' <<<"$out" || true)))
done
echo "passed $passed of $total checks"
