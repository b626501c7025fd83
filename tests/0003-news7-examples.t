#!/bin/sh
# The EXAMPLES of man/news.7, run as written (openbsd regress "examples
# from the manual"): the commands are taken from the page itself, in a
# scratch directory holding feeds.txt, feed.xml and article pages served
# on loopback.
. "$(dirname "$0")/lib.sh"

. "$FIXTURES/site.sh"
need_tools news-fetch news-extract news-tag news-render news-calendar news-archive

# the literal displays of EXAMPLES, one file each, \e turned into \
awk '/^\.Sh EXAMPLES/ { on = 1; next } /^\.Sh / { on = 0 }
     on && /^\.Bd -literal/ { n++; f = "example" n ".sh"; next }
     on && /^\.Ed/ { f = ""; next }
     on && f != "" { gsub(/\\e/, "\\"); print > f }' "$TOP/man/news.7"

# a small site on loopback: two article pages and a feed naming them
start_site
cp www/feed.xml feed.xml
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
	rm -f archive.jsonl \"\$XDG_STATE_HOME/newsutils/state.db\" && rm -rf site && : >takedowns.txt &&
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
