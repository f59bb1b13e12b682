#!/usr/bin/env bash
# How related kb's related articles are, against OpenSearch's more_like_this: for every article of
# the dev corpus that cites, or is cited by, another article of the site, whether its related
# list holds one of those, and their recall in the list (top 5).
#
#   bench/related-quality.sh       # ~5 min after the build on 2 cores
#   OPENSEARCH=0                   # kb only
#   BUILD=0                        # reuse target/bench/index and site
#
# kb's lists are read from its pages (target/bench/site), as readers see them. Each article's own
# citation links are hidden from its list by construction (kb.related.RelatedFinder): its words
# leave out cited IDs and titles, and citations count only as links of other articles (the
# articles like it vouch for what they cite or are cited by), never from or to the article itself.
# OpenSearch: a single node (bench/lib.sh's), an index of the same articles (title and body,
# english analyzer), more_like_this on title and body with its default parameters.
# Results: target/bench/related-quality.txt.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap 'opensearch_stop' EXIT

start=$SECONDS
bench_corpus
bench_compile
bench_kb_index
args=(--sources "$SOURCES" --site "$BENCH/site" --out "$BENCH")
if [ "${OPENSEARCH:-1}" != "0" ]; then
  opensearch_start
  args+=(--opensearch "$OPENSEARCH_URL")
fi
bench_java kb.bench.RelatedQualityBenchmark "${args[@]}"
say "done in $((SECONDS - start)) s"
