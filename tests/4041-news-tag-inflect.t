#!/bin/sh
# news-tag: country names in their inflected forms, in languages that
# inflect them (data/tag/inflect/), from iso-codes' translations and the
# curated short names; with the record's lang, and without one when the
# text is too short to guess its language but not plain ASCII.
. "$(dirname "$0")/lib.sh"

# countries of one record: tag LANG TITLE [TEXT]
tag() {
	article "$1" "$2" "${3:-}" | news-tag | jq -c '.countries | sort'
}
is() {
	got=$(tag "$1" "$2" "${4:-}") && test "$got" = "$3" || { echo "got $got, want $3"; false; }
}

check 'Slovak, a title alone, no lang: Británia (short name), Čínu (accusative)' '
	is "" "Británia vyzvala Čínu, aby prepustila novinárov" "[\"CN\",\"GB\"]"
'
check 'Slovak with its lang: locative and genitive' '
	is sk "Voľby v Nemecku" "[\"DE\"]" &&
	is sk "Návšteva prezidenta Francúzska" "[\"FR\"]" &&
	is sk "Rokovania so Spojenými štátmi" "[\"US\"]"
'
check 'Slovak running text without lang: not taken for Portuguese' '
	is "" "Návšteva" "[\"AT\",\"DE\"]" "Prezidentka navštívila Nemecko a Rakúsko, kde sa stretla s kancelárom. V Nemecku hovorila o energetike a o doprave."
'
check 'Czech: Francii, Německem, Británií' '
	is cs "Jednání ve Francii" "[\"FR\"]" &&
	is cs "Dohoda s Německem" "[\"DE\"]" &&
	is "" "Spor mezi Británií a Íránem" "[\"GB\",\"IR\"]"
'
check 'Polish: Niemczech, Francji, Rosją' '
	is pl "Wizyta premiera w Niemczech" "[\"DE\"]" &&
	is "" "Rozmowy we Francji i z Rosją" "[\"FR\",\"RU\"]"
'
check 'Russian and Ukrainian: России, Китая, Україні' '
	is ru "Президент России встретился с лидером Китая" "[\"CN\",\"RU\"]" &&
	is uk "Вибори в Україні" "[\"UA\"]"
'
check 'German genitive: Chinas, Frankreichs' '
	is de "Chinas Exporte steigen" "[\"CN\"]" &&
	is de "Die Rolle Frankreichs" "[\"FR\"]"
'
check 'Finnish, Hungarian, Lithuanian case endings' '
	is fi "Vaalit Ruotsissa ja Norjassa" "[\"NO\",\"SE\"]" &&
	is hu "Választások Németországban" "[\"DE\"]" &&
	is lt "Rinkimai Lietuvoje" "[\"LT\"]"
'
check 'an elided article or a case ending after an apostrophe is not the name' '
	is fr "Les sanctions contre l'"'"'Irak" "[\"IQ\"]" &&
	is it "Il governo dell'"'"'Italia" "[\"IT\"]" &&
	is "" "Erdoğan Irak'"'"'ta ve Çin'"'"'e gitti" "[\"CN\",\"IQ\"]" &&
	is fr "Qu'"'"'il parte" "[]"
'
check 'plain ASCII without lang is English: Island is not Iceland' '
	is "" "Storm hits the Island" "[]" "Revenue rose on the Island."
'
check 'a name of another language still needs that language when lang is given' '
	is en "Nemecku" "[]"
'
check 'the tables are data: each has a vowels line' '
	for f in "$TOP"/data/tag/inflect/*.txt; do grep -q "^vowels	" "$f" || { echo "$f"; exit 1; }; done
'
done_testing
