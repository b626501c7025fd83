#!/bin/sh
# news-archive under faults: a full disk (a file size limit), a read-only
# database, kill -9 in the middle of an add, two writers and readers at
# once, a corrupt database.  Each time: a clear message, the right exit
# status, and nothing already stored lost.
. "$(dirname "$0")/lib.sh"

gen() {	# gen FIRST COUNT: records of ~1.3 KB
	awk -v f="$1" -v n="$2" 'BEGIN { for (i = f; i < f + n; i++) {
		printf "{\"url\":\"https://x.example/%d\",\"title\":\"Story %d\",\"text\":\"", i, i
		for (j = 0; j < 60; j++) printf "word%d lorem ipsum ", (i * j) % 997
		print "\"}" } }'
}
gen 0 100 >first.jsonl
gen 100 3000 >big.jsonl
# the articles of a database; 0 when killed before its schema was made
count() {
	if [ -n "$(sqlite3 "$1" "SELECT name FROM sqlite_master WHERE name = 'article'")" ]; then
		sqlite3 "$1" "SELECT count(*) FROM article"
	else
		echo 0
	fi
}

check 'a full disk (file size limit): exit 1, said, the stored batches whole' '
	news-archive add full.db first.jsonl >/dev/null &&
	{ sh -c "ulimit -f 3000; trap \"\" XFSZ; exec news-archive add full.db big.jsonl" >out 2>err; test $? -eq 1; } &&
	grep -q "^news-archive: full.db: .*cannot write: the disk is full (or the file size limit reached); this batch was not stored" err &&
	test "$(sqlite3 full.db "PRAGMA integrity_check")" = ok &&
	n=$(count full.db) && test "$n" -ge 100 && test "$n" -lt 3100 &&
	test "$(wc -l <out)" = $((n - 100)) &&
	news-archive add full.db big.jsonl >out2 && test "$(count full.db)" = 3100 &&
	test "$(cat out out2 | sort -u | wc -l)" = 3000'

if chattr +i first.jsonl 2>/dev/null; then
	chattr -i first.jsonl
	ro() { chattr +i "$1"; }; rw() { chattr -i "$1"; }
elif [ "$(id -u)" != 0 ]; then
	ro() { chmod a-w "$1"; }; rw() { chmod u+w "$1"; }
else
	ro=
fi
if [ -n "${ro-x}" ]; then
	check 'a read-only database: add is exit 2, said; get and search work' '
		news-archive add ro.db first.jsonl >/dev/null && cp ro.db ro.orig && ro ro.db &&
		{ news-archive add ro.db big.jsonl >out 2>err; s=$?; rw ro.db; test $s -eq 2; } &&
		test ! -s out && grep -q "^news-archive: ro.db: the database is read-only" err &&
		cmp ro.db ro.orig && ro ro.db &&
		{ n=$(news-archive get ro.db | wc -l); m=$(news-archive search ro.db lorem | wc -l); rw ro.db;
		  test "$n" = 100 && test "$m" = 20; }'
else
	skip 'read-only files: running as root without chattr'
fi

check 'kill -9 in the middle of an add, three times: the database whole, the rerun adds the rest, each once' '
	cat first.jsonl big.jsonl >all.jsonl && : >emitted &&
	for t in 0.05 0.2 0.4; do
		news-archive add k.db all.jsonl >>emitted 2>/dev/null & p=$!
		sleep $t; kill -9 $p 2>/dev/null; wait $p 2>/dev/null
		test "$(sqlite3 k.db "PRAGMA integrity_check")" = ok || exit 1
		test "$(count k.db)" = "$(wc -l <emitted)" || exit 1
	done &&
	news-archive add k.db all.jsonl >>emitted && test "$(count k.db)" = 3100 &&
	test "$(wc -l <emitted)" = 3100 && test "$(sort -u emitted | wc -l)" = 3100 &&
	news-archive add k.db all.jsonl >again && test ! -s again'

gen 10000 3000 >c1.jsonl
gen 20000 3000 >c2.jsonl
news-archive add c.db first.jsonl >/dev/null
check 'two writers at once and readers meanwhile: nothing lost, no reader fails' '
	news-archive add c.db c1.jsonl >o1 2>e1 & p1=$!
	news-archive add c.db c2.jsonl >o2 2>e2 & p2=$!
	bad=0; i=0
	while [ $i -lt 20 ]; do
		news-archive get --limit 3 c.db >/dev/null 2>>re || bad=1
		news-archive search c.db lorem >/dev/null 2>>re || bad=1
		i=$((i + 1))
	done
	wait $p1 && wait $p2 && test $bad = 0 && test ! -s re &&
	test "$(count c.db)" = 6100 && test "$(cat o1 o2 | wc -l)" = 6000'

check 'two writers in one pipeline (add | change | add): every record through, nothing said' '
	news-archive add p.db big.jsonl 2>e1 | jq -c ".tags = [\"seen\"]" |
	    news-archive add p.db >out 2>e2 &&
	test ! -s e1 && test ! -s e2 && test "$(wc -l <out)" = 3000 &&
	test "$(sqlite3 p.db "SELECT count(*) FROM article_tag WHERE tag = '"'seen'"'")" = 3000'

check 'a corrupt database: get and add say so, exit 2, the file untouched' '
	news-archive add bad.db big.jsonl >/dev/null &&
	sqlite3 bad.db "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null &&
	yes corrupt | head -c 200000 | dd of=bad.db bs=4096 seek=20 conv=notrunc 2>/dev/null &&
	cp bad.db bad.orig &&
	{ news-archive get bad.db >/dev/null 2>err; test $? -eq 2; } &&
	grep -q "^news-archive: bad.db: .*the database is corrupt" err &&
	{ news-archive add bad.db first.jsonl >out 2>err; test $? -eq 2; } && test ! -s out &&
	grep -q "the database is corrupt" err && cmp bad.db bad.orig'
check 'a truncated database header: diagnosed, exit 2' '
	head -c 50 bad.orig >trunc.db &&
	{ news-archive get trunc.db 2>err; test $? -eq 2; } && grep -q "^news-archive: trunc.db: " err'
done_testing
