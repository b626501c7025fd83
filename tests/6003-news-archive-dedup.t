#!/bin/sh
# news-archive add: near duplicates across the whole archive, through the
# simhash band index: a record of a later run close to a stored article
# gets duplicate_of (the cluster's first), one farther does not, an
# update of an article never points at itself, and the lookup is an
# index search, not a scan.
. "$(dirname "$0")/lib.sh"

story='Leaders of Mongolia and China met in Ulaanbaatar on Friday to discuss a new railway line to the Chinese border, mining exports and the price of coal, officials said after the talks ended late in the evening.'
printf '{"url":"https://a.example/1","id":"a-1","title":"Talks in Ulaanbaatar","text":"%s"}\n' "$story" >day1.jsonl
printf '{"url":"https://b.example/wire/9","title":"Talks in Ulaanbaatar","text":"%s"}\n' "$story" >day2.jsonl
printf '{"url":"https://c.example/x","title":"Recipe of the week","text":"Boil the noodles for eight minutes, then add the broth, the onions and a spoon of butter."}\n' >>day2.jsonl

check 'news-tag writes the simhashes' '
	news-tag day1.jsonl >t1.jsonl && news-tag day2.jsonl >t2.jsonl &&
	jq -e ".simhash" t1.jsonl >/dev/null'
check 'day one: stored, nothing to be a duplicate of' '
	news-archive add news.db t1.jsonl >out && ! grep -q duplicate_of out'
check 'day two: the wire copy is a duplicate of the first article, by its id' '
	news-archive add news.db t2.jsonl >out &&
	jq -r "[.url, .duplicate_of // \"-\"] | @tsv" out >got &&
	printf "https://b.example/wire/9\ta-1\nhttps://c.example/x\t-\n" >want &&
	test_cmp want got'
check 'a duplicate of the duplicate points at the first of the cluster' '
	h=$(jq -r .simhash t1.jsonl) &&
	printf "{\"url\":\"https://d.example/3\",\"simhash\":\"%s\"}\n" "$h" |
	    news-archive add news.db | jq -e ".duplicate_of == \"a-1\"" >/dev/null'
check 'an update of the first article is not a duplicate of anything' '
	jq -c ".title = \"Talks in Ulaanbaatar, updated\"" t1.jsonl |
	    news-archive add news.db >out && test "$(wc -l <out)" = 1 && ! grep -q duplicate_of out'
check 'within 3 bits by default; --dedup-bits 0 needs the same simhash' '
	printf "{\"url\":\"https://e.example/1\",\"simhash\":\"00000000000000ff\"}\n" | news-archive add near.db >/dev/null &&
	printf "{\"url\":\"https://e.example/3\",\"simhash\":\"00000000000000f0\"}\n" | news-archive add near.db >out && ! grep -q duplicate_of out &&
	printf "{\"url\":\"https://e.example/2\",\"simhash\":\"00000000000000f8\"}\n" | news-archive add near.db |
	    jq -e ".duplicate_of == \"https://e.example/1\"" >/dev/null &&
	printf "{\"url\":\"https://e.example/4\",\"simhash\":\"00000000000000fe\"}\n" | news-archive add --dedup-bits 0 near.db >out && ! grep -q duplicate_of out'
check 'the archive overrides a duplicate_of within one run with the older article' '
	printf "{\"url\":\"https://e.example/5\",\"simhash\":\"00000000000000ff\",\"duplicate_of\":\"x\"}\n" |
	    news-archive add near.db | jq -e ".duplicate_of == \"https://e.example/1\"" >/dev/null &&
	printf "{\"url\":\"https://e.example/6\",\"simhash\":\"ff00ff00ff00ff00\",\"duplicate_of\":\"x\"}\n" |
	    news-archive add near.db | jq -e ".duplicate_of == \"x\"" >/dev/null'
check 'four band keys per article, looked up through the index' '
	test "$(sqlite3 news.db "SELECT count(*) FROM simband")" = \
	    "$(( $(sqlite3 news.db "SELECT count(*) FROM article WHERE simhash IS NOT NULL") * 4 ))" &&
	sqlite3 news.db "EXPLAIN QUERY PLAN SELECT s.art, a.simhash FROM simband s CROSS JOIN article a ON a.id = s.art WHERE s.band = 1 AND s.art < 5 ORDER BY s.art" >plan &&
	grep -q "SEARCH s USING PRIMARY KEY (band=? AND art<?)" plan && ! grep -q "SCAN" plan'
done_testing
