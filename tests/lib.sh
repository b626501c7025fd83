# tests/lib.sh: a small TAP helper for CLI tests in POSIX sh (after
# mblaze's t/lib.sh and git's t/README).  Source it, then:
#
#   check 'what it shows' 'command && command'   # ok when status 0
#   check_fail 'what' 'command'                  # ok when status != 0
#   test_cmp expect actual                       # diff -u, for use in checks
#   done_testing
#
# The tools come first on PATH (NEWS_BIN, set by make check, else ../bin).
# Each test runs in its own scratch directory, removed at the end unless
# the test failed.

TOP=${NEWS_TOP:-$(cd "$(dirname "$0")/.." && pwd)}
NEWS_BIN=${NEWS_BIN:-$TOP/bin}
PATH=$NEWS_BIN:$PATH
export PATH TOP NEWS_BIN
FIXTURES=$TOP/tests
LC_ALL=C.UTF-8
TZ=UTC
NO_COLOR=1
export LC_ALL TZ NO_COLOR

tap_n=0
tap_fail=0
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/newsutils-test.XXXXXX") || exit 2
cd "$SCRATCH" || exit 2
# no test reads or writes the real HOME's state or cache
XDG_STATE_HOME=$SCRATCH/.xdg/state
XDG_CACHE_HOME=$SCRATCH/.xdg/cache
export XDG_STATE_HOME XDG_CACHE_HOME
trap 'cd /; if [ "$tap_fail" -eq 0 ]; then rm -rf "$SCRATCH"; else echo "# scratch kept in $SCRATCH"; fi' EXIT

check() {
	tap_n=$((tap_n + 1))
	if (eval "$2") >"$SCRATCH/.out" 2>&1; then
		echo "ok $tap_n - $1"
	else
		echo "not ok $tap_n - $1"
		sed 's/^/#   /' "$SCRATCH/.out" | head -n 40
		tap_fail=$((tap_fail + 1))
	fi
}

check_fail() {
	tap_n=$((tap_n + 1))
	if (eval "$2") >"$SCRATCH/.out" 2>&1; then
		echo "not ok $tap_n - $1 (expected failure, it succeeded)"
		sed 's/^/#   /' "$SCRATCH/.out" | head -n 40
		tap_fail=$((tap_fail + 1))
	else
		echo "ok $tap_n - $1"
	fi
}

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # skip $1"
}

# exit status of a command, printed (for use as: test "$(status cmd)" = 1)
status() {
	("$@") >/dev/null 2>&1
	echo $?
}

test_cmp() {
	diff -u "$1" "$2"
}

# a record of one article: article LANG TITLE [TEXT] (lang and text left
# out when empty)
article() {
	jq -nc --arg l "$1" --arg t "$2" --arg x "${3:-}" \
	    '{url: "http://example.org/a", title: $t} + (if $l == "" then {} else {lang: $l} end) + (if $x == "" then {} else {text: $x} end)'
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_fail" -eq 0 ]
}
