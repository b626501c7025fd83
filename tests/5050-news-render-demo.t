#!/bin/sh
# make demo (examples/demo.sh): the whole pipeline on the demo corpus.
# It must say so and fail when a tool is missing; when the pipeline runs,
# the site must hold the corpus (31 articles after one near-duplicate
# went, at least eight countries, the leaked assistant text flagged),
# pass the site checks, and load in Chromium without console messages
# (screenshots to $NEWS_BUILD/screenshots/demo-*.png).
. "$(dirname "$0")/lib.sh"
R=$FIXTURES/render
SHOTS=${NEWS_BUILD:-$TOP/build}/screenshots

mkdir partial && cp "$NEWS_BIN/news-render" partial/
check 'a missing tool stops the demo, saying which' \
	'NEWS_BIN=$SCRATCH/partial DEMO_OUT=$SCRATCH/nosite sh $TOP/examples/demo.sh > out 2>&1; test $? = 1 &&
	 grep -q "demo: missing tools: news-fetch news-extract news-tag news-calendar" out &&
	 test ! -e nosite'

DEMO_OUT=$SCRATCH/demo-site sh "$TOP/examples/demo.sh" > demo.out 2> demo.err
st=$?
if [ $st -ne 0 ]; then
	# every tool is built: a demo that stops is a failure, said with why
	check 'a failing demo says why' 'grep -q "^demo: .*\(failed\|wrote nothing\|missing\)" demo.err'
	check "the demo pipeline runs (it stopped with exit $st)" 'cat demo.err; false'
	done_testing
	exit
fi
S=demo-site
check 'the demo prints where the site is, a listing and the calendar' \
	'grep -q "^The site: $SCRATCH/demo-site/index.html" demo.out &&
	 test $(grep -c "^2025-1[012]-[0-9][0-9]  " demo.out) -ge 28 &&
	 grep -q "December 2025" demo.out'
check 'the corpus is there: 31 articles, one near-duplicate dropped' \
	'test $(ls $S/2025/*/*/*.html | wc -l) -eq 31 &&
	 test $(ls $S/2025/12/10/ | grep -c "^solar-plant-near-niamey") -eq 1'
check 'at least eight countries, two months of archives' \
	'test $(ls -d $S/country/*/ | wc -l) -ge 8 &&
	 test -f $S/archive/2025/11/index.html && test -f $S/archive/2025/12/index.html'
check 'the leaked assistant text is flagged' \
	'grep -l "written by an AI assistant" $S/2025/12/17/*.html'
check 'related articles and sources are linked' \
	'grep -q "Related articles" $S/2025/12/13/*.html &&
	 grep -q "Originally published by <a class=\"external\" href=\"https://harbour.example/ferry-crews-strike\"" $S/2025/12/13/*.html'
check 'no active content, internal links resolve' 'python3 $R/sitecheck.py $S'
check 'every page parses with libxml2' 'sh $R/htmlcheck.sh $S'
if command -v jing >/dev/null 2>&1; then
	check 'feed.xml is valid Atom' 'jing -c $R/atom.rnc $S/feed.xml'
fi
check 'sitemap.xml is valid' 'xmllint --noout --schema $R/sitemap.xsd $S/sitemap.xml'
if [ -x /usr/bin/chromium ]; then
	CH=$FIXTURES/browser/chrome.sh
	mkdir -p dom "$SHOTS"
	check 'Chromium: the demo pages load without console messages' \
		'for p in index.html $(cd $S && ls 2025/12/17/*.html 2025/12/13/*.html) tag/index.html country/index.html archive/2025/12/index.html; do
		    $CH dom "file://$SCRATCH/$S/$p" dom/page.html || exit 1;
		    test -s dom/page.html && test ! -s dom/page.html.console || { echo $p; cat dom/page.html.console; exit 1; };
		 done'
	check 'screenshots of the demo at phone and desktop widths' \
		'A=$(cd $S && ls 2025/12/17/*.html | head -n 1) &&
		 for w in 390,844 1280,900; do
		    $CH shot "file://$SCRATCH/$S/index.html" "$SHOTS/demo-home-$w.png" $w &&
		    $CH shot "file://$SCRATCH/$S/$A" "$SHOTS/demo-article-$w.png" $w || exit 1;
		 done &&
		 $CH shot-dark "file://$SCRATCH/$S/$A" "$SHOTS/demo-article-dark.png" 1280,900 &&
		 test -s "$SHOTS/demo-article-dark.png"'
else
	skip 'chromium is not installed (make deps)'
fi
done_testing
