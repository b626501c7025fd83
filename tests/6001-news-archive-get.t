#!/bin/sh
# news-archive get and export: filters, order, sequence numbers, and
# exit status as grep's.
. "$(dirname "$0")/lib.sh"

cat >in.jsonl <<'E'
{"url":"https://a.example/1","id":"one","title":"Talks in Ulaanbaatar","published":"2025-12-13T08:30:00Z","countries":["MN","CN"],"tags":["Politics","Asia"],"category":"Mongolia","author":"Bat Dorj","feed":{"url":"https://a.example/feed","title":"A News"}}
{"url":"https://b.example/2","id":"two","title":"Trade figures","published":"2025-12-12T10:00:00Z","countries":["CN"],"tags":["Economy"],"category":"China","author":["Li Wei","Ann"],"feed":{"url":"https://b.example/rss","title":"B Daily"}}
{"url":"https://a.example/3","title":"Winter in Mongolia","updated":"2025-11-30T23:00:00Z","countries":["MN"],"tags":["Asia"]}
{"url":"https://c.example/4","title":"No date at all"}
E
news-archive add news.db in.jsonl >/dev/null

titles() { jq -r .title; }
check 'get: everything, newest first (published, else updated, else added)' '
	news-archive get news.db | titles >got &&
	printf "No date at all\nTalks in Ulaanbaatar\nTrade figures\nWinter in Mongolia\n" >want &&
	test_cmp want got'
check '--oldest-first and --limit' '
	news-archive get --oldest-first --limit 2 news.db | titles >got &&
	printf "Winter in Mongolia\nTrade figures\n" >want && test_cmp want got'
check '--since and --until (a date alone: the whole day)' '
	news-archive get --since 2025-12-01 --until 2025-12-12 news.db | titles >got &&
	echo "Trade figures" >want && test_cmp want got &&
	news-archive get --since 2025-12-12T12:00:00Z --until 2025-12-31 news.db | titles >got &&
	echo "Talks in Ulaanbaatar" >want && test_cmp want got'
check '--country (any case, repeated: all of them)' '
	news-archive get --country mn news.db | titles >got &&
	printf "Talks in Ulaanbaatar\nWinter in Mongolia\n" >want && test_cmp want got &&
	news-archive get --country MN --country cn news.db | titles >got &&
	echo "Talks in Ulaanbaatar" >want && test_cmp want got'
check '--tag, --category, --author (first of a list)' '
	test "$(news-archive get --tag asia --tag politics news.db | titles)" = "Talks in Ulaanbaatar" &&
	test "$(news-archive get --category china news.db | titles)" = "Trade figures" &&
	test "$(news-archive get --author "li wei" news.db | titles)" = "Trade figures"'
check '--source: the feed URL, the feed title, or the host' '
	test "$(news-archive get --source https://b.example/rss news.db | titles)" = "Trade figures" &&
	test "$(news-archive get --source "b daily" news.db | titles)" = "Trade figures" &&
	test "$(news-archive get --source a.example news.db | wc -l)" = 2'
check '--id: by id or by URL key' '
	test "$(news-archive get --id two news.db | titles)" = "Trade figures" &&
	test "$(news-archive get --id "HTTPS://A.example/3#top" news.db | titles)" = "Winter in Mongolia"'
check '--added-since: what changed after a sequence number' '
	news-archive get --added-since 2 news.db | titles | sort >got &&
	printf "No date at all\nWinter in Mongolia\n" >want && test_cmp want got &&
	echo "{\"url\":\"https://b.example/2\",\"id\":\"two\",\"title\":\"Trade figures, revised\",\"published\":\"2025-12-12T10:00:00Z\"}" |
	    news-archive add news.db >/dev/null &&
	test "$(news-archive get --added-since 4 news.db | titles)" = "Trade figures, revised"'
check 'nothing matched: exit 1, nothing written' '
	{ news-archive get --country FR news.db >out; test $? -eq 1; } && test ! -s out'
check 'a bad date, a bad number: exit 2, said' '
	{ news-archive get --since yesterday news.db 2>err; test $? -eq 2; } &&
	grep -q "^news-archive: --since yesterday: not a date" err &&
	{ news-archive get --limit -1 news.db 2>err; test $? -eq 2; } &&
	grep -q "limit -1: too small" err'
check 'an option of another command is a usage error' '
	{ news-archive get --dedup-bits 1 news.db 2>err; test $? -eq 2; } && grep -q "^usage:" err &&
	{ news-archive get -f text news.db 2>err; test $? -eq 2; }'
check 'get of a missing archive: exit 2, nothing created' '
	{ news-archive get none.db 2>err; test $? -eq 2; } && test ! -e none.db &&
	grep -q "^news-archive: none.db: No such file" err'
check 'export: every record in the order stored; import then export is the file' '
	news-archive import imp.db in.jsonl 2>/dev/null &&
	news-archive export imp.db >out && test_cmp in.jsonl out'
check 'get from a read-only database file' '
	cp news.db ro.db && chmod 444 ro.db &&
	test "$(news-archive get ro.db | wc -l)" = 4'
check 'get from a database in a read-only directory (no -shm can be made)' '
	mkdir rodir && cp news.db rodir/ && { chattr +i rodir 2>/dev/null || chmod 555 rodir; } &&
	test ! -e rodir/news.db-shm &&
	test "$(news-archive get rodir/news.db | wc -l)" = 4 &&
	test "$(news-archive search rodir/news.db ulaanbaatar | wc -l)" = 1;
	s=$?; chattr -i rodir 2>/dev/null; chmod 755 rodir; exit $s'
done_testing
