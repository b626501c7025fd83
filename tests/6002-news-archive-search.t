#!/bin/sh
# news-archive search: FTS5 queries (words, phrases, prefixes, boolean),
# BM25 order, snippet and score, -f text, filters, the index kept in step
# with replaced records, and FTS5's own errors.
. "$(dirname "$0")/lib.sh"

cat >in.jsonl <<'E'
{"url":"https://a.example/1","title":"Talks in Ulaanbaatar","text":"Leaders met on Friday.\n\nThe talks went on for hours.","published":"2025-12-13T08:30:00Z","countries":["MN"],"tags":["Politics"]}
{"url":"https://a.example/2","title":"Trade figures","text":"Exports to Ulaanbaatar rose; mining led the growth.","published":"2025-12-12T10:00:00Z","countries":["CN"],"tags":["Economy"]}
{"url":"https://a.example/3","title":"Winter festival","text":"A defector spoke about the festival in Ulaanbaatar. Café owners were pleased.","published":"2025-11-30T10:00:00Z","countries":["MN"],"tags":["Culture","Mining"]}
E
news-archive add news.db in.jsonl >/dev/null

urls() { jq -r .url; }
check 'a word: every match, the title match first (BM25)' '
	news-archive search news.db ulaanbaatar | urls >got &&
	test "$(head -n 1 got)" = https://a.example/1 && test "$(wc -l <got)" = 3'
check 'snippet with the match in brackets, and a score, best first' '
	news-archive search news.db exports >out &&
	jq -e ".snippet | test(\"\\\\[Exports\\\\] to Ulaanbaatar\")" out >/dev/null &&
	jq -e ".score > 0" out >/dev/null &&
	news-archive search news.db ulaanbaatar | jq -s "[.[].score] | . == (sort | reverse)" | grep -q true'
check 'a phrase, a prefix, AND, OR, NOT, a column' '
	test "$(news-archive search news.db "\"mining led\"" | urls)" = https://a.example/2 &&
	test "$(news-archive search news.db "defect*" | urls)" = https://a.example/3 &&
	test "$(news-archive search news.db "ulaanbaatar NOT mining" | urls)" = https://a.example/1 &&
	test "$(news-archive search news.db "exports OR festival" | wc -l)" = 2 &&
	test "$(news-archive search news.db "title:trade" | urls)" = https://a.example/2'
check 'tags are searched; case and diacritics do not matter' '
	test "$(news-archive search news.db culture | urls)" = https://a.example/3 &&
	test "$(news-archive search news.db CAFE | urls)" = https://a.example/3'
check '--since, --country, --tag filter the matches' '
	test "$(news-archive search --since 2025-12-01 --country mn news.db ulaanbaatar | urls)" = https://a.example/1 &&
	test "$(news-archive search --tag economy news.db ulaanbaatar | urls)" = https://a.example/2 &&
	test "$(news-archive search --limit 1 news.db ulaanbaatar | wc -l)" = 1'
check '-f text: date, title, URL, snippet' '
	news-archive search -f text news.db exports >out &&
	printf "2025-12-12  Trade figures\n            https://a.example/2\n            [Exports] to Ulaanbaatar rose; mining led the growth.\n" >want &&
	test_cmp want out'
check 'a replaced record: its old words are gone from the index, the new found' '
	echo "{\"url\":\"https://a.example/2\",\"title\":\"Trade figures\",\"text\":\"Imports fell.\",\"published\":\"2025-12-12T10:00:00Z\"}" |
	    news-archive add news.db >/dev/null &&
	{ news-archive search news.db exports >out; test $? -eq 1; } && test ! -s out &&
	test "$(news-archive search news.db imports | urls)" = https://a.example/2'
check 'a query FTS5 rejects: its message, exit 2' '
	{ news-archive search news.db "AND OR (" >out 2>err; test $? -eq 2; } && test ! -s out &&
	grep -q "^news-archive: news.db: search: fts5: syntax error" err'
check 'no match: exit 1' '
	{ news-archive search news.db zebra >out; test $? -eq 1; } && test ! -s out'
check 'usage: no query' '
	{ news-archive search news.db 2>err; test $? -eq 2; } && grep -q "^usage:" err'
done_testing
