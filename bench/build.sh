#!/usr/bin/env bash
# The build benchmark of issue 16: what `kb build` costs on the whole archive's size and on the dev
# corpus, clean, after a one-article edit and after a template edit; with --vs-hugo, against Hugo
# rendering the same Markdown, measured alternately in the same run.
#
#   bench/build.sh [--vs-hugo]
#   CLEAN_RUNS=3 EDIT_RUNS=5          clean builds of each set (alternating), one-article edits per set
#   SETS="whole dev"                  which sets (whole = the dev corpus + a renumbered copy of it)
#   KINDS="edit edit-here template"   which incremental runs: one-article edits in the daemon, the same
#                                     without it (--no-daemon), the template edit
#   CHECK=1                           after the edits and after the template edit, compare the site
#                                     with a clean build's (0: skip)
#   INDEX_ALONE=1                     after each clean build of the whole set, write its index again
#                                     with kb's index writer alone (kb.bench.IndexAlone), timed in the
#                                     same loop: what the index costs by itself (0: skip)
#   OFFSET=1000                       what the copy adds to every ID (the dev corpus has the even
#                                     thousands, so the copy takes the odd ones, as in the archive)
#
# Everything it writes is under target/bench-build/ (never in the repository):
#   dev/, whole/        the source sets: a copy of the dev corpus (target/corpus/sources, extracted
#                       from $KB_CORPUS/kbarchive-dev-sources.tar.gz once, as .ci/run does) and the
#                       doubled set (60,864 articles for the dev corpus's 30,432); made once, remade
#                       when the corpus or bench/build-sets.pl changes
#   out/SET/            kb's output for a set: site/, index/ and whatever kb keeps beside them
#   hugo/               the Hugo site of the whole set (content/, layouts/, config.toml); out/hugo/ its output
#   edits/              the original files of the articles being edited (put back at the end)
#   edited-templates/   the theme with one string changed (not "templates/": kb would take a folder
#                       of that name beside a source set as the set's theme)
#   index-alone/        the index IndexAlone writes; classes/ that program, compiled with javac
#   runs.txt, logs/     every measurement; results.txt the table printed at the end
#
# kb runs through ./kb, as a user runs it (JVM start and the launcher's staleness check included),
# with its build daemon as a user has it: a clean build finds none (any left from an earlier run is
# stopped first), builds in its own process and starts one; the edits and the template edit run in
# it, their CPU and peak RSS being the client's plus the daemon's (its CPU during the run and
# while it writes the state after it, its peak RSS during the run). The one-article edits are also measured without it (--no-daemon: a JVM that
# reads the state from disk), as the row "1-article edit, here". The daemons stop at the end.
# without --strict: the archive holds a few real warnings (control characters, an SCSS file), which --strict makes errors; the links are checked either way.
# Timing: /usr/bin/time -v (wall, user+sys CPU, peak RSS). The machines are noisy: the ratios of
# figures measured alternately in one run are what count.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VS_HUGO=0
for arg in "$@"; do
  case "$arg" in
    --vs-hugo) VS_HUGO=1 ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$arg' (usage: bench/build.sh [--vs-hugo])" ;;
  esac
done
CLEAN_RUNS="${CLEAN_RUNS:-3}"
EDIT_RUNS="${EDIT_RUNS:-5}"
SETS="${SETS:-whole dev}"
OFFSET="${OFFSET:-1000}"
CHECK="${CHECK:-1}"
INDEX_ALONE="${INDEX_ALONE:-1}"
KINDS=" ${KINDS:-edit edit-here template} "
BB="target/bench-build"
OUT="$BB/out"
LOGS="$BB/logs"
EDITS="$BB/edits"
SETS_VERSION=1 # bump when the sets' layout changes (build-sets.pl's digest is checked too)
for s in $SETS; do
  [ "$s" = whole ] || [ "$s" = dev ] || die "SETS may hold 'whole' and 'dev', not '$s'"
done
[[ "$CLEAN_RUNS" =~ ^[1-9][0-9]*$ ]] && [[ "$EDIT_RUNS" =~ ^[0-9]+$ ]] || die "CLEAN_RUNS and EDIT_RUNS must be numbers"
command -v perl >/dev/null || die "perl is needed to make the source sets"
[ -x /usr/bin/time ] || die "/usr/bin/time is needed (Debian: apt-get install time)"
mkdir -p "$BB" "$OUT" "$LOGS"
trap 'restore_edits; stop_daemons' EXIT
export KB_DAEMON=on # this script measures builds as a user has them (lib.sh, and CI=true, turn it off)

