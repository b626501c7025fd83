#!/bin/sh
# news-tag: rules, --dedup, --related, --count, lang, and errors.
. "$(dirname "$0")/lib.sh"
A=$FIXTURES/tag/articles.jsonl

check 'default rules: phrases on word boundaries, accents and case aside' '
	news-tag "$A" | jq -c "select(.id == \"t5\") | .tags" | grep -q "Human rights" &&
	echo "{\"title\":\"x\",\"text\":\"The DIPLOMATS met; no diplomacy.\"}" | news-tag | jq -e ".tags | index(\"Diplomacy\")" &&
	echo "{\"title\":\"x\",\"text\":\"Mere humanrights are not human rights-less.\"}" | news-tag -r none | jq -e ".tags == []"
'
check 'rules: tag, prefix and category; accents' '
	printf "# mine\ntag Café: cafe, espresso*\ncategory Food: coffee, café\n" > r &&
	echo "{\"title\":\"Coffee in Paris\",\"text\":\"A CAFÉ serving espressos and coffee.\"}" |
	    news-tag -r r > o && jq -e ".tags[0] == \"Café\" and .category == \"Food\"" o &&
	echo "{\"title\":\"x\",\"text\":\"caféine espres\"}" | news-tag -r r | jq -e ".tags == []"
'
check_fail 'a bad rules line is an error' '
	echo "nonsense" > bad.rules && news-tag -r bad.rules < /dev/null
'
check '--dedup: later near duplicates point to the first' '
	news-tag --dedup "$A" > o &&
	jq -c "select(.id == \"t2\")" o | jq -e ".duplicate_of == \"t1\"" &&
	test "$(jq -c "select(has(\"duplicate_of\"))" o | wc -l)" = 1
'
check '--dedup-bits 0: only identical simhashes' '
	news-tag --dedup-bits 0 "$A" | jq -e "select(has(\"duplicate_of\"))" > o; test ! -s o
'
check '--related: N ids in order of similarity, input order kept' '
	news-tag --related 2 "$A" > o &&
	test "$(jq -r .id o | tr -d "\n")" = t1t2t3t4t5 &&
	jq -c "select(.id == \"t1\")" o | jq -e ".related == [\"t2\", \"t3\"]" &&
	jq -s -e "all(.[]; (.related | length) <= 2)" o
'
check '--count: JSON lines, most frequent first' '
	news-tag --count "$A" > o &&
	head -n 1 o | jq -e ". == {\"field\":\"tags\",\"value\":\"Asia\",\"count\":4}" &&
	jq -c "select(.field == \"countries\" and .value == \"MN\")" o | jq -e ".count == 3"
'
check '--count -f text' '
	news-tag --count -f text "$A" | head -n 1 | grep -q "^4	tags	Asia\$"
'
check 'lang picks the stopwords: German' '
	echo "{\"lang\":\"de\",\"title\":\"Die Regierung und die Wahl\",\"text\":\"Die Regierung hat die Wahl gewonnen, und die Regierung bleibt.\"}" |
	    news-tag | jq -e ".keywords[0] == \"Regierung\" and (.keywords | index(\"die\") | not)"
'
check 'a line that is not JSON: reported, the rest written, exit 1' '
	{ echo "nope"; cat "$A"; } | news-tag > o 2> err; test $? = 1 &&
	test "$(wc -l < o)" = 5 && grep -q "<stdin>:1" err
'
check 'an unreadable operand: reported, exit 1' '
	news-tag /nonexistent "$A" > o 2> err; test $? = 1 && test "$(wc -l < o)" = 5
'
check 'NEWS_DATADIR: data from there first' '
	mkdir -p d && cp -R "$TOP/build/tag" d/ &&
	printf "FJ\tcity\tAtlantis\n" >> d/tag/places.tsv &&
	echo "{\"title\":\"Atlantis\",\"text\":\"Rain in Atlantis.\"}" > a.json &&
	NEWS_DATADIR=$PWD/d news-tag a.json | jq -e ".countries == [\"FJ\"]" &&
	news-tag a.json | jq -e ".countries == []"
'
check 'NEWS_DATADIR without data: the build tree' '
	NEWS_DATADIR=$PWD/nothing news-tag a.json > /dev/null
'
check 'data that cannot be loaded: exit 2' '
	mkdir -p e/tag && touch e/tag/places.tsv &&
	test "$(status env NEWS_DATADIR=$PWD/e news-tag a.json)" = 2
'
done_testing
