#!/usr/bin/env bash
# kb on a local 3-node OpenSearch 3.3 cluster with the dev corpus: publishing, incremental
# publishing, and faults, with the figures the README's "Scaling out" section reports.
#
#   bench/cluster.sh            # everything (~20 min on 2 cores)
#   BUILD=0                     # reuse target/bench/index and site (query-time changes only)
#   CLIENTS=50 DURATION=60      # the load on kb serve --opensearch during the faults
#   STEPS="1 2 3 4"             # which of the steps below to run
#
# 1. Publish: the dev corpus built (target/bench/site, index) and published in full (3 shards,
#    1 replica); a copy of the sources with 3 articles edited, 2 added (Q999001, Q999002) and 2
#    deleted, built and published with --incremental (the counts it sent), then published in full
#    under another alias: ClusterIndexDiff checks that the two hold the same documents.
# 2. A node killed (SIGKILL) 10 s into a full publish: the publish's exit and message, and what
#    the alias points to afterwards (its document count against the build's).
# 3. A node killed 20 s into a 60 s load of 50 clients on kb serve --opensearch: errors,
#    throughput and p99 before and after, and when the last error came.
# 4. A full publish of the edited build while the same load runs: errors, and whether the two new
#    articles are found as soon as the publish returns.
# The cluster is started afresh (empty) before 2, 3 and 4. Results: target/bench/cluster/*.txt.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap 'kb_serve_stop; opensearch_cluster_stop' EXIT

step() { [[ " ${STEPS:-1 2 3 4} " == *" $1 "* ]]; }
OUT="$BENCH/cluster"
if step 1; then rm -rf "$OUT"; fi
mkdir -p "$OUT"
start=$SECONDS
bench_corpus
bench_compile
bench_kb_index
KB=("$JAVA" --enable-native-access=ALL-UNNAMED -jar "$KB_HOME/$BENCH/kb/kb.jar")

# The cluster started afresh, with the dev corpus's build published under alias kbc; sets URLS.
fresh_cluster_with_build() {
  opensearch_cluster_stop
  opensearch_cluster_start
  URLS="$OPENSEARCH_CLUSTER_URLS"
  "${KB[@]}" publish --no-progress --index "$BENCH/index" --opensearch "$URLS" --alias kbc > /dev/null
}

alias_count() { # alias -> "index count"
  local url="${OPENSEARCH_CLUSTER_URLS%%,*}" index
  index="$(curl -fsS "$url/_cat/aliases/$1?h=index" | tr -d ' \n')"
  echo "$index $(curl -fsS "$url/$1/_count" | sed -E 's/.*"count":([0-9]+).*/\1/')"
}

# -- 1. Full and incremental publish ---------------------------------------------------------------
opensearch_cluster_start
URLS="$OPENSEARCH_CLUSTER_URLS"
if step 1; then
"${KB[@]}" publish --no-progress --index "$BENCH/index" --opensearch "$URLS" --alias kbc | tee "$OUT/publish-full.txt"

say "editing a copy of the sources: 3 articles changed, 2 added, 2 deleted"
cp -al "$SOURCES" "$OUT/sources"
mapfile -t articles < <(find "$OUT/sources/kb" -name README.md -path '*/Q*' | sort | head -n 7)
for f in "${articles[@]:0:3}"; do
  # a sentence at the start of the first section (under its ==== line), inside the article's text
  sed -i '0,/^\t=\+$/s//&\n\tThis article was edited for the cluster benchmark./' "$f"
  grep -q "edited for the cluster benchmark" "$f" || die "could not edit $f"
done
for n in 1 2; do
  from="$(dirname "${articles[$((2 + n))]}")"
  id="$(basename "$from")"
  to="$OUT/sources/kb/999/Q99900$n"
  mkdir -p "$to"
  sed "s/$id/Q99900$n/g; s/${id#Q}/99900$n/g" "$from/README.md" > "$to/README.md"
done
rm -rf "$(dirname "${articles[5]}")" "$(dirname "${articles[6]}")"
"${KB[@]}" build --no-progress --source "$OUT/sources" --dest "$OUT/site" --index "$OUT/index" > "$OUT/build.txt" 2>&1 \
  || { tail -n 20 "$OUT/build.txt" >&2; die "the edited copy does not build"; }
"${KB[@]}" publish --no-progress --index "$OUT/index" --opensearch "$URLS" --alias kbc --incremental \
  | tee "$OUT/publish-incremental.txt"
"${KB[@]}" publish --no-progress --index "$OUT/index" --opensearch "$URLS" --alias kbcfull | tee -a "$OUT/publish-full.txt"
bench_java kb.bench.ClusterIndexDiff --opensearch "$URLS" --left kbc --right kbcfull | tee "$OUT/incremental-equals-full.txt"
fi

# -- 2. A node killed during a publish --------------------------------------------------------------
if step 2; then
fresh_cluster_with_build
before="$(alias_count kbc)"
set +e
"${KB[@]}" publish --no-progress --index "$OUT/index" --opensearch "$URLS" --alias kbc > "$OUT/publish-kill.out" 2>&1 &
publish=$!
sleep 10
bench/opensearch-cluster.sh kill 1 >&2
wait "$publish"
code=$?
set -e
{
  echo "node n1 killed 10 s into a full publish: exit $code"
  sed 's/^/  /' "$OUT/publish-kill.out"
  echo "  alias kbc before: $before (index, documents)"
  echo "  alias kbc after:  $(alias_count kbc) (the build: $(grep -o '^kb publish: [0-9]*' "$OUT/publish-incremental.txt" | grep -o '[0-9]*$') documents)"
} | tee "$OUT/fault-publish.txt"
fi

# -- 3. A node killed under load --------------------------------------------------------------------
if step 3; then
fresh_cluster_with_build
kb_serve_start --site "$BENCH/site" --opensearch "$URLS" --alias kbc
bench_java kb.bench.ClusterFaultsBenchmark --kb "$KB_SERVE_URL" --sources "$SOURCES" --clients "${CLIENTS:-50}" \
  --duration "${DURATION:-60}" --at 20 --run "bench/opensearch-cluster.sh kill 1" --label "node n1 killed (SIGKILL)" \
  --out "$OUT/fault-load.txt"
kb_serve_stop
fi

# -- 4. A publish while serving (needs step 1's edited build) ----------------------------------------
if step 4; then
fresh_cluster_with_build
kb_serve_start --site "$OUT/site" --opensearch "$URLS" --alias kbc
bench_java kb.bench.ClusterFaultsBenchmark --kb "$KB_SERVE_URL" --sources "$OUT/sources" --clients "${CLIENTS:-50}" \
  --duration "${DURATION:-60}" --at 10 --expect Q999001,Q999002 --label "a full publish (2 articles added)" \
  --run "$(printf '%q ' "${KB[@]}") publish --no-progress --index $OUT/index --opensearch $URLS --alias kbc" \
  --out "$OUT/publish-while-serving.txt"
kb_serve_stop
fi

say "done in $((SECONDS - start)) s; results in $OUT"