# --- the source sets -------------------------------------------------------------------------

# Stops the build daemon of each set's output folder (kb build starts them); quiet when none runs.
stop_daemons() {
  local set
  for set in whole dev; do
    [ -f target/kb.jar ] && ./kb daemon --stop --dest "$OUT/$set/site" >/dev/null 2>&1 || true
  done
}

# The process ID of the daemon that builds into SET's site, if one runs.
daemon_pid() { # SET
  { pgrep -f "kb.cli.Main daemon --dest $(pwd -P)/$OUT/$1/site( |\$)" || true; } | head -n 1
}

# Waits until a process's CPU time stays the same for half a second (the daemon has written the
# state of the build it answered, or read the state when it starts).
settle() { # PID
  local before=-1 now
  now=$(process_cpu "$1")
  while [ "$now" != "$before" ]; do
    before=$now
    sleep 0.5
    now=$(process_cpu "$1")
  done
}

# A process's user + system CPU seconds so far (0 when there is none).
process_cpu() { # PID
  [ -n "$1" ] && [ -r "/proc/$1/stat" ] || { echo 0; return; }
  awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); print ($12 + $13) / hz}' "/proc/$1/stat"
}

# Puts back the original text of every article an edit changed (also after an interrupted run).
restore_edits() {
  [ -d "$EDITS" ] || return 0
  local f n=0
  while IFS= read -r -d '' f; do
    cp -p "$f" "$BB/${f#"$EDITS"/}"
    n=$((n + 1))
  done < <(find "$EDITS" -type f -print0)
  rm -rf "$EDITS"
  [ "$n" -eq 0 ] || say "put back the original text of $n edited article(s)"
}

# Makes target/bench-build/dev and whole (and hugo/ with --vs-hugo) unless they are up to date.
make_sets() {
  local archive stamp
  archive="${KB_CORPUS:-../shared/corpus}/kbarchive-dev-sources.tar.gz"
  stamp="v$SETS_VERSION offset $OFFSET $(stat -c '%s %Y' "$archive") $(cat target/corpus/sources.extracted) $(sha1sum bench/build-sets.pl | cut -c1-12)"
  if [ "$(cat "$BB/sets.stamp" 2>/dev/null)" != "$stamp" ]; then
    say "making the source sets in $BB (dev corpus copy, then the doubled set with IDs + $OFFSET)"
    rm -rf "$BB/dev" "$BB/whole" "$BB/hugo" "$BB/sets.stamp"
    cp -r "$SOURCES" "$BB/dev.tmp" && mv "$BB/dev.tmp" "$BB/dev"
    cp -r "$BB/dev" "$BB/whole.tmp"
    local copies
    copies=$(perl bench/build-sets.pl double "$BB/dev" "$BB/whole.tmp" "$OFFSET") || die "cannot make the doubled set"
    mv "$BB/whole.tmp" "$BB/whole"
    say "whole set: $(count_articles "$BB/whole") articles ($copies renumbered copies)"
    echo "$stamp" > "$BB/sets.stamp"
  fi
  DEV_ARTICLES=$(count_articles "$BB/dev")
  WHOLE_ARTICLES=$(count_articles "$BB/whole")
  [ "$WHOLE_ARTICLES" -eq $((2 * DEV_ARTICLES)) ] || die "the whole set has $WHOLE_ARTICLES articles, not 2 x $DEV_ARTICLES"
  if [ "$VS_HUGO" = 1 ]; then
    if [ "$(cat "$BB/hugo/hugo.stamp" 2>/dev/null)" != "$stamp" ]; then
      say "making the Hugo site of the whole set in $BB/hugo"
      rm -rf "$BB/hugo"
      perl bench/build-sets.pl hugo "$BB/whole" "$BB/hugo" >/dev/null || die "cannot make the Hugo site"
      echo "$stamp" > "$BB/hugo/hugo.stamp"
    fi
    hugo_layouts "$BB/hugo"
  fi
}

count_articles() { find "$1/kb" -mindepth 3 -maxdepth 3 -name README.md | wc -l; }

