#!/bin/sh
# Every tool: --version, and a usage error named by the tool's own name
# (not its path) with exit status 2, as news(7) says.
. "$(dirname "$0")/lib.sh"

for t in news-fetch news-extract news-tag news-calendar news-render news-archive; do
	if ! command -v $t >/dev/null 2>&1; then
		skip "$t not built"
		continue
	fi
	check "$t --version" "
		$t --version >out && echo '$t (newsutils)' >want &&
		sed 's/ [0-9][0-9.]*\$//' out >got && test_cmp want got"
	check "$t: an unknown option is exit 2, named by the tool, with usage" "
		{ $NEWS_BIN/$t --no-such-option >out 2>err; test \$? -eq 2; } &&
		test ! -s out &&
		head -n 1 err | grep -q \"^$t: unrecognized option '--no-such-option'\$\" &&
		grep -q '^usage: $t' err"
done
done_testing
