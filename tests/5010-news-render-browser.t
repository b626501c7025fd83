#!/bin/sh
# news-render in a browser: headless Chromium loads the XSS corpus site
# (with the default theme, and with a copy of it without its
# Content-Security-Policy, so that escaping and sanitizing alone are
# tested): no vector runs (none changes document.title or creates an
# <xss-marker> element), no console messages; screenshots at phone and
# desktop widths go to $NEWS_BUILD/screenshots/ for a person to look at.
. "$(dirname "$0")/lib.sh"
R=$FIXTURES/render
CH=$FIXTURES/browser/chrome.sh
SHOTS=${NEWS_BUILD:-$TOP/build}/screenshots

if ! [ -x /usr/bin/chromium ]; then
	skip 'chromium is not installed (make deps)'
	done_testing
	exit 0
fi

mkdir theme-nocsp && cp "$TOP"/themes/default/* theme-nocsp/ &&
    sed -i '/Content-Security-Policy/d' theme-nocsp/header.html
check 'renders the XSS corpus, with and without the CSP' \
	'news-render -q -o csp --base-url https://news.example.org/ $R/xss.jsonl $R/basic.jsonl &&
	 news-render -q -o nocsp --theme theme-nocsp $R/xss.jsonl $R/basic.jsonl &&
	 ! grep -q Content-Security-Policy nocsp/index.html'

# the pages: every article of the corpus, and listings that hold vectors
pages=$(cd nocsp && { grep -l 'xss.example' 20*/*/*/*.html;
    echo index.html; echo tag/index.html; echo author/index.html;
    echo category/index.html; ls tag/*/index.html | head -n 3; } | sort -u)
check 'pages to load' 'test -n "$pages"'
n=0
# every page without the CSP; with it (what users get), a few
for p in $pages; do
	n=$((n + 1))
	echo "file://$SCRATCH/nocsp/${p#./} dom/$n.html"
done > urls
for p in index.html $(echo "$pages" | grep "^20" | head -n 3); do
	n=$((n + 1))
	echo "file://$SCRATCH/csp/$p dom/$n.html"
done >> urls
mkdir dom
check 'Chromium loads every page' \
	'while read url out; do echo "$url $out"; done < urls |
	 xargs -P 6 -n 2 sh -c "$CH dom \$0 \$1 || echo \$0 >> failed" &&
	 test ! -s failed'
check 'no vector changed document.title' \
	'for f in dom/*.html; do
	    t=$(grep -o "<title>[^<]*</title>" $f);
	    case $t in *"<title>XSS"*|"") echo "$f: $t"; exit 1;; esac;
	 done'
check 'no vector created an element' '! grep -l "<xss-marker" dom/*.html'
check 'the escaped vectors are there as text' \
	'grep -q "&lt;script&gt;document.title=.XSS.&lt;/script&gt;" dom/*.html'
check 'no console messages (errors, CSP reports)' \
	'cat dom/*.console > console; test ! -s console || { cat console; false; }'

mkdir -p "$SHOTS" && rm -f "$SHOTS"/home-* "$SHOTS"/article-* "$SHOTS"/tags-* "$SHOTS"/month-*
check 'screenshots at phone and desktop widths' \
	'news-render -q -o shots $R/basic.jsonl &&
	 A=$(ls shots/2025/12/13/*.html | head -1) &&
	 for w in 390,844 1280,900; do
	    $CH shot "file://$SCRATCH/shots/index.html" "$SHOTS/home-$w.png" $w &&
	    $CH shot "file://$SCRATCH/$A" "$SHOTS/article-$w.png" $w &&
	    $CH shot "file://$SCRATCH/shots/tag/index.html" "$SHOTS/tags-$w.png" $w &&
	    $CH shot "file://$SCRATCH/shots/archive/2025/12/index.html" "$SHOTS/month-$w.png" $w || exit 1;
	 done && test $(ls $SHOTS/home-* $SHOTS/article-* $SHOTS/tags-* $SHOTS/month-* | wc -l) -eq 8 &&
	 echo "# screenshots in $SHOTS"'
echo "# screenshots in $SHOTS"
done_testing
