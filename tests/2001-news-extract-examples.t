#!/bin/sh
# Every command of EXAMPLES in news-extract(1), run on our fixtures: curl
# and news-fetch are stand-ins that serve a local page (no network).
. "$(dirname "$0")/lib.sh"

PAGE=$FIXTURES/extract/aggregator.html
mkdir stub
cat >stub/curl <<STUB
#!/bin/sh
cat "$PAGE"
STUB
cat >stub/news-fetch <<STUB
#!/bin/sh
if [ "\$1" = --pages ]; then
	jq -c --rawfile h "$PAGE" '. + {html: \$h, status: 200, content_type: "text/html; charset=utf-8"}'
else
	echo '{"url":"https://steppewire.example/2025/12/13/rail-link/","id":"rail-1","title":"Rail link"}'
fi
STUB
chmod +x stub/curl stub/news-fetch
PATH=$SCRATCH/stub:$PATH
cp "$PAGE" page.html
echo https://steppewire.example/feed.xml >feeds.txt

sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$TOP/man/news-extract.1" |
    sed -n '/^\.Bd/,/^\.Ed/p' | grep -v '^\.[BE]d' >examples
check 'the manual has examples' 'test "$(wc -l <examples)" -ge 3'
while IFS= read -r cmd; do
	check "example: $cmd" "{ $cmd; } >out 2>err && test ! -s err &&
	    { test -s out || test -s articles.jsonl; }"
done <examples
check 'the pipeline example wrote an article record' \
	'jq -e ".id == \"rail-1\" and (.text | test(\"ULAANBAATAR\")) and (has(\"html\") | not)" articles.jsonl'
done_testing
