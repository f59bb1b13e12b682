# Shared steps of the benchmark scripts (sourced, not run). Everything goes under target/:
#   target/corpus/sources   the dev corpus, extracted once (the same place the corpus tests use)
#   target/bench/           kb's site and index, a snapshot of kb's jar, OpenSearch, the results
# Needs: a JDK >= 21 (found by ./kb), Maven, tar, unzip, curl; ../shared/corpus (or $KB_CORPUS).

set -euo pipefail

KB_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$KB_HOME"
BENCH="target/bench"
SOURCES="target/corpus/sources"
OPENSEARCH_VERSION="3.3.0"
OPENSEARCH_ARTIFACT="org.opensearch.distribution.integ-test-zip:opensearch:$OPENSEARCH_VERSION:zip"
OPENSEARCH_USER="${OPENSEARCH_USER:-kbbench}"
OPENSEARCH_PID=""
OPENSEARCH_URL=""
mkdir -p "$BENCH"
# The benchmarks share target/bench (index, kb snapshot, OpenSearch): one at a time.
exec 9>"$BENCH/.lock"
flock -n 9 || { echo "[bench] error: another benchmark is running in $KB_HOME/$BENCH" >&2; exit 1; }

say() { echo "[bench] $*" >&2; }
die() { echo "[bench] error: $*" >&2; exit 1; }

# The JDK kb runs on (>= 21).
JDK="$(./kb --print-jdk)" || die "no JDK >= 21 found"
JAVA="$JDK/bin/java"

# Extracts the dev corpus into target/corpus/sources once (a marker file records it).
bench_corpus() {
  local dir="${KB_CORPUS:-../shared/corpus}" archive
  archive="$dir/kbarchive-dev-sources.tar.gz"
  [ -f "$archive" ] || die "no $archive (put the corpus in ../shared/corpus or set KB_CORPUS)"
  if [ ! -f target/corpus/sources.extracted ]; then
    say "extracting $archive into $SOURCES"
    rm -rf "$SOURCES"
    mkdir -p "$SOURCES"
    tar -xzf "$archive" -C "$SOURCES"
    echo "kbarchive-dev-sources.tar.gz" > target/corpus/sources.extracted
  fi
}

# Compiles kb and the benchmark classes, then snapshots what the run uses into target/bench/kb/
# (kb's jar + lib, the benchmark classes) so that a rebuild of target/ by a concurrent mvn cannot
# swap classes under a running benchmark. Sets CP, the benchmark classpath.
bench_compile() {
  say "compiling kb and the benchmarks (mvn test-compile)"
  mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$BENCH/cp.txt" >"$BENCH/mvn.log" 2>&1 \
    || { tail -n 40 "$BENCH/mvn.log" >&2; die "mvn test-compile failed (log: $BENCH/mvn.log)"; }
  ./kb help >/dev/null || die "./kb could not build target/kb.jar"
  rm -rf "$BENCH/kb"
  mkdir -p "$BENCH/kb/test-classes/kb"
  cp target/kb.jar "$BENCH/kb/kb.jar"
  cp -r target/lib "$BENCH/kb/lib"
  cp -r target/test-classes/kb/bench "$BENCH/kb/test-classes/kb/bench"
  CP="$BENCH/kb/kb.jar:$BENCH/kb/test-classes:$(cat "$BENCH/cp.txt")"
}

# kb's command line, from the snapshot ("./kb ARGS" without the rebuild check).
kb() {
  "$JAVA" --enable-native-access=ALL-UNNAMED ${KB_JAVA_OPTS:-} -jar "$BENCH/kb/kb.jar" "$@"
}

# Builds kb's site and index of the corpus into target/bench/site and target/bench/index;
# BUILD=0 reuses an index already there (when only query-time code changed).
bench_kb_index() {
  if [ "${BUILD:-1}" = "0" ] && [ -d "$BENCH/index" ] && [ -d "$BENCH/site" ]; then
    say "BUILD=0: reusing $BENCH/index"
    return 0
  fi
  say "building kb's site and index of $SOURCES (kb build)"
  local rc=0
  kb build --source "$SOURCES" --dest "$BENCH/site" --index "$BENCH/index" --no-progress \
    >"$BENCH/kb-build.log" 2>&1 || rc=$?
  tail -n 5 "$BENCH/kb-build.log" >&2
  [ "$rc" -eq 0 ] || die "kb build failed with exit code $rc (log: $BENCH/kb-build.log)"
  [ -d "$BENCH/index" ] || die "kb build wrote no index"
}

# Runs a benchmark main class with the snapshot classpath.
bench_java() {
  local main="$1"
  shift
  "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx2g -cp "$CP" "$main" "$@"
}

# A TCP port on 127.0.0.1 nobody listens on, from $1 upwards.
free_port() {
  local p="$1"
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do
    p=$((p + 1))
  done
  echo "$p"
}

# Waits until $1 answers HTTP 200, for at most $2 seconds, while process $3 lives.
wait_http() {
  local url="$1" limit="$2" pid="$3" waited=0
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || return 1
    [ "$waited" -lt "$limit" ] || return 1
    sleep 1
    waited=$((waited + 1))
  done
}

