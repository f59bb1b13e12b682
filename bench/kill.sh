#!/usr/bin/env bash
# The kill test of issue 17: builds of the dev corpus into an existing site and index are killed
# with SIGKILL at random moments. After each kill the site must be, byte for byte, either the one
# in place before the build or the one the build was making; with the site before, the index must
# answer a few searches exactly as before the build; with the new site, the index must be the new
# one too (it finds the article only version B has iff the site is B's). At the end a build left
# to finish must give the right site and index.
#
#   bench/kill.sh
#   KILLS=20        how many builds to kill
#   SEED=17         the random seed (kill moments, versions, clean or incremental)
#
# Two versions of the sources alternate, so that a build always has something to change: A is the
# dev corpus, B is A with 5 articles edited, one deleted and one added. Each is built once, whole,
# as the reference (its site's digest and its answers to a few searches). Each kill then picks a
# version and a kind of build (incremental or --clean) and kills it at a random moment between
# 0.2 s and the time such a build takes to finish. (Answers are compared with the same folder's
# answers before the build, not with another build's: an index updated in place and a fresh one
# may order equal scores differently.)
#
# Everything is under target/bench-kill/ (never in the repository). Prints one line per kill and
# a summary; exits non-zero when any check fails.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KILLS="${KILLS:-20}"
SEED="${SEED:-17}"
RANDOM="$SEED"
W="target/bench-kill"
QUERIES=("inventory resynchronization" "printer driver" "setup error windows 95" "Q319864")

bench_corpus
bench_compile
rm -rf "$W"
mkdir -p "$W/versions/A" "$W/versions/B"

say "copying the dev corpus into $W/src"
cp -r "$SOURCES" "$W/src"

# The articles that differ between A and B: five edited, one only in A, one only in B.
mapfile -t ARTICLES < <(cd "$W/src" && find kb -name README.md | sort | awk 'NR % 4000 == 1' | head -n 6)
[ "${#ARTICLES[@]}" -eq 6 ] || die "expected 6 articles to vary, found ${#ARTICLES[@]}"
for path in "${ARTICLES[@]}"; do
  mkdir -p "$W/versions/A/$(dirname "$path")" "$W/versions/B/$(dirname "$path")"
  cp "$W/src/$path" "$W/versions/A/$path"
done
for path in "${ARTICLES[@]:0:5}"; do
  # An edit that changes the text, the title and the search answers.
  sed -e '0,/^title: /s/^title: "\(.*\)"$/title: "\1 (revised)"/' -e 's/ the / the revised /' \
    "$W/versions/A/$path" >"$W/versions/B/$path"
done
DELETED="${ARTICLES[5]}"
ADDED="kb/999/Q999901/README.md"
mkdir -p "$W/versions/B/$(dirname "$ADDED")"
# A KB article as the archive writes them (an indented block with the header), so that it is
# indexed; its ID is found only in version B.
printf '%s\n' '---' 'layout: page' 'title: "Q999901: Kill Test Article Added in Version B"' \
  'permalink: /kb/999/Q999901/' '---' '' '## Q999901: Kill Test Article Added in Version B' '' '{% raw %}' '' \
  $'\tArticle: Q999901' $'\tProduct(s): Microsoft Systems Management Server' $'\tVersion(s): 2.0' \
  $'\tOperating System(s): ' $'\tKeyword(s): kbsms200' $'\tLast Modified: 13-MAY-2002' $'\t' \
  $'\t-------------------------------------------------------------------------------' \
  $'\tThe information in this article applies to:' $'\t' \
  $'\t- Microsoft Systems Management Server version 2.0 ' \
  $'\t-------------------------------------------------------------------------------' $'\t' \
  $'\tSUMMARY' $'\t=======' $'\t' \
  $'\tThis article exists only in version B of the kill test\'s sources.' $'\t' \
  $'\tAdditional query words: kill test' '' '{% endraw %}' >"$W/versions/B/$ADDED"

use_version() {
  local v="$1" path
  for path in "${ARTICLES[@]:0:5}"; do
    rm -f "$W/src/$path"
    cp "$W/versions/$v/$path" "$W/src/$path"
  done
  if [ "$v" = "A" ]; then
    mkdir -p "$W/src/$(dirname "$DELETED")"
    rm -f "$W/src/$DELETED" && cp "$W/versions/A/$DELETED" "$W/src/$DELETED"
    rm -rf "$W/src/$(dirname "$ADDED")"
  else
    rm -f "$W/src/$DELETED"
    mkdir -p "$W/src/$(dirname "$ADDED")"
    cp "$W/versions/B/$ADDED" "$W/src/$ADDED"
  fi
}

digest_site() {
  (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum | sha1sum | cut -c1-16)
}

# Whether the index finds the article only version B has: "B" or "A".
version_of_index() {
  # A hit's ID, not the query the answer repeats.
  if kb search --index "$1" --json --limit 5 "Q999901" | grep -qE '"id" *: *"Q999901"'; then echo B; else echo A; fi
}

