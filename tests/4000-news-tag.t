#!/bin/sh
# news-tag: countries, category, tags, keywords, simhash; basic I/O.
. "$(dirname "$0")/lib.sh"
T=$FIXTURES/tag

check 'Mongolia and the two Koreas: MN first, then KP and KR, never YE' '
	news-tag "$T/mongolia-korea.json" > out &&
	jq -e ".countries == [\"MN\",\"KP\",\"KR\"]" out &&
	jq -e ".category == \"Mongolia\"" out
'
check 'region tags from M49' '
	jq -e ".tags | index(\"Eastern Asia\") and index(\"Asia\")" out
'
check 'keywords: a list of at most ten' '
	jq -e "(.keywords | length) > 0 and (.keywords | length) <= 10" out
'
check 'simhash: 16 lower-case hex digits' '
	jq -e ".simhash | test(\"^[0-9a-f]{16}\$\")" out
'
check 'fields of others pass through, in order' '
	echo "{\"mine\":1,\"title\":\"Talks in Paris\",\"x\":[2]}" | news-tag > o2 &&
	jq -e "keys_unsorted[0:3] == [\"mine\",\"title\",\"x\"]" o2
'
check 'a record without title or text passes through, a note, exit 0' '
	echo "{\"id\":\"e\"}" | news-tag > o3 2> err &&
	jq -e ".id == \"e\" and (has(\"countries\") | not)" o3 &&
	grep -q "news-tag: <stdin>:1: e: no title or text" err
'
check 'stdin and operands' '
	news-tag < "$T/mongolia-korea.json" > a && news-tag - < "$T/mongolia-korea.json" > b &&
	test_cmp out a && test_cmp out b
'
check_fail 'a bad option is a usage error' 'news-tag --nope < /dev/null'
done_testing