# Hugo's side: no taxonomies, RSS, sitemap or robots.txt; a page layout, a list layout, a base.
hugo_layouts() {
  mkdir -p "$1/layouts/_default"
  cat > "$1/config.toml" <<'TOML'
baseURL = "http://localhost/"
title = "KnowledgeBase Archive"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
disablePathToLower = true
[markup.goldmark.renderer]
unsafe = true
TOML
  cat > "$1/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} - {{ .Site.Title }}</title></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
  cat > "$1/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}
HTML
  cat > "$1/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
HTML
}

# Debian's hugo, installed when missing.
ensure_hugo() {
  command -v hugo >/dev/null && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "hugo is not installed, and installing it needs root or sudo"
    sudo=(sudo)
  fi
  say "installing Debian's hugo (apt-get install -y hugo)"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >"$LOGS/apt-hugo.log" 2>&1 \
    || { "${sudo[@]}" apt-get update -qq >>"$LOGS/apt-hugo.log" 2>&1 \
         && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >>"$LOGS/apt-hugo.log" 2>&1; } \
    || { tail -n 20 "$LOGS/apt-hugo.log" >&2; die "cannot install hugo (log: $LOGS/apt-hugo.log)"; }
}

# --- measuring -------------------------------------------------------------------------------

# The one place that knows what a clean build removes: kb's whole output folder for the set
# (site/, index/ and anything kb keeps beside them, such as its build state).
clean_outputs() {
  rm -rf "${OUT:?}/$1"
}

