#!/bin/sh
# news-archive remove (takedowns: gone from the records, the full-text
# index and the free pages of the file), stats, and import/export of a
# JSON lines archive.
. "$(dirname "$0")/lib.sh"

i=0
while [ $i -lt 200 ]; do
	printf '{"url":"https://a.example/%d","title":"Story %d","text":"Ordinary words about the weather, number %d.","published":"2025-%02d-10T08:00:00Z","countries":["MN"],"tags":["Weather"],"feed":{"url":"https://a.example/feed"}}\n' $i $i $i $((i % 12 + 1))
	i=$((i + 1))
done >in.jsonl
printf '{"url":"https://b.example/secret","id":"s-1","title":"Quibblefrotz first","text":"The word quibblefrotz and an old draft: zanthoxylum.","published":"2025-12-13T08:30:00Z","countries":["FR"],"tags":["Takedown"]}\n' >secret1.jsonl
printf '{"url":"https://b.example/secret","id":"s-1","title":"Quibblefrotz second","text":"The word quibblefrotz again, the draft is gone.","published":"2025-12-13T08:30:00Z","countries":["FR"],"tags":["Takedown"]}\n' >secret2.jsonl
news-archive add news.db in.jsonl secret1.jsonl >/dev/null &&
news-archive add news.db secret2.jsonl >/dev/null

check 'before: the words are in the file and found' '
	news-archive search news.db quibblefrotz >/dev/null &&
	sqlite3 news.db "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null &&
	cat news.db* | grep -a -q quibblefrotz'
printf '# takedowns of today\nhttps://B.example/secret?utm_source=mail\n\nhttps://nowhere.example/x\n{"id":"a-none"}\n' >exclude
check 'remove: the count on stderr, unknown names counted, exit 0' '
	news-archive remove news.db --exclude exclude >out 2>err && test ! -s out &&
	grep -q "^news-archive: news.db: removed 1 of the 3 named (2 not in the archive)$" err'
check 'after: not found, not got, not held' '
	{ news-archive search news.db quibblefrotz >out; test $? -eq 1; } &&
	{ news-archive get --id s-1 news.db >out; test $? -eq 1; } &&
	test "$(news-archive get news.db | wc -l)" = 200 &&
	test "$(sqlite3 news.db "SELECT count(*) FROM article_tag WHERE tag = '"'Takedown'"'")" = 0 &&
	test "$(sqlite3 news.db "SELECT count(*) FROM article_country WHERE code = '"'FR'"'")" = 0'
check 'after: no byte of the text or of its older version left in the files' '
	! cat news.db* | grep -a -q -i quibblefrotz && ! cat news.db* | grep -a -q zanthoxylum'
check 'the full-text index is whole after the removal' '
	sqlite3 news.db "INSERT INTO article_fts (article_fts) VALUES ('"'integrity-check'"')" &&
	test "$(sqlite3 news.db "PRAGMA integrity_check")" = ok &&
	test "$(news-archive search news.db weather --limit 0 | wc -l)" = 200'
check 'the removal is logged for incremental readers' '
	test "$(sqlite3 news.db "SELECT key FROM removed")" = https://b.example/secret'
check 'remove: a record in the file without url or id is reported, exit 1' '
	printf "{\"title\":\"x\"}\nhttps://a.example/1\n" >ex2 &&
	{ news-archive remove -q news.db --exclude ex2 2>err; test $? -eq 1; } &&
	grep -q "^news-archive: ex2:1: not a record with a url or an id" err &&
	test "$(news-archive get news.db | wc -l)" = 199'
check 'remove: --exclude is required, a missing file is exit 2' '
	{ news-archive remove news.db 2>err; test $? -eq 2; } && grep -q "^usage:" err &&
	{ news-archive remove news.db --exclude nofile 2>err; test $? -eq 2; } &&
	grep -q "^news-archive: nofile: No such file" err'
check 'stats: counts, by month, by source, by country, by tag; size' '
	news-archive stats news.db >out &&
	grep -q "^articles  *199$" out && grep -q "^removed  *2$" out &&
	grep -q "^2025-01  *17$" out && grep -q "^https://a.example/feed  *199$" out &&
	grep -q "^MN  *199$" out && grep -q "^Weather  *199$" out && grep -q "^bytes  *[1-9]" out'
check 'stats -f json, --top' '
	news-archive stats -f json --top 1 news.db >out &&
	jq -e ".articles == 199 and (.months | length) == 12 and (.tags | length) == 1 and .bytes > 0" out >/dev/null'
check 'import then export: the JSON lines archive back, byte for byte' '
	cat in.jsonl secret1.jsonl >all.jsonl &&
	news-archive import -q imp.db all.jsonl && news-archive export imp.db >out &&
	test_cmp all.jsonl out'
cat >odd.jsonl <<'E'
{"url":"https://c.example/u","title":"\u00e9t\u00e9 \ud83d\ude00 \\ \" \t","n":1.5e300,"z":null,"a":[[],{}]}
E
check 'export of a record with escapes, numbers, nulls: the same fields' '
	news-archive import -q odd.db odd.jsonl && news-archive export odd.db >out &&
	jq -S . odd.jsonl >want && jq -S . out >got && test_cmp want got'
done_testing
