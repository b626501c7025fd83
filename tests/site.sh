# tests/site.sh: a small news site on loopback for the tests that run
# manual EXAMPLES; source it after lib.sh, then start_site.  Serves www/
# (two article pages, a.html and b.html, and feed.xml naming them) with
# python3's http.server; sets base (http://127.0.0.1:PORT).  The server
# is stopped when the test exits.
site_article() { # file title body published
	cat >"www/$1" <<EOF2
<!doctype html><html lang="en"><head><title>$2 | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="$4">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>$2</h1><p class="byline">By Sophia Davis</p>
<p>$3</p><p>$3 Officials said the talks would go on through the winter,
and that trade, energy and transport were on the table.</p></article>
<footer>Copyright 2025 Example News</footer></body></html>
EOF2
}

start_site() {
	mkdir -p www
	site_article a.html 'Mongolia and South Korea sign a coal deal' \
	    'ULAANBAATAR, Dec 13 - Mongolia and South Korea signed an agreement on coal exports on Saturday, officials in Ulaanbaatar said.' \
	    2025-12-13T08:30:00Z
	site_article b.html 'Chile opens a new port in Valparaiso' \
	    'SANTIAGO, Dec 12 - Chile opened a new container port in Valparaiso on Friday, the transport ministry in Santiago said.' \
	    2025-12-12T10:00:00Z
	: >httpd.log
	python3 -u -m http.server --bind 127.0.0.1 --directory www 0 >httpd.log 2>&1 &
	site_pid=$!
	trap 'kill $site_pid 2>/dev/null; cd /; if [ "$tap_fail" -eq 0 ]; then rm -rf "$SCRATCH"; else echo "# scratch kept in $SCRATCH"; fi' EXIT
	i=0 port=
	while [ -z "$port" ]; do
		port=$(sed -n 's/^Serving HTTP on [^ ]* port \([0-9]*\).*/\1/p' httpd.log)
		[ -n "$port" ] && break
		i=$((i + 1))
		if [ $i -gt 100 ]; then
			echo "Bail out! the test HTTP server did not start"
			exit 1
		fi
		sleep 0.1
	done
	base=http://127.0.0.1:$port
	cat >www/feed.xml <<EOF2
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example News</title><link>$base/</link>
<item><title>Mongolia and South Korea sign a coal deal</title><link>$base/a.html</link>
<guid>$base/a.html</guid><pubDate>Sat, 13 Dec 2025 08:30:00 GMT</pubDate></item>
<item><title>Chile opens a new port in Valparaiso</title><link>$base/b.html</link>
<guid>$base/b.html</guid><pubDate>Fri, 12 Dec 2025 10:00:00 GMT</pubDate></item>
</channel></rss>
EOF2
}

# skip the whole test unless every tool named is built
need_tools() {
	for t; do
		if ! command -v $t >/dev/null 2>&1; then
			skip "$t not built"
			done_testing
			exit
		fi
	done
}
