#!/bin/sh
# Every command of EXAMPLES in news-archive(1), in order, on articles of
# our own.
. "$(dirname "$0")/lib.sh"

cat >articles.jsonl <<'E'
{"url":"https://example.org/mn/talks","id":"tag:example.org,2025:talks","title":"Talks in Ulaanbaatar","text":"Leaders of Mongolia and China held talks in Ulaanbaatar on Friday about a railway to the border.","published":"2025-12-13T08:30:00Z"}
{"url":"https://example.org/mn/winter","title":"Winter comes to Mongolia","text":"Herders in Mongolia prepare for a hard winter on the steppe.","published":"2025-12-02T10:00:00Z"}
E
cat >archive.jsonl <<'E'
{"url":"https://example.org/old/1","title":"An older story","text":"From last year's flat archive.","published":"2024-06-01T00:00:00Z"}
E
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$TOP/man/news-archive.1" |
    sed -n 's/^\$ //p' | sed 's/\\e/\\/g' >examples
check 'the manual has examples' 'test "$(wc -l <examples)" -ge 9'
while IFS= read -r cmd; do
	check "example: $cmd" "{ $cmd; } >out 2>err && ! grep -v '^news-archive: news.db: [0-9a-z ,()]*\$' err"
done <examples
check 'example results: the search found the talks, the takedown took them' '
	news-archive get --country MN news.db >out && ! grep -q mn/talks out && test -s out &&
	grep -q "An older story" archive.jsonl && ! grep -q "mn/talks" archive.jsonl'
done_testing
