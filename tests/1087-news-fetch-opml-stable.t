#!/bin/sh
# news-fetch --export-opml: exporting what was exported gives the same
# file, byte for byte, in the order the sources were given
. "$(dirname "$0")/lib.sh"
F=$FIXTURES/fetch

# twice FILE...: export, import and export again: the same bytes
twice() {
	news-fetch "$@" --export-opml > a.opml &&
	news-fetch --opml a.opml --export-opml > b.opml &&
	news-fetch --opml b.opml --export-opml > c.opml &&
	test_cmp a.opml b.opml && test_cmp b.opml c.opml
}

check 'a list without labels: no title appears the second time' '
	printf "%s\n" https://a.example/feed.xml "https://b.example/rss Bee News" \
	    https://c.example/atom > list &&
	twice -f list && ! grep -q "title=\"https://a.example" b.opml &&
	grep -q "text=\"Bee News\" title=\"Bee News\"" b.opml'
check 'an OPML list with nesting, text-only and titled outlines' 'twice --opml "$F/subs.opml"'
check 'sources of -f, --opml and operands: the order as given, every time' '
	printf "%s\n" https://z.example/1 https://a.example/2 > list &&
	twice -f list --opml "$F/subs.opml" https://m.example/3 &&
	grep -o "xmlUrl=\"[^\"]*\"" a.opml > got &&
	printf "xmlUrl=\"%s\"\n" https://z.example/1 https://a.example/2 \
	    https://news.example.org/feed.xml https://atom.example.com/feed.atom \
	    https://json.example.com/feed.json https://m.example/3 > want &&
	test_cmp want got'
check 'a label with a tab and a newline comes back the same' '
	printf "<opml version=\"2.0\"><body><outline text=\"a&#9;b&#10;c\" xmlUrl=\"https://t.example/\"/></body></opml>\n" > t.opml &&
	twice --opml t.opml && grep -q "text=\"a&#9;b&#10;c\"" a.opml'
if command -v xmllint > /dev/null; then
	check 'the export is valid XML' '
		news-fetch --opml "$F/subs.opml" --export-opml > a.opml &&
		xmllint --noout a.opml'
else
	skip 'no xmllint(1)'
fi
done_testing
