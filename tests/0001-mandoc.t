#!/bin/sh
# Every man page is clean under mandoc -Tlint (as feh's test/mandoc.t).
. "$(dirname "$0")/lib.sh"

if ! command -v mandoc >/dev/null 2>&1; then
	skip 'mandoc not installed'
	done_testing
	exit
fi
for m in "$TOP"/man/*.[1-9]; do
	[ -f "$m" ] || continue
	check "mandoc -Tlint ${m##*/}" "out=\$(mandoc -Tlint -W warning '$m' 2>&1); echo \"\$out\"; test -z \"\$out\""
done
done_testing