answers() {
  local index="$1" q
  for q in "${QUERIES[@]}"; do
    kb search --index "$index" --json --limit 20 "$q" | grep -v '"took_ms"'
  done | sha1sum | cut -c1-16
}

build() { # folder [--clean]
  kb build --source "$W/src" --dest "$1/site" --index "$1/index" --no-progress ${2:-} >"$W/build.log" 2>&1
}

seconds() { date +%s.%N; }

say "reference build of version B"
use_version B
build "$W/ref-B" || { tail -n 20 "$W/build.log" >&2; die "the reference build of B failed"; }
DIGEST_B="$(digest_site "$W/ref-B/site")"
rm -rf "$W/ref-B"

say "reference build of version A, in the folders the kills will use"
use_version A
t0=$(seconds)
build "$W/live" || { tail -n 20 "$W/build.log" >&2; die "the reference build of A failed"; }
CLEAN_TIME=$(echo "$(seconds) - $t0" | bc)
DIGEST_A="$(digest_site "$W/live/site")"
[ "$(version_of_index "$W/live/index")" = A ] || die "version A's index finds B's article"
use_version B
t0=$(seconds)
build "$W/live" || die "the incremental build to B failed"
INCREMENTAL_TIME=$(echo "$(seconds) - $t0" | bc)
[ "$(digest_site "$W/live/site")" = "$DIGEST_B" ] || die "an incremental build from A to B differs from B's clean build"
[ "$(version_of_index "$W/live/index")" = B ] || die "version B's index does not find B's article"
CURRENT=B
BEFORE="$(answers "$W/live/index")"
say "a clean build takes ${CLEAN_TIME}s, an incremental one ${INCREMENTAL_TIME}s"

digest_of() { [ "$1" = A ] && echo "$DIGEST_A" || echo "$DIGEST_B"; }

failures=0
kept=0
published=0
printf '%-5s %-8s %-12s %-9s %-10s %s\n' kill version build "killed at" site result
for i in $(seq 1 "$KILLS"); do
  target=$([ "$CURRENT" = A ] && echo B || echo A)
  [ $((RANDOM % 2)) -eq 0 ] && target="$CURRENT" # sometimes the same sources: nothing visible changes
  kind=$([ $((RANDOM % 3)) -eq 0 ] && echo clean || echo incremental)
  limit=$([ "$kind" = clean ] && echo "$CLEAN_TIME" || echo "$INCREMENTAL_TIME")
  delay=$(echo "scale=2; 0.2 + ($limit - 0.2) * $((RANDOM % 1000)) / 1000" | bc)
  use_version "$target"
  build "$W/live" $([ "$kind" = clean ] && echo --clean) &
  pid=$!
  sleep "$delay"
  # Kill the JVM itself (the child of the shell function), not only the subshell.
  pkill -KILL -P "$pid" 2>/dev/null || true
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  site="$(digest_site "$W/live/site" 2>/dev/null || echo missing)"
  idx="$(answers "$W/live/index" 2>/dev/null || echo broken)"
  result=ok
  if [ "$site" = "$(digest_of "$CURRENT")" ] && [ "$idx" = "$BEFORE" ]; then
    which="previous"
    kept=$((kept + 1))
  elif [ "$target" != "$CURRENT" ] && [ "$site" = "$(digest_of "$target")" ] \
      && [ "$(version_of_index "$W/live/index")" = "$target" ]; then
    which="new"
    published=$((published + 1))
    CURRENT="$target"
    BEFORE="$idx"
  elif [ "$target" = "$CURRENT" ] && [ "$site" = "$(digest_of "$target")" ] \
      && [ "$(version_of_index "$W/live/index")" = "$target" ]; then
    which="rebuilt" # the same sources, built again: the same site; the index may have been recommitted
    published=$((published + 1))
    BEFORE="$idx"
  else
    which="OTHER"
    result="FAILED (site $site, index $idx)"
    failures=$((failures + 1))
  fi
  printf '%-5s %-8s %-12s %-9s %-10s %s\n' "$i" "$CURRENT->$target" "$kind" "${delay}s" "$which" "$result"
done

say "a last build, left to finish"
use_version A
build "$W/live" || { tail -n 20 "$W/build.log" >&2; die "the rerun after the kills failed"; }
final=ok
[ "$(digest_site "$W/live/site")" = "$DIGEST_A" ] || { final="FAILED: the site differs from A's clean build"; failures=$((failures + 1)); }
[ "$(version_of_index "$W/live/index")" = A ] || { final="FAILED: the index is not A's"; failures=$((failures + 1)); }

echo
echo "kills: $KILLS; site and index as before the build: $kept; the build's new site and index (it had published before the kill): $published; failed checks: $failures"
echo "rerun after the kills: $final"
[ "$failures" -eq 0 ]
