#!/usr/bin/env bash
# The editing-loop benchmark of issue 16: how long after a save `kb serve --watch` serves the
# edited page and finds the new word, on the whole archive's size.
#
#   bench/watch.sh
#   SET=whole            which source set of bench/build.sh (whole = 60,864 articles, dev = 30,432)
#   EDITS=8              how many saves, each of another article, one at a time
#   DURING=6             then how many saves made during rebuilds: each 1.5 s after the last one
#                        was shown, while its rebuild still runs (kb interrupts the rebuild,
#                        previews the save, and rebuilds again); 0 skips them
#   PORT=4391            the port kb serve listens on (127.0.0.1)
#
# It needs the source sets bench/build.sh makes (target/bench-build/SET; run that first). kb
# serves into target/bench-build/watch-SET/ (site, index, state: the first start is a clean build,
# later ones build on what is there). For each edit it puts a new word (never seen before) into an
# article, notes the time of the save, then asks every 20 ms, until both hold or 60 s pass:
#   page    GET the article's URL holds the word (what an open browser reloads to)
#   search  GET /api/search?q=WORD answers the article
# and prints both delays, whether kb previewed the edit (the page and its search document shown
# before the rebuild, see README) and kb's own rebuild line with its phases (--timings): the
# rebuild's time is how long until the rest of the site (listings, related lists) is up to date.
# The articles are put back as they were at the end (also after an interrupted run). Timing: the
# script's clock (date +%s%N) around kb, so the delays include the watcher's quiet time (100 ms),
# the preview or the rebuild, and the index reopening.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SET="${SET:-whole}"
EDITS="${EDITS:-8}"
PORT="${PORT:-4391}"
BB="target/bench-build"
SRC="$BB/$SET"
OUT="$BB/watch-$SET"
LOG="$OUT/serve.log"
SAVED="$OUT/originals"
[ -d "$SRC/kb" ] || die "no source set $SRC: run bench/build.sh first (it makes target/bench-build/$SET)"
DURING="${DURING:-6}"
[[ "$EDITS" =~ ^[1-9][0-9]*$ ]] && [[ "$DURING" =~ ^[0-9]+$ ]] || die "EDITS and DURING must be numbers"
command -v curl >/dev/null || die "curl is needed"
mkdir -p "$OUT"

SERVE_PID=""
finish() {
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null || true
  if [ -d "$SAVED" ]; then
    local f
    while IFS= read -r -d '' f; do cp -p "$f" "$SRC/${f#"$SAVED"/}"; done < <(find "$SAVED" -type f -print0)
    rm -rf "$SAVED"
  fi
}
trap finish EXIT
finish # articles an interrupted run left edited

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

say "kb $(git rev-parse --short HEAD), $SET set ($(find "$SRC/kb" -mindepth 3 -maxdepth 3 -name README.md | wc -l) articles), $(nproc) cores"
say "starting kb serve --watch (the first build may be a clean one: minutes on the whole set)"
./kb serve --watch --timings --no-progress --request-log none --port "$PORT" \
  --source "$SRC" --site "$OUT/site" --index "$OUT/index" >"$LOG" 2>&1 &
SERVE_PID=$!
ROOT=""
for _ in $(seq 1 1800); do
  ROOT=$(sed -n 's/^kb serve: \(http:[^ ]*\) (site.*/\1/p' "$LOG" | head -n 1)
  [ -n "$ROOT" ] && break
  kill -0 "$SERVE_PID" 2>/dev/null || { tail -n 20 "$LOG" >&2; die "kb serve stopped (log: $LOG)"; }
  sleep 1
done
[ -n "$ROOT" ] || die "kb serve did not start within 30 minutes (log: $LOG)"
ORIGIN="$(echo "$ROOT" | sed 's#^\(http://[^/]*\).*#\1#')"
API="$ORIGIN/api/search"
curl -sf "$API?q=windows" >/dev/null || die "no search API at $API"
say "serving $ROOT; first build: $(grep -m1 '^kb serve: built' "$LOG" | sed 's/.* errors in //')"

# Articles to edit: spread over the set, the same ones every run.
mapfile -t ARTICLES < <(find "$SRC/kb" -mindepth 3 -maxdepth 3 -name README.md | sort | awk -v n="$((EDITS + DURING))" \
  'BEGIN { srand(16) } { a[NR] = $0 } END { step = int(NR / n); for (i = 0; i < n; i++) print a[1 + i * step + int(rand() * step)] }')

