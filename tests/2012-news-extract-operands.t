#!/bin/sh
# news-extract's operands are files of records, as for every filter
# (news(7)); a raw HTML page from a file is --html FILE.
. "$(dirname "$0")/lib.sh"
X=$FIXTURES/extract

jq -Rsc '{id: "agg", url: "https://steppewire.example/2025/12/13/rail-link/", html: .}' \
    "$X/aggregator.html" >run1.jsonl
jq -Rsc '{id: "byl", html: .}' "$X/byline.html" >run2.jsonl
cat run1.jsonl run2.jsonl >both.jsonl

check 'a records file as operand: one record a line, not one page of JSON' '
	news-extract both.jsonl >out 2>err && test "$(wc -l <out)" -eq 2 &&
	test "$(jq -r .id out | tr "\n" " ")" = "agg byl " &&
	jq -s -e "map(select(.id == \"agg\"))[0].title == \"Mongolia opens new rail link to the south\"" out &&
	jq -s -e "all(.[]; (has(\"html\") | not) and .word_count < 2000)" out'
check 'the operands in order, - is stdin, same records as from stdin' '
	news-extract run2.jsonl - run1.jsonl <run1.jsonl >out &&
	test "$(jq -r .id out | tr "\n" " ")" = "byl agg agg " &&
	news-extract <both.jsonl >a && news-extract run1.jsonl run2.jsonl >b && test_cmp a b'
check 'an HTML page as operand: refused with a hint, other operands read, exit 1' '
	{ news-extract "$X/aggregator.html" run2.jsonl >out 2>err; test $? -eq 1; } &&
	test "$(jq -r .id out)" = byl &&
	test "$(wc -l <err)" -eq 1 &&
	grep -q "^news-extract: .*aggregator.html: an HTML page, not records: use --html " err'
check '--html FILE: one record with path, title extracted' '
	news-extract --html "$X/aggregator.html" >out &&
	jq -e ".path == \"$X/aggregator.html\" and (.title | test(\"rail link\"))" out'
check '--html more than once, --html - from stdin, in option order' '
	news-extract --html "$X/byline.html" --html - <"$X/aggregator.html" >out &&
	test "$(jq -r .path out | tr "\n" " ")" = "$X/byline.html - "'
check '--html with operands: the pages first, then the records' '
	news-extract --html "$X/byline.html" run1.jsonl >out &&
	test "$(jq -r ".path // .id" out | tr "\n" " ")" = "$X/byline.html agg "'
check '--html alone does not read records from stdin' '
	news-extract --html "$X/byline.html" <both.jsonl >out && test "$(wc -l <out)" -eq 1'
check '--html with --url: the page gets the url, links resolved against it' '
	news-extract --url https://steppewire.example/a/ --html "$X/aggregator.html" >out &&
	jq -e ".url == \"https://steppewire.example/a/\"" out'
check '--html of a missing file: reported, exit 1' '
	{ news-extract --html nosuch.html >out 2>err; test $? -eq 1; } &&
	grep -q "^news-extract: nosuch.html: No such file or directory" err'
check 'news-extract(1) EXAMPLES give news-fetch its -f for a feed list' '
	sed -n "/^\.Sh EXAMPLES/,/^\.Sh /p" "$TOP/man/news-extract.1" >ex &&
	grep -q "^news-fetch -f feeds.txt " ex && ! grep -q "^news-fetch feeds.txt" ex &&
	grep -q "news-extract --html " ex'
done_testing
