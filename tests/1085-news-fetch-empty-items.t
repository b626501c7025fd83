#!/bin/sh
# news-fetch: an item with no link, id or title and nothing to read (no
# summary, content or enclosure) is written as the feed has it (a feed
# parser's reading, and what carries the feed's own fields), with one note
# per feed that counts them; the later tools pass it by, exit 0
. "$(dirname "$0")/lib.sh"
F=$FIXTURES/fetch

check 'RSS: every item is written, the empty ones too, in order' '
	news-fetch "$F/empty-items.xml" > out 2> err &&
	jq -r "[.title, .id, .url] | map(. // \"-\") | join(\" \")" out > got &&
	printf "%s\n" "- - -" "Only a title - -" "- - -" "- - -" "- urn:only:id -" "- - -" \
	    "- https://empty.example.org/a https://empty.example.org/a" > want &&
	test_cmp want got &&
	sed -n 4p out | jq -e ".author and .published" >/dev/null'
check 'one note for the feed, with the count; exit 0' '
	news-fetch "$F/empty-items.xml" > out 2> err &&
	test "$(wc -l < err)" -eq 1 &&
	grep -q "^news-fetch: .*empty-items.xml: 3 empty items (no link, id, title, text or enclosure): later tools pass them by$" err'
check '-q: no note' '
	news-fetch -q "$F/empty-items.xml" > out 2> err && test ! -s err &&
	test "$(wc -l < out)" -eq 7'
check 'Atom: an empty entry is counted (singular note)' '
	printf "%s\n" "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>" \
	    "<entry></entry><entry><id>tag:x,2025:1</id></entry></feed>" > a.xml &&
	news-fetch a.xml > out 2> err && test "$(wc -l < out)" -eq 2 &&
	grep -q "a.xml: 1 empty item (no link, id, title, text or enclosure): later tools pass them by$" err'
check 'RSS: a description alone is an item (RSS 2.0 allows it)' '
	news-fetch "$F/empty-items.xml" 2> /dev/null | sed -n 3p |
	    jq -e ".summary | test(\"description alone\")"'
check 'JSON Feed: an empty item and one of tags alone are counted' '
	echo "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"items\":[{},{\"tags\":[\"t\"]},{\"content_text\":\"x\"},{\"id\":\"1\"}]}" > j.json &&
	news-fetch j.json > out 2> err && test "$(wc -l < out)" -eq 4 &&
	test "$(jq -r ".id // empty" out)" = 1 &&
	grep -q "j.json: 2 empty items (no link, id, title, text or enclosure): later tools pass them by$" err'
check 'the whole pipeline over a feed of empty items: exit 0 at every stage' '
	news-fetch -q "$F/empty-items.xml" | jq -c "select(.url == null)" > items &&
	news-fetch -q --pages --delay 0 items > pages &&
	news-extract -q pages > arts && news-tag -q arts > tagged &&
	news-render -q -f text tagged > digest && news-calendar -q tagged > cal &&
	test "$(wc -l < tagged)" -eq 6'
check 'a feed with no such item says nothing' '
	news-fetch "$F/rss2.xml" > out 2> err && test ! -s err'
done_testing
