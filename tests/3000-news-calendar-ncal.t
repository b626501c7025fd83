#!/bin/sh
# news-calendar's text grids against ncal -b, every month 1900..2100, both
# week starts, trailing spaces aside (news-calendar prints none), and the
# year and three-month views on a sample of years.
. "$(dirname "$0")/lib.sh"

if ! command -v ncal >/dev/null 2>&1; then
	skip 'ncal is not installed (make deps)'
	done_testing
	exit
fi

# every month once, in one news-calendar and one shell loop over ncal
args=$(awk 'BEGIN { for (y = 1900; y <= 2100; y++) for (m = 1; m <= 12; m++)
	printf "-m %04d-%02d ", y, m }')
ncal_all() {
	y=1900
	while [ $y -le 2100 ]; do
		for m in 1 2 3 4 5 6 7 8 9 10 11 12; do
			ncal -h "$@" $m $y
		done
		y=$((y + 1))
	done | sed 's/ *$//'
}

check 'ncal -b: 2412 months, Sunday first' '
	ncal_all -b >expect &&
	news-calendar --sunday $args </dev/null >actual &&
	test "$(wc -l <actual)" -eq $((2412 * 8)) &&
	test_cmp expect actual'

check 'ncal -bM: 2412 months, Monday first' '
	ncal_all -bM >expect &&
	news-calendar --monday $args </dev/null >actual &&
	test_cmp expect actual'

strip() { sed 's/ *$//' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'; }
for y in 1900 1901 1999 2000 2024 2025 2099 2100; do
	check "year $y as ncal -b -y, both week starts" '
		ncal -hb -y '$y' | strip >expect &&
		news-calendar -S -y '$y' </dev/null | strip >actual &&
		test_cmp expect actual &&
		ncal -hbM -y '$y' | strip >expect &&
		news-calendar -M -y '$y' </dev/null | strip >actual &&
		test_cmp expect actual'
done
for ym in '2 1900' '12 1999' '1 2000' '2 2024' '12 2025' '11 2100'; do
	set -- $ym
	check "-3 $2-$1 as ncal -b -3" '
		ncal -hb -3 '$1' '$2' | strip >expect &&
		news-calendar -S -3 -m '$(printf %04d-%02d $2 $1)' </dev/null |
		    strip >actual &&
		test_cmp expect actual'
done

done_testing
