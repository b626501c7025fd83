#!/bin/sh
# An article nested deeper than the HTML parser's limit (libxml2's 256
# elements, kept) does not vanish with a bare "no article text found":
# the diagnostic and the record's warnings say that the limit was hit.
. "$(dirname "$0")/lib.sh"

# page DEPTH [TAIL]: an article DEPTH divs down; with TAIL, the article
# at the top and a DEPTH-deep box after it
page() {
	python3 - "$@" <<'EOF2'
import sys
n = int(sys.argv[1])
art = '<article><h1>Deep story</h1>' + ''.join(
    '<p>Paragraph %d of the deep story, with enough words in it to count '
    'as the text of an article for any extractor.</p>' % i for i in range(6)) + '</article>'
if len(sys.argv) > 2:
    body = art + '<div>' * n + '<p>deep box</p>' + '</div>' * n
else:
    body = '<div>' * n + art + '</div>' * n
print('<html><head><title>Deep story</title></head><body>' + body + '</body></html>')
EOF2
}
page 300 >deep300.html
page 250 >deep250.html
page 300 tail >tail300.html

check 'an article 300 deep: the nesting limit is named, exit 1' '
	{ news-extract --html deep300.html >out 2>err; test $? -eq 1; } &&
	test "$(wc -l <err)" -eq 1 &&
	grep -q "^news-extract: deep300.html: no article text found: elements nested deeper than the parser.s limit of 256" err'
check 'the record says it too, in warnings' '
	news-extract --html deep300.html 2>/dev/null >out;
	jq -e ".title == \"Deep story\" and (.text == null) and
	    ([.warnings[] | select(.type == \"too_deep\")] | length == 1) and
	    (.warnings[0].message | test(\"limit of 256\"))" out'
check 'the same from a record on stdin' '
	jq -Rsc "{id: \"d\", html: .}" deep300.html >d.jsonl &&
	{ news-extract <d.jsonl >out 2>err; test $? -eq 1; } &&
	grep -q "^news-extract: <stdin>:1: d: no article text found: elements nested deeper" err'
check '-q: one summary line, naming the limit' '
	cat d.jsonl d.jsonl >dd.jsonl &&
	{ news-extract -q <dd.jsonl >out 2>err; test $? -eq 1; } &&
	test "$(wc -l <err)" -eq 1 &&
	grep -q "^news-extract: 2 records failed: no article text found: elements nested deeper than the parser.s limit of 256.* (first: <stdin>:1: d)$" err'
check 'an article 250 deep is found, without a warning' '
	news-extract --html deep250.html >out 2>err && test ! -s err &&
	jq -e "(.word_count > 100) and (has(\"warnings\") | not)" out'
check 'an article above a deep box: kept, with the warning, exit 0' '
	news-extract --html tail300.html >out 2>err && test ! -s err &&
	jq -e "(.word_count > 100) and (.warnings[0].type == \"too_deep\")" out'
done_testing
