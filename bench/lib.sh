# Shared steps of the benchmark scripts (sourced, not run). Everything goes under target/:
#   target/corpus/sources   the dev corpus, extracted once (the same place the corpus tests use)
#   target/bench/           kb's site and index, a snapshot of kb's jar, OpenSearch, the results
#   target/opensearch-cluster/   the 3-node OpenSearch cluster (bench/opensearch-cluster.sh)
# Needs: a JDK >= 21 (found by ./kb), Maven, tar, unzip, curl; ../shared/corpus (or $KB_CORPUS).

set -euo pipefail
# The scripts build in kb's own process: a build daemon (see the README) would outlive them, and
# bench/kill.sh kills the very process that builds. bench/build.sh measures builds with it.
export KB_DAEMON=off

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
# The benchmarks share target/bench (index, kb snapshot, OpenSearch): one at a time. Scripts that
# use only the OpenSearch functions below (bench/opensearch-cluster.sh) set KB_BENCH_LOCK=0.
if [ "${KB_BENCH_LOCK:-1}" != "0" ]; then
  exec 9>"$BENCH/.lock"
  flock -n 9 || { echo "[bench] error: another benchmark is running in $KB_HOME/$BENCH" >&2; exit 1; }
fi

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

# Builds kb at git revision $1 (a temporary worktree) into folder $2: kb.jar and lib/.
kb_jar_at() {
  local rev="$1" dir="$2" src
  src="$(mktemp -d "${TMPDIR:-/tmp}/kb-at-rev.XXXXXX")"
  say "building kb at $rev in $src"
  rm -rf "$dir"
  git worktree add -q --detach "$src/kb" "$rev" || die "no revision $rev"
  if ! (cd "$src/kb" && mvn -q -B -DskipTests package >/dev/null); then
    git worktree remove --force "$src/kb"
    die "kb at $rev does not build"
  fi
  mkdir -p "$dir" && cp -r "$src/kb/target/kb.jar" "$src/kb/target/lib" "$dir/"
  git worktree remove --force "$src/kb"
  rm -rf "$src"
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

# ---- OpenSearch --------------------------------------------------------------------------------
# The integ-test zip from Maven Central (no bundled JDK, no security plugin, no modules but the
# transports), plus the two modules kb's analysis needs, each as the full distribution ships it:
#   analysis-common  the english analyzer, word_delimiter_graph, condition, flatten_graph, porter_stem
#   lang-painless    Painless, the script language of the condition filter in kb's index.json
# Every OpenSearch we start runs as $OPENSEARCH_USER when we are root (it refuses root). When Maven
# cannot fetch them (no network and not in ~/.m2) the scripts exit with $OPENSEARCH_UNAVAILABLE, so
# that a caller (the Java tests' OpenSearchCluster) can tell that from a failure.
OPENSEARCH_UNAVAILABLE=3

OPENSEARCH_M2="$HOME/.m2/repository/org/opensearch"
OPENSEARCH_ZIP="$OPENSEARCH_M2/distribution/integ-test-zip/opensearch/$OPENSEARCH_VERSION/opensearch-$OPENSEARCH_VERSION.zip"
# What an installed folder holds besides the zip; a change here reinstalls it.
OPENSEARCH_LAYOUT="$OPENSEARCH_VERSION analysis-common lang-painless"

# Fetches G:A:V:[packaging] from Maven Central into ~/.m2 unless file $2 is there; the Maven log
# goes to $3.
opensearch_fetch() {
  local artifact="$1" file="$2" log="$3"
  [ -f "$file" ] && return 0
  say "fetching $artifact"
  mvn -q -B dependency:get -Dtransitive=false -Dartifact="$artifact" >"$log" 2>&1 \
    || { tail -n 20 "$log" >&2; say "error: cannot fetch $artifact (log: $log)"; exit "$OPENSEARCH_UNAVAILABLE"; }
  [ -f "$file" ] || die "Maven fetched $artifact but $file is not there"
}

# Unzips OpenSearch into folder $1 and adds the modules, unless the folder already holds this
# layout (its .kb-version file). Maven's logs go beside the folder.
opensearch_install() {
  local home="$1" unzip_dir="$1.unzip"
  opensearch_fetch "$OPENSEARCH_ARTIFACT" "$OPENSEARCH_ZIP" "$home.mvn.log"
  if [ -x "$home/bin/opensearch" ] && [ "$(cat "$home/.kb-version" 2>/dev/null)" = "$OPENSEARCH_LAYOUT" ]; then
    return 0
  fi
  say "installing OpenSearch $OPENSEARCH_VERSION (+ analysis-common, lang-painless) into $home"
  rm -rf "$home" "$unzip_dir"
  mkdir -p "$unzip_dir"
  unzip -q "$OPENSEARCH_ZIP" -d "$unzip_dir"
  mv "$unzip_dir/opensearch-$OPENSEARCH_VERSION" "$home"
  rmdir "$unzip_dir"
  opensearch_add_lang_painless "$home"
  opensearch_add_analysis_common "$home"
  echo "$OPENSEARCH_LAYOUT" > "$home/.kb-version"
}

# A module's plugin-descriptor.properties: $1 folder, $2 name, $3 class, $4 description, $5 the
# modules it extends through SPI (comma-separated, may be empty).
opensearch_module_descriptor() {
  cat >"$1/plugin-descriptor.properties" <<PROPERTIES
description=$4
version=$OPENSEARCH_VERSION
name=$2
classname=$3
java.version=21
opensearch.version=$OPENSEARCH_VERSION
custom.foldername=
extended.plugins=$5
has.native.controller=false
PROPERTIES
}

# The "english" analyzer, word_delimiter_graph, condition and the other common analysis parts
# live in the analysis-common module (org.opensearch.plugin:analysis-common). It extends
# lang-painless, as in the full distribution: its Painless allow-list (the condition filter's
# token) reaches Painless through that SPI. Adds it to the unzipped node in $1.
opensearch_add_analysis_common() {
  local home="$1" jar
  jar="$OPENSEARCH_M2/plugin/analysis-common/$OPENSEARCH_VERSION/analysis-common-$OPENSEARCH_VERSION.jar"
  opensearch_fetch "org.opensearch.plugin:analysis-common:$OPENSEARCH_VERSION" "$jar" "$home.mvn.log"
  mkdir -p "$home/modules/analysis-common"
  cp "$jar" "$home/modules/analysis-common/"
  opensearch_module_descriptor "$home/modules/analysis-common" analysis-common \
    org.opensearch.analysis.common.CommonAnalysisModulePlugin 'Adds "built in" analyzers to OpenSearch.' lang-painless
}

# Painless (org.opensearch.plugin:lang-painless) with its runtime libraries (antlr4-runtime, asm*,
# opensearch-scripting-painless-spi; not the OpenSearch server the SPI's POM names, which the node
# is), copied by Maven from a throwaway POM. Its security policy is the module's own: OpenSearch 3
# enforces module policies with its Java agent, and Painless makes class loaders for its scripts.
opensearch_add_lang_painless() {
  local home="$1" module="$1/modules/lang-painless" pom="$1.painless-pom"
  mkdir -p "$pom" "$module"
  cat >"$pom/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>kb.bench</groupId>
  <artifactId>opensearch-lang-painless</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.opensearch.plugin</groupId>
      <artifactId>lang-painless</artifactId>
      <version>$OPENSEARCH_VERSION</version>
      <exclusions>
        <exclusion>
          <groupId>org.opensearch</groupId>
          <artifactId>*</artifactId>
        </exclusion>
      </exclusions>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
      </plugin>
    </plugins>
  </build>
</project>
POM
  say "fetching org.opensearch.plugin:lang-painless:$OPENSEARCH_VERSION and its libraries"
  mvn -q -B -f "$pom/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$(realpath -m "$module")" >"$home.mvn.log" 2>&1 \
    || { tail -n 20 "$home.mvn.log" >&2; say "error: cannot fetch lang-painless $OPENSEARCH_VERSION (log: $home.mvn.log)"
         exit "$OPENSEARCH_UNAVAILABLE"; }
  rm -rf "$pom"
  [ -f "$module/lang-painless-$OPENSEARCH_VERSION.jar" ] || die "no lang-painless jar in $module"
  [ -f "$module/opensearch-scripting-painless-spi-$OPENSEARCH_VERSION.jar" ] || die "no painless SPI jar in $module"
  opensearch_module_descriptor "$module" lang-painless org.opensearch.painless.PainlessModulePlugin \
    'An easy, safe and fast scripting language for OpenSearch' ''
  cat >"$module/plugin-security.policy" <<'POLICY'
grant {
  // needed to generate runtime classes
  permission java.lang.RuntimePermission "createClassLoader";

  // needed to find the classloader to load whitelisted classes from
  permission java.lang.RuntimePermission "getClassLoader";
};
POLICY
}

# The command prefix that runs OpenSearch: as $OPENSEARCH_USER (created if need be) when we are
# root, after giving it folders $@; nothing otherwise. Sets OPENSEARCH_RUN.
opensearch_run_as() {
  OPENSEARCH_RUN=()
  [ "$(id -u)" -eq 0 ] || return 0
  id -u "$OPENSEARCH_USER" >/dev/null 2>&1 || useradd -m "$OPENSEARCH_USER" \
    || die "cannot create user $OPENSEARCH_USER (OpenSearch refuses to run as root)"
  chown -R "$OPENSEARCH_USER" "$@"
  OPENSEARCH_RUN=(runuser -u "$OPENSEARCH_USER" --)
  "${OPENSEARCH_RUN[@]}" test -x "$1/bin/opensearch" \
    || die "user $OPENSEARCH_USER cannot reach $1: a folder above it is closed to others (chmod o+x it, or set OPENSEARCH_CLUSTER to a folder outside)"
}

# Fetches OpenSearch (once), installs it into target/bench/opensearch, and starts a single node on
# 127.0.0.1 with a fresh data folder. Sets OPENSEARCH_URL. Stop it with opensearch_stop (the
# scripts trap EXIT).
opensearch_start() {
  local home="$BENCH/opensearch" data="$BENCH/opensearch-data" port
  opensearch_install "$home"
  rm -rf "$data"
  mkdir -p "$data"
  opensearch_run_as "$home" "$data"
  port="$(free_port "${OPENSEARCH_PORT:-19200}")"
  rm -f "$home/opensearch.pid"
  say "starting OpenSearch $OPENSEARCH_VERSION on 127.0.0.1:$port (JDK $JDK, log: $BENCH/opensearch.log)"
  "${OPENSEARCH_RUN[@]}" env JAVA_HOME="$JDK" OPENSEARCH_JAVA_OPTS="-Xms1g -Xmx1g" "$home/bin/opensearch" \
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

# Stops the OpenSearch node started by opensearch_start, if any.
opensearch_stop() {
  [ -n "$OPENSEARCH_PID" ] || return 0
  say "stopping OpenSearch"
  opensearch_stop_pids "$(cat "$BENCH/opensearch/opensearch.pid" 2>/dev/null || true)" "$OPENSEARCH_PID"
  OPENSEARCH_PID=""
}

# Stops processes $@ (a node's java and the runuser that started it): SIGTERM, up to 30 s for
# them to exit, then SIGKILL.
opensearch_stop_pids() {
  local p i alive
  for p in "$@"; do
    if [ -n "$p" ]; then kill "$p" 2>/dev/null || true; fi
  done
  for i in $(seq 1 30); do
    alive=0
    for p in "$@"; do
      if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then alive=1; fi
    done
    [ "$alive" -eq 1 ] || break
    sleep 1
  done
  for p in "$@"; do
    if [ -n "$p" ]; then kill -9 "$p" 2>/dev/null || true; fi
  done
}

# ---- A 3-node OpenSearch cluster ----------------------------------------------------------------
# One installed folder, three nodes n0..n2 with their own config (a copy, so that each has its own
# keystore, GC log and heap-dump folder), data and logs under $OPENSEARCH_CLUSTER:
#   opensearch/       the installed OpenSearch      nI/config, nI/data, nI/logs   node I's folders
#   nI.pid            node I's java                 nI.runner.pid                 what started it
#   nI.log            node I's console              urls                          the three HTTP URLs
# Ports: free ones from 19201 (HTTP) and 19301 (transport), chosen at start. Its state lives in
# files, so that another shell (bench/opensearch-cluster.sh stop) can stop what this one started.
# The folder may be set elsewhere (OPENSEARCH_CLUSTER, absolute or relative to kb's folder), for
# when $OPENSEARCH_USER cannot reach kb's folder.
OPENSEARCH_CLUSTER="$(realpath -m "${OPENSEARCH_CLUSTER:-target/opensearch-cluster}")"
OPENSEARCH_CLUSTER_NODES=3
OPENSEARCH_CLUSTER_URLS=""

# Node $1's java PID, or nothing when it is not running.
opensearch_node_pid() {
  local pid
  pid="$(cat "$OPENSEARCH_CLUSTER/n$1.pid" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

# Fails when a node of the cluster runs (its PID file names a live process).
opensearch_cluster_not_running() {
  local i
  for i in $(seq 0 $((OPENSEARCH_CLUSTER_NODES - 1))); do
    [ -z "$(opensearch_node_pid "$i")" ] \
      || die "node n$i of $OPENSEARCH_CLUSTER is already running (bench/opensearch-cluster.sh stop)"
  done
}

# Starts the cluster, waits for it to be green with three nodes (3 minutes at most) and sets
# OPENSEARCH_CLUSTER_URLS (comma-separated, also in $OPENSEARCH_CLUSTER/urls). Fails when nodes of
# an earlier start still run. Every start has fresh data. The nodes outlive the calling shell:
# stop them with opensearch_cluster_stop.
opensearch_cluster_start() {
  local home="$OPENSEARCH_CLUSTER/opensearch" i node http=19201 transport=19301 seeds="" urls=""
  local -a http_ports=() transport_ports=()
  opensearch_cluster_not_running
  mkdir -p "$OPENSEARCH_CLUSTER"
  opensearch_install "$home"
  for i in $(seq 0 $((OPENSEARCH_CLUSTER_NODES - 1))); do
    http="$(free_port "$http")"
    transport="$(free_port "$transport")"
    http_ports+=("$http")
    transport_ports+=("$transport")
    seeds="${seeds:+$seeds,}127.0.0.1:$transport"
    urls="${urls:+$urls,}http://127.0.0.1:$http"
    http=$((http + 1))
    transport=$((transport + 1))
    node="$OPENSEARCH_CLUSTER/n$i"
    rm -rf "$node" "$node.pid" "$node.runner.pid" "$node.log"
    mkdir -p "$node/data" "$node/logs"
    cp -r "$home/config" "$node/config"
    # jvm.options names the GC log, error files and heap dumps relative to the installed folder,
    # which the three nodes share.
    sed -i -e "s|logs/gc.log|$node/logs/gc.log|" -e "s|ErrorFile=logs/|ErrorFile=$node/logs/|" \
      -e "s|HeapDumpPath=data|HeapDumpPath=$node/data|" "$node/config/jvm.options"
  done
  rm -f "$OPENSEARCH_CLUSTER/urls"
  opensearch_run_as "$home" "$OPENSEARCH_CLUSTER"/n[0-9]
  say "starting a $OPENSEARCH_CLUSTER_NODES-node OpenSearch $OPENSEARCH_VERSION cluster on $urls (JDK $JDK, logs: $OPENSEARCH_CLUSTER/n*.log)"
  for i in $(seq 0 $((OPENSEARCH_CLUSTER_NODES - 1))); do
    node="$OPENSEARCH_CLUSTER/n$i"
    # setsid: the node leaves the caller's session, so a caller that ends (a test's process
    # runner, a terminal) does not take it down; stdin from /dev/null, output to the node's log.
    setsid "${OPENSEARCH_RUN[@]}" env JAVA_HOME="$JDK" OPENSEARCH_PATH_CONF="$node/config" \
        OPENSEARCH_JAVA_OPTS="-Xms512m -Xmx512m" "$home/bin/opensearch" \
      -E cluster.name=kb-cluster -E node.name="n$i" -E network.host=127.0.0.1 \
      -E http.port="${http_ports[$i]}" -E transport.port="${transport_ports[$i]}" \
      -E discovery.seed_hosts="$seeds" -E cluster.initial_cluster_manager_nodes=n0,n1,n2 \
      -E path.data="$node/data" -E path.logs="$node/logs" \
      -E cluster.routing.allocation.disk.threshold_enabled=false \
      -p "$node/opensearch.pid" </dev/null >"$node.log" 2>&1 9>&- &
    echo $! > "$OPENSEARCH_CLUSTER/n$i.runner.pid"
  done
  OPENSEARCH_CLUSTER_URLS="$urls"
  if ! opensearch_cluster_wait_green 180; then
    for i in $(seq 0 $((OPENSEARCH_CLUSTER_NODES - 1))); do
      echo "---- n$i: $OPENSEARCH_CLUSTER/n$i.log" >&2
      tail -n 15 "$OPENSEARCH_CLUSTER/n$i.log" >&2
    done
    opensearch_cluster_stop
    die "the cluster did not turn green with $OPENSEARCH_CLUSTER_NODES nodes on $urls within 180 s"
  fi
  echo "$urls" > "$OPENSEARCH_CLUSTER/urls"
  say "cluster green on $urls"
}

# Waits until the cluster reports green with all its nodes, for at most $1 seconds; records each
# node's java PID (from its -p file) as it appears. Fails early when a node's process died.
opensearch_cluster_wait_green() {
  local limit="$1" waited=0 i runner pidfile url="${OPENSEARCH_CLUSTER_URLS%%,*}"
  local health="_cluster/health?wait_for_status=green&wait_for_nodes=$OPENSEARCH_CLUSTER_NODES&timeout=1s"
  while :; do
    for i in $(seq 0 $((OPENSEARCH_CLUSTER_NODES - 1))); do
      pidfile="$OPENSEARCH_CLUSTER/n$i/opensearch.pid"
      if [ ! -s "$OPENSEARCH_CLUSTER/n$i.pid" ] && [ -s "$pidfile" ]; then
        cp "$pidfile" "$OPENSEARCH_CLUSTER/n$i.pid"
      fi
      runner="$(cat "$OPENSEARCH_CLUSTER/n$i.runner.pid")"
      if ! kill -0 "$runner" 2>/dev/null; then
        echo "[bench] node n$i exited" >&2
        return 1
      fi
    done
    if curl -fsS -o /dev/null "$url/$health" 2>/dev/null; then
      return 0
    fi
    [ "$waited" -lt "$limit" ] || return 1
    sleep 1
    waited=$((waited + 1))
  done
}

# Stops every node of the cluster that runs (by the PIDs in its files) and removes the URLs file.
opensearch_cluster_stop() {
  local i pids=()
  for i in $(seq 0 $((OPENSEARCH_CLUSTER_NODES - 1))); do
    pids+=("$(cat "$OPENSEARCH_CLUSTER/n$i.pid" 2>/dev/null || true)")
    pids+=("$(cat "$OPENSEARCH_CLUSTER/n$i.runner.pid" 2>/dev/null || true)")
  done
  say "stopping the OpenSearch cluster in $OPENSEARCH_CLUSTER"
  opensearch_stop_pids "${pids[@]}"
  for i in $(seq 0 $((OPENSEARCH_CLUSTER_NODES - 1))); do
    rm -f "$OPENSEARCH_CLUSTER/n$i.pid" "$OPENSEARCH_CLUSTER/n$i.runner.pid"
  done
  rm -f "$OPENSEARCH_CLUSTER/urls"
  OPENSEARCH_CLUSTER_URLS=""
}

# SIGKILLs node $1's java (a crash, for fail-over tests); the others keep running.
opensearch_node_kill() {
  local pid
  [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -lt "$OPENSEARCH_CLUSTER_NODES" ] \
    || die "no node $1: the nodes are 0 to $((OPENSEARCH_CLUSTER_NODES - 1))"
  pid="$(opensearch_node_pid "$1")"
  [ -n "$pid" ] || die "node n$1 is not running"
  say "killing node n$1 (java PID $pid)"
  kill -9 "$pid"
}

# kb serve of the benchmark's snapshot, started in the background on a free port with the given
# arguments (e.g. --site DIR --index DIR, or --opensearch URLS --alias NAME), waited for until it
# answers a search. Sets KB_SERVE_URL and KB_SERVE_PID; stop it with kb_serve_stop. Log:
# $BENCH/kb-serve.log.
KB_SERVE_PID=""
KB_SERVE_URL=""
kb_serve_start() {
  local port
  port="$(free_port "${KB_PORT:-18080}")"
  say "starting kb serve on 127.0.0.1:$port ($*; log: $BENCH/kb-serve.log)"
  # Not through the kb function: $! must be the JVM itself, for kb_serve_stop.
  "$JAVA" --enable-native-access=ALL-UNNAMED ${KB_JAVA_OPTS:-} -jar "$BENCH/kb/kb.jar" \
    serve --port "$port" --request-log none "$@" >"$BENCH/kb-serve.log" 2>&1 9>&- &
  KB_SERVE_PID=$!
  KB_SERVE_URL="http://127.0.0.1:$port"
  if ! wait_http "$KB_SERVE_URL/api/search?q=windows&size=10" 120 "$KB_SERVE_PID"; then
    tail -n 30 "$BENCH/kb-serve.log" >&2
    die "kb serve did not answer on port $port"
  fi
}

# Stops the kb serve that kb_serve_start started (if any).
kb_serve_stop() {
  [ -n "$KB_SERVE_PID" ] || return 0
  say "stopping kb serve"
  kill "$KB_SERVE_PID" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$KB_SERVE_PID" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$KB_SERVE_PID" 2>/dev/null || true
  KB_SERVE_PID=""
}
