#!/bin/sh
# news-archive add and import: identity by URL key, newest fetch wins,
# the new and changed records on stdout, near duplicates across runs,
# bad lines, batches that flow through a pipe, and files that are not
# archives.
. "$(dirname "$0")/lib.sh"

cat >a.jsonl <<'E'
{"url":"https://example.org/mn/talks?utm_source=rss","id":"tag:example.org,2025:1","title":"Talks in Ulaanbaatar","text":"Leaders met in Ulaanbaatar on Friday.","published":"2025-12-13T08:30:00Z","fetched_at":"2025-12-13T09:00:00Z","simhash":"0123456789abcdef","my_field":{"kept":[1,2.5,"x"]}}
{"url":"https://example.org/cn/trade","title":"Trade figures","text":"Exports rose.","published":"2025-12-12T10:00:00Z","simhash":"fedcba9876543210"}
E
cat >b.jsonl <<'E'
{"url":"https://EXAMPLE.org/mn/talks","id":"tag:example.org,2025:1","title":"Talks end in Ulaanbaatar","text":"Leaders met in Ulaanbaatar on Friday and Saturday.","published":"2025-12-13T08:30:00Z","fetched_at":"2025-12-14T09:00:00Z","simhash":"0123456789abcdef"}
{"url":"https://example.org/mn/talks","title":"Stale copy","fetched_at":"2025-12-01T00:00:00Z"}
{"url":"https://other.example/wire/123","title":"Talks in Ulaanbaatar (wire)","text":"Leaders met in Ulaanbaatar on Friday.","published":"2025-12-13T09:00:00Z","simhash":"0123456789abcdee"}
E

check 'add creates the database and writes every new record' '
	news-archive add news.db a.jsonl >out 2>err && test ! -s err &&
	test_cmp a.jsonl out'
check 'the database is WAL, versioned, and holds the records losslessly' '
	test "$(sqlite3 news.db "PRAGMA journal_mode")" = wal &&
	test "$(sqlite3 news.db "PRAGMA user_version")" = 1 &&
	sqlite3 news.db "SELECT record FROM article ORDER BY id" >stored &&
	test_cmp a.jsonl stored &&
	sqlite3 news.db "SELECT added FROM article WHERE id = 1" >added1'
check 'the same records again: nothing new, nothing written' '
	news-archive add news.db a.jsonl >out && test ! -s out &&
	test "$(sqlite3 news.db "SELECT count(*) FROM article")" = 2 &&
	test "$(sqlite3 news.db "SELECT value FROM meta WHERE name = '"'seq'"'")" = 2'
check 'a newer fetch replaces the stored article (same URL key), an older one does not' '
	news-archive add news.db b.jsonl >out &&
	test "$(wc -l <out)" = 2 &&
	head -n 1 out | jq -e ".title == \"Talks end in Ulaanbaatar\"" >/dev/null &&
	! grep -q "Stale copy" out &&
	test "$(sqlite3 news.db "SELECT count(*) FROM article")" = 3 &&
	sqlite3 news.db "SELECT json_extract(record, '"'$.title'"') FROM article WHERE key = '"'https://example.org/mn/talks'"'" >t &&
	echo "Talks end in Ulaanbaatar" >want && test_cmp want t'
check 'a near duplicate of an article of an earlier run gets duplicate_of' '
	tail -n 1 out | jq -e ".duplicate_of == \"tag:example.org,2025:1\"" >/dev/null'
check 'first-seen time kept across the replacement, sequence numbers advance' '
	sqlite3 news.db "SELECT seq FROM article ORDER BY id" >seqs &&
	printf "3\n2\n4\n" >want && test_cmp want seqs &&
	sqlite3 news.db "SELECT added FROM article WHERE id = 1" >added2 && test_cmp added1 added2'
check 'a record without url or id is stored under a hash, said once' '
	printf "{\"title\":\"Anonymous one\"}\n{\"title\":\"Anonymous two\"}\n" |
	    news-archive add news.db >out 2>err &&
	test "$(wc -l <out)" = 2 && test "$(wc -l <err)" = 1 &&
	grep -q "^news-archive: <stdin>:1: a record without url or id: stored under a hash" err &&
	test "$(sqlite3 news.db "SELECT count(*) FROM article WHERE key LIKE '"'hash:%'"'")" = 2'
check 'an invalid line is reported with FILE:LINE, exit 1, the rest stored' '
	printf "{\"url\":\"https://e.org/1\"}\nnot json\n{\"url\":\"https://e.org/2\"}\n" >bad.jsonl &&
	{ news-archive add news.db bad.jsonl >out 2>err; test $? -eq 1; } &&
	grep -q "^news-archive: bad.jsonl:2: invalid JSON" err &&
	test "$(wc -l <out)" = 2'
check 'a batch is committed and written out while the pipe upstream waits' '
	rm -f flow.out &&
	{ echo "{\"url\":\"https://e.org/flow/1\"}"; i=0;
	  while [ ! -s flow.out ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done;
	  test -s flow.out && echo "{\"url\":\"https://e.org/flow/2\"}"; } |
	    news-archive add news.db >flow.out &&
	test "$(wc -l <flow.out)" = 2'
check 'import: quiet on stdout, a summary on stderr, the file order kept' '
	news-archive import imp.db a.jsonl b.jsonl >out 2>err && test ! -s out &&
	grep -q "imp.db: 3 new, 1 changed, 0 unchanged, 1 older" err &&
	! sqlite3 imp.db "SELECT record FROM article" | grep -q duplicate_of'
check 'add -v says what it did' '
	news-archive add -v news.db a.jsonl 2>err >/dev/null &&
	grep -q "news.db: 0 new, 0 changed, 1 unchanged, 1 older" err'
check 'a directory as the database: exit 2, said' '
	mkdir d && { news-archive add d a.jsonl 2>err; test $? -eq 2; } &&
	grep -q "^news-archive: d: is a directory" err'
check 'a file that is not a database: exit 2, untouched' '
	seq 1 2000 >notdb && cp notdb notdb.orig &&
	{ news-archive add notdb a.jsonl >out 2>err; test $? -eq 2; } && test ! -s out &&
	grep -q "^news-archive: notdb: not an SQLite database" err && cmp notdb notdb.orig &&
	test ! -e notdb-wal'
check 'a foreign SQLite database: exit 2, untouched' '
	sqlite3 foreign.db "CREATE TABLE t (x); INSERT INTO t VALUES (1)" && cp foreign.db foreign.orig &&
	{ news-archive add foreign.db a.jsonl 2>err; test $? -eq 2; } &&
	grep -q "not a news archive" err && cmp foreign.db foreign.orig'
check 'an archive of a newer version: exit 2, said' '
	cp news.db newer.db && sqlite3 newer.db "PRAGMA user_version = 7" &&
	{ news-archive add newer.db a.jsonl 2>err; test $? -eq 2; } &&
	grep -q "archive version 7 is newer" err'
check 'usage: no command, an unknown command, no database' '
	{ news-archive 2>err; test $? -eq 2; } && grep -q "^usage: news-archive add" err &&
	{ news-archive frobnicate x 2>err; test $? -eq 2; } && grep -q "frobnicate: unknown command" err &&
	{ news-archive add 2>err; test $? -eq 2; }'
check '--dedup-bits is bounded' '
	{ news-archive add --dedup-bits 9 x.db </dev/null 2>err; test $? -eq 2; } &&
	grep -q "dedup-bits 9: too large" err'
done_testing
