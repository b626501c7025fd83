#!/bin/sh
# htmlcheck.sh SITE: every page of SITE parsed by libxml2's HTML parser
# (xmllint --html) without errors.  libxml2 2.9 knows HTML 4 only, so its
# "Tag X invalid" for the HTML5 elements we use is not counted.
html5='main|nav|header|footer|article|section|aside|figure|figcaption|time'
status=0
for f in $(find "$1" -name '*.html' | sort); do
	out=$(xmllint --html --noout "$f" 2>&1 |
	    grep 'parser error\|parser warning\|error :' |
	    grep -Ev "Tag ($html5) invalid")
	if [ -n "$out" ]; then
		echo "$out"
		status=1
	fi
done
exit $status
