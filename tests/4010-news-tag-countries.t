#!/bin/sh
# news-tag: countries from context: the tricky names, one article each
# (tests/tag/tricky.jsonl, written for these tests; "expect" holds the
# answer and passes through news-tag untouched).
. "$(dirname "$0")/lib.sh"
T=$FIXTURES/tag

# the output record of one id
rec() {
	jq -c --arg id "$1" 'select(.id == $id)' out
}

news-tag "$T/tricky.jsonl" > out 2> err
for id in $(jq -r .id "$T/tricky.jsonl"); do
	check "countries of $id" "
		rec $id | jq -e '(.countries | sort) == (.expect | sort)' > /dev/null ||
		{ rec $id | jq -c '[.countries, .expect]'; false; }
	"
done
check 'no diagnostics' 'test ! -s err'
check 'most salient first: the dateline country, then the others' '
	rec niger-nigeria | jq -e ".countries[0] == \"NG\"" &&
	rec korea-north | jq -e ".countries[0] == \"KP\""
'
check 'category is the English short name of the first country' '
	rec congo-drc | jq -e ".category == \"DR Congo\"" &&
	rec london-ontario | jq -e ".category == \"Canada\""
'
check 'no country, no category' '
	rec turkey-food | jq -e "has(\"category\") | not"
'
check 'names in other languages, by lang' '
	echo "{\"lang\":\"fr\",\"title\":\"Élections en Corée du Sud\",\"text\":\"Les élections en Corée du Sud et aux Etats-Unis.\"}" |
	news-tag | jq -e ".countries | index(\"KR\") and index(\"US\")"
'
check '-g adds and overrides entries' '
	printf "IS\tcity\tAkureyri\nMN\talt\tKorea\n" > extra.tsv &&
	echo "{\"title\":\"Snow in Akureyri\",\"text\":\"Akureyri had snow.\"}" |
	    news-tag -g extra.tsv | jq -e ".countries == [\"IS\"]" &&
	echo "{\"title\":\"Korea\",\"text\":\"Korea.\"}" |
	    news-tag -g extra.tsv | jq -e ".countries == [\"MN\"]"
'
check_fail 'a bad gazetteer line is an error' '
	printf "XXX\tcity\tNowhere\n" > bad.tsv && news-tag -g bad.tsv < /dev/null
'
done_testing
