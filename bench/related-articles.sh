#!/usr/bin/env bash
# Related articles on the dev corpus: every article's candidates (top 10, with scores and the
# article's own score) and its citations, for choosing RelatedArticles' cut-off.
#
#   bench/related-articles.sh     # ~5 min after the build on 2 cores
#   BUILD=0                       # reuse target/bench/index
#
# Writes target/bench/related.tsv (id, self score, rank, candidate id, score) and
# target/bench/citations.tsv (id, cited ids). An article citing or cited by another is the
# ground truth: of those, how many does its related list hold, and how long is the list.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

start=$SECONDS
bench_corpus
bench_compile
bench_kb_index
bench_java kb.bench.RelatedArticlesBenchmark --sources "$SOURCES" --index "$BENCH/index" --out "$BENCH"
say "done in $((SECONDS - start)) s"
