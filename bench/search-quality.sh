#!/usr/bin/env bash
# Search quality of kb side by side with a stock OpenSearch 3.3 (plain and tuned queries, and the
# tuned query on unstemmed subfields; the table's "best peer" is the best of the three), and
# with kb's own queries answered by an OpenSearch cluster (kb publish + kb serve --opensearch).
#
#   bench/search-quality.sh              # the whole comparison (~12 min on 2 cores)
#   OPENSEARCH=0 bench/search-quality.sh # kb's column only
#   PER_KIND=500                         # a sample of 500 queries per kind (default: all, a query
#                                        # of each kind from every article that has one)
#   SEED=1                               # other random choices (words, letters, sample; default 20240611)
#   BUILD=0                              # reuse target/bench/index (query-time changes only)
#
# Extracts the dev corpus, builds kb's index with kb build into target/bench/index, generates the
# query sets from the articles (fixed seeds), runs them on kb in process; then starts a local
# 3-node OpenSearch cluster (bench/opensearch-cluster.sh's), publishes kb's index to it (3
# shards, 1 replica: `kb publish`), runs them through `kb serve --opensearch` (kb via
# OpenSearch), and on a stock OpenSearch index of the same articles (plain, tuned, tuned unstemmed);
# prints one table. Results: target/bench/search-quality.{txt,json}, target/bench/kb-misses.txt
# (every query kb missed), target/bench/search-quality-kb.txt (kb's column, written first),
# target/bench/ranks.tsv (each query's target rank per engine), target/bench/queries.tsv.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap 'kb_serve_stop; opensearch_cluster_stop' EXIT

start=$SECONDS
bench_corpus
bench_compile
bench_kb_index
args=(--sources "$SOURCES" --index "$BENCH/index" --out "$BENCH" --per-kind "${PER_KIND:-all}" --seed "${SEED:-20240611}")
if [ "${OPENSEARCH:-1}" != "0" ]; then
  opensearch_cluster_start
  say "publishing kb's index to the cluster"
  kb publish --no-progress --index "$BENCH/index" --opensearch "$OPENSEARCH_CLUSTER_URLS" --alias kbbench >&2
  kb_serve_start --site "$BENCH/site" --opensearch "$OPENSEARCH_CLUSTER_URLS" --alias kbbench
  args+=(--kb-serve "$KB_SERVE_URL" --opensearch "${OPENSEARCH_CLUSTER_URLS%%,*}")
fi
bench_java kb.bench.SearchQualityBenchmark "${args[@]}"
say "done in $((SECONDS - start)) s"
