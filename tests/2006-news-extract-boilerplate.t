#!/bin/sh
# news-extract: boilerplate kept out of the text, the story's own text kept.
. "$(dirname "$0")/lib.sh"
X=$FIXTURES/extract

news-extract --html "$X/comment-thread.html" >c.json 2>c.err
check 'a comment thread longer than the story is not taken for it' \
	'jq -r .text c.json | grep -q "^The town council has put off" &&
	 jq -r .text c.json | grep -q "^Councillors said the costs" &&
	 ! jq -r .text c.json | grep -E -q "thirty years|Reader comments|first stone"'
check 'a story of class "commentary" (an opinion piece) is no comment' \
	'jq -r .text c.json | grep -q "^Councillors said the costs"'
news-extract --html "$X/lead.html" >l.json 2>l.err
check 'a lead in the header, before the article body, opens the text' \
	'jq -r .text l.json | head -n 1 | grep -q "^The little ferry across the harbour" &&
	 jq -r .text l.json | grep -q "^The skipper, who has worked"'
check 'a picture caption in the header is no lead' \
	'! jq -r .text l.json | grep -q "seen from the harbour wall"'
check 'a lead the body repeats is not added twice' \
	'sed "s|<div class=\"story-body\">|&<p>The little ferry across the harbour is running again, carrying its first passengers since the storm.</p>|" \
	    "$X/lead.html" | news-extract --html - >r.json &&
	 test "$(jq -r .text r.json | grep -c "^The little ferry")" -eq 1'
news-extract --html "$X/trailing.html" >t.json 2>t.err
check 'labels, a name and links left at the end of the text go' \
	'jq -r .text t.json | tail -n 1 | grep -q "^Der Verkehrsausschuss will im Herbst" &&
	 ! jq -r .text t.json | grep -E -q "Autoren|Erika|Schlagworte|Radverkehr$"'
check 'a label and a list in the middle of the text stay' \
	'jq -r .text t.json | grep -q "^Was noch fehlt:" &&
	 jq -r .text t.json | grep -q "^- eine Brücke zum Bahnhof"'
check 'a list that ends the text stays' \
	'sed "s|<p>Der Verkehrsausschuss.*</p>||" "$X/trailing.html" | news-extract --html - >u.json &&
	 jq -r .text u.json | tail -n 1 | grep -q "^- eine Brücke zum Bahnhof"'
news-extract --html "$X/boxes.html" >b.json 2>b.err
check 'affiliate, call-to-action, disclosure, author and copyright boxes go' \
	'! jq -r .text b.json | grep -E -q "commission|Friday|guest of|Jane Roe|Max Muster|rights reserved" &&
	 jq -r .text b.json | grep -q "^The old lighthouse on the point" &&
	 jq -r .text b.json | grep -q "^The keepers left" &&
	 jq -r .text b.json | grep -q "^The work cost less"'
news-extract --html "$X/head.html" >h.json 2>h.err
check 'a breadcrumb, a kicker, a date line and a reading time before the story go' \
	'! jq -r .text h.json | grep -E -q "Startseite|^Hafen|14:05|Lesezeit" &&
	 jq -r .text h.json | head -n 1 | grep -q "^Die Fähre fährt wieder" &&
	 jq -r .text h.json | sed -n 3p | grep -q "^Nach drei Wochen in der Werft"'
check 'a label before a list at the head of the story stays' \
	'sed "s|<p>Lesezeit: 3 Minuten</p>|<p>Das Wichtigste:</p><ul><li>Die Fähre fährt ab Montag</li><li>Abends noch nicht</li></ul>|" \
	    "$X/head.html" | news-extract --html - >i.json &&
	 jq -r .text i.json | grep -q "^Das Wichtigste:" &&
	 jq -r .text i.json | grep -q "^- Abends noch nicht"'
news-extract --html "$X/closing.html" >e.json 2>e.err
check 'a heading that repeats the page title goes' \
	'jq -r .text e.json | head -n 1 | grep -q "^The harbour wall will be raised"'
check 'calls to follow and copyright lines at the end go, the story stays' \
	'! jq -r .text e.json | grep -E -q "Follow us|rights reserved" &&
	 jq -r .text e.json | tail -n 1 | grep -q "^Fishermen welcomed the plan"'
check 'a list item without text shows no bullet' \
	'! jq -r .text e.json | grep -E -q "^- *$" &&
	 jq -r .text e.json | grep -q "^- The work starts in May."'
news-extract --html "$X/midtext.html" >m.json 2>m.err
check 'a caption ending with its credit goes, a sentence with a sign stays' \
	'! jq -r .text m.json | grep -q "Foto: Stadt Halle" &&
	 jq -r .text m.json | grep -q "^Die Sprecherin sagte"'
check 'an advertisement label in the middle of the text goes' \
	'! jq -r .text m.json | grep -q "^Anzeige"'
check 'a disclosure and a source line standing alone go' \
	'! jq -r .text m.json | grep -E -q "Partnern|^Quelle"'
check 'a call to follow on networks in the last third goes, before the end' \
	'! jq -r .text m.json | grep -q "^Folgen Sie uns" &&
	 jq -r .text m.json | grep -q "^Auch die Fähre"'
check 'the post record line in the last third goes' \
	'! jq -r .text m.json | grep -q "^Der Beitrag wurde am"'
check 'a contact box goes' \
	'! jq -r .text m.json | grep -q "Ansprechpartnerin"'
check 'many short labels at the end all go' \
	'jq -r .text m.json | tail -n 1 | grep -q "^Als nächstes soll"'
news-extract --html "$X/cards.html" >k.json 2>k.err
check 'a teaser card (a linked headline with a picture or a line) in the text goes' \
	'! jq -r .text k.json | grep -E -q "Market hall|closed for a year|Library cards|sign their children" &&
	 jq -r .text k.json | grep -q "^The reading room cost the town" &&
	 jq -r .text k.json | tail -n 1 | grep -q "^Next year the library"'
check 'a caption with its credit in brackets, an "Image caption" line go' \
	'! jq -r .text k.json | grep -E -q "eighties|windows face"'
check 'a way back ("Back to all news") goes, a sentence starting so stays' \
	'! jq -r .text k.json | grep -E -q "all news|Übersicht" &&
	 jq -r .text k.json | grep -q "^Back to school means new readers."'
check 'a heading linking to itself (#anchor) stays' \
	'jq -r .text k.json | grep -q "^Opening hours$"'
done_testing
