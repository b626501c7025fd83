#!/bin/sh
# Record I/O through the real filters (DESIGN.md "Errors and bad input"):
# empty input, a 100 MB line, NUL bytes, invalid UTF-8, arrays and
# numbers, a truncated last line, unreadable operands, a full disk, and
# a reader that goes away.  Each bad line gets a diagnostic with its line,
# the other records come through with the user's fields untouched and in
# order, and the status is 1.
. "$(dirname "$0")/lib.sh"

good1='{"mine":"first","n":1,"title":"Talks in Mongolia","text":"Officials in Ulaanbaatar met on Monday.","html":"<html><body><article><h1>Talks in Mongolia</h1><p>Officials in Ulaanbaatar met on Monday to talk about trade and coal.</p></article></body></html>"}'
good2='{"mine":"second","n":2,"title":"Seoul","text":"South Korea said on Tuesday.","html":"<html><body><article><h1>Seoul</h1><p>South Korea said on Tuesday that it would resume talks with its northern neighbour next month, officials in Seoul said.</p></article></body></html>"}'

# user fields of the output records, in order
mine() {
	jq -c '{mine, n}'
}

for tool in news-tag news-extract; do
	if ! command -v $tool >/dev/null 2>&1; then
		skip "$tool not built"
		continue
	fi
	check "$tool: empty input is no output, status 0, silent" "
		$tool </dev/null >out 2>err &&
		test ! -s out && test ! -s err"

	check "$tool: arrays, numbers, NUL, truncated line: reported by line, rest kept" "
		{ echo '$good1'; echo '[1,2]'; echo 42; printf '{\"a\":\"x\\000y\"}\\n';
		  echo '$good2'; printf '{\"a\":'; } >in &&
		{ $tool <in >out 2>err; test \$? -eq 1; } &&
		cat >expect <<-EOF2 &&
		$tool: <stdin>:2: not a JSON object but an array
		$tool: <stdin>:3: not a JSON object but a number
		$tool: <stdin>:4: invalid JSON: NUL byte at column 8
		$tool: <stdin>:6: invalid JSON: unexpected token near end of file (column 5)
		EOF2
		test_cmp expect err &&
		mine <out >got && printf '%s\n' '{\"mine\":\"first\",\"n\":1}' '{\"mine\":\"second\",\"n\":2}' >want &&
		test_cmp want got"

	check "$tool: user fields keep their place: before the tool's own" "
		echo '$good1' | $tool >out &&
		jq -r 'keys_unsorted | .[0:2] | join(\",\")' out >got && echo mine,n >want &&
		test_cmp want got"

	check "$tool: invalid UTF-8 repaired to U+FFFD, record kept, output valid" "
		{ printf '{\"mine\":\"a\\377b\\300\",\"n\":3,\"title\":\"x\",\"text\":\"y\",\"html\":\"<p>y</p>\"}\\n'; } >in &&
		{ $tool <in >out 2>err; test \$? -le 1; } &&
		python3 -c 'import sys; sys.stdin.buffer.read().decode(\"utf-8\")' <out &&
		jq -r .mine out >got && printf 'a\\357\\277\\275b\\357\\277\\275\\n' >want && test_cmp want got"

	check "$tool: a line over NEWS_MAX_RECORD is skipped and reported" "
		{ echo '$good1'; python3 -c 'print(\"{\\\"big\\\":\\\"\" + \"x\" * 200000 + \"\\\"}\")'; echo '$good2'; } >in &&
		{ NEWS_MAX_RECORD=100000 $tool <in >out 2>err; test \$? -eq 1; } &&
		echo '$tool: <stdin>:2: record longer than the maximum of 100000 bytes, skipped' >expect &&
		test_cmp expect err && test \$(wc -l <out) -eq 2"

	if [ -w /dev/full ]; then
		check "$tool: a full disk is a write error, status 2" "
			echo '$good1' >in &&
			{ $tool in >/dev/full 2>err; test \$? -eq 2; } &&
			grep -q '^$tool: <stdout>: write error' err"
	fi

	check "$tool: | head ends quietly" "
		i=0; while [ \$i -lt 3000 ]; do echo '$good2'; i=\$((i + 1)); done >in &&
		$tool in 2>err | head -n 1 >/dev/null && test ! -s err"
	check "$tool: unreadable operand reported, next operand read, status 1" "
		echo '$good2' >in &&
		{ $tool does-not-exist in >out 2>err; test \$? -eq 1; } &&
		grep -q '^$tool: does-not-exist: No such file or directory\$' err &&
		mine <out >got && echo '{\"mine\":\"second\",\"n\":2}' >want && test_cmp want got"

	check "$tool: - is stdin, between operands" "
		echo '$good1' >a && echo '$good2' | $tool a - >out &&
		mine <out >got && printf '%s\n' '{\"mine\":\"first\",\"n\":1}' '{\"mine\":\"second\",\"n\":2}' >want &&
		test_cmp want got"
done

# one real 100 MB line under the default limit (64 MiB): reported, skipped,
# memory bounded by the limit, not by the line
if command -v news-tag >/dev/null 2>&1; then
	check "news-tag: a 100 MB line is reported and skipped" "
		{ echo '$good1'; printf '{\"big\":\"'; head -c 104857600 /dev/zero | tr '\\\\000' x; echo '\"}'; echo '$good2'; } >in &&
		{ news-tag in >out 2>err; test \$? -eq 1; } &&
		echo 'news-tag: in:2: record longer than the maximum of 67108864 bytes, skipped' >expect &&
		test_cmp expect err && test \$(wc -l <out) -eq 2"
fi
done_testing
