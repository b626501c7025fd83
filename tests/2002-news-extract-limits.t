#!/bin/sh
# news-extract: assistant-text precision, encodings, and bad input
# (empty, binary, truncated, huge, deeply nested, no article).
. "$(dirname "$0")/lib.sh"
X=$FIXTURES/extract

check 'a story about chatbots that quotes them is not damaged' \
	'news-extract --html "$X/chatbot-story.html" >c.json &&
	 test "$(jq ".warnings" c.json)" = null &&
	 jq -r .text c.json | grep -q "“If you want, I can help you finalize the entire section,”" &&
	 jq -r .text c.json | grep -q "^\"Would you like me to add a summary table?\" the chatbot replied" &&
	 jq -r .text c.json | grep -q "The assistant wrote: As an AI language model"'
check 'metadata from JSON-LD' \
	'test "$(jq -r .author c.json)" = "Amara Okafor" &&
	 test "$(jq -r .published c.json)" = 2025-11-02T10:00:00Z &&
	 test "$(jq -r .site_name c.json)" = "Media Desk"'
check 'windows-1251 page read as UTF-8' \
	'news-extract --html "$X/cp1251.html" | jq -r .text | grep -q "Привет, мир!"'
check 'no article: diagnostic, metadata kept, exit 1' \
	'news-extract --html "$X/no-article.html" >n.json 2>e; test $? -eq 1 &&
	 grep -q "no-article.html: no article text found" e &&
	 test "$(jq -r .title n.json)" = Startseite && test "$(jq "has(\"text\")" n.json)" = false'
check 'empty file: diagnostic, record with path, exit 1' \
	': >empty.html; news-extract --html empty.html >o 2>e; test $? -eq 1 &&
	 grep -q "empty.html: empty" e && jq -e ".path == \"empty.html\"" o'
check 'binary data: diagnostic, exit 1' \
	'head -c 4096 /dev/urandom >bin.html; printf "\0\0\0" >>bin.html;
	 news-extract --html bin.html >o 2>e; test $? -eq 1 && grep -q "binary" e'
check 'truncated HTML still gives the text read so far' \
	'head -c 2500 "$X/aggregator.html" >trunc.html &&
	 news-extract --html trunc.html | jq -r .title | grep -q "Mongolia opens"'
check '100000 nested elements: no crash' \
	'awk "BEGIN { for (i = 0; i < 100000; i++) printf \"<div>\"; print \"<p>deep text here, with words.</p>\" }" >deep.html &&
	 news-extract --html deep.html >o 2>e; test $? -le 1 && jq -e .path o'
check '50 MB page: over the 32 MiB limit, diagnostic, record passed through' \
	'{ echo "<html><body>"; yes "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>" | head -c 52428800; } >big.html &&
	 news-extract --html big.html >o 2>e; test $? -eq 1 && grep -q "32 MiB" e &&
	 jq -e ".path == \"big.html\" and (has(\"text\") | not)" o'
check 'a huge record on stdin is passed through unchanged' \
	'jq -Rsc "{id: \"big\", html: .}" big.html | news-extract >o 2>e; test $? -eq 1 &&
	 grep -q "big: HTML larger" e && jq -e ".id == \"big\" and has(\"html\")" o >/dev/null'
check 'html that is not a string: passed through, a note, exit 0' \
	'echo "{\"id\":\"n\",\"html\":42}" | news-extract >o 2>e && jq -e ".html == 42" o &&
	 grep -q "n: no html field: passed through" e'
check 'every fuzz seed and crash found so far: no crash, one record each' \
	'n=0; set --; for f in "$TOP"/tests/fuzz/seeds/extract/*; do
		n=$((n + 1)); set -- "$@" --html "$f"; done &&
	 news-extract "$@" >s.jsonl 2>s.err;
	 st=$?; test $st -le 1 && test "$(wc -l <s.jsonl)" -eq "$n" &&
	 ! grep -q Sanitizer s.err'
done_testing
