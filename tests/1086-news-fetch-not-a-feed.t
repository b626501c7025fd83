#!/bin/sh
# news-fetch: a document that is not a feed is named by what its content
# looks like (first bytes, signatures), never "empty document" unless empty
. "$(dirname "$0")/lib.sh"
. "$FIXTURES/fetch/server.sh"

# says FILE TYPE: news-fetch FILE fails with "not a feed: looks like TYPE"
says() {
	news-fetch "$1" > out 2> err
	test $? -eq 1 && test ! -s out && test "$(wc -l < err)" -eq 1 &&
	grep -q ": not a feed: looks like $2\$" err
}

check 'the project'"'"'s README.md: text/markdown (issue 16.11)' '
	says "$TOP/README.md" text/markdown'
check 'Markdown that opens with a badge link is not a JSON error' '
	printf "%s\n" "[![build](https://ci.example/b.svg)](https://ci.example/)" "" \
	    "## Use" "" "Some *text* and a [link](https://x.example/)." > badge.md &&
	says badge.md text/markdown'
check 'Markdown that opens with an HTML anchor' '
	printf "%s\n" "<a name=\"top\"></a>" "" "# Title" "" "- one" "- two" > a.md &&
	says a.md text/markdown'
check 'a shell script'"'"'s # comments are not Markdown headings: text/plain' '
	printf "%s\n" "#!/bin/sh" "# set up" "# - first this" "echo **hi**" > s.sh &&
	says s.sh text/plain'
check 'plain text' '
	printf "Dear reader,\n\nthis is a letter.\n" > letter.txt && says letter.txt text/plain'
check 'an HTML page' 'says "$FIXTURES/fetch/notfeed.html" text/html'
check 'HTML without a doctype' '
	printf "\n  <p>Hello <b>there</b>\n" > p.html && says p.html text/html'
check 'JSON that is not a JSON Feed' '
	echo "{\"name\": \"x\", \"list\": [1, 2]}" > j.json && says j.json application/json'
check 'a JSON array' 'echo "[ {\"a\": 1} ]" > a.json && says a.json application/json'
check 'XML of another kind: its root element named' '
	printf "<?xml version=\"1.0\"?>\n<note><to>x</to></note>\n" > n.xml &&
	says n.xml "application/xml (root element <note>)"'
check 'signatures: PNG, PDF, gzip, ELF' '
	printf "\211PNG\r\n\032\n\0\0\0\rIHDR" > i.png && says i.png image/png &&
	printf "%%PDF-1.7\n%%\342\343\n" > d.pdf && says d.pdf application/pdf &&
	gzip -c "$FIXTURES/fetch/rss2.xml" > f.xml.gz && says f.xml.gz application/gzip &&
	says "$NEWS_BIN/news-fetch" application/x-executable'
check 'binary bytes without a signature: application/octet-stream' '
	printf "\001\002\003abc\000\377" > b.bin && says b.bin application/octet-stream'
check 'an empty file and one of white space: "empty document"' '
	: > e.xml && news-fetch e.xml 2> err; test $? -eq 1 &&
	grep -q "e.xml: empty document, not a feed$" err &&
	printf " \n\t\n" > w.xml && news-fetch w.xml 2> err; test $? -eq 1 &&
	grep -q "w.xml: empty document, not a feed$" err'
start_httpd
check 'over HTTP: by the content, not the Content-Type' '
	news-fetch --delay 0 "$BASE/feed/notfeed.html" > out 2> err; test $? -eq 1 &&
	grep -q "notfeed.html: not a feed: looks like text/html$" err'
done_testing
