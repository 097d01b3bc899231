# Fast starts for Payara Micro (sourced by run.sh's production start, the cluster harness and bench/cold-start.sh).
# `java -jar payara-micro.jar` unpacks its ~100 MB runtime and loads and verifies some 20,000 classes on every start.
# boot_prepare DIR JAR WAR makes, once per (Payara Micro jar, WAR, JVM) and kept in DIR:
#   DIR/root     Payara Micro's launcher with the runtime unpacked (--outputlauncher): nothing to unpack at start;
#   DIR/app.jsa  a class-data-sharing archive of the classes a warm-up start of the WAR loaded (the JVM maps them
#                instead of parsing and verifying them again; -XX:ArchiveClassesAtExit, JDK 13+).
# boot_args DIR then prints the java options and -jar for a start; boot_reset DIR puts the root directory back as it
# was before the warm-up (a kept root directory would otherwise deploy its last application before --deploy's).
# One DIR per instance on a machine: the archive is valid only for the paths it was made with, and the root
# directory is the instance's own configuration. docs/operations.md ("Fast starts") and docs/performance.md
# ("Cold start") say what it buys.

boot_key() { # JAR WAR -> what the prepared files depend on: the files' size and time (a rebuild changes the time;
  # no hashing of 125 MB at every start) and the JVM
  { stat -L -c '%s %Y' "$1" "$2"; java -version 2>&1; } | sha256sum | cut -c1-32
}

# boot_ready DIR JAR WAR: true when DIR holds what boot_prepare would make now
boot_ready() {
  [ -f "$1/app.jsa" ] && [ "$(cat "$1/key" 2>/dev/null)" = "$(boot_key "$2" "$3")" ]
}

boot_prepare() {
  local dir=$1 jar=$2 war=$3 key port log
  key=$(boot_key "$jar" "$war")
  if boot_ready "$dir" "$jar" "$war"; then
    return 0
  fi
  rm -rf "$dir"; mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  log="$dir/prepare.log"
  java -jar "$jar" --rootdir "$dir/root" --outputlauncher >"$log" 2>&1 \
    || { echo "boot_prepare: Payara Micro could not write its launcher (see $log)" >&2; return 1; }
  (cd "$dir/root" && tar cf "$dir/pristine.tar" --exclude=./runtime --exclude=./launch-micro.jar .)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # the warm-up deploys the WAR on a throw-away embedded database with demo data, starts Hazelcast alone (its
  # classes are archived too) and exits; the archive is written at exit
  ( cd "$dir" && env TEMSO_DATA_DIR="$dir/warmup-data" TEMSO_DEMO_ENABLED=true \
      TEMSO_PUBLIC_BASE_URL="http://127.0.0.1:$port" TEMSO_STAMP_KEY_SECRET="warm-up-only-$RANDOM$RANDOM$RANDOM$RANDOM" \
      java -XX:ArchiveClassesAtExit="$dir/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -Duser.timezone=UTC -Dfile.encoding=UTF-8 \
      -jar "$dir/root/launch-micro.jar" --deploy "$war" --contextroot / --port "$port" \
      --clustermode "tcpip:127.0.0.1:$((port + 1))" --startport "$((port + 1))" --clustername "warm-up-$port" \
      --interfaces 127.0.0.1 --disablephonehome --warmup ) >>"$log" 2>&1 \
    || { echo "boot_prepare: the warm-up start failed (see $log)" >&2; return 1; }
  [ -s "$dir/app.jsa" ] || { echo "boot_prepare: no class-data-sharing archive was written (see $log)" >&2; return 1; }
  rm -rf "$dir/warmup-data"
  boot_reset "$dir"
  echo "$key" >"$dir/key"
}

# boot_reset DIR: the root directory as --outputlauncher left it (runtime and launcher untouched)
boot_reset() {
  local dir=$1 f
  for f in "$dir/root"/* "$dir/root"/.[!.]*; do
    case "${f##*/}" in runtime|launch-micro.jar) ;; *) rm -rf "$f" ;; esac
  done
  tar xf "$dir/pristine.tar" -C "$dir/root"
}

# boot_args DIR: java options and -jar for a start from the prepared directory (the rest are Payara Micro options)
boot_args() {
  printf '%s\n' "-XX:SharedArchiveFile=$1/app.jsa" "-Xshare:auto" "-Xlog:cds=off" "-Xlog:cds+dynamic=off" -jar "$1/root/launch-micro.jar"
}
