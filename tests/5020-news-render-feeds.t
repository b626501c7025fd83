#!/bin/sh
# news-render: Atom against the RELAX NG schema of RFC 4287, sitemaps
# against the sitemaps.org XSD, JSON Feed 1.1, the Google News sitemap,
# takedowns (--exclude) and the stdout formats.
. "$(dirname "$0")/lib.sh"
R=$FIXTURES/render

check 'renders' \
	'news-render -q -o site --base-url https://news.example.org/ --now 2025-12-13T12:00:00Z $R/basic.jsonl $R/xss.jsonl'
if command -v jing >/dev/null 2>&1; then
	check 'feed.xml is valid Atom (RFC 4287 RELAX NG, jing)' \
		'jing -c $R/atom.rnc site/feed.xml'
	check 'the schema catches a broken feed' \
		'sed "0,/<id>/s/<id>[^<]*<\/id>//" site/feed.xml > broken.xml &&
		 ! jing -c $R/atom.rnc broken.xml'
	check '-f atom on stdout is valid Atom' \
		'news-render -f atom $R/basic.jsonl > out.xml && jing -c $R/atom.rnc out.xml'
else
	skip 'jing is not installed (make deps)'
fi
check 'sitemap.xml is valid (sitemaps.org XSD)' \
	'xmllint --noout --schema $R/sitemap.xsd site/sitemap.xml'
check 'sitemap URLs are absolute and percent-encoded' \
	'grep -q "<loc>https://news.example.org/2025/12/13/ferry-workers-strike-across-the-baltic-ports.html</loc>" site/sitemap.xml &&
	 ! grep "<loc>" site/sitemap.xml | grep -v "^<url><loc>https://news.example.org/[A-Za-z0-9/._~%-]*</loc>"'
check 'a big archive gets a sitemap index (over 50,000 URLs)' \
	'awk "BEGIN { for (i = 0; i < 50001; i++) printf \"{\\\"id\\\":\\\"i%d\\\",\\\"title\\\":\\\"T %d\\\",\\\"published\\\":\\\"2025-01-01T00:00:00Z\\\"}\\n\", i, i }" > big.jsonl &&
	 news-render -q -o big --per-page 5000 --base-url https://news.example.org/ big.jsonl &&
	 xmllint --noout --schema $R/siteindex.xsd big/sitemap.xml &&
	 xmllint --noout --schema $R/sitemap.xsd big/sitemap-1.xml &&
	 xmllint --noout --schema $R/sitemap.xsd big/sitemap-2.xml &&
	 xmllint --noout --schema $R/sitemap.xsd big/sitemap-pages.xml'
check 'Google News sitemap: the last two days before --now' \
	'news-render -q -o site3 --base-url https://news.example.org/ --now 2025-12-13T12:00:00Z $R/basic.jsonl &&
	 xmllint --noout site3/news-sitemap.xml &&
	 grep -c "<news:news>" site3/news-sitemap.xml | grep -qx 2 &&
	 grep -q "rail-link" site3/news-sitemap.xml &&
	 grep -q "ferry-workers" site3/news-sitemap.xml &&
	 news-render -q -o site4 --base-url https://news.example.org/ --now 2025-12-12T12:00:00Z $R/basic.jsonl &&
	 grep -c "<news:news>" site4/news-sitemap.xml | grep -qx 1'
check 'Google News sitemap without --now: two days before the newest' \
	'news-render -q -o site2 --base-url https://news.example.org/ $R/basic.jsonl &&
	 grep -c "<news:news>" site2/news-sitemap.xml | grep -qx 2'
check 'feed.json is JSON Feed 1.1' \
	'jq -e ".version == \"https://jsonfeed.org/version/1.1\" and .title == \"News\"
	    and .feed_url == \"https://news.example.org/feed.json\"
	    and (.items | length) > 0
	    and (.items | all(.id and .url and .content_html != null))" site/feed.json >/dev/null'
check 'feed.json items link to our pages and to the originals' \
	'jq -e "[.items[] | select(.external_url == \"https://harbour.example/news/ferry-strike\")][0].url ==
	    \"https://news.example.org/2025/12/13/ferry-workers-strike-across-the-baltic-ports.html\"" site/feed.json'
check 'robots.txt names the sitemaps' \
	'grep -qx "Sitemap: https://news.example.org/sitemap.xml" site/robots.txt'
