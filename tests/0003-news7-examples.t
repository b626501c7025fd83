#!/bin/sh
# The EXAMPLES of man/news.7, run as written (openbsd regress "examples
# from the manual"): the commands are taken from the page itself, in a
# scratch directory holding feeds.txt, feed.xml and article pages served
# on loopback.
. "$(dirname "$0")/lib.sh"

for t in news-fetch news-extract news-tag news-render news-calendar news-archive; do
	if ! command -v $t >/dev/null 2>&1; then
		skip "$t not built"
		done_testing
		exit
	fi
done

# the literal displays of EXAMPLES, one file each, \e turned into \
awk '/^\.Sh EXAMPLES/ { on = 1; next } /^\.Sh / { on = 0 }
     on && /^\.Bd -literal/ { n++; f = "example" n ".sh"; next }
     on && /^\.Ed/ { f = ""; next }
     on && f != "" { gsub(/\\e/, "\\"); print > f }' "$TOP/man/news.7"

# a small site on loopback: two article pages and a feed naming them
mkdir -p www
art() { # file title body
	cat >"www/$1" <<EOF2
<!doctype html><html lang="en"><head><title>$2 | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-12-13T08:30:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>$2</h1><p class="byline">By Sophia Davis</p>
<p>$3</p><p>$3 Officials said the talks would go on through the winter,
and that trade, energy and transport were on the table.</p></article>
<footer>Copyright 2025 Example News</footer></body></html>
EOF2
}
art a.html 'Mongolia and South Korea sign a coal deal' \
    'ULAANBAATAR, Dec 13 - Mongolia and South Korea signed an agreement on coal exports on Saturday, officials in Ulaanbaatar said.'
art b.html 'Chile opens a new port in Valparaiso' \
    'SANTIAGO, Dec 12 - Chile opened a new container port in Valparaiso on Friday, the transport ministry in Santiago said.'
: >httpd.log
python3 -u -m http.server --bind 127.0.0.1 --directory www 0 >httpd.log 2>&1 &
httpd=$!
trap 'kill $httpd 2>/dev/null; cd /; [ "$tap_fail" -eq 0 ] && rm -rf "$SCRATCH"' EXIT
i=0
while ! port=$(sed -n 's/^Serving HTTP on [^ ]* port \([0-9]*\).*/\1/p' httpd.log) || [ -z "$port" ]; do
	i=$((i + 1)); [ $i -lt 100 ] || break; sleep 0.1
done
base=http://127.0.0.1:$port
cat >feed.xml <<EOF2
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example News</title><link>$base/</link>
<item><title>Mongolia and South Korea sign a coal deal</title><link>$base/a.html</link>
<guid>$base/a.html</guid><pubDate>Sat, 13 Dec 2025 08:30:00 GMT</pubDate></item>
<item><title>Chile opens a new port in Valparaiso</title><link>$base/b.html</link>
<guid>$base/b.html</guid><pubDate>Fri, 12 Dec 2025 10:00:00 GMT</pubDate></item>
</channel></rss>
EOF2
cp feed.xml www/feed.xml
echo "$base/feed.xml" >feeds.txt

check 'the page has four examples' 'test -f example1.sh && test -f example2.sh && test -f example3.sh && test -f example4.sh'

check 'example 1: the records of one feed about Mongolia' "
	sh example1.sh >out && test \$(wc -l <out) -eq 1 &&
	jq -e '.title | test(\"Mongolia\")' out >/dev/null"

check 'example 2: the whole pipeline, from a list of feeds to a site' "
	sh example2.sh >out 2>err &&
	test \$(wc -l <archive.jsonl) -eq 2 &&
	jq -s -e '.[] | select(.title == \"Mongolia and South Korea sign a coal deal\") |
	    (.countries[0] == \"MN\") and (.author == \"Sophia Davis\") and
	    (.text | test(\"Copyright\") | not)' archive.jsonl >/dev/null &&
	test -f site/index.html && test -f site/feed.xml &&
	grep -q 'December 2025' out"

check 'example 3: the update script, run twice: the second run adds nothing' "
	rm -f archive.jsonl state.db && rm -rf site && : >takedowns.txt &&
	sed 's|\$HOME/news|$SCRATCH|' example3.sh >update && chmod +x update &&
	./update && test \$(wc -l <archive.jsonl) -eq 2 && test \$(wc -l <tagged.jsonl) -eq 2 &&
	./update && test \$(wc -l <archive.jsonl) -eq 2 &&
	test -f site/index.html && test -f site/sitemap.xml"

check 'example 3: a takedown drops the article from the site' "
	jq -r 'select(.title | test(\"Chile\")) | .url' tagged.jsonl >takedowns.txt &&
	./update && ! grep -rq Valparaiso site && grep -rq Mongolia site"

check 'example 4: the crontab line runs the script under flock' "
	sed -n 's/^\*\/10 \* \* \* \* //p' example4.sh >cron.sh && test -s cron.sh &&
	sed -i 's|\$HOME/news|$SCRATCH|g' cron.sh && sh cron.sh &&
	test \$(wc -l <archive.jsonl) -eq 2"

check 'example 5: the archive as a database: stored, searched, read back' "
	sh example5.sh >out 2>err && test ! -s err && test \$(wc -l <changed.jsonl) -eq 2 &&
	grep -q '^2025-12-13  Mongolia and South Korea sign a coal deal' out &&
	test \$(grep -c '^{' out) -eq 2"
done_testing
