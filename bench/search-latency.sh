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
#   CLUSTER=1                                # on the local 3-node cluster instead (below)
#   BASELINE=REV                             # also kb at git revision REV (its own build of the same
#                                            # sources), loaded in the same run before kb
#   ROUNDS=1                                 # load each target that many times per setup (order alternating)
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

BASE_SERVE_PID=""
trap 'kb_serve_stop; [ -z "$BASE_SERVE_PID" ] || kill "$BASE_SERVE_PID" 2>/dev/null; opensearch_stop; [ "${CLUSTER:-0}" = "0" ] || opensearch_cluster_stop' EXIT

# Disk usage (du) of a folder, and the sum of its files' sizes, in bytes.
du_bytes() { echo $(($(du -sk "$1" | cut -f1) * 1024)); }
file_bytes() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

TARGETS="${TARGETS:-kb opensearch}"
start=$SECONDS
bench_corpus
bench_compile
args=(--sources "$SOURCES" --out "$BENCH" --clients "${CLIENTS:-50}" --duration "${DURATION:-60}"
      --warmup "${WARMUP:-10}" --setups "${SETUPS:-repeated,distinct}" --per-kind "${PER_KIND:-500}"
      --distinct-per-kind "${DISTINCT_PER_KIND:-15000}" --rounds "${ROUNDS:-1}")

if [ "${CLUSTER:-0}" != "0" ]; then
  opensearch_cluster_start
fi
if [[ " $TARGETS " == *" kb "* ]]; then
  kb help serve >/dev/null 2>&1 || die "this kb has no 'serve' command (run with TARGETS=opensearch)"
  bench_kb_index
  if [ "${CLUSTER:-0}" != "0" ]; then
    say "publishing kb's index to the cluster"
    kb publish --no-progress --index "$BENCH/index" --opensearch "$OPENSEARCH_CLUSTER_URLS" --alias kbbench >&2
    kb_serve_start --site "$BENCH/site" --opensearch "$OPENSEARCH_CLUSTER_URLS" --alias kbbench
    args+=(--kb-name "kb serve --opensearch")
  else
    kb_serve_start --site "$BENCH/site" --index "$BENCH/index"
  fi
  args+=(--kb "$KB_SERVE_URL")
  if [ -n "${BASELINE:-}" ]; then
    [ "${CLUSTER:-0}" = "0" ] || die "BASELINE is for kb's own index, not CLUSTER=1"
    base="$BENCH/baseline"
    kb_jar_at "$BASELINE" "$base"
    say "building kb $BASELINE's site and index of $SOURCES"
    "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$base/kb.jar" build --source "$SOURCES" --dest "$base/site" \
      --index "$base/index" --no-progress >"$base/build.log" 2>&1 || die "kb $BASELINE's build failed (log: $base/build.log)"
    port="$(free_port 18180)"
    "$JAVA" --enable-native-access=ALL-UNNAMED ${KB_JAVA_OPTS:-} -jar "$base/kb.jar" \
      serve --port "$port" --request-log none --site "$base/site" --index "$base/index" >"$base/serve.log" 2>&1 9>&- &
    BASE_SERVE_PID=$!
    wait_http "http://127.0.0.1:$port/api/search?q=windows&size=10" 120 "$BASE_SERVE_PID" \
      || die "kb $BASELINE's serve did not answer (log: $base/serve.log)"
    args+=(--kb-baseline "http://127.0.0.1:$port" --kb-baseline-name "kb $BASELINE")
  fi
  args+=(--kb-index-du "$(du_bytes "$BENCH/index")" --kb-index-bytes "$(file_bytes "$BENCH/index")")
fi
args+=(--sources-du "$(du_bytes "$SOURCES")" --sources-bytes "$(file_bytes "$SOURCES")")
if [[ " $TARGETS " == *" opensearch "* ]]; then
  if [ "${CLUSTER:-0}" != "0" ]; then
    args+=(--opensearch "${OPENSEARCH_CLUSTER_URLS%%,*}" --opensearch-shards 3 --opensearch-replicas 1 --opensearch-merge false)
  else
    opensearch_start
    args+=(--opensearch "$OPENSEARCH_URL")
  fi
fi

bench_java kb.bench.SearchLatencyBenchmark "${args[@]}"
say "done in $((SECONDS - start)) s"
