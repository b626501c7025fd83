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
news-extract "$X/lead.html" >l.json 2>l.err
check 'a lead in the header, before the article body, opens the text' \
	'jq -r .text l.json | head -n 1 | grep -q "^The little ferry across the harbour" &&
	 jq -r .text l.json | grep -q "^The skipper, who has worked"'
check 'a picture caption in the header is no lead' \
	'! jq -r .text l.json | grep -q "seen from the harbour wall"'
check 'a lead the body repeats is not added twice' \
	'sed "s|<div class=\"story-body\">|&<p>The little ferry across the harbour is running again, carrying its first passengers since the storm.</p>|" \
	    "$X/lead.html" | news-extract - >r.json &&
	 test "$(jq -r .text r.json | grep -c "^The little ferry")" -eq 1'
done_testing
