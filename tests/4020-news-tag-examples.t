#!/bin/sh
# Every command of EXAMPLES in news-tag(1), run on articles of our own.
. "$(dirname "$0")/lib.sh"

cp "$FIXTURES/tag/articles.jsonl" articles.jsonl
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$TOP/man/news-tag.1" |
    sed -n 's/^\$ //p' | sed 's/\\e/\\/g' > examples
check 'the manual has examples' 'test "$(wc -l < examples)" -ge 6'
while IFS= read -r cmd; do
	check "example: $(printf "%s" "$cmd" | tr -d "\\\\")" "{ $cmd; } > out 2> err && test ! -s err &&
	    { test -s out || test -s tagged.jsonl; }"
done < examples
check 'example results: own tags and places' '
	news-tag -r my.rules -g my.tsv articles.jsonl | head -n 1 |
	    jq -e "(.tags | index(\"Mining\")) and .countries == [\"MN\"]"
'
done_testing
