#!/bin/sh
# -h and --help on every tool: the synopsis and one line per option on
# stdout, exit 0, nothing on stderr; every option of the man page is in
# the help, every line fits 80 columns.  --version gives the Makefile's
# VERSION.  A tool with nothing to read says why.
. "$(dirname "$0")/lib.sh"

version=$(sed -n 's/^VERSION *= *//p' "$TOP/Makefile")
for t in news-fetch news-extract news-tag news-calendar news-render; do
	if ! command -v $t >/dev/null 2>&1; then
		skip "$t not built"
		continue
	fi
	for h in -h --help; do
		check "$t $h: usage and options on stdout, exit 0" "
			$t $h >out 2>err && test ! -s err &&
			head -n 1 out | grep -q '^usage: $t ' &&
			grep -q '^  -h, --help ' out && grep -q '^  --version ' out"
	done
	check "$t --help: no line over 80 columns" "
		$t --help >out && ! awk 'length > 80 { print; bad = 1 } END { exit bad }' out | grep ."
	check "$t --help: every option of $t(1) has its line" "
		$t --help >out &&
		grep '^\.It .*Fl' '$TOP/man/$t.1' | sed 's/\\\\-/-/g; s/Fl Fl /Fl -/g' |
		    grep -o 'Fl -\\{0,1\\}[A-Za-z0-9][-A-Za-z0-9]*' | sed 's/^Fl /-/' |
		    sort -u >opts && test -s opts &&
		grep -qx -- --help opts && grep -qx -- --version opts && grep -qx -- -h opts &&
		while read -r o; do
			grep -Eq -- \"^  (.*[ ,])?\$o([ ,]|\\\$)\" out || { echo \"missing \$o\"; exit 1; }
		done <opts"
	check "$t --version: the Makefile's VERSION" "
		$t --version >out 2>err && test ! -s err &&
		echo '$t (newsutils) $version' >want && test_cmp want out"
	check "$t: a usage error points to --help" "
		$t --no-such-option >out 2>err; test \$? -eq 2 && test ! -s out &&
		grep -q \"^Try '$t --help'\" err"
done

check 'news-fetch without sources says why, exit 2' '
	news-fetch >out 2>err; test $? -eq 2 && test ! -s out &&
	grep -q "^news-fetch: no sources: " err && grep -q "^usage: news-fetch" err'
check 'a filter without operands, on a terminal, says where it reads' '
	command -v script >/dev/null || exit 0
	for t in news-extract news-tag news-calendar "news-render -f text" "news-fetch --pages"; do
		script -qec "$t </dev/tty" /dev/null </dev/null >tty.out 2>&1
		grep -q "reading records from standard input, a terminal" tty.out ||
		    { echo "$t:"; cat tty.out; exit 1; }
	done'
done_testing
