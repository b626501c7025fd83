#!/bin/sh
# news-render: the parts of a news site beside the articles (issue 16.14):
# a country menu in the header (the most used countries, --country-menu),
# the latest articles and the calendar beside every article page (after
# the article on a phone), the tag cloud beside the listings; none of
# them makes an old page change when newer articles arrive.
. "$(dirname "$0")/lib.sh"
R=$FIXTURES/render
CH=$FIXTURES/browser/chrome.sh

# gen FIRST COUNT: one record an hour from 2025-01-01; countries with
# falling counts (NO in all, SE in 1/2, MN in 1/3, ... ), tags t0..t9
gen() {
	awk -v first="$1" -v n="$2" 'BEGIN { split("NO SE MN FR DE KE PE JP IS CL", c, " ");
	    for (i = first; i < first + n; i++) {
	        cs = "\"NO\""; for (k = 2; k <= 10; k++) if (i % k == 0) cs = cs ",\"" c[k] "\"";
	        printf "{\"url\":\"https://o.example/%d\",\"title\":\"Article %d\",\"published\":\"2025-%02d-%02dT%02d:00:00Z\",\"countries\":[%s],\"tags\":[\"t%d\",\"t%d\"]}\n",
	            i, i, 1 + int(i / 24 / 28), 1 + int(i / 24) % 28, i % 24, cs, i % 10, i % 7 }
	}'
}
gen 0 100 > a.jsonl
menu() { sed -n '/<nav class="country-menu"/,/<\/nav>/p' "$1" | sed -n 's/.*<a[^>]*>\([^<]*\)<.*/\1/p' | tr '\n' ',' ; }
check 'the header has the 8 most used countries (counts on a scale of half powers of two: Iceland 12 is as used as Peru 15), by name, and All countries' \
	'news-render -q -o s a.jsonl && menu s/index.html > m &&
	 test "$(cat m)" = "France,Germany,Iceland,Japan,Kenya,Mongolia,Norway,Sweden,All countries," &&
	 test "$(menu s/2025/01/01/article-0.html)" = "$(cat m)" && test "$(menu s/tag/index.html)" = "$(cat m)"'
check 'the menu marks the current country' \
	'grep -q "<a href=\"../../country/se/index.html\" aria-current=\"page\">Sweden</a>" s/country/se/index.html'
check '--country-menu 3, 0, or a list of codes' \
	'news-render -q -o s3 --country-menu 3 a.jsonl && test "$(menu s3/index.html)" = "Mongolia,Norway,Sweden,All countries," &&
	 news-render -q -o s0 --country-menu 0 a.jsonl && ! grep -q country-menu s0/index.html &&
	 news-render -q -o sl --country-menu IS,no,XX,pe a.jsonl && test "$(menu sl/index.html)" = "Iceland,Norway,Peru,All countries," &&
	 test "$(status news-render -q -o sx --country-menu 301 a.jsonl)" = 2'

aside() { sed -n '/<aside class="sidebar"/,/<\/aside>/p' "$1"; }
latest() { aside "$1" | sed -n '/class="mini-list"/,/<\/ul>/s/.*<a href="[^"]*\/\([^/"]*\)\.html">.*/\1/p' | tr '\n' ' '; }
check 'the newest article page: the latest five of the site, and its calendar' \
	'aside s/2025/01/05/article-99.html > x && grep -q "<h2 id=\"latest-h\">Latest</h2>" x &&
	 test "$(latest s/2025/01/05/article-99.html)" = "article-98 article-97 article-96 article-95 article-94 " &&
	 test "$(latest s/2025/01/04/article-95.html)" = "article-99 article-98 article-97 article-96 article-94 " &&
	 grep -q "<caption>January 2025</caption>" x && grep -q "aria-current=\"date\" aria-label=\"January 5, 2025\"" x'
check 'an older article page: the five that followed it, the calendar as of its day' \
	'aside s/2025/01/02/article-30.html > x && grep -q "<h2 id=\"latest-h\">Newer articles</h2>" x &&
	 test "$(latest s/2025/01/02/article-30.html)" = "article-35 article-34 article-33 article-32 article-31 " &&
	 grep -q "aria-label=\"January 1, 2025\">1</a>" x && grep -q "<td>3</td>" x &&
	 grep -q "All the latest" x'
