#!/bin/sh
# news-extract: the article found where parsers and frameworks put it.
. "$(dirname "$0")/lib.sh"
X=$FIXTURES/extract

news-extract --html "$X/aspnet.html" >a.json 2>a.err

check 'an ASP.NET page wrapped in one <form>: the story kept' \
	'jq -r .text a.json | grep -q "^For the first time in forty years" &&
	 jq -r .text a.json | grep -q "opens at Easter"'
check 'its navigation, noscript notice and search box dropped' \
	'! jq -r .text a.json | grep -E -q "enable JavaScript|Search|Go$|^Home"'
news-extract --html "$X/interjection.html" >i.json 2>i.err
check 'an assistant reply removed with the "Sure!" that opened it' \
	'! jq -r .text i.json | grep -E -q "^Sure|revised version|Would you like" &&
	 jq -r ".warnings[0].type" i.json | grep -q assistant_text'
check 'an "Of course!" in the article'"'"'s own sentences kept' \
	'jq -r .text i.json | grep -q "^Of course! The mayor said"'
news-extract --html "$X/midnight.html" >d.json 2>d.err
check 'a date at local midnight keeps its offset and day' \
	'test "$(jq -r .published d.json)" = 2025-03-03T00:00:00+01:00'
check '--utc: a date stored at local midnight keeps its day' \
	'test "$(news-extract --utc --html "$X/midnight.html" | jq -r .published)" = 2025-03-03T00:00:00Z'
news-extract --html "$X/utc-visible.html" >v.json 2>v.err
check 'a UTC date shown at the page'"'"'s offset from its visible local time' \
	'test "$(jq -r .published v.json)" = 2025-05-03T21:25:56-03:00'
news-extract --url https://example.org/2025/05/03/late-vote --html "$X/utc-url.html" >w.json 2>w.err
check 'a UTC date shown on the day of the URL'"'"'s date path' \
	'test "$(jq -r .published w.json)" = 2025-05-03T23:25:56-01:00 &&
	 test "$(news-extract --utc --url https://example.org/2025/05/03/late-vote --html "$X/utc-url.html" | jq -r .published)" = 2025-05-04T00:25:56Z'
check 'the date beside the title, inside an article whose class names a sidebar' \
	'test "$(news-extract --html "$X/title-holder.html" | jq -r .published)" = 2025-12-08T15:51:00Z'
check 'a UTC date on the hour late at night: local midnight east of UTC' \
	'test "$(news-extract --html "$X/utc-midnight.html" | jq -r .published)" = 2025-11-07T00:00:00+01:00'
check 'a two-digit year (31.10.23) beside the title' \
	'test "$(news-extract --html "$X/yy2.html" | jq -r .published)" = 2023-10-31T00:00:00Z'
check 'schema.org JSON-LD in a script without a type is read' \
	'test "$(news-extract --html "$X/untyped-ld.html" | jq -r .published)" = 2025-01-28T06:00:00+01:00'
check 'a long paragraph opening with a dateline gives the date' \
	'test "$(news-extract --html "$X/dateline-para.html" | jq -r .published)" = 2025-01-25T00:00:00Z'
check 'a date inside a long paragraph ("Seit 4. August 2014 gilt...") does not' \
	'sed "s/<p>Bern, 25. Januar 2025 – /<p>/" "$X/dateline-para.html" >nodl.html &&
	 news-extract --html nodl.html | jq -e ".published == null" >/dev/null'
check 'a date path in the URL: /2020/08/23/ is a date, /2020/08/23646 is not' \
	'printf "<title>T</title><p>Some words of the story here.</p>" >u.html &&
	 test "$(news-extract --url https://example.org/news/2020/08/23/story --html u.html | jq -r .published)" = 2020-08-23T00:00:00Z &&
	 news-extract --url https://example.org/news/2020/08/23646-story --html u.html | jq -e ".published == null" >/dev/null'
check 'a page showing only the date of its last change is from that day' \
	'test "$(news-extract --html "$X/shown-date.html" | jq -r .published)" = 2025-11-20T10:15:00Z'
check 'a page showing both dates keeps the publication date' \
	'test "$(news-extract --html "$X/shown-both.html" | jq -r .published)" = 2023-03-02T09:00:00Z'
check 'the date in the footer of the article holding the title, not the site footer' \
	'test "$(news-extract --html "$X/article-footer.html" | jq -r .published)" = 2025-10-17T00:00:00Z'
news-extract --html "$X/nolang.html" >l.json 2>l.err
check 'lang guessed from the text when the page declares none' \
	'test "$(jq -r .lang l.json)" = de'
check 'no guess from a few words' \
	'printf "<p>Hello there, this is short.</p>" | news-extract --html - | jq -e ".lang == null" >/dev/null'
news-extract --html "$X/credits.html" >c.json 2>c.err
check 'picture credits standing alone dropped, the caption kept' \
	'! jq -r .text c.json | grep -E -q "^(Foto|Bild):" &&
	 jq -r .text c.json | grep -q "^Die alte Br" &&
	 jq -r .text c.json | grep -q "^Fu.*eigenen, breiten Weg"'
news-extract --html "$X/comment-count.html" >k.json 2>k.err
check 'a comment count heading ("3 Kommentare") ends the story' \
	'! jq -r .text k.json | grep -E -q "Kommentare|Anna|Super" &&
	 jq -r .text k.json | grep -q "nach einem halben Jahr geben"'
check 'a view counter and a reply form (class words) dropped' \
	'sed "s|<h3>3 Kommentare</h3>|<div class=\"post-views\">Aufrufe: 1234</div><div id=\"respond\">Schreibe eine Antwort. Deine E-Mail-Adresse wird nicht veröffentlicht.</div>|" \
	    "$X/comment-count.html" | news-extract --html - >v.json &&
	 ! jq -r .text v.json | grep -E -q "Aufrufe|Antwort" &&
	 jq -r .text v.json | grep -q "nach einem halben Jahr geben"'
check 'a share prompt ending in "Share!" ends the story' \
	'sed "s|<h3>3 Kommentare</h3>|<p>Be Sociable, Share!</p>|" \
	    "$X/comment-count.html" | news-extract --html - >s.json &&
	 ! jq -r .text s.json | grep -E -q "Share|Anna|Super" &&
	 jq -r .text s.json | grep -q "nach einem halben Jahr geben"'
done_testing
