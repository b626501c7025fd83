#!/bin/sh
# news-render --archive and news-calendar --archive: the records of a
# news-archive database, read whole or not at all.
. "$(dirname "$0")/lib.sh"

for t in news-archive news-render news-calendar; do
	if ! command -v $t >/dev/null 2>&1; then
		skip "$t not built"
		done_testing
		exit
	fi
done

cat >r.jsonl <<'EOF2'
{"url":"https://example.org/a","title":"Mongolia signs a coal deal","published":"2025-12-13T08:30:00Z","text":"Mongolia and South Korea signed an agreement on coal.","countries":["MN"]}
{"url":"https://example.org/b","title":"Chile opens a port","published":"2025-12-12T10:00:00Z","text":"Chile opened a new container port in Valparaiso.","countries":["CL"]}
{"url":"https://example.org/c","title":"Rain in Lima","published":"2025-11-30T10:00:00Z","text":"It rained in Lima for the first time in years.","countries":["PE"]}
EOF2
news-archive add a.db r.jsonl >/dev/null

check 'news-render --archive makes the site the records make' '
	news-render -q -o from-db --archive a.db &&
	news-render -q -o from-file r.jsonl &&
	diff -r from-db from-file'

check 'news-render -f text --archive lists every article' '
	news-render -f text --archive a.db >out &&
	test $(wc -l <out) -eq 3 && grep -q "Mongolia signs" out'

check 'news-calendar --archive counts what the file counts' '
	news-calendar -f json -m 2025-12 --archive a.db >db.json &&
	news-calendar -f json -m 2025-12 r.jsonl >file.json &&
	test_cmp file.json db.json &&
	news-calendar -m 2025-11 --archive a.db >db.txt &&
	news-calendar -m 2025-11 r.jsonl >file.txt && test_cmp file.txt db.txt'

check 'an archive and record files together: a usage error' '
	test "$(status news-render -o x --archive a.db r.jsonl)" = 2 &&
	test "$(status news-calendar --archive a.db r.jsonl)" = 2 && test ! -e x'

echo 'not a database' >bad.db
cp bad.db bad.orig
check 'a file that is not an archive: exit 2, no site, the file untouched' '
	news-render -o nosite --archive bad.db 2>err; test $? = 2 &&
	grep -q "bad.db" err && test ! -e nosite && cmp bad.db bad.orig &&
	test "$(status news-calendar --archive bad.db)" = 2'

check 'a missing archive: exit 2, said, the old site left as it was' '
	cp -r from-db before && mv a.db a.gone &&
	news-render -q -o from-db --archive a.db 2>err; st=$?; mv a.gone a.db &&
	test $st = 2 && grep -q "a.db: No such file" err && diff -r before from-db'

check 'news-render reads the archive while news-archive adds to it' '
	for i in $(seq 1 300); do
		printf "{\"url\":\"https://example.org/n%d\",\"title\":\"Story %d\",\"published\":\"2025-12-01T00:00:00Z\",\"text\":\"Body %d\"}\n" $i $i $i
	done >more.jsonl &&
	news-archive add a.db more.jsonl >/dev/null &
	writer=$!
	news-render -q -f text --archive a.db >during; st=$?
	wait $writer && test $st = 0 &&
	n=$(wc -l <during) && test $n -ge 3 && test $n -le 303 &&
	test $(news-render -f text --archive a.db | wc -l) -eq 303'
done_testing
