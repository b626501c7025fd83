#!/bin/sh
# examples/demo.sh: the whole newsutils pipeline on the demo corpus, with
# no network (make demo runs it):
#
#   news-fetch -f sources.txt | news-fetch --pages | news-extract |
#   news-tag --related 6 --dedup > archive.jsonl
#   news-render -o demo-site archive.jsonl; news-calendar archive.jsonl
#
# news-fetch reads local files named by the user, but never follows a
# file: link found inside a feed (nothing a feed says may name a local
# file), so the demo serves examples/ on a loopback port (python3's
# http.server) and fetches the feeds and pages from there.  The records
# of every step are kept in build/demo/ to look at.  The server is ours
# and on loopback, so news-fetch's politeness delay is set to 0 here.
#
# Environment: NEWS_BIN (the tools, default bin/), DEMO_OUT (the site,
# default demo-site/ at the top of the tree).
# Exit status: 0 all steps fine; 1 a step failed or a tool is missing.
set -u
EX=$(cd "$(dirname "$0")" && pwd)
TOP=$(dirname "$EX")
BIN=${NEWS_BIN:-$TOP/bin}
OUT=${DEMO_OUT:-$TOP/demo-site}
WORK=$TOP/build/demo
PATH=$BIN:$PATH
export PATH
status=0

say() { printf 'demo: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

missing=
for t in news-fetch news-extract news-tag news-render news-calendar; do
	[ -x "$BIN/$t" ] || missing="$missing $t"
done
[ -z "$missing" ] || die "missing tools:$missing (run make first; is each tool written yet?)"
command -v python3 >/dev/null 2>&1 || die "python3 is needed to serve examples/ on loopback (make deps)"

mkdir -p "$WORK" || die "cannot create $WORK"
rm -f "$WORK"/*.jsonl "$WORK"/httpd.log

# a loopback web server on a free port, stopped on exit
python3 -u -m http.server --bind 127.0.0.1 --directory "$EX" 0 \
    >"$WORK/httpd.log" 2>&1 &
httpd=$!
trap 'kill $httpd 2>/dev/null' EXIT INT TERM
port=
i=0
while [ -z "$port" ] && [ $i -lt 50 ]; do
	port=$(sed -n 's/^Serving HTTP on [^ ]* port \([0-9]*\).*/\1/p' "$WORK/httpd.log")
	[ -n "$port" ] || { sleep 0.1; i=$((i + 1)); }
done
[ -n "$port" ] || die "the loopback server did not start: $(cat "$WORK/httpd.log")"
base=http://127.0.0.1:$port
sed -e '/^#/d' -e '/^[[:space:]]*$/d' -e "s|^|$base/|" "$EX/sources.txt" \
    >"$WORK/sources.txt"

# step NAME INPUT OUTPUT COMMAND...: run one step (records on stdin); exit 1 of a tool (some input
# failed, the rest was done) is reported and the demo goes on, anything
# worse or an empty result stops it
step() {
	name=$1 in=$2 out=$3
	shift 3
	say "$name"
	"$@" <"$in" >"$out"
	st=$?
	if [ $st -eq 1 ]; then
		say "$name: some input failed (exit 1); going on with the rest"
		status=1
	elif [ $st -ne 0 ]; then
		die "$name failed (exit $st)"
	fi
	[ -s "$out" ] || die "$name wrote nothing"
}

step "news-fetch: $(wc -l <"$WORK/sources.txt") feeds" /dev/null \
    "$WORK/1-feeds.jsonl" news-fetch -q --delay 0 -f "$WORK/sources.txt"
step "news-fetch --pages: the articles" "$WORK/1-feeds.jsonl" \
    "$WORK/2-pages.jsonl" news-fetch -q --delay 0 --pages
step "news-extract: text and clean HTML" "$WORK/2-pages.jsonl" \
    "$WORK/3-extract.jsonl" news-extract -q
step "news-tag --related 6 --dedup: countries, tags, related, duplicates" \
    "$WORK/3-extract.jsonl" "$WORK/archive.jsonl" news-tag -q --related 6 --dedup
kill $httpd 2>/dev/null
say "news-render: the site"
news-render -q -o "$OUT" --title "newsutils demo" \
    --base-url https://news.example.org/ "$WORK/archive.jsonl" ||
    die "news-render failed (exit $?)"

n=$(wc -l <"$WORK/archive.jsonl")
echo
echo "The site: $OUT/index.html ($n records)"
echo "  open file://$OUT/index.html in a browser, or serve it:"
echo "  python3 -m http.server -d $OUT"
echo
news-render -f text -w 100 "$WORK/archive.jsonl" || status=1
echo
news-calendar "$WORK/archive.jsonl" || status=1
exit $status
