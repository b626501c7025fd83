#!/bin/sh
# news-extract: the article found where parsers and frameworks put it.
. "$(dirname "$0")/lib.sh"
X=$FIXTURES/extract

news-extract "$X/aspnet.html" >a.json 2>a.err

check 'an ASP.NET page wrapped in one <form>: the story kept' \
	'jq -r .text a.json | grep -q "^For the first time in forty years" &&
	 jq -r .text a.json | grep -q "opens at Easter"'
check 'its navigation, noscript notice and search box dropped' \
	'! jq -r .text a.json | grep -E -q "enable JavaScript|Search|Go$|^Home"'
done_testing
