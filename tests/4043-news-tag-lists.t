#!/bin/sh
# news-tag: a territory counts for its sovereign state, and the place an
# article is about (its title, its lead) outranks a list of countries
# the article names in passing; in several languages.
. "$(dirname "$0")/lib.sh"

# countries: tag LANG TITLE TEXT
tag() {
	article "$1" "$2" "$3" | news-tag | jq -c '.countries'
}
first() {
	got=$(tag "$1" "$2" "$3" | jq -r '.[0] // "none"') && test "$got" = "$4" ||
	    { echo "got $got, want $4"; false; }
}

check 'a territory is its sovereign state: Greenland, Puerto Rico, Svalbard' '
	test "$(tag "" "Ice sheet melts faster in Greenland" "Greenland lost more ice.")" = "[\"DK\"]" &&
	test "$(tag "" "Hurricane season in Puerto Rico" "San Juan braces.")" = "[\"US\"]" &&
	test "$(tag "" "Polar bears on Svalbard" "Svalbard counts its bears.")" = "[\"NO\"]"
'
check 'the category of a territory is its sovereign'"'"'s' '
	echo "{\"title\":\"Gibraltar border talks\",\"text\":\"Gibraltar.\"}" | news-tag |
	    jq -e ".category == \"United Kingdom\"" > /dev/null
'
check 'English: the subject, not the first of a list in the lead' '
	first "" "Arctic archive takes in deposits from 14 countries" \
	    "The archive on Svalbard received deposits from Ghana, Chile, Vietnam, Peru and Nepal on Monday.

The vault, dug into the mountain, now holds a million samples." NO
'
check 'a list in passing does not outweigh one country named twice' '
	first "" "Farmers protest" \
	    "Farmers in Ireland protested on Monday. Similar protests took place in Belgium, Spain, Poland, Austria and Greece last year.

Irish farmers say prices are too low." IE
'
check 'German: the subject, not the list' '
	first de "Neue Saatgutlieferungen für das Archiv auf Spitzbergen" \
	    "Das Archiv auf Spitzbergen erhielt Saatgut aus Kenia, Peru, Ghana und Chile." NO
'
check 'French: the subject, not the list' '
	first fr "La banque de graines du Svalbard reçoit de nouveaux dépôts" \
	    "La réserve mondiale de semences du Svalbard a reçu des dépôts du Kenya, du Pérou, du Ghana et du Chili." NO
'
check 'a list is kept when it is what the article is about' '
	got=$(tag "" "Baltic states agree on power grid" "Estonia, Latvia and Lithuania signed the agreement.") &&
	for c in EE LV LT; do echo "$got" | grep -q "$c" || { echo "$got"; exit 1; }; done
'
done_testing
