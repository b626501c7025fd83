#!/bin/sh
# news-extract: the aggregator-shaped page, input modes, pass-through.
. "$(dirname "$0")/lib.sh"
X=$FIXTURES/extract
U=https://steppewire.example/2025/12/13/rail-link/

news-extract --url "$U" --html "$X/aggregator.html" >agg.json 2>agg.err

check 'file operand: one record with path' \
	'test "$(wc -l <agg.json)" -eq 1 &&
	 test "$(jq -r .path agg.json)" = "$X/aggregator.html"'
check '--utc: published in UTC' \
	'news-extract --utc --html "$X/aggregator.html" >u.json &&
	 test "$(jq -r .published u.json)" = 2025-12-13T00:30:00Z'
check 'title without the site-name tail' \
	'test "$(jq -r .title agg.json)" = "Mongolia opens new rail link to the south"'
check 'site name, published at the page offset, lang' \
	'test "$(jq -r .site_name agg.json)" = "Steppe Wire" &&
	 test "$(jq -r .published agg.json)" = 2025-12-13T08:30:00+08:00 &&
	 test "$(jq -r .lang agg.json)" = en'
check 'article text kept, with the table cells in order' \
	'jq -r .text agg.json | grep -q "^ULAANBAATAR — Mongolia opened" &&
	 jq -r .text agg.json | grep -q "^2024	83.7$" &&
	 jq -r .text agg.json | grep -q "^- Capacity: 30 million"'
check 'figure caption kept' \
	'jq -r .text agg.json | grep -q "The first freight train leaves"'
check 'menus, related posts, calendar, tag cloud, disclaimer, comments dropped' \
	'! jq -r .text agg.json | grep -E -q "Kazakhstan|Related posts|Coal exports reach|December 2025|elections|Disclaimer|Great news|Subscribe|Share on|do not extract|covers Central Asia"'
check 'leaked assistant text removed and reported' \
	'! jq -r .text,.content agg.json | grep -E -q "It looks like|If you want|Would you like" &&
	 jq -r ".text" agg.json | grep -q "depend on Chinese demand.$" &&
	 test "$(jq "[.warnings[] | select(.type == \"assistant_text\")] | length" agg.json)" = 3'
check 'content: safe markup, absolute URLs' \
	'jq -r .content agg.json | grep -q "<img src=\"https://steppewire.example/img/train.jpg\"" &&
	 jq -r .content agg.json | grep -q "<table>" &&
	 ! jq -r .content agg.json | grep -E -q "<script|<div|class="'
check 'categories and keywords' \
	'test "$(jq -c .categories agg.json)" = "[\"Economy\"]" &&
	 test "$(jq -c .keywords agg.json)" = "[\"Railways\",\"Trade\"]"'
check 'word count' 'test "$(jq .word_count agg.json)" -gt 100'

check 'records on stdin: html dropped, other fields kept in order' \
	'jq -Rsc "{id: \"x1\", mine: 7, url: \"$U\", html: .}" "$X/aggregator.html" |
	 news-extract >rec.json &&
	 test "$(jq -r "keys_unsorted[0:3] | join(\",\")" rec.json)" = "id,mine,url" &&
	 test "$(jq "has(\"html\")" rec.json)" = false &&
	 test "$(jq -r .title rec.json)" = "Mongolia opens new rail link to the south"'
check '--keep-html keeps html' \
	'jq -Rsc "{html: .}" "$X/aggregator.html" | news-extract --keep-html |
	 jq -e "has(\"html\") and has(\"text\")"'
check 'operand - reads one page from stdin' \
	'news-extract --html - <"$X/aggregator.html" | jq -e ".path == \"-\" and (.text | length > 500)"'
check 'record without html: passed through unchanged, a note, exit 0' \
	'echo "{\"id\":\"n1\",\"title\":\"T\"}" >nohtml.json &&
	 news-extract <nohtml.json >out.json 2>err &&
	 test_cmp nohtml.json out.json && grep -q "news-extract: .*n1: no html" err'
check 'bad JSON line reported with its line number, rest processed' \
	'printf "{\"html\":\"<p>x</p>\"}\nnot json\n{\"html\":\"<p>y</p>\"}\n" |
	 news-extract >o.json 2>e; test $? -eq 1 && test "$(wc -l <o.json)" -eq 2 &&
	 grep -q "<stdin>:2" e'
check 'missing file: diagnostic, exit 1, other operands processed' \
	'news-extract --html nosuch.html --html "$X/aggregator.html" >o.json 2>e; test $? -eq 1 &&
	 grep -q "news-extract: nosuch.html" e && test "$(wc -l <o.json)" -eq 1'
check_fail 'unknown option: usage error' 'news-extract --bogus </dev/null'
check 'usage error exits 2' 'test "$(status news-extract --bogus)" = 2'
check '--version' 'news-extract --version | grep -q news-extract'
done_testing
