#!/usr/bin/env bash
# Search latency under load: kb serve against a stock OpenSearch 3.3 (tuned query), same queries.
#
#   bench/search-latency.sh                  # both setups, 50 clients, 60 s each (~8 min on 2 cores)
#   SETUPS=repeated                          # the search issue's setup only (or: distinct)
#   DURATION=60 CLIENTS=50 WARMUP=10         # seconds, concurrent clients, warm-up seconds
#   TARGETS="kb opensearch"                  # what to load (either or both)
#   PER_KIND=500                             # repeated setup: queries per kind (as the quality benchmark samples them)
#   DISTINCT_PER_KIND=15000                  # distinct setup: queries per kind (fewer if the corpus has fewer)
#   BUILD=0                                  # reuse target/bench/index and site
#
# Extracts the dev corpus, builds kb's site and index into target/bench/, starts kb serve on it
# and an OpenSearch node with the same articles, then sends the benchmark's mixed queries from
# CLIENTS closed-loop clients for DURATION seconds to each, one after the other, in two setups:
# "repeated", 2,500 queries (500 per kind, as the quality benchmark samples them) over and over
# (the search issue's setup; kb answers repeats from its result cache), and "distinct", up to
# 15,000 per kind, each sent once per target, so no result cache helps. Prints requests, errors
# and latency percentiles per setup and target, and the index sizes.
# Results: target/bench/search-latency.{txt,json}.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KB_SERVE_PID=""
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
trap 'kb_serve_stop; opensearch_stop' EXIT

# Disk usage (du) of a folder, and the sum of its files' sizes, in bytes.
du_bytes() { echo $(($(du -sk "$1" | cut -f1) * 1024)); }
file_bytes() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

TARGETS="${TARGETS:-kb opensearch}"
start=$SECONDS
bench_corpus
bench_compile
args=(--sources "$SOURCES" --out "$BENCH" --clients "${CLIENTS:-50}" --duration "${DURATION:-60}"
      --warmup "${WARMUP:-10}" --setups "${SETUPS:-repeated,distinct}" --per-kind "${PER_KIND:-500}"
      --distinct-per-kind "${DISTINCT_PER_KIND:-15000}")

if [[ " $TARGETS " == *" kb "* ]]; then
  kb help serve >/dev/null 2>&1 || die "this kb has no 'serve' command (run with TARGETS=opensearch)"
  bench_kb_index
  port="$(free_port "${KB_PORT:-18080}")"
  say "starting kb serve on 127.0.0.1:$port (log: $BENCH/kb-serve.log)"
  # Not through the kb function: $! must be the JVM itself, for kb_serve_stop.
  "$JAVA" --enable-native-access=ALL-UNNAMED ${KB_JAVA_OPTS:-} -jar "$BENCH/kb/kb.jar" \
    serve --site "$BENCH/site" --index "$BENCH/index" --port "$port" >"$BENCH/kb-serve.log" 2>&1 9>&- &
  KB_SERVE_PID=$!
  if ! wait_http "http://127.0.0.1:$port/api/search?q=windows&size=10" 120 "$KB_SERVE_PID"; then
    tail -n 30 "$BENCH/kb-serve.log" >&2
    die "kb serve did not answer on port $port"
  fi
  args+=(--kb "http://127.0.0.1:$port")
  args+=(--kb-index-du "$(du_bytes "$BENCH/index")" --kb-index-bytes "$(file_bytes "$BENCH/index")")
fi
args+=(--sources-du "$(du_bytes "$SOURCES")" --sources-bytes "$(file_bytes "$SOURCES")")
if [[ " $TARGETS " == *" opensearch "* ]]; then
  opensearch_start
  args+=(--opensearch "$OPENSEARCH_URL")
fi

bench_java kb.bench.SearchLatencyBenchmark "${args[@]}"
say "done in $((SECONDS - start)) s"
