#!/bin/sh
# Per-record notes: a record a tool has nothing to do with (no html at
# news-extract, no title or text at news-tag, no id, url or path at
# news-render, no date at news-calendar, no url at news-fetch --pages) is
# passed through or skipped with a note, counted once a run in a summary
# line, and the tool exits 0.  -q silences the notes: what is left is the
# one summary line, and nothing at all when all went well.
. "$(dirname "$0")/lib.sh"
. "$FIXTURES/fetch/server.sh"
start_httpd

printf '%s\n' '{"id":"a"}' '{"id":"b","x":1}' '{"id":"c"}' >bare.jsonl
printf '%s\n' '{"x":1}' '{"title":"t"}' '{"y":2}' >nolabel.jsonl

# tool, the kind's summary line
while IFS='|' read -r t input summary; do
	check "$t: a note per record, one summary, exit 0" "
		$t $input >out 2>err && test \$(wc -l <err) -eq 4 &&
		tail -n 1 err >last && echo '$summary' >want && test_cmp want last"
	check "$t -q: only the summary line, exit 0" "
		$t -q $input >out 2>err && echo '$summary' >want && test_cmp want err"
done <<'EOT'
news-extract|<bare.jsonl|news-extract: 3 records passed through: no html field (first: <stdin>:1: a)
news-tag|bare.jsonl|news-tag: 3 records passed through: no title or text (first: bare.jsonl:1: a)
news-render -f text|nolabel.jsonl|news-render: 3 records skipped: no id, url or path (first: nolabel.jsonl:1)
news-fetch --pages|bare.jsonl|news-fetch: 3 records passed through: no url (first: a)
EOT
check 'news-extract passes the records through unchanged' '
	news-extract -q <bare.jsonl >out 2>/dev/null && test_cmp bare.jsonl out'
check 'news-fetch --pages passes the records through unchanged' '
	news-fetch -q --pages bare.jsonl >out 2>/dev/null && test_cmp bare.jsonl out'
check 'news-render -o: records without a name skipped, exit 0, one line with -q' '
	news-render -q -o site nolabel.jsonl 2>err &&
	echo "news-render: 3 records skipped: no id, url or path (first: nolabel.jsonl:1)" >want &&
	test_cmp want err'
check 'news-calendar: records without a date, one line, exit 0, with or without -q' '
	news-calendar -m 2025-12 bare.jsonl >out 2>err &&
	echo "news-calendar: 3 records skipped: no date (first: bare.jsonl:1)" >want &&
	test_cmp want err && news-calendar -q -m 2025-12 bare.jsonl >out 2>err && test_cmp want err'
check 'one note is not repeated by a summary' '
	echo "{\"id\":\"a\"}" | news-tag >out 2>err && test "$(wc -l <err)" -eq 1 &&
	grep -q "^news-tag: <stdin>:1: a: no title or text: passed through$" err'

# a page extraction failed for is a failure: exit 1, still one line with -q
check 'news-extract -q: pages without an article, one summary, exit 1' '
	printf "%s\n" "{\"id\":\"p\",\"html\":\"<p></p>\"}" "{\"id\":\"q\",\"html\":\"<b></b>\"}" >empty.jsonl &&
	{ news-extract -q <empty.jsonl >out 2>err; test $? -eq 1; } &&
	test "$(wc -l <err)" -eq 1 &&
	grep -q "^news-extract: 2 records failed: .* (first: <stdin>:1: p)$" err'

# all went well: with -q, not a byte on stderr
page='<html><head><title>Rail link opens</title></head><body><article><h1>Rail link opens</h1><p>The new rail link between the capital and the southern border opened on Monday, cutting the journey from two days to nine hours, officials said at the ceremony.</p><p>Freight trains will follow next month, carrying coal and copper to the border crossing, where lorries now wait for days in queues.</p></article></body></html>'
check 'all went well: -q writes nothing on stderr, every stage' '
	printf "%s\n" "{\"id\":\"r\",\"url\":\"$BASE/page/a.html\",\"published\":\"2025-12-01T10:00:00Z\"}" >good.jsonl &&
	news-fetch -q --pages --delay 0 good.jsonl >p.jsonl 2>err1 &&
	jq -c --arg h "$page" ".html = \$h" p.jsonl >h.jsonl &&
	news-extract -q <h.jsonl >x.jsonl 2>err2 &&
	news-tag -q x.jsonl >t.jsonl 2>err3 &&
	news-render -q -o site2 t.jsonl 2>err4 &&
	news-render -q -f text t.jsonl >/dev/null 2>err5 &&
	news-calendar -q t.jsonl >/dev/null 2>err6 &&
	for e in err1 err2 err3 err4 err5 err6; do test ! -s $e || { echo $e; cat $e; exit 1; }; done'
done_testing
