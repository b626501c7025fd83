#!/bin/sh
# news-fetch and RLIMIT_NOFILE: -j lowered to what the limit allows,
# with a note; running out of descriptors is said as such
. "$(dirname "$0")/lib.sh"
. "$FIXTURES/fetch/server.sh"
if ! command -v prlimit > /dev/null; then
	skip 'no prlimit(1)'
	done_testing
	exit
fi
start_httpd
NF="news-fetch --delay 0 --per-host 0 -j 30"
urls=""
for i in $(seq 1 30); do urls="$urls $BASE/gen/$i"; done

check 'a hard limit of 40: -j 30 lowered with a note, every feed read' '
	prlimit --nofile=40:40 $NF $urls > out 2> err &&
	test "$(wc -l < err)" -eq 1 &&
	grep -q "^news-fetch: -j 30 lowered to [0-9]*: 40 file descriptors allowed (RLIMIT_NOFILE" err &&
	test "$(wc -l < out)" -eq 60'
check 'the note is quiet under -q' '
	prlimit --nofile=40:40 $NF -q $urls > out 2> err &&
	test ! -s err && test "$(wc -l < out)" -eq 60'
check 'a soft limit below a higher hard one is raised: no note' '
	prlimit --nofile=40:4096 $NF $urls > out 2> err &&
	test ! -s err && test "$(wc -l < out)" -eq 60'
# which limit leaves no descriptor for the socket depends on what the
# loader and libcurl hold (a wakeup socket pair); try a few, with seven
# inherited descriptors open (not under the sanitizers: their runtime
# needs descriptors of its own)
if [ "${NEWS_SANITIZE:-0}" = 1 ]; then
	skip 'the sanitizer runtime needs descriptors of its own'
else
check 'no descriptor left: "out of file descriptors", never "Couldn'"'"'t connect"' '
	: > f; hit=0
	for n in 11 12 13 14 15 16; do
		prlimit --nofile=$n:$n $NF --retries 0 "$BASE/gen/1" > out 2> err \
		    3<f 4<f 5<f 6<f 7<f 8<f 9<f
		if grep -q "connect" err; then cat err; exit 1; fi
		if grep -q "gen/1: out of file descriptors (the limit is $n, RLIMIT_NOFILE): lower -j or raise ulimit -n" err; then
			hit=1; test ! -s out || exit 1
		fi
	done
	test $hit -eq 1'
fi
done_testing
