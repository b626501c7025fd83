#!/bin/sh
# news-render: themes override the default theme file by file (issue
# 16.13), and the site's own words (--about FILE, or a theme's about.txt)
# give the disclaimer, the takedown contact and the promise in the footer.
. "$(dirname "$0")/lib.sh"
R=$FIXTURES/render

mkdir th && printf '%s\n' '</main>' '<footer class="mine">{{site.title}}: our footer</footer>' '</body></html>' > th/footer.html
check 'a theme holding only footer.html works' \
	'news-render -q -o s --theme th $R/basic.jsonl && test -f s/index.html &&
	 grep -q "<footer class=\"mine\">News: our footer</footer>" s/index.html &&
	 grep -q "<footer class=\"mine\">" s/2025/12/13/ferry-workers-strike-across-the-baltic-ports.html &&
	 grep -q "class=\"cards\"" s/index.html && cmp -s s/style.css "$TOP/themes/default/style.css"'
check 'the other files come from the default theme, those of the theme win' \
	'printf "body { color: red }\n" > th/style.css && printf "x\n" > th/extra.txt &&
	 news-render -q -o s --theme th $R/basic.jsonl &&
	 test "$(cat s/style.css)" = "body { color: red }" && test -f s/extra.txt'
check 'a template of the theme may replace a partial of the default' \
	'printf "<li class=\"mycard\">{{title}}</li>\n" > th/card.html &&
	 news-render -q -o s --theme th $R/basic.jsonl && grep -q "<li class=\"mycard\">Ferry workers" s/index.html &&
	 grep -q "<footer class=\"mine\">" s/tag/index.html'
check 'a broken template of the theme is reported with its path' \
	'mkdir bad && printf "{{#a}}\n" > bad/list.html &&
	 news-render -q -o t --theme bad $R/basic.jsonl 2>err; test $? = 2 && grep -q "bad/list.html" err'

cat > about.txt <<'A'
# the site's words
disclaimer: Headlines and extracts from public feeds, for reading
  and research; <b>every</b> article belongs to its publisher.
contact: takedown@news.example.org
promise: Articles are removed within 24 hours of a request.
A
footer() { sed -n '/<footer class="site-footer"/,/<\/footer>/p' "$1"; }
check '--about: disclaimer, takedown contact and promise in every footer' \
	'news-render -q -o a --about about.txt $R/basic.jsonl &&
	 for p in a/index.html a/2025/12/13/ferry-workers-strike-across-the-baltic-ports.html a/tag/index.html a/archive/index.html a/404.html; do
	     footer $p > f &&
	     grep -q "Headlines and extracts from public feeds, for reading and research; &lt;b&gt;every&lt;/b&gt; article" f &&
	     grep -q "<a href=\"mailto:takedown@news.example.org\">takedown@news.example.org</a>" f &&
	     grep -q "Articles are removed within 24 hours of a request." f || exit 1; done'
check 'without --about, the default words' \
	'news-render -q -o d $R/basic.jsonl && footer d/index.html | grep -q "Articles belong to their publishers" &&
	 ! grep -q "takedown" d/index.html'
check 'a contact URL is linked, other text is not' \
	'printf "contact: https://news.example.org/takedown\n" > u.txt && news-render -q -o u --about u.txt $R/basic.jsonl &&
	 grep -q "<a href=\"https://news.example.org/takedown\">" u/index.html &&
	 printf "contact: javascript:alert(1)\n" > j.txt && news-render -q -o j --about j.txt $R/basic.jsonl &&
	 ! grep -q "href=\"javascript" j/index.html && grep -q "write to javascript:alert(1)\." j/index.html'
check 'about.txt of a theme gives the words; --about wins over it' \
	'rm th/footer.html th/card.html && printf "promise: Removed within a day.\n" > th/about.txt &&
	 news-render -q -o t1 --theme th $R/basic.jsonl && test ! -f t1/about.txt &&
	 grep -q "Removed within a day." t1/2025/12/13/ferry-workers-strike-across-the-baltic-ports.html &&
	 news-render -q -o t2 --theme th --about about.txt $R/basic.jsonl &&
	 ! grep -q "Removed within a day." t2/index.html && grep -q "within 24 hours" t2/index.html'
check 'changed words reach every page (fingerprints)' \
	'sed "s/24 hours/12 hours/" about.txt > about2.txt && news-render -q -o a --about about2.txt $R/basic.jsonl &&
	 grep -q "within 12 hours" a/2025/12/13/ferry-workers-strike-across-the-baltic-ports.html'
check 'a bad --about line or a missing file exits 2, with the line' \
	'printf "promise: ok\nNot A Key\n" > b.txt &&
	 news-render -q -o b --about b.txt $R/basic.jsonl 2>err; test $? = 2 && grep -q "b.txt:2: " err &&
	 test "$(status news-render -q -o b --about nonexistent $R/basic.jsonl)" = 2'
check 'every internal link resolves, nothing active (sitecheck.py)' 'python3 $R/sitecheck.py a'
done_testing
