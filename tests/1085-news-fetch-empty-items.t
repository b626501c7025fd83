#!/bin/sh
# news-fetch: an item with no link, id or title and nothing to read (no
# summary, content or enclosure) is dropped at the feed, with one note
# per feed that counts them
. "$(dirname "$0")/lib.sh"
F=$FIXTURES/fetch

check 'RSS: the items without link, id, title or text are not emitted' '
	news-fetch "$F/empty-items.xml" > out 2> err &&
	jq -r "[.title, .id, .url] | map(. // \"-\") | join(\" \")" out > got &&
	printf "%s\n" "Only a title - -" "- - -" "- urn:only:id -" \
	    "- https://empty.example.org/a https://empty.example.org/a" > want &&
	test_cmp want got'
check 'one note for the feed, with the count; exit 0' '
	news-fetch "$F/empty-items.xml" > out 2> err &&
	test "$(wc -l < err)" -eq 1 &&
	grep -q "^news-fetch: .*empty-items.xml: 3 empty items dropped (no link, id, title, text or enclosure)$" err'
check '-q: no note' '
	news-fetch -q "$F/empty-items.xml" > out 2> err && test ! -s err &&
	test "$(wc -l < out)" -eq 4'
check 'Atom: an empty entry is dropped (singular note)' '
	printf "%s\n" "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>" \
	    "<entry></entry><entry><id>tag:x,2025:1</id></entry></feed>" > a.xml &&
	news-fetch a.xml > out 2> err && test "$(wc -l < out)" -eq 1 &&
	grep -q "a.xml: 1 empty item dropped (no link, id, title, text or enclosure)$" err'
check 'RSS: a description alone is an item (RSS 2.0 allows it)' '
	news-fetch "$F/empty-items.xml" 2> /dev/null | sed -n 2p |
	    jq -e ".summary | test(\"description alone\")"'
check 'JSON Feed: an empty item and one of tags alone are dropped, text kept' '
	echo "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"items\":[{},{\"tags\":[\"t\"]},{\"content_text\":\"x\"},{\"id\":\"1\"}]}" > j.json &&
	news-fetch j.json > out 2> err && test "$(wc -l < out)" -eq 2 &&
	test "$(jq -r ".id // empty" out)" = 1 &&
	grep -q "j.json: 2 empty items dropped (no link, id, title, text or enclosure)$" err'
check 'a feed with no such item says nothing' '
	news-fetch "$F/rss2.xml" > out 2> err && test ! -s err'
done_testing
