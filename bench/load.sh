#!/usr/bin/env bash
# The load test of issue 17: CLIENTS closed-loop clients for DURATION seconds on `kb serve` over the
# dev corpus, with valid, malformed and hostile requests mixed (kb.bench.HostileLoad: searches,
# long and odd queries, bad parameters, bytes that are not UTF-8, pages, files, short links,
# unknown pages, path traversal, HEAD/OPTIONS/other methods, huge headers, bad Host headers), and
# halfway through an incremental `kb build` into the same --dest and --index after one article
# was edited (the server follows it: files at once, the index at its next commit). Then stops the
# server with SIGTERM, as Ctrl-C would.
#
#   bench/load.sh
#   CLIENTS=50 DURATION=60        concurrent clients, seconds
#   REBUILD_AT=1                  seconds into the run when the first rebuild starts (0: none).
#                                 From then on the sources are rebuilt again and again, each time
#                                 after a new edit of one article, until the run ends: every
#                                 rebuild's site is swapped in under the load, one of them about
#                                 halfway whatever a rebuild takes on the machine.
#   KB_SOURCES=DIR                the Jekyll sources to serve (default: target/corpus/sources,
#                                 extracted from the corpus archive once, as the other benchmarks)
#   BUILD=0                       reuse target/bench-load/ from an earlier run (no clean build first)
#
# Prints per kind of request and in all: requests, throughput, p50/p99 latency, answers 5xx,
# failed connections (refused, reset, timed out, cut short), answers of another status than the
# kind expects; then each rebuild's line, the server's log and request log counts, and how it
# stopped. Exits 1 on any answer 5xx or failed connection (the acceptance: none).
# Everything it writes is under target/bench-load/ (never in the repository): sources/ (a
# hard-linked copy of the sources; the edited article is a real copy), site/, index/, the logs,
# and results.txt.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CLIENTS="${CLIENTS:-50}"
DURATION="${DURATION:-60}"
REBUILD_AT="${REBUILD_AT:-1}"
LOAD="target/bench-load"
[[ "$CLIENTS" =~ ^[1-9][0-9]*$ && "$DURATION" =~ ^[1-9][0-9]*$ && "$REBUILD_AT" =~ ^[0-9]+$ ]] \
  || die "CLIENTS, DURATION and REBUILD_AT must be numbers"
[ "$REBUILD_AT" -lt "$DURATION" ] || die "REBUILD_AT must be less than DURATION"

KB_SERVE_PID=""
LOAD_PID=""
REBUILD_PID=""
cleanup() {
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null
  [ -n "$REBUILD_PID" ] && wait "$REBUILD_PID" 2>/dev/null # a build is never killed half-way here
  if [ -n "$KB_SERVE_PID" ]; then
    kill "$KB_SERVE_PID" 2>/dev/null
    sleep 2
    kill -9 "$KB_SERVE_PID" 2>/dev/null
  fi
  return 0
}
trap cleanup EXIT

start=$SECONDS
if [ -n "${KB_SOURCES:-}" ]; then
  [ -d "$KB_SOURCES" ] || die "no folder $KB_SOURCES"
  SRC="$KB_SOURCES"
else
  bench_corpus
  SRC="$SOURCES"
fi
bench_compile
# A build's state names the kb that wrote it by its jar's name, size and time: the snapshot keeps
# the time of the jar it copies, so that a run with BUILD=0 rebuilds incrementally, as a user would.
touch -r target/kb.jar "$BENCH/kb/kb.jar"
mkdir -p "$LOAD"

if [ "${BUILD:-1}" != "0" ] || [ ! -d "$LOAD/site" ] || [ ! -d "$LOAD/index" ]; then
  say "copying $SRC into $LOAD/sources (hard links)"
  rm -rf "$LOAD/sources" "$LOAD/site" "$LOAD/index" "$LOAD/.kb-state"
  cp -al "$SRC" "$LOAD/sources" 2>/dev/null || cp -a "$SRC" "$LOAD/sources"
  say "building the site (clean build, log: $LOAD/kb-build-clean.log)"
  t0=$SECONDS
  kb build --source "$LOAD/sources" --dest "$LOAD/site" --index "$LOAD/index" --no-progress \
    >"$LOAD/kb-build-clean.log" 2>&1 || { tail -n 20 "$LOAD/kb-build-clean.log" >&2; die "kb build failed"; }
  say "$(tail -n 1 "$LOAD/kb-build-clean.log") ($((SECONDS - t0)) s)"
fi


