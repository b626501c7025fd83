#!/bin/sh
# news-tag: the text besides the title is the record's text, else the
# text of its content (HTML), else of its summary (HTML): a record
# straight from news-fetch is tagged too.
. "$(dirname "$0")/lib.sh"

check 'a feed record: summary HTML, a title that names nothing' '
	echo "{\"url\":\"http://example.org/1\",\"title\":\"Hi\",\"summary\":\"<p>Protests in Ulaanbaatar, Mongolia, drew &lt;thousands&gt;.</p>\"}" |
	    news-tag > out 2> err &&
	jq -e ".countries == [\"MN\"]" out > /dev/null && test ! -s err
'
check 'no title: the summary alone is enough' '
	echo "{\"url\":\"http://example.org/2\",\"summary\":\"<p>Floods in <b>Bangladesh</b>.</p>\"}" |
	    news-tag > out 2> err &&
	jq -e ".countries == [\"BD\"]" out > /dev/null && test ! -s err
'
check 'content comes before summary' '
	echo "{\"url\":\"http://example.org/3\",\"title\":\"News\",\"content\":\"<p>Elections in Chile.</p>\",\"summary\":\"<p>Elections in Peru.</p>\"}" |
	    news-tag | jq -e ".countries == [\"CL\"]" > /dev/null
'
check 'text comes before content' '
	echo "{\"url\":\"http://example.org/4\",\"title\":\"News\",\"text\":\"Elections in Ghana.\",\"content\":\"<p>Elections in Peru.</p>\"}" |
	    news-tag | jq -e ".countries == [\"GH\"]" > /dev/null
'
check 'markup is not text: tags, scripts and attributes name nothing' '
	echo "{\"url\":\"http://example.org/5\",\"title\":\"News\",\"summary\":\"<p title=\\\"Peru\\\">Rain in Norway.</p><script>Peru()</script>\"}" |
	    news-tag | jq -e ".countries == [\"NO\"]" > /dev/null
'
check 'the fields are left as they were' '
	echo "{\"url\":\"http://example.org/6\",\"title\":\"Hi\",\"summary\":\"<p>Rain in Norway.</p>\"}" |
	    news-tag | jq -e ".summary == \"<p>Rain in Norway.</p>\" and (has(\"text\") | not)" > /dev/null
'
check 'an empty text falls back to the summary' '
	echo "{\"url\":\"http://example.org/7\",\"title\":\"Hi\",\"text\":\"\",\"summary\":\"Rain in Norway.\"}" |
	    news-tag | jq -e ".countries == [\"NO\"]" > /dev/null
'
check 'nothing at all to read: passed through untagged' '
	echo "{\"url\":\"http://example.org/8\",\"summary\":\"<p></p>\"}" |
	    news-tag 2> /dev/null | jq -e "has(\"countries\") | not" > /dev/null
'
done_testing