# Runs a command under /usr/bin/time -v and appends a line to runs.txt:
#   set kind n wall cpu rss_mb pages index_mb load
# measure SET KIND N PAGES_FROM(kb|hugo) INDEX_DIR -- COMMAND...
measure() {
  local set="$1" kind="$2" n="$3" tool="$4" index="$5" log load rc=0 daemon="" daemon_cpu=0
  shift 6
  log="$LOGS/$set-$kind-$n"
  sync
  [ "$tool" != kb ] || [[ " $* " == *" --no-daemon "* ]] || daemon=$(daemon_pid "$set")
  load=$(cut -d' ' -f1 /proc/loadavg) # the machine's load when the run starts: these machines are shared
  if [ -n "$daemon" ]; then
    daemon_cpu=$(process_cpu "$daemon")
    { echo 5 > "/proc/$daemon/clear_refs"; } 2>/dev/null || true # its peak RSS from now on
  fi
  /usr/bin/time -v -o "$log.time" "$@" >"$log.log" 2>&1 9>&- || rc=$?
  if [ "$rc" -ne 0 ]; then
    tail -n 20 "$log.log" >&2
    die "$set $kind build $n failed with exit code $rc (log: $log.log)"
  fi
  local wall cpu rss pages idx=""
  wall=$(awk -F': ' '/Elapsed/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log.time")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$log.time")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$log.time")
  if [ -n "$daemon" ] && [ -r "/proc/$daemon/status" ]; then
    # The build ran in the daemon: its CPU meanwhile, and its peak RSS during the run, added to
    # the client's. It writes the build state after answering: its CPU is read once that is done.
    settle "$daemon"
    cpu=$(awk -v a="$cpu" -v b="$(process_cpu "$daemon")" -v c="$daemon_cpu" 'BEGIN {print a + b - c}')
    rss=$(awk -v a="$rss" '/^VmHWM/ {printf "%.0f", a + $2 / 1024}' "/proc/$daemon/status")
  fi
  if [ "$tool" = index ]; then
    # The writing alone, as IndexAlone times it (not its JVM's start, nor its reading of the documents):
    # "index alone: 60911 documents, 2 threads: wall 19.3 s, CPU 36.1 s, index 220 MB"
    wall=$(sed -n 's/^index alone: .* wall \([0-9.]*\) s, CPU .*/\1/p' "$log.log")
    cpu=$(sed -n 's/^index alone: .* CPU \([0-9.]*\) s, .*/\1/p' "$log.log")
    [ -n "$wall" ] && [ -n "$cpu" ] || die "IndexAlone printed no figures (log: $log.log)"
    rss=0 # the documents it holds in memory are not the build's
  elif [ "$tool" = kb ]; then
    # "kb build: 30479 pages, 3540 generated, ..." (what the build wrote)
    pages=$(sed -n 's/^kb build: \([0-9]*\) pages, \([0-9]*\) generated.*/\1 \2/p' "$log.log" | awk '{print $1 + $2}' | head -n 1)
  else
    # Hugo's summary table: "Pages | 60866"
    pages=$(awk -F'|' '$1 ~ /^ *Pages *$/ {gsub(/ /, "", $2); print $2; exit}' "$log.log")
  fi
  [ -z "$index" ] || idx=$(du -sk "$index" | awk '{printf "%.0f", $1/1024}')
  echo "$set $kind $n $wall $cpu $rss ${pages:--} ${idx:--} $load" >> "$BB/runs.txt"
  printf '[bench] %-5s %-8s %d: %7.1f s wall, %7.1f s CPU, %5d MB peak RSS, %s pages (load %s)   %s\n' "$set" "$kind" "$n" \
    "$wall" "$cpu" "$rss" "${pages:--}" "$load" "$(grep -h 'phases:' "$log.log" | head -n 1 | sed 's/^kb build: //')" >&2
}

kb_clean() { # SET N
  local set="$1" n="$2"
  ./kb daemon --stop --dest "$OUT/$set/site" >/dev/null # a first build finds none
  clean_outputs "$set"
  mkdir -p "$OUT/$set"
  measure "$set" clean "$n" kb "$OUT/$set/index" -- ./kb build --no-progress --timings \
    --source "$BB/$set" --dest "$OUT/$set/site" --index "$OUT/$set/index"
  grep -q ' 0 broken links,.* 0 errors' "$LOGS/$set-clean-$n.log" \
    || die "the $set build reports broken links or errors (log: $LOGS/$set-clean-$n.log)"
  # The daemon it started reads the state: not while the next run is measured.
  local daemon
  daemon=$(daemon_pid "$set")
  [ -n "$daemon" ] || die "the clean build of $set started no build daemon (log: $LOGS/$set-clean-$n.log)"
  settle "$daemon"
}

# Writes the index of the whole set's last clean build again with kb's index writer alone (see
# INDEX_ALONE): a JVM of its own with the JIT options the launcher gives a build, and heap for the
# documents it reads first.
index_alone() { # N
  local n="$1"
  rm -rf "${BB:?}/index-alone"
  measure whole index "$n" index "$BB/index-alone" -- "$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC \
    -XX:InlineSmallCode=1000 -XX:MaxInlineLevel=9 -Xmx2g -cp "$BB/classes:target/kb.jar" kb.bench.IndexAlone \
    --index "$OUT/whole/index" --scratch "$BB/index-alone"
}

kb_again() { # SET KIND N [--templates DIR]: a build into the same folders (incremental when kb can)
  local set="$1" kind="$2" n="$3"
  shift 3
  measure "$set" "$kind" "$n" kb "$OUT/$set/index" -- ./kb build --no-progress --timings \
    --source "$BB/$set" --dest "$OUT/$set/site" --index "$OUT/$set/index" "$@"
}

check_clean() { # SET WHAT [kb build options]: the incremental site must be a clean build's, byte for byte
  local set="$1" what="$2"
  shift 2
  rm -rf "${OUT:?}/$set-check"
  ./kb build --no-progress --no-daemon --clean --source "$BB/$set" --dest "$OUT/$set-check/site" --index "$OUT/$set-check/index" "$@" \
    >"$LOGS/$set-check.log" 2>&1 || die "the clean build of the $set set ($what) failed (log: $LOGS/$set-check.log)"
  if diff -rq "$OUT/$set/site" "$OUT/$set-check/site" >"$LOGS/$set-check.diff"; then
    local files
    files=$(find "$OUT/$set/site" -type f | wc -l)
    say "$set: $what the site equals a clean build's, all $files files byte for byte"
    echo "$set $what: equal, $files files" >> "$BB/checks.txt"
  else
    say "$set: $what the site DIFFERS from a clean build's in $(wc -l < "$LOGS/$set-check.diff") files (see $LOGS/$set-check.diff)"
    echo "$set $what: DIFFERS in $(wc -l < "$LOGS/$set-check.diff") files" >> "$BB/checks.txt"
  fi
  rm -rf "${OUT:?}/$set-check"
}

hugo_clean() { # N
  rm -rf "$OUT/hugo" "$BB/hugo/resources" "$BB/hugo/.hugo_build.lock"
  measure whole hugo "$1" hugo "" -- hugo --source "$BB/hugo" --destination "$KB_HOME/$OUT/hugo"
}

# Changes one word of the text of article number N (of 2 x EDIT_RUNS, spread over the set) and prints
# what it changed. The original goes to edits/ and is put back at the end.
edit_article() { # SET N
  local set="$1" n="$2" file
  file=$(find "$BB/$set/kb" -mindepth 3 -maxdepth 3 -name README.md | sort \
    | awk -v n="$n" -v runs="$((2 * EDIT_RUNS))" '{a[NR]=$0} END {print a[int((n - 0.5) * NR / runs) + 1]}')
  [ -n "$file" ] || die "no article to edit in $BB/$set"
  mkdir -p "$EDITS/$(dirname "${file#"$BB"/}")"
  [ -f "$EDITS/${file#"$BB"/}" ] || cp -p "$file" "$EDITS/${file#"$BB"/}"
  # The first word of five letters or more of the body: after the header's "Last Modified:" line
  # and the "applies to" box between two dashed lines, when there is one.
  KB_EDIT="kbedit$n" perl -0pi -e '
    my $from = index($_, "Last Modified:"); $from = index($_, "{% raw %}") if $from < 0; $from = 0 if $from < 0;
    my $nl = index($_, "\n", $from); $from = $nl + 1 if $nl >= 0;
    pos($_) = $from;
    if (/\G(?:[^\n]*\n){0,3}?[ \t]*-{20,}[ \t]*\n(?:[^\n]*\n)*?[ \t]*-{20,}[ \t]*\n/g) { $from = pos($_) } else { pos($_) = $from }
    /\b([a-z]{5,})\b/g or die "no word to change\n";
    my ($word, $end) = ($1, pos($_));
    substr($_, $end - length($word), length($word)) = $ENV{KB_EDIT};
    print STDERR "$word\n";' "$file" 2>"$LOGS/edit-word" || die "cannot edit $file"
  say "edit $n: '$(cat "$LOGS/edit-word")' -> 'kbedit$n' in ${file#"$BB"/}"
}

# --- the run ---------------------------------------------------------------------------------

bench_corpus
restore_edits
make_sets
./kb help >/dev/null || die "./kb cannot build or run kb" # the launcher builds target/kb.jar first if needed
if [ "$INDEX_ALONE" = 1 ] && [[ " $SETS " == *" whole "* ]]; then
  rm -rf "$BB/classes"
  "$JDK/bin/javac" -nowarn -cp target/kb.jar -sourcepath src/test/java -d "$BB/classes" src/test/java/kb/bench/IndexAlone.java \
    || die "cannot compile src/test/java/kb/bench/IndexAlone.java"
else
  INDEX_ALONE=0
fi
if [ "$VS_HUGO" = 1 ]; then
  ensure_hugo
  HUGO_VERSION=$(hugo version 2>/dev/null | head -n 1)
fi
: > "$BB/runs.txt"
: > "$BB/checks.txt"
say "kb $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src/main templates pom.xml kb || echo ' +uncommitted changes'), JDK $JDK, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
say "sets: whole $WHOLE_ARTICLES articles, dev $DEV_ARTICLES; $CLEAN_RUNS clean builds of each, alternating$([ "$VS_HUGO" = 1 ] && echo " with Hugo (${HUGO_VERSION%% *} ${HUGO_VERSION#* })")"

for n in $(seq 1 "$CLEAN_RUNS"); do
  for set in $SETS; do
    kb_clean "$set" "$n"
    if [ "$set" = whole ] && [ "$INDEX_ALONE" = 1 ]; then
      index_alone "$n"
    fi
    if [ "$set" = whole ] && [ "$VS_HUGO" = 1 ]; then
      hugo_clean "$n"
    fi
  done
done
for set in $SETS; do
  if [[ "$KINDS" == *" edit "* ]]; then
    for n in $(seq 1 "$EDIT_RUNS"); do
      edit_article "$set" "$n"
      kb_again "$set" edit "$n"
    done
    if [ "$CHECK" = 1 ]; then
      check_clean "$set" "after $EDIT_RUNS incremental edits"
    fi
  fi
  # The same edits in a process of their own, which reads the build state from disk.
  if [[ "$KINDS" == *" edit-here "* ]]; then
    for n in $(seq 1 "$EDIT_RUNS"); do
      edit_article "$set" "$((n + EDIT_RUNS))"
      kb_again "$set" edit-here "$n" --no-daemon
    done
  fi
  [[ "$KINDS" == *" template "* ]] || continue
  # The theme with one visible string changed, given with --templates (kb lays every page out again).
  rm -rf "$BB/edited-templates"
  cp -r templates "$BB/edited-templates"
  if grep -q 'Related articles' "$BB/edited-templates/article.ftlh"; then
    sed -i 's/Related articles/Related KB articles/' "$BB/edited-templates/article.ftlh"
  else
    echo '<!-- bench/build.sh: template edit -->' >> "$BB/edited-templates/article.ftlh"
  fi
  kb_again "$set" template 1 --templates "$BB/edited-templates"
  if [ "$CHECK" = 1 ]; then
    check_clean "$set" "after the template edit" --templates "$BB/edited-templates"
  fi
done
restore_edits

# --- the figures -----------------------------------------------------------------------------

{
  echo "kb build benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'), kb $(git rev-parse --short HEAD), $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "whole = the dev corpus + a renumbered copy ($WHOLE_ARTICLES articles); dev = the dev corpus ($DEV_ARTICLES)"
  [ "$VS_HUGO" = 0 ] || echo "hugo = $HUGO_VERSION, the whole set's Markdown, pages only"
  awk '
    function median(s,   a, n, i, j, t) {
      n = split(s, a, " "); if (n == 0) return "";
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    { key = ($2 == "hugo" ? "hugo " $1 SUBSEP "clean" : "kb " $1 SUBSEP $2)
      runs[key]++; w[key] = w[key] " " $4; c[key] = c[key] " " $5; r[key] = r[key] " " $6
      if ($7 != "-") p[key] = p[key] " " $7 / $4; if ($8 != "-") x[key] = x[key] " " $8 }
    END {
      printf "\n%-30s %4s %9s %9s %10s %8s %8s\n", "median of", "runs", "wall s", "CPU s", "peak RSS", "pages/s", "index"
      split("kb whole,kb dev,hugo whole", sets, ","); split("clean index edit edit-here template", kinds, " ")
      for (i = 1; i <= 3; i++) for (j = 1; j <= 5; j++) {
        key = sets[i] SUBSEP kinds[j]
        if (!(key in runs)) continue
        label = sets[i] " " (kinds[j] == "index" ? "index alone" : kinds[j] == "edit" ? "1-article edit" : kinds[j] == "edit-here" ? "1-article edit, here" \
          : kinds[j] == "template" ? "template edit" : "clean")
        pps = median(p[key]); idx = median(x[key])
        printf "%-30s %4d %9.2f %9.2f %7s MB %8s %8s\n", label, runs[key], median(w[key]), median(c[key]),
          kinds[j] == "index" ? "-" : sprintf("%d", median(r[key])),
          pps == "" ? "-" : sprintf("%.0f", pps), idx == "" ? "-" : idx " MB"
        mw[key] = median(w[key]); mc[key] = median(c[key]); mr[key] = median(r[key])
      }
      printf "\ntargets (issue 16):\n"
      W = "kb whole" SUBSEP "clean"; D = "kb dev" SUBSEP "clean"; H = "hugo whole" SUBSEP "clean"; E = "kb whole" SUBSEP "edit"
      X = "kb whole" SUBSEP "edit-here"
      I = "kb whole" SUBSEP "index"
      if ((W in mw) && (H in mw)) printf "  kb/hugo clean, whole:   wall %.2f (target <= 1), CPU %.2f\n", mw[W] / mw[H], mc[W] / mc[H]
      if ((I in mw) && (H in mw)) printf "                          the index alone: wall %.2f of Hugo'"'"'s, CPU %.2f\n", mw[I] / mw[H], mc[I] / mc[H]
      if (W in mw) printf "  peak RSS, clean whole:  %d MB (target <= 1024 MB)\n", mr[W]
      if ((W in mw) && (D in mw)) printf "  dev/whole clean wall:   %.2f (target <= 0.55), CPU %.2f\n", mw[D] / mw[W], mc[D] / mc[W]
      if (E in mw) printf "  1-article edit, whole:  %.2f s wall, JVM start included (target <= 1 s); in the daemon\n", mw[E]
      if (X in mw) printf "                          %.2f s without it (--no-daemon)\n", mw[X]
    }' "$BB/runs.txt"
  [ -s "$BB/checks.txt" ] && sed 's/^/incremental vs clean: /' "$BB/checks.txt"
  echo
  echo "every run: $BB/runs.txt (set kind n wall cpu rss_mb pages index_mb load); logs: $LOGS/"
} | tee "$BB/results.txt"