# The article the rebuild edits: a real copy (not a link into the corpus), one line longer.
article="$(cd "$LOAD/sources" && find kb -name README.md | sort | sed -n 1p)"
[ -n "$article" ] || die "no article under $LOAD/sources/kb"
rm -f "$LOAD/sources/$article"
cp "$SRC/$article" "$LOAD/sources/$article"
baseurl="$(sed -n 's/.*"baseurl" *: *"\([^"]*\)".*/\1/p' "$LOAD/site/kb-site.json" | sed -n 1p)"
page="$baseurl/$(dirname "$article")/"

port="$(free_port "${KB_PORT:-18090}")"
say "starting kb serve on 127.0.0.1:$port$baseurl/ (log: $LOAD/kb-serve.log, requests: $LOAD/requests.log)"
rm -f "$LOAD/requests.log"
# Not through the kb function: $! must be the JVM itself, to send it SIGTERM.
"$JAVA" --enable-native-access=ALL-UNNAMED ${KB_JAVA_OPTS:-} -jar "$BENCH/kb/kb.jar" serve --site "$LOAD/site" \
  --index "$LOAD/index" --port "$port" --request-log "$LOAD/requests.log" >"$LOAD/kb-serve.log" 2>&1 9>&- &
KB_SERVE_PID=$!
wait_http "http://127.0.0.1:$port$baseurl/" 120 "$KB_SERVE_PID" || { tail -n 30 "$LOAD/kb-serve.log" >&2; die "kb serve did not answer"; }

# One rebuild: edits the article (one more line), builds, and checks that the edited page is
# served at once; its line is added to $LOAD/rebuild.txt, times counted from the clients' start.
do_rebuild() {
  local marker t0 t1 rc=0 line served
  marker="Edited by the load test at $(date -u +%Y-%m-%dT%H:%M:%S.%NZ)."
  printf '\n%s\n' "$marker" >>"$LOAD/sources/$article"
  t0=$(date +%s.%N)
  kb build --source "$LOAD/sources" --dest "$LOAD/site" --index "$LOAD/index" --no-progress \
    >"$LOAD/kb-build-rebuild.log" 2>&1 || rc=$?
  t1=$(date +%s.%N)
  line="rebuild from $(awk -v a="$RUN_START" -v b="$t0" 'BEGIN { printf "%.1f", b - a }') s to $(awk -v a="$RUN_START" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s of the run: exit $rc: $(tail -n 1 "$LOAD/kb-build-rebuild.log" | sed 's/ -> .*//')"
  served="$(curl -fsS "http://127.0.0.1:$port$page" || true)"
  if [[ "$served" == *"$marker"* ]]; then
    line="$line; the edited page served at once"
  else
    line="$line; THE EDITED PAGE IS NOT SERVED ($page)"
  fi
  say "$line"
  echo "$line" >>"$LOAD/rebuild.txt"
}

# Rebuilds one after the other from REBUILD_AT s until the clients stop.
rebuild_loop() {
  sleep "$REBUILD_AT"
  while awk -v a="$RUN_START" -v b="$(date +%s.%N)" -v d="$DURATION" 'BEGIN { exit !(b - a < d) }'; do
    do_rebuild
  done
}

rm -f "$LOAD/rebuild.txt"
say "$CLIENTS clients for $DURATION s$([ "$REBUILD_AT" -gt 0 ] && echo "; rebuilds one after the other from $REBUILD_AT s on")"
RUN_START=$(date +%s.%N)
bench_java kb.bench.HostileLoad --base "http://127.0.0.1:$port$baseurl" --site "$LOAD/site" \
  --clients "$CLIENTS" --duration "$DURATION" > >(tee "$LOAD/results.txt") 2>&1 9>&- &
LOAD_PID=$!
if [ "$REBUILD_AT" -gt 0 ]; then
  rebuild_loop &
  REBUILD_PID=$!
fi
rebuild=""
if [ -n "$REBUILD_PID" ]; then
  wait "$REBUILD_PID" || true
  REBUILD_PID=""
  rebuild="$(cat "$LOAD/rebuild.txt" 2>/dev/null || echo "no rebuild finished")"
  bad=$(grep -c -v "exit 0: .*the edited page served at once" "$LOAD/rebuild.txt" || true)
  rebuild="$rebuild"$'\n'"rebuilds: $(grep -c . "$LOAD/rebuild.txt") swapped in under the load, $bad failed or not served"
fi

load_rc=0
wait "$LOAD_PID" || load_rc=$?
LOAD_PID=""

say "stopping kb serve with SIGTERM"
kill -TERM "$KB_SERVE_PID"
stopped="did not stop within 15 s"
for _ in $(seq 1 30); do
  if ! kill -0 "$KB_SERVE_PID" 2>/dev/null; then
    code=0
    wait "$KB_SERVE_PID" 2>/dev/null || code=$?
    stopped="stopped (exit $code, 143 being SIGTERM's; 'kb serve: stopped' printed: $(grep -c 'kb serve: stopped' "$LOAD/kb-serve.log" || true))"
    break
  fi
  sleep 0.5
done
KB_SERVE_PID=""

{
  echo
  echo "${rebuild:-no rebuild}"
  echo "kb serve: $stopped; its log: $(grep -c . "$LOAD/kb-serve.log") lines, $(grep -c -E 'WARN|ERROR' "$LOAD/kb-serve.log") warnings or errors, $(grep -c -E '^[[:space:]]+at ' "$LOAD/kb-serve.log") stack-trace lines"
  echo "request log: $(grep -c . "$LOAD/requests.log") lines, $(grep -c -E ' 5[0-9][0-9] [0-9]+ ms$' "$LOAD/requests.log") with a 5xx status"
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); in all $((SECONDS - start)) s"
} | tee -a "$LOAD/results.txt"
exit "$load_rc"
