#!/usr/bin/env bash
# Builds the Jekyll fixture src/test/resources/sites/jekyll-full with Debian's jekyll 4.3.1: the
# reference output that kb's Jekyll compatibility is compared with (notes on the fixture:
# src/test/resources/sites/jekyll-full.NOTES.md).
#
#   bench/jekyll-reference.sh [OUT]     OUT: where the site goes (default target/jekyll-full-reference);
#                                       the build log goes beside it, in OUT.log
#   ALLOW_OTHER_JEKYLL=1                build with a jekyll other than 4.3.1 (the output may differ)
#
# Needs the Debian packages jekyll and ruby-jekyll-include-cache (bookworm: 4.3.1+dfsg-3+deb12u1 and
# 0.2.1-1); run as root, it installs them with apt-get when they are missing, otherwise it says what
# to install. Once they are installed it works offline: no Gemfile, no bundler, no gems fetched.
#
# How jekyll runs:
#   - not --safe: safe mode loads only the plugins listed under `whitelist:` in _config.yml, so
#     {% include_cached %} would be an unknown tag ("Liquid syntax error: Unknown tag").
#   - --disable-disk-cache: nothing is written into the fixture (no .jekyll-cache/ there).
#   - JEKYLL_NO_BUNDLER_REQUIRE: a Gemfile in the working folder would make jekyll run bundler.
#   - the site is built into a new folder beside OUT, checked, then moved to OUT: jekyll deletes
#     whatever it did not generate in its destination, so an existing OUT is replaced only when it
#     is empty or an earlier build of this fixture.
#
# Fails (exit 1) when jekyll fails or prints a warning (kramdown's warnings included: the fixture's
# _config.yml turns them on), when a source page has no output page, when Liquid is left in a page
# ("{{" or "{%" outside <pre> and <code>), or when the build wrote anything into the fixture.
# Prints the number of HTML pages built.
set -euo pipefail

say() { echo "[jekyll-reference] $*" >&2; }
die() { echo "[jekyll-reference] error: $*" >&2; exit 1; }

KB_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="$KB_HOME/src/test/resources/sites/jekyll-full"
OUT="${1:-$KB_HOME/target/jekyll-full-reference}"
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac
OUT="${OUT%/}"
PACKAGES=(jekyll ruby-jekyll-include-cache)

[ -f "$SRC/_config.yml" ] || die "no fixture at $SRC"

# The packages: installed, or installed now (root), or named.
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get: this needs Debian's packages (bookworm: jekyll 4.3.1+dfsg-3+deb12u1, ruby-jekyll-include-cache 0.2.1-1)"
  [ "$(id -u)" = 0 ] || die "missing packages; install them with: sudo apt-get install ${missing[*]}"
  say "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y "${missing[@]}" >&2 || { apt-get update >&2 && apt-get install -y "${missing[@]}" >&2; } \
    || die "apt-get could not install ${missing[*]}"
fi
versions="$(for p in "${PACKAGES[@]}"; do dpkg-query -W -f='${Package} ${Version}\n' "$p"; done | paste -sd, - | sed 's/,/, /g')"
jekyll_version="$(jekyll --version 2>/dev/null | awk '{print $2}')"
if [ "$jekyll_version" != "4.3.1" ] && [ "${ALLOW_OTHER_JEKYLL:-0}" != 1 ]; then
  die "the reference is jekyll 4.3.1, this is jekyll ${jekyll_version:-?} (ALLOW_OTHER_JEKYLL=1 to build anyway)"
fi

# An existing OUT is replaced only when it is empty or an earlier build of this fixture.
if [ -e "$OUT" ]; then
  [ -d "$OUT" ] || die "$OUT exists and is not a folder"
  if [ -n "$(ls -A "$OUT")" ] && ! [ -f "$OUT/guides/sharing-folders/index.html" -a -f "$OUT/search.json" ]; then
    die "$OUT is not empty and not an earlier build of the fixture: remove it or choose another folder"
  fi
fi
mkdir -p "$(dirname "$OUT")"
work="$(mktemp -d "$OUT.tmp.XXXXXX")"
trap 'rm -rf "$work"' EXIT
LOG="$OUT.log"

# What the fixture holds before the build, to prove the build wrote nothing into it.
before="$(cd "$SRC" && find . -print0 | sort -z | xargs -0 ls -ld --time-style=+%s 2>/dev/null | md5sum)"

say "jekyll build: $SRC -> $OUT ($versions)"
status=0
( cd "$work" && env -u JEKYLL_ENV JEKYLL_NO_BUNDLER_REQUIRE=true LC_ALL=C.UTF-8 \
    jekyll build --source "$SRC" --destination "$work/site" --disable-disk-cache ) >"$LOG" 2>&1 || status=$?
if [ "$status" != 0 ]; then
  grep -v '^[[:space:]]*from ' "$LOG" | head -n 20 >&2
  die "jekyll build failed (exit $status; log: $LOG)"
fi

problems=0
# 1. No warnings: jekyll's own lines are "Configuration file:", "Source:", "Generating...", "done in".
if grep -Eiq 'warn|error|deprecat|conflict|invalid|not found' "$LOG"; then
  grep -Ei 'warn|error|deprecat|conflict|invalid|not found' "$LOG" >&2
  say "jekyll printed warnings (log: $LOG)"
  problems=1
fi

# 2. Every source page built: pages with front matter outside _ folders, plus the collection's
#    documents and the posts, each give one output file (one .html page except search.json).
expected="$(cd "$SRC" && { find . -path './_*' -prune -o -name '_*' -prune -o -type f \( -name '*.md' -o -name '*.html' -o -name '*.json' \) -print;
                            find _guides _posts -type f -name '*.md'; } \
            | while read -r f; do if [ "$(head -n 1 "$f")" = "---" ]; then echo "$f"; fi; done | wc -l)"
html="$(find "$work/site" -type f -name '*.html' | wc -l)"
outputs="$(find "$work/site" -type f \( -name '*.html' -o -name '*.json' \) | wc -l)"
if [ "$outputs" != "$expected" ]; then
  say "$expected source pages but $outputs output pages"
  problems=1
fi

# 3. No Liquid left outside <pre> and <code> (where pages show Liquid on purpose, inside {% raw %}).
if ! perl -0777 -ne '
      my $t = $_;
      $t =~ s{<pre\b.*?</pre>}{}gs;
      $t =~ s{<code\b.*?</code>}{}gs;
      while ($t =~ /(.{0,40}(?:\{\{|\{%).{0,40})/g) { print "$ARGV: $1\n"; $bad = 1 }
      END { exit($bad ? 1 : 0) }' $(find "$work/site" -type f \( -name '*.html' -o -name '*.json' \) | sort) >&2; then
  say "Liquid left in the output (above)"
  problems=1
fi

# 4. Nothing written into the fixture.
after="$(cd "$SRC" && find . -print0 | sort -z | xargs -0 ls -ld --time-style=+%s 2>/dev/null | md5sum)"
if [ "$before" != "$after" ]; then
  say "the build changed the fixture folder $SRC (git status shows what)"
  problems=1
fi

trap - EXIT
[ "$problems" = 0 ] || die "the reference build is not clean; its site is left in $work/site"
rm -rf "$OUT"
mv "$work/site" "$OUT"
rmdir "$work"
say "jekyll $jekyll_version built $html HTML pages ($outputs pages in all, $(find "$OUT" -type f | wc -l) files) into $OUT; log: $LOG"
echo "$html"
