#!/bin/sh
# news-render: pagination (issue 16.7).  index.html and page/N.html never
# show an article twice; page N keeps its articles when newer ones come;
# numbered links (the newest, the oldest and a window around the current
# page) on the home page and on every listing.
. "$(dirname "$0")/lib.sh"
R=$FIXTURES/render

# gen FIRST COUNT: records one an hour, tags t0/t1 alternating, all Norway
gen() {
	awk -v first="$1" -v n="$2" 'BEGIN { for (i = first; i < first + n; i++)
	    printf "{\"url\":\"https://o.example/%d\",\"title\":\"Article %d\",\"published\":\"%04d-01-%02dT%02d:00:00Z\",\"tags\":[\"t%d\"],\"countries\":[\"NO\"]}\n",
	        i, i, 2025, 1 + int(i / 24), i % 24, i % 2 }'
}
# cards DIR PAGE...: the article links of the listing pages, one a line
cards() {
	d=$1; shift
	for p in "$@"; do sed -n 's/.*class="card-title"><a href="\([^"]*\)".*/\1/p' "$d/$p"; done
}
# a listing of DIR (index.html and N.html or page/N.html, $2 the prefix)
listing() {
	cards "$1" index.html $(cd "$1" && ls $2*.html 2>/dev/null | grep -v "^$2index.html")
}

gen 0 53 > a.jsonl
check 'renders 53 articles, 5 a page' 'news-render -q -o s --per-page 5 a.jsonl'
check 'home: every article once, index.html and page/N.html together' \
	'listing s page/ > got && test "$(wc -l < got)" = 53 && test "$(sort got | uniq -d | wc -l)" = 0'
check 'pages are full, the newest page holds P to 2P-1 (here 8)' \
	'test "$(ls s/page | wc -l)" = 9 && test "$(cards s index.html | wc -l)" = 8 &&
	 for k in 1 2 3 4 5 6 7 8 9; do test "$(cards s page/$k.html | wc -l)" = 5 || exit 1; done'
check 'page 1 holds the oldest, the newest page the newest' \
	'cards s page/1.html | grep -q "article-0.html" && cards s index.html | head -n 1 | grep -q "article-52.html"'
check 'a tag listing: every article once too' \
	'listing s/tag/t0 "" > got && test "$(wc -l < got)" = 27 && test "$(sort got | uniq -d | wc -l)" = 0 &&
	 listing s/tag/t1 "" > got && test "$(wc -l < got)" = 26 && test "$(sort got | uniq -d | wc -l)" = 0'
check 'a country listing, a month archive: every article once' \
	'listing s/country/no "" > got && test "$(wc -l < got)" = 53 && test "$(sort got | uniq -d | wc -l)" = 0 &&
	 listing s/archive/2025/01 "" > got && test "$(wc -l < got)" = 53 && test "$(sort got | uniq -d | wc -l)" = 0'

# the numbered links
links() { sed -n '/<nav class="pagination"/,/<\/nav>/p' "$1" | sed -n 's/.*<a href="\([^"]*\)"\( aria-current="page"\)*>\([^<]*\)<.*/\3\2/p;s/.*class="gap".*/.../p' | tr '\n' ' '; }
check 'home: Newest (current), a window, a gap, page 1' \
	'test "$(links s/index.html)" = "Newest aria-current=\"page\" 9 8 ... 1 "'
check 'page 5: Newest, a gap, 7 6 5 4 3, 2 (one page is no gap), 1' \
	'test "$(links s/page/5.html)" = "Newest ... 7 6 5 aria-current=\"page\" 4 3 2 1 "'
check 'page 9 (the newest numbered) and page 1' \
	'test "$(links s/page/9.html)" = "Newest 9 aria-current=\"page\" 8 7 ... 1 " &&
	 test "$(links s/page/1.html)" = "Newest ... 3 2 1 aria-current=\"page\" "'
check 'a tag listing has numbered links too' \
	'test "$(links s/tag/t0/index.html)" = "Newest aria-current=\"page\" 4 3 2 1 "'
check 'Older and Newer follow the numbers' \
	'grep -q "rel=\"next\" href=\"page/9.html\"" s/index.html &&
	 grep -q "rel=\"prev\" href=\"../index.html\"" s/page/9.html &&
	 grep -q "rel=\"prev\" href=\"../page/6.html\"" s/page/5.html &&
	 grep -q "rel=\"next\" href=\"../page/4.html\"" s/page/5.html &&
	 ! grep -q "rel=\"next\"" s/page/1.html'
check 'every internal link resolves (sitecheck.py)' 'python3 $R/sitecheck.py s'

# stable numbering: 12 newer articles; page N keeps its articles, and the
# pages far from the newest are not even rewritten
check 'newer articles: page N holds the same articles, far pages untouched' \
	'cp -r s old && gen 53 12 > b.jsonl &&
	 news-render -o s --per-page 5 a.jsonl b.jsonl 2>err &&
	 for k in 1 2 3 4 5 6 7 8 9; do cards old page/$k.html > x; cards s page/$k.html > y; cmp -s x y || exit 1; done &&
	 cmp -s old/page/1.html s/page/1.html && cmp -s old/page/4.html s/page/4.html &&
	 test "$(ls s/page | wc -l)" = 12 && listing s page/ > got && test "$(wc -l < got)" = 65 &&
	 test "$(sort got | uniq -d | wc -l)" = 0'
check 'fewer articles than two pages: one page, no pagination' \
	'gen 0 9 > c.jsonl && news-render -q -o t --per-page 5 c.jsonl &&
	 test ! -d t/page && test "$(cards t index.html | wc -l)" = 9 && ! grep -q "class=\"pagination\"" t/index.html'
done_testing
