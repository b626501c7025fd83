#!/bin/sh
# news-render: the names Windows reserves (con, prn, aux, nul, com0-9,
# lpt0-9, in any case, with or without an extension) never name a file
# or directory of the site: a slug that is one gets a '_' (which no other
# slug holds), for article titles, categories, tags and authors alike.
. "$(dirname "$0")/lib.sh"
R=$FIXTURES/render

rec() {	# title category tag author day
	printf '{"url":"https://r.example/%s","title":"%s","published":"2025-12-%sT10:00:00Z","category":"%s","tags":["%s","Console"],"author":"%s","text":"x"}\n' \
	    "$1$5" "$1" "$5" "$2" "$3" "$4"
}
{
	rec CON Nul PRN Aux 01
	rec nul.txt Com1 lpt9 PRN 02
	rec "Aux." AUX com3 Com4 03
	rec "LPT1" LPT2 Nul.html con 04
	rec com10 console com0 Lpt 05
} > reserved.jsonl

check 'renders' 'news-render -q -o site reserved.jsonl'
check 'no file or directory of the site has a reserved name' \
	'find site | sed "s,.*/,," | sed "s/\..*//" | tr A-Z a-z |
	 grep -Ex "con|prn|aux|nul|com[0-9]|lpt[0-9]" > bad; test ! -s bad'
check 'the reserved slugs got a suffix' \
	'test -f site/2025/12/01/con_.html && test -f site/2025/12/02/nul-txt.html &&
	 test -f site/2025/12/03/aux_.html && test -f site/2025/12/04/lpt1_.html &&
	 test -d site/category/nul_ && test -d site/category/com1_ &&
	 test -d site/tag/prn_ && test -d site/tag/lpt9_ && test -d site/tag/com0_ &&
	 test -d site/author/aux_ && test -d site/author/con_'
check 'names that only look alike are kept' \
	'test -f site/2025/12/05/com10.html && test -d site/category/console &&
	 test -d site/tag/console && test -d site/author/lpt'
check 'and every internal link resolves' 'python3 $R/sitecheck.py site'
done_testing
