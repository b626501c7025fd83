#!/bin/sh
# news-fetch: sources and RSS 2.0 from local files
. "$(dirname "$0")/lib.sh"
F=$FIXTURES/fetch

check 'RSS 2.0: two items in feed order' '
	news-fetch "$F/rss2.xml" > out &&
	test "$(wc -l < out)" -eq 2 &&
	test "$(jq -r .title out)" = "First & foremost
Second"'
check 'RSS 2.0: fields of the first item' '
	news-fetch "$F/rss2.xml" | head -n 1 | jq -c "{id, published, author, author_email, categories, enclosures, image, comments, feed: .feed.title}" > got &&
	echo "{\"id\":\"urn:example:1\",\"published\":\"2025-12-13T07:30:00Z\",\"author\":\"Jane Doe\",\"author_email\":\"jane@example.org\",\"categories\":[\"World\",\"Politics\"],\"enclosures\":[{\"url\":\"https://cdn.example.org/a.mp3\",\"type\":\"audio/mpeg\",\"length\":12345}],\"image\":\"https://cdn.example.org/a.jpg\",\"comments\":\"https://news.example.org/2025/12/first#comments\",\"feed\":\"Example News\"}" > want &&
	test_cmp want got'
check 'relative link resolved, HTML entities decoded' '
	news-fetch "$F/rss2.xml" | sed -n 2p | jq -r ".url, .summary" > got &&
	printf "%s\n%s\302\240%s\n" "https://news.example.org/2025/12/second" "Plain été text" "here, AT&T." > want &&
	test_cmp want got'
check 'file:// URL works like a path' '
	news-fetch "file://$F/rss2.xml" | jq -r .feed.url | sort -u > got &&
	echo "file://$F/rss2.xml" > want && test_cmp want got'
check 'a missing file: diagnostic, exit 1, the others still read' '
	news-fetch "$F/nonexistent.xml" "$F/rss2.xml" > out 2> err; test $? -eq 1 &&
	test "$(wc -l < out)" -eq 2 && grep -q "^news-fetch: .*nonexistent.xml: No such file" err'
check 'no source: usage, exit 2' '
	news-fetch 2> err; test $? -eq 2 && grep -q usage err'
done_testing
