#!/usr/bin/env bash
# What a full build of the dev corpus costs now against an earlier kb, both measured in one run,
# alternately, on the same disk (these machines are noisy: the ratio is what counts).
#
#   bench/build-cost.sh [BASE_REV]     # default: c5f8250, the last commit before the generated
#                                      # navigation (issue 15)
#   RUNS=2 (pairs of builds), BUILD=0 (reuse target/bench/base-jar and the current jar),
#   DISK=1 (write the sites and indexes on the disk, not in /dev/shm)
#
# The builds run in ABBA order (base now, now base, base now, ...), so that a drift of the
# machine over the run weighs on both alike. The sites and indexes are written to a RAM file
# system (/dev/shm) when it has room: on these machines' disks the kernel's cost of creating the
# same 30,000 folders and files went from 2 s to 27 s over three identical runs (system time,
# growing as folders are created and deleted), which swamps what the code costs; DISK=1 measures
# on the disk all the same.
#
# Prints, per run, wall time, user and system CPU and peak RSS (from /usr/bin/time -v) and the
# median of each for both, the ratio of the medians, and the page weight of an article page (HTML
# minus the article's own text, plus the CSS and JS it loads). Results: target/bench/build-cost.txt.
source "$(dirname "$0")/lib.sh"

BASE_REV="${1:-c5f8250}"
RUNS="${RUNS:-2}"
OUT="$BENCH/build-cost"
mkdir -p "$OUT"
# Where the sites and indexes go: /dev/shm when it has 8 GB free (a site and an index of the dev
# corpus take about 2 GB, and two are kept), unless DISK=1.
SITES="$OUT"
if [ "${DISK:-0}" != 1 ] && [ -d /dev/shm ] && [ -w /dev/shm ] \
    && [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -gt $((8 << 20)) ]; then
  SITES="$(mktemp -d /dev/shm/kb-build-cost.XXXXXX)"
  trap 'rm -rf "$SITES"' EXIT
fi
say "sites and indexes in $SITES"
bench_corpus

if [ "${BUILD:-1}" = 1 ] || [ ! -f "$OUT/base/kb.jar" ]; then
  kb_jar_at "$BASE_REV" "$OUT/base"
fi
bench_compile # the current kb, snapshot in target/bench/kb

run() { # name jar-folder run-number
  local name="$1" jar="$2/kb.jar" n="$3"
  rm -rf "$SITES/site-$name" "$SITES/index-$name" "$SITES/.kb-state"
  sync
  /usr/bin/time -v "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$jar" build --no-progress --timings \
      --source "$SOURCES" --dest "$SITES/site-$name" --index "$SITES/index-$name" \
      > "$OUT/$name-$n.log" 2> "$OUT/$name-$n.time" || true
  local wall cpu rss user sys
  wall=$(awk -F': ' '/Elapsed/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$OUT/$name-$n.time")
  user=$(awk -F': ' '/User time/ {print $2}' "$OUT/$name-$n.time")
  sys=$(awk -F': ' '/System time/ {print $2}' "$OUT/$name-$n.time")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$OUT/$name-$n.time")
  grep -q 'kb build: ' "$OUT/$name-$n.log" || { tail -n 20 "$OUT/$name-$n.log" "$OUT/$name-$n.time" >&2; die "$name build $n failed"; }
  echo "$name $n $wall $cpu $rss $user $sys" >> "$OUT/runs.txt"
  printf '[bench] %-4s run %d: %6.1f s wall, %6.1f s CPU (user %.1f, system %.1f), %5d MB peak RSS   %s\n' \
      "$name" "$n" "$wall" "$cpu" "$user" "$sys" "$rss" \
      "$(grep -h 'phases' "$OUT/$name-$n.log" "$OUT/$name-$n.time" 2>/dev/null | head -n 1)" >&2
}

: > "$OUT/runs.txt"
for n in $(seq 1 "$RUNS"); do
  if [ $((n % 2)) = 1 ]; then
    run base "$OUT/base" "$n"; run now "$BENCH/kb" "$n"
  else
    run now "$BENCH/kb" "$n"; run base "$OUT/base" "$n"
  fi
done

weight() { # the bytes of an article page that are not the article's own text, plus CSS and JS
  local page="$SITES/site-now/kb/319/Q319864/index.html"
  [ -f "$page" ] || page=$(find "$SITES/site-now/kb" -name index.html | head -n 1)
  bench_java kb.bench.PageWeight "$page" "$SITES/site-now"
}

{
  echo "kb build of the dev corpus: $BASE_REV (base) against $(git rev-parse --short HEAD) (now), $RUNS runs each, ABBA order, sites in $SITES"
  awk '{w[$1]=w[$1]" "$3; c[$1]=c[$1]" "$4; r[$1]=r[$1]" "$5; u[$1]=u[$1]" "$6; y[$1]=y[$1]" "$7}
       function median(s,   a, n, i, j, t) { n=split(s, a, " "); for(i=1;i<=n;i++) for(j=i+1;j<=n;j++) if (a[j]+0<a[i]+0) {t=a[i];a[i]=a[j];a[j]=t}
                                            return n%2 ? a[(n+1)/2] : (a[n/2]+a[n/2+1])/2 }
       END { bw=median(w["base"]); nw=median(w["now"]); bc=median(c["base"]); nc=median(c["now"]);
             printf "  median wall: base %.1f s, now %.1f s (%+.1f%%)\n", bw, nw, 100*(nw-bw)/bw;
             printf "  median CPU:  base %.1f s, now %.1f s (%+.1f%%)\n", bc, nc, 100*(nc-bc)/bc;
             bu=median(u["base"]); nu=median(u["now"]); by=median(y["base"]); ny=median(y["now"]);
             printf "    user: base %.1f s, now %.1f s (%+.1f%%); system: base %.1f s, now %.1f s\n", bu, nu, 100*(nu-bu)/bu, by, ny;
             printf "  median peak RSS: base %d MB, now %d MB\n", median(r["base"]), median(r["now"]) }' "$OUT/runs.txt"
  echo "  article page weight (now): $(weight)"
} | tee "$BENCH/build-cost.txt"
