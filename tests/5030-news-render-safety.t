#!/bin/sh
# news-render: safety.  Every field of the XSS corpus (tests/render/
# xss.jsonl: vectors in titles, authors, sources, categories, tags,
# countries, URLs, images, languages, content, summaries, warnings) is
# escaped or sanitized; paths stay inside the output directory; internal
# links resolve; a theme cannot print a field unescaped.
. "$(dirname "$0")/lib.sh"
R=$FIXTURES/render

check 'renders the XSS corpus' \
	'news-render -q -o site --base-url https://news.example.org/ $R/xss.jsonl $R/basic.jsonl'
check 'no active content, every internal link resolves (sitecheck.py)' \
	'python3 $R/sitecheck.py site'
check 'every page parses with libxml2 (HTML) without errors' 'sh $R/htmlcheck.sh site'
check 'feeds stay well-formed' 'xmllint --noout site/feed.xml site/sitemap.xml site/news-sitemap.xml && jq -e . site/feed.json >/dev/null'
check 'nothing was written outside the output directory' \
	'test -z "$(find . -path ./site -prune -o -path ./.xdg -prune -o -type f -print | grep -v "^./.out$")"'
check 'slugs are ASCII and safe; a title of dots still has a page' \
	'! find site -name "*.html" | grep -q "[^A-Za-z0-9/._-]" &&
	 test -f site/2025/12/20/tmp-evil.html && ls site/2025/12/20/ | grep -q "^article.html$"'
check 'a javascript: source link is not linked' \
	'! grep -rqi "href=\"javascript" site'
check 'a language with markup is dropped' '! grep -rq "lang=\"en&quot;" site && grep -q "<article class=\"article\">" site/2025/12/10/*.html'
check 'warnings are shown as text' \
	'grep -q "seems to hold text written by an AI assistant" site/2025/12/10/*.html'
check 'the corpus is not reproduced raw' \
	'! grep -rq "<script>document.title" site --include="*.html" --include="*.xml"'
check 'Atom escapes content' \
	'grep -q "&lt;p&gt;Safe paragraph.&lt;/p&gt;" site/feed.xml && ! grep -q "<script" site/feed.xml'

# the template engine refuses unescaped output of untrusted fields
mkdir theme && cp "$TOP"/themes/default/* theme/
check 'a theme with {{{title}}} is refused' \
	'sed -i "s/{{article.title}}/{{{article.title}}}/" theme/article.html &&
	 test "$(status news-render -q -o t2 --theme theme $R/basic.jsonl)" = 2 &&
	 news-render -q -o t2 --theme theme $R/basic.jsonl 2>&1 | grep -q "only names ending in _html"'
check 'a broken theme is reported with its line' \
	'cp "$TOP"/themes/default/* theme/ && printf "{{#a}}\n" > theme/list.html &&
	 news-render -q -o t3 --theme theme $R/basic.jsonl 2>&1 | grep -q "list: {{#a}} is never closed"'
check 'a missing theme is fatal' \
	'test "$(status news-render -q -o t4 --theme nonexistent $R/basic.jsonl)" = 2'
check 'a bad input line is reported, the rest rendered, exit 1' \
	'{ cat $R/basic.jsonl; echo "not json"; } > mixed.jsonl &&
	 news-render -q -o t5 mixed.jsonl 2>err; test $? = 1 &&
	 grep -q "mixed.jsonl:9" err && test -f t5/index.html'
check 'the manifest never names a path outside the site; foreign files survive' \
	'mkdir -p t6 && echo keep > keep.txt &&
	 printf "../keep.txt\n/etc/hostname\nindex.html\n" > t6/.news-render-manifest &&
	 news-render -q -o t6 $R/basic.jsonl && test -f keep.txt'
check 'only http and https are linked, in every format (issue 17.5)' \
	'printf "%s\n" "{\"id\":\"javascript:alert(1)\",\"title\":\"j\"}" \
	    "{\"id\":\"x\",\"url\":\"JavaScript:alert(2)\",\"title\":\"k\"}" \
	    "{\"id\":\"data:text/html,x\",\"title\":\"l\"}" \
	    "{\"id\":\"https://ok.example/a\",\"title\":\"m\"}" > js.jsonl &&
	 news-render -f markdown js.jsonl > md && ! grep -qi "](javascript\|](data" md &&
	 grep -q "^- \[m\](https://ok.example/a)" md && grep -q "^- j\$" md &&
	 news-render -f atom js.jsonl | grep "<link" > links && ! grep -qi "javascript\|data:" links &&
	 news-render -f jsonfeed js.jsonl | jq -r ".items[] | .url // empty, .external_url // empty" > links &&
	 ! grep -qi "javascript\|data:" links &&
	 news-render -q -o t7 js.jsonl && ! grep -rqi "href=\"javascript\|href=\"data:" t7'
done_testing