# Saves article number $1 (a new word in a prose line) and waits until the page served holds the
# word and the search API finds it; with $2 = wait, also until kb's rebuild line for it. Appends
# to page_ms, search_ms (and rebuild_s); prints a line.
previews=0
edit_one() {
  local i=$1 mode=$2 file rel url word lines_before saved page search t rebuilt phases previewed shown
  file="${ARTICLES[$((i - 1))]}"
  rel="${file#"$SRC"/}"
  url="$ROOT${rel%README.md}"
  # Six random bytes as letters (od reads just those: no pipe cut short under pipefail).
  word="kbwatch$(od -An -N6 -tx1 /dev/urandom | tr -dc '0-9a-f' | tr '0-9' 'g-p')"
  mkdir -p "$SAVED/$(dirname "$rel")"
  [ -f "$SAVED/$rel" ] || cp -p "$file" "$SAVED/$rel"
  lines_before=$(grep -c '^kb serve: rebuilt' "$LOG" || true)
  # The word goes after the first " the " of a prose line below the front matter (not a heading,
  # a table or code): a typo fixed in the text.
  perl -i -pe 'BEGIN { $w = shift } $fm++ if /^---\s*$/; if ($fm >= 2 && !$done && !/^\s*[#|<`{>]/ && !/^ {4}/ && s/ the / the $w /) { $done = 1 }' "$word" "$file"
  grep -q "$word" "$file" || die "could not edit $rel"
  saved=$(now_ms)
  page=""; search=""
  while [ -z "$page" ] || [ -z "$search" ]; do
    t=$(now_ms)
    [ $((t - saved)) -lt 60000 ] || die "edit $i ($rel): not served within 60 s (log: $LOG)"
    if [ -z "$page" ] && curl -s "$url" | grep -q "$word"; then page=$(( $(now_ms) - saved )); fi
    if [ -z "$search" ] && curl -s "$API?q=$word" | grep -q "${rel%README.md}"; then search=$(( $(now_ms) - saved )); fi
    sleep 0.02
  done
  page_ms+=("$page"); search_ms+=("$search")
  if [ "$mode" != wait ]; then
    printf '[bench] save %d %-32s page %5d ms  search %5d ms  (during a rebuild)\n' "$i" "$rel" "$page" "$search" >&2
    return
  fi
  # kb's own line for this rebuild: with a preview the page and search come before it, so wait
  # for it (the next save must not land in this rebuild).
  for _ in $(seq 1 1200); do
    [ "$(grep -c '^kb serve: rebuilt' "$LOG" || true)" -gt "$lines_before" ] && break
    sleep 0.1
  done
  rebuilt=$( (grep '^kb serve: rebuilt' "$LOG" || true) | tail -n 1 | sed 's/.* errors in \([0-9.]* s\).*/\1/')
  phases=$( (grep '^kb serve: phases' "$LOG" || true) | tail -n 1 | sed 's/^kb serve: phases: //')
  previewed=$( (grep '^kb serve: previewed' "$LOG" || true) | wc -l)
  if [ "$previewed" -gt "$previews" ]; then
    previews=$previewed
    shown="preview $(grep '^kb serve: previewed' "$LOG" | tail -n 1 | sed 's/.*) in \([0-9.]* s\).*/\1/')"
  else
    shown="no preview"
  fi
  printf '[bench] edit %d %-32s page %5d ms  search %5d ms  (%s; rebuild %s: %s)\n' "$i" "$rel" "$page" "$search" "$shown" "$rebuilt" "$phases" >&2
  rebuild_s+=("${rebuilt% s}")
}

page_ms=(); search_ms=(); rebuild_s=()
for i in $(seq 1 "$EDITS"); do
  edit_one "$i" wait
  sleep 1 # the next save after this rebuild, as a writer would
done
after_page=("${page_ms[@]}"); after_search=("${search_ms[@]}")

page_ms=(); search_ms=()
if [ "$DURING" -gt 0 ]; then
  interrupted_before=$( (grep 'interrupted after' "$LOG" || true) | wc -l)
  lines_before=$(grep -c '^kb serve: rebuilt' "$LOG" || true)
  for i in $(seq $((EDITS + 1)) $((EDITS + DURING))); do
    [ "$i" -gt "$((EDITS + 1))" ] && sleep 1.5 # the previous save's rebuild still runs
    lines_last=$(grep -c '^kb serve: rebuilt' "$LOG" || true)
    edit_one "$i" during
  done
  for _ in $(seq 1 1200); do # the rebuild after the last save: the run ends with the site up to date
    [ "$(grep -c '^kb serve: rebuilt' "$LOG" || true)" -gt "$lines_last" ] && break
    sleep 0.1
  done
  interrupted=$(( $( (grep 'interrupted after' "$LOG" || true) | wc -l) - interrupted_before ))
  rebuilds_during=$(( $(grep -c '^kb serve: rebuilt' "$LOG" || true) - lines_before ))
fi
during_page=("${page_ms[@]}"); during_search=("${search_ms[@]}")

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
echo
echo "kb serve --watch, $SET set, $EDITS saves: median page $(median "${after_page[@]}") ms, search $(median "${after_search[@]}") ms after the save"
echo "  page:   $(printf '%s ' "${after_page[@]}")ms"
echo "  search: $(printf '%s ' "${after_search[@]}")ms"
echo "  rebuilds (the whole site up to date, from the watcher's start): $(printf '%s ' "${rebuild_s[@]}")s; $previews of $EDITS saves previewed"
if [ "$DURING" -gt 0 ]; then
  echo "$DURING saves during rebuilds (1.5 s apart once shown): median page $(median "${during_page[@]}") ms, search $(median "${during_search[@]}") ms after the save"
  echo "  page:   $(printf '%s ' "${during_page[@]}")ms"
  echo "  search: $(printf '%s ' "${during_search[@]}")ms"
  echo "  rebuilds interrupted: $interrupted; rebuilds done: $rebuilds_during (the last brings the whole site up to date)"
fi
echo "  target (issue 16): both within 1000 ms"
