#!/bin/sh
# news-extract: boilerplate kept out of the text, the story's own text kept.
. "$(dirname "$0")/lib.sh"
X=$FIXTURES/extract

news-extract "$X/comment-thread.html" >c.json 2>c.err
check 'a comment thread longer than the story is not taken for it' \
	'jq -r .text c.json | grep -q "^The town council has put off" &&
	 jq -r .text c.json | grep -q "^Councillors said the costs" &&
	 ! jq -r .text c.json | grep -E -q "thirty years|Reader comments|first stone"'
check 'a story of class "commentary" (an opinion piece) is no comment' \
	'jq -r .text c.json | grep -q "^Councillors said the costs"'
done_testing
