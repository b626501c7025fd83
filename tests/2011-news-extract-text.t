#!/bin/sh
# news-extract: which block is the article, and what of it is kept.
. "$(dirname "$0")/lib.sh"
X=$FIXTURES/extract/text

news-extract --html "$X/forum-post.html" >f.json 2>f.err
check 'a post header left open by a stray end tag keeps the post it swallowed' \
	'jq -r .text f.json | grep -q "^- The lantern now burns for ten minutes" &&
	 jq -r .text f.json | grep -q "^- The new quests in the hills"'
check 'a post header of a date and a number still goes' \
	'! jq -r .text f.json | grep -E -q "#1|Mar 2, 2024"'
news-extract --html "$X/share-row.html" >s.json 2>s.err
check 'a share row under a short post does not outweigh the post' \
	'jq -r .text s.json | grep -q "^Ich würde ja in kleine" &&
	 jq -r .text s.json | grep -q "^Danke an die Nachbarin"'
check 'the share row itself goes' \
	'! jq -r .text s.json | grep -E -q "Twitter|Teilen|Liken|Bewerten"'
news-extract --html "$X/agency.html" >a.json 2>a.err
check 'a caption that ends with a picture agency goes' \
	'! jq -r .text a.json | grep -E -q "iStock|Shutterstock|seen from the river"'
check 'a sentence naming a picture agency stays' \
	'jq -r .text a.json | grep -q "from Getty Images, which had held them"'
news-extract --html "$X/ruby.html" >r.json 2>r.err
check 'ruby annotations (the reading of the characters) are no text' \
	'jq -r .text r.json | grep -q "^町の川に新しい橋ができました。" &&
	 ! jq -r .text r.json | grep -E -q "かわ|はし"'
news-extract --html "$X/skip-main.html" >m.json 2>m.err
check 'the main element is no boilerplate, whatever its class or id' \
	'jq -r .text m.json | grep -q "^Die Stadien bleiben leer" &&
	 ! jq -r .text m.json | grep -E -q "Passwort|E-Mail"'
news-extract --html "$X/print.html" >p.json 2>p.err
check 'a block laid out for print ("print-full") is the article' \
	'jq -r .text p.json | grep -q "^Ein saftiger Kuchen" &&
	 jq -r .text p.json | grep -q "^Backe den Kuchen etwa vierzig Minuten"'
check 'a print button goes' \
	'! jq -r .text p.json | grep -q "Rezept drucken"'
news-extract --html "$X/weak-class.html" >w.json 2>w.err
check 'long prose without links in a box called "links" or "ads" is the story' \
	'jq -r .text w.json | grep -q "^Parliament approved the trade" &&
	 jq -r .text w.json | grep -q "^Ports on both coasts have hired" &&
	 ! jq -r .text w.json | grep -q "outdated browser"'
check 'a box of related links still goes' \
	'! jq -r .text w.json | grep -E -q "Fishermen fear|Related"'
news-extract --html "$X/shy.html" >h.json 2>h.err
check 'soft hyphens and zero-width spaces are no part of the text' \
	'jq -r .text h.json | grep -q "Während Sie über den Markt schlendern, spielt die Kapelle." &&
	 jq -r .text h.json | grep -q "ein Konzert bei Kerzenschein im Hofgarten,"'
news-extract --html "$X/about-author.html" >u.json 2>u.err
check 'a label opening with a capital umlaut ("Über den Autor") ends the text' \
	'jq -r .text u.json | tail -n 1 | grep -q "^Wer ihn probieren will" &&
	 ! jq -r .text u.json | grep -E -q "Autor|Max Beispiel"'
news-extract --html "$X/paywall.html" >y.json 2>y.err
check 'the container of the free part of a story behind a paywall is the story' \
	'jq -r .text y.json | head -n 1 | grep -q "^Wenige Umfragen sind" &&
	 jq -r .text y.json | grep -q "^Merkwürdig ist, wie schnell" &&
	 ! jq -r .text y.json | grep -E -q "Browser|abonnieren"'
news-extract --html "$X/weitere.html" >v.json 2>v.err
check 'a heading "Weitere ..." and the teasers after it end the text' \
	'jq -r .text v.json | tail -n 1 | grep -q "^Fachleute raten zu festen Zeiten" &&
	 ! jq -r .text v.json | grep -E -q "Weitere|Vier-Tage"'
news-extract --html "$X/title-second.html" >t.json 2>t.err
check 'a short heading before the heading that repeats the title goes with it' \
	'jq -r .text t.json | head -n 1 | grep -q "^Der Hersteller hält sich"' 
check 'the heading that repeats the title goes when another heading stands before it' \
	'jq -r .text t.json | grep -q "^Der Hersteller hält sich" &&
	 ! jq -r .text t.json | grep -q "Der lange Weg zum Strom"'
news-extract --html "$X/contact-tail.html" >k.json 2>k.err
check 'labels "Kontakt" and "Originalpublikation" open the tail or go' \
	'! jq -r .text k.json | grep -E -q "Kontakt|Telefon|Originalpublikation" &&
	 jq -r .text k.json | grep -q "^Bis zu einer Anlage im Klärwerk"'
news-extract --html "$X/next-article.html" >x.json 2>x.err
check 'a preview of the next article ends the text' \
	'jq -r .text x.json | tail -n 1 | grep -q "^Fachleute raten zu festen Zeiten" &&
	 ! jq -r .text x.json | grep -E -q "Vorschau|Vier-Tage"'
news-extract --html "$X/also-interested.html" >i.json 2>i.err
check 'a label offering more ("... könnte dich auch interessieren:") ends the text' \
	'jq -r .text i.json | tail -n 1 | grep -q "^Fachleute raten zu festen Zeiten" &&
	 ! jq -r .text i.json | grep -E -q "interessieren|Vier-Tage"'
news-extract --html "$X/header-lead.html" >l.json 2>l.err
check 'a lead standing in the header in a div, not a paragraph, opens the text' \
	'jq -r .text l.json | head -n 1 | grep -q "^Grüner Wasserstoff, Treibstoff aus Pflanzen" &&
	 jq -r .text l.json | grep -q "^Die ersten Firmen haben" &&
	 ! jq -r .text l.json | grep -q "^Wasserstoff aus dem Hafen"'
done_testing