check 'every page parses with libxml2 (HTML) without errors' 'sh $R/htmlcheck.sh site'
check 'every feed and sitemap is well-formed XML' \
	'xmllint --noout site/feed.xml site/sitemap.xml site/news-sitemap.xml'

# takedowns
printf '%s\n' '# removal requests' 'https://harbour.example/news/ferry-strike' \
    'no-url-item-1' 'https://STEPPE.example/2025/12/rail-link?utm_source=x' > exclude
check '--exclude drops URLs and ids from every page, feed and sitemap' \
	'news-render -q -o site --base-url https://news.example.org/ --exclude exclude $R/basic.jsonl &&
	 ! grep -rqi "ferry\|rail link\|Статья без ссылки" site --include="*.html" --include="*.xml" --include="*.json" &&
	 test ! -e site/2025/12/13/ferry-workers-strike-across-the-baltic-ports.html'
check '--exclude on stdout formats too' \
	'news-render -f text --exclude exclude $R/basic.jsonl > out && ! grep -q ferry out &&
	 news-render -f jsonfeed --exclude exclude $R/basic.jsonl | jq -e "[.items[].id] | index(\"no-url-item-1\") == null"'
check '--exclude with a missing file is fatal' \
	'test "$(status news-render -f text --exclude nonexistent $R/basic.jsonl)" = 2'

# stdout formats
check '-f jsonfeed is JSON Feed linking to the originals' \
	'news-render -f jsonfeed $R/basic.jsonl | jq -e ".items[0].url == \"https://harbour.example/news/ferry-strike\""'
check '-f markdown: a digest grouped by category' \
	'news-render -f markdown $R/basic.jsonl > md &&
	 grep -qx "## Economy" md && grep -qx "## Health" md && grep -qx "## Other" md &&
	 grep -q "^- \[Ferry workers strike across the Baltic ports\](https://harbour.example/news/ferry-strike)" md'
check '-f markdown escapes markup in titles: <script> is text' \
	'news-render -f markdown $R/xss.jsonl > md && ! grep -q "[^\\\\]<script" md && grep -q "\\\\<script>" md'
check '-f markdown escapes only what Markdown needs (issue 16.12)' \
	'printf "%s\n" "{\"url\":\"https://a.example/1\",\"title\":\"Gun-smuggling in the US. (again) snake_case, 50% off! #1 *now* [x] AT&T &amp;\",\"description\":\"1. first - not a list\",\"category\":\"World #\"}" |
	 news-render -f markdown > md &&
	 grep -qF "[Gun-smuggling in the US. (again) snake_case, 50% off! #1 \\*now\\* \\[x\\] AT&T \\&amp;](https://a.example/1)" md &&
	 grep -qxF "  1\\. first - not a list" md && grep -qxF "## World \\#" md'
check '-f mbox: one message per article' \
	'news-render -f mbox $R/basic.jsonl > mbox &&
	 test $(grep -c "^From news-render@localhost " mbox) -eq 7 &&
	 grep -q "^Subject: Ferry workers strike across the Baltic ports$" mbox &&
	 grep -q "^Subject: =?UTF-8?B?" mbox &&
	 grep -q "^Date: Sat, 13 Dec 2025 08:30:00 +0000$" mbox'
check '-f mbox quotes From lines in bodies (mboxrd)' \
	'printf "%s\n" "{\"id\":\"m1\",\"title\":\"x\",\"text\":\"From here on\\n>From there\"}" | news-render -f mbox > mb &&
	 grep -qx ">From here on" mb && grep -qx ">>From there" mb'
check '-f mbox: header injection is not possible' \
	'news-render -f mbox $R/xss.jsonl | awk "/^From news-render/ { h = 1; next } h && /^$/ { h = 0 } h && !/^(From|Subject|Date|Message-ID|X-Url|MIME-Version|Content-Type|Content-Transfer-Encoding): |^ =\?UTF-8\?B\?/ { print; bad = 1 } END { exit bad }"'
check 'colour only on request; NO_COLOR respected' \
	'news-render -f text $R/basic.jsonl | grep -qv "$(printf "\033")" &&
	 news-render -f text --color always $R/basic.jsonl | grep -q "$(printf "\033")\[1m"'
done_testing