# Fetches OpenSearch from Maven Central (once), unzips it into target/bench/opensearch, and starts
# a single node on 127.0.0.1 with a fresh data folder, as a non-root user. Sets OPENSEARCH_URL.
# Stop it with opensearch_stop (the scripts trap EXIT).
opensearch_start() {
  local zip="$HOME/.m2/repository/org/opensearch/distribution/integ-test-zip/opensearch/$OPENSEARCH_VERSION/opensearch-$OPENSEARCH_VERSION.zip"
  local home="$BENCH/opensearch" data="$BENCH/opensearch-data" port run=()
  if [ ! -f "$zip" ]; then
    say "fetching $OPENSEARCH_ARTIFACT"
    mvn -q -B dependency:get -Dtransitive=false -Dartifact="$OPENSEARCH_ARTIFACT" >"$BENCH/mvn-opensearch.log" 2>&1 \
      || { tail -n 20 "$BENCH/mvn-opensearch.log" >&2; die "cannot fetch $OPENSEARCH_ARTIFACT"; }
  fi
  if [ ! -x "$home/bin/opensearch" ] || [ "$(cat "$home/.kb-version" 2>/dev/null)" != "$OPENSEARCH_VERSION" ]; then
    say "unzipping OpenSearch $OPENSEARCH_VERSION into $home"
    rm -rf "$home" "$BENCH/opensearch-unzip"
    mkdir -p "$BENCH/opensearch-unzip"
    unzip -q "$zip" -d "$BENCH/opensearch-unzip"
    mv "$BENCH/opensearch-unzip/opensearch-$OPENSEARCH_VERSION" "$home"
    rmdir "$BENCH/opensearch-unzip"
    echo "$OPENSEARCH_VERSION" > "$home/.kb-version"
  fi
  [ -f "$home/modules/analysis-common/plugin-descriptor.properties" ] || opensearch_add_analysis_common "$home"
  rm -rf "$data"
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then
    # OpenSearch refuses to run as root.
    id -u "$OPENSEARCH_USER" >/dev/null 2>&1 || useradd -m "$OPENSEARCH_USER" \
      || die "cannot create user $OPENSEARCH_USER"
    chown -R "$OPENSEARCH_USER" "$home" "$data"
    run=(runuser -u "$OPENSEARCH_USER" --)
  fi
  port="$(free_port "${OPENSEARCH_PORT:-19200}")"
  rm -f "$BENCH/opensearch.pid"
  say "starting OpenSearch $OPENSEARCH_VERSION on 127.0.0.1:$port (JDK $JDK, log: $BENCH/opensearch.log)"
  "${run[@]}" env JAVA_HOME="$JDK" OPENSEARCH_JAVA_OPTS="-Xms1g -Xmx1g" "$home/bin/opensearch" \
    -E discovery.type=single-node -E network.host=127.0.0.1 -E http.port="$port" \
    -E path.data="$KB_HOME/$data" -E path.logs="$KB_HOME/$home/logs" \
    -E cluster.routing.allocation.disk.threshold_enabled=false \
    -p "$KB_HOME/$home/opensearch.pid" >"$BENCH/opensearch.log" 2>&1 9>&- &
  OPENSEARCH_PID=$!
  OPENSEARCH_URL="http://127.0.0.1:$port"
  if ! wait_http "$OPENSEARCH_URL/_cluster/health?wait_for_status=yellow&timeout=1s" 180 "$OPENSEARCH_PID"; then
    tail -n 30 "$BENCH/opensearch.log" >&2
    die "OpenSearch did not come up on $OPENSEARCH_URL"
  fi
  say "OpenSearch is up on $OPENSEARCH_URL"
}

# The integ-test zip is the distribution minus its modules; the "english" analyzer lives in the
# analysis-common module, which every full distribution ships. Adds that module, as published on
# Maven Central (org.opensearch.plugin:analysis-common), to the unzipped node in $1.
opensearch_add_analysis_common() {
  local home="$1" artifact="org.opensearch.plugin:analysis-common:$OPENSEARCH_VERSION" jar
  jar="$HOME/.m2/repository/org/opensearch/plugin/analysis-common/$OPENSEARCH_VERSION/analysis-common-$OPENSEARCH_VERSION.jar"
  if [ ! -f "$jar" ]; then
    say "fetching $artifact"
    mvn -q -B dependency:get -Dtransitive=false -Dartifact="$artifact" >"$BENCH/mvn-opensearch.log" 2>&1 \
      || { tail -n 20 "$BENCH/mvn-opensearch.log" >&2; die "cannot fetch $artifact"; }
  fi
  mkdir -p "$home/modules/analysis-common"
  cp "$jar" "$home/modules/analysis-common/"
  cat >"$home/modules/analysis-common/plugin-descriptor.properties" <<PROPERTIES
description=Adds "built in" analyzers to OpenSearch.
version=$OPENSEARCH_VERSION
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisModulePlugin
java.version=21
opensearch.version=$OPENSEARCH_VERSION
custom.foldername=
extended.plugins=
has.native.controller=false
PROPERTIES
}

# Stops the OpenSearch node started by opensearch_start, if any.
opensearch_stop() {
  [ -n "$OPENSEARCH_PID" ] || return 0
  local pidfile="$BENCH/opensearch/opensearch.pid" pid i
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  say "stopping OpenSearch"
  for p in $pid $OPENSEARCH_PID; do
    kill "$p" 2>/dev/null || true
  done
  for i in $(seq 1 30); do
    kill -0 "$OPENSEARCH_PID" 2>/dev/null || { [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; } || break
    sleep 1
  done
  for p in $pid $OPENSEARCH_PID; do
    kill -9 "$p" 2>/dev/null || true
  done
  OPENSEARCH_PID=""
}
