#!/bin/sh
# The man pages agree on their date (one .Dd "Month D, YYYY" on every
# page, never an unexpanded $Mdocdate$), and quotes are not nested by
# accident: news(7) shows the language examples as "en", "pt-br", not
# as `en, `pt-br''.
. "$(dirname "$0")/lib.sh"

for m in "$TOP"/man/*.[1-9]; do
	check "${m##*/}: one .Dd, a written-out date" "
		test \"\$(grep -c '^\.Dd' '$m')\" -eq 1 &&
		grep '^\.Dd' '$m' | grep -Eq '^\.Dd (January|February|March|April|May|June|July|August|September|October|November|December) [1-9][0-9]?, [0-9]{4}\$'"
done
check 'every page has the same date' '
	grep -h "^\.Dd" "$TOP"/man/*.[1-9] | sort -u >dates && test "$(wc -l <dates)" -eq 1'
check 'no $Mdocdate$ left anywhere in man/' '! grep -n "Mdocdate" "$TOP"/man/*.[1-9]'

if ! command -v mandoc >/dev/null 2>&1; then
	skip 'mandoc not installed'
	done_testing
	exit
fi
for m in "$TOP"/man/*.[1-9]; do
	check "${m##*/}: its footer shows the date of its .Dd" "
		d=\$(sed -n 's/^\.Dd //p' '$m') &&
		mandoc -Tascii '$m' | col -b | tail -n 1 | grep -qF \"\$d\""
	check "${m##*/}: no quote opened inside another by accident" "
		mandoc -Tascii '$m' | col -b >txt && ! grep -n \"\\\`[^']*\\\`\" txt"
done
check 'news(7): the language examples are quoted one by one' '
	mandoc -Tascii "$TOP/man/news.7" | col -b | tr -s " \n" "  " >txt &&
	grep -qF "(\"en\", \"pt-br\")" txt'
done_testing
