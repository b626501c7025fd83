#!/bin/sh
# news-tag: the country an article is about, named by its adjective, its
# capital or its institutions more than by its name, outranks a country
# the article mentions once in passing; in several languages.
. "$(dirname "$0")/lib.sh"

# first country: first LANG TITLE TEXT
first() {
	article "$1" "$2" "$3" | news-tag | jq -r '.countries[0] // "none"'
}
is() {
	got=$(first "$1" "$2" "$3") && test "$got" = "$4" || { echo "got $got, want $4"; false; }
}

check 'French: a French law, Iraq in passing' '
	is fr "Surveillance : la loi adoptée par le Parlement français" \
	    "Les députés français ont adopté mardi à Paris la loi sur le renseignement. Le gouvernement français défend un texte nécessaire.

Selon le ministre, les services ont déjoué des attentats préparés depuis l'"'"'Irak et d'"'"'ailleurs." FR
'
check 'French, no lang given' '
	is "" "La loi adoptée par le Parlement français" \
	    "Les députés français ont adopté la loi sur le renseignement, à Paris. Une mention de l'"'"'Irak." FR
'
check 'German: a German decision, the US in passing' '
	is de "Bundestag beschließt das deutsche Heizungsgesetz" \
	    "Die deutsche Regierung setzte sich in Berlin durch. Die Opposition verwies auf die Vereinigten Staaten." DE
'
check 'Spanish: a Spanish strike, France in passing' '
	is es "Huelga de los médicos españoles" \
	    "Los médicos españoles protestan en Madrid. La huelga sigue el modelo de Francia." ES
'
check 'Slovak: a Slovak government story, Hungary in passing' '
	is sk "Slovenská vláda schválila rozpočet" \
	    "Vláda v Bratislave schválila rozpočet na budúci rok. Opozícia ho porovnala s Maďarskom." SK
'
check 'English still: the title country first' '
	is "" "Italian farmers protest in Rome" \
	    "Italian farmers drove tractors into Rome on Monday, following protests in France." IT
'
done_testing