check 'the tag cloud beside the newest page of every listing, not the numbered ones' \
	'for p in index.html tag/t1/index.html country/no/index.html archive/2025/01/index.html archive/2025/01/02/index.html; do
	     test -f s/$p || continue; aside s/$p | grep -q "<h2 id=\"tags-h\">Tags</h2>" || { echo $p; exit 1; }; done &&
	 aside s/index.html | grep -c "rel=\"tag\"" | grep -qx 10 &&
	 ls s/page/1.html && ! grep -q "tags-h" s/page/1.html'
check 'every internal link resolves, nothing active (sitecheck.py)' 'python3 $R/sitecheck.py s'
check 'a newer article: old article pages and numbered pages are not rewritten' \
	'cp -r s old && gen 100 1 > b.jsonl && news-render -o s a.jsonl b.jsonl 2>err && cat err &&
	 cmp -s old/2025/01/02/article-30.html s/2025/01/02/article-30.html &&
	 cmp -s old/2025/01/01/article-0.html s/2025/01/01/article-0.html &&
	 cmp -s old/page/1.html s/page/1.html &&
	 ! cmp -s old/2025/01/05/article-99.html s/2025/01/05/article-99.html &&
	 test "$(latest s/2025/01/05/article-99.html)" = "article-100 article-98 article-97 article-96 article-95 "'

check 'close counts passing each other change neither the menu nor the cloud' \
	'awk "BEGIN { split(\"AR BE CA DK EE FI GR HU IE\", c, \" \"); for (i = 0; i < 90; i++)
	    printf \"{\\\"url\\\":\\\"https://e.example/%d\\\",\\\"title\\\":\\\"Equal %d\\\",\\\"published\\\":\\\"2025-03-%02dT%02d:00:00Z\\\",\\\"countries\\\":[\\\"%s\\\"],\\\"tags\\\":[\\\"e%d\\\"]}\\n\", i, i, 1 + int(i / 24), i % 24, c[i % 9 + 1], i % 9 }" > e.jsonl &&
	 news-render -q -o e e.jsonl && cp -r e e0 &&
	 printf "%s\n" "{\"url\":\"https://e.example/x\",\"title\":\"Equal x\",\"published\":\"2025-03-05T00:00:00Z\",\"countries\":[\"IE\"],\"tags\":[\"e8\"]}" >> e.jsonl &&
	 news-render -q -o e e.jsonl && test "$(menu e/index.html)" = "$(menu e0/index.html)" &&
	 cmp -s e0/2025/03/01/equal-0.html e/2025/03/01/equal-0.html && cmp -s e0/tag/e0/index.html e/tag/e0/index.html'

# the layout, in Chromium: a copy of the page with a script that writes
# where the article and the sidebar are (left right top bottom).  Headless
# Chromium lays out no narrower than 500 pixels: "a phone" is 500 wide.
if ! [ -x /usr/bin/chromium ]; then
	skip 'chromium is not installed (make deps)'
	skip 'chromium is not installed (make deps)'
	done_testing
	exit 0
fi
probe() {	# probe PAGE WxH: "al ar at ab sl sr st sb" of article and aside
	sed '/Content-Security-Policy/d; s|</body>|<script>var a=document.querySelector("article.article").getBoundingClientRect(), s=document.querySelector("aside.sidebar").getBoundingClientRect(); document.body.setAttribute("data-layout", [a.left,a.right,a.top,a.bottom,s.left,s.right,s.top,s.bottom].map(Math.round).join(" "));</script></body>|' \
	    "$1" > "${1%.html}-probe.html" &&
	$CH dom "file://$SCRATCH/${1%.html}-probe.html" probe.out "$2" &&
	sed -n 's/.*data-layout="\([^"]*\)".*/\1/p' probe.out
}
A=s/2025/01/05/article-99.html
check 'on a desktop the sidebar is beside the article, at its top' \
	'set -- $(probe $A 1280,900) && echo "$*" && test $# = 8 && test "$5" -ge "$2" && test "$7" -lt 300'
check 'on a phone it comes right after the article, before the related ones' \
	'set -- $(probe $A 390,844) && echo "$*" && test $# = 8 && test "$7" -ge "$4" &&
	 test $(($7 - $4)) -lt 100 && test "$5" -lt "$2"'
done_testing
