#!/bin/sh
# news-extract: the author from bylines in their many shapes.
. "$(dirname "$0")/lib.sh"
X=$FIXTURES/extract/authors

au() {
	news-extract --html "$X/$1.html" | jq -r .author
}

check 'a byline text padded with white space' \
	'test "$(au padded)" = "Jana Peters"'
check '"Autor:" with the name after its element' \
	'test "$(au label)" = "Tom Berg"'
check 'the byline in the footer of the article, not in related posts' \
	'test "$(au footer)" = "Mia Lund"'
check '"Posted on <date> by <name>" in an author element' \
	'test "$(au posted)" = "Lena Hart"'
check 'the date after the name in an author element cut' \
	'test "$(au dated)" = "Ulrike Sand"'
check 'and the weekday before the date' \
	'test "$(au weekday)" = "Tomas Brandt"'
check 'a date alone is no author' \
	'test "$(au weekday-only)" = null'
check 'the particle of a name kept' \
	'test "$(au particle)" = "Loïc Le Clerc"'
check 'a list of full names kept, an agency after the name cut' \
	'test "$(au list)" = "Daniel Braun, Davor Pasoski" &&
	 test "$(au agency)" = "Rob Pich"'
check '"by" after a capitalised phrase is no byline' \
	'test "$(au edited)" = null'
check '"Von <name>" closing a long article, a paragraph of its own' \
	'test "$(au signoff)" = "Karla Winter"'
check 'JSON-LD with a raw line break inside a string' \
	'test "$(au ld-newline)" = "Nora Quist"'
check '"Interview: <name>" in an author element' \
	'test "$(au interview)" = "Julia Sand"'
check 'an empty author element: no author, no fault' \
	'news-extract --html "$X/empty.html" >e.json && test "$(jq -r .author e.json)" = null'
check 'twitter:data1 under a localised label ("Verfasst von"), not the reading time' \
	'test "$(au twitter-label)" = "Ida Kern" &&
	 test "$(au twitter-time)" = null'
check '"Par&nbsp;" opens a byline, an empty link before the name passed' \
	'test "$(au nbsp)" = "Claire Morel"'
check 'a page builder'"'"'s "elementor-widget" is no sidebar widget' \
	'test "$(au builder)" = "Jonas Vogt"'
check '"Name/AGENCY": the name kept' \
	'test "$(au agency-slash)" = "Lars Enke"'
check '"Autoren", "Auteur :" open a byline' \
	'test "$(au words)" = "Hanna Roth und Jens Falk" &&
	 test "$(au auteur)" = "Koffi Mensah"'
check 'the site'"'"'s own name is no author, a blogger named in the blog'"'"'s name is' \
	'test "$(au site)" = null && test "$(au blog)" = "Nora Lind"'
check 'a byline in a "teaser" box that holds the title h1 is the article'"'"'s own' \
	'test "$(au header-teaser)" = "Petra Holm"'
check '"| By " for screen readers opens a byline' \
	'test "$(au sr-by)" = "Cara Dunn"'
check 'a name doubled for screen readers is read once' \
	'test "$(au sr-double)" = "Maëlle Kerrien"'
check 'a login as meta author gives way to the byline'"'"'s name with its letters' \
	'test "$(au login)" = "Jónas Bergmaíer" &&
	 test "$(au login-other)" = "jonas_bergmaier"'
check 'a name alone in bold or italics closing the article signs it' \
	'test "$(au signname)" = "Stefan Wendt" &&
	 test "$(au signname-not)" = null'
check 'a JSON-LD author the page never shows is none, a meta one gives way to a byline; shown, it stands' \
	'test "$(au hidden)" = "Petra Holm" &&
	 test "$(au hidden-shown)" = "Jannik Westmark" &&
	 test "$(au hidden-ld)" = "Ann Berg und Tom Kahl" &&
	 test "$(au hidden-blog)" = null'
check 'a NewsArticle'"'"'s JSON-LD author stands, shown or not' \
	'test "$(au hidden-news)" = "Ann Berg" &&
	 test "$(au hidden-org)" = "Contributors to Fährprojekte"'
check '", PhD", ", CNN" after the name cut' \
	'test "$(au degree)" = "Grant Miller" &&
	 test "$(au agency-comma)" = "Rob Lenz"'
check 'a slogan, a lower-case phrase, "Quelle" are no names' \
	'test "$(au shout)" = null && test "$(au lower)" = null &&
	 test "$(au source)" = null'
check '"Alles von <name>" and a footnote mark after the name cut' \
	'test "$(au alles)" = "Martin Jauch" &&
	 test "$(au footnote)" = "Marwan H. Adler"'
check 'an h1 with "author" in its id is no byline' \
	'test "$(au h1-author)" = null'
check '"Text & Fotos:" opens a byline' \
	'test "$(au text-fotos)" = "Ivan Valen"'
check '"By", "Autor" alone, the name in the next element' \
	'test "$(au lone-by)" = "Todd Baker" &&
	 test "$(au lone-autor)" = "Niko Haupt"'
check 'a user name after "Gespeichert von" or in an author element' \
	'test "$(au user-after)" = rasos &&
	 test "$(au user-digits)" = happyface313 &&
	 test "$(au user-domain)" = null'
check '"<date> - <name>" by the title, not "<date> | Recht & Gesetz"' \
	'test "$(au dated-line)" = "Amelie Lorenz" &&
	 test "$(au dated-section)" = null'
check 'initials after "by" in an author element' \
	'test "$(au initials)" = LD'
check '"Autor: <name>" far below a long article, as the last resort' \
	'test "$(au far-autor)" = "Klaus Friedmann"'
check 'a first name in meta gives way to the byline'"'"'s full name' \
	'test "$(au first-name)" = "Todd Baker"'
check 'a dash after the name cut' \
	'test "$(au dash)" = Robert'
check 'a meta author first in the byline'"'"'s list gives way to the list' \
	'test "$(au list-first)" = "Lena Kurz, Paul Lang"'
check 'a one-word name gives way to the full name the page shows' \
	'test "$(au full-name)" = "Maxim Rowe"'
check 'a login gives way to the full name the page shows' \
	'test "$(au login-name)" = "Karl P. Wendt"'
check 'three names or more joined "A, B, C"' \
	'test "$(au list-three)" = "Ana Ruiz, Luis Gil, Eva Sanz"'
check 'a one-word JSON-LD name completed by the person'"'"'s description' \
	'test "$(au desc-name)" = "Jonte Brack"'
check 'two JSON-LD names joined as the meta author joins them' \
	'test "$(au meta-join)" = "Ann Bell, Carl Dorn"'
check 'an "autor" class (es, de, pt) marks a byline' \
	'test "$(au autor-class)" = "Marta Ríos"'
check '"---- by <name>": the dashes before the byline word passed' \
	'test "$(au dash-by)" = "Owen Price"'
check 'a handle after the name cut: "Marta Gil @martagil"' \
	'test "$(au handle)" = "Marta Gil"'
check '"Von:" far below a long article, a label as strong as "Autor:"' \
	'test "$(au far-von)" = "Ilse Brandt"'
check '"责任编辑：" opens a byline, the name on the next line' \
	'test "$(au chinese)" = "王芳"'
check 'a page'"'"'s meta author gives way to another name its byline by the title shows' \
	'test "$(au meta-byline)" = Jonas'
check 'the author of a review of the product is a reader, no author' \
	'test "$(au review)" = null'
check 'a date after the name cut: "March 9", a weekday, "<br>Do 9 Apr 2020"' \
	'test "$(au date-after)" = "Sarah Gooding" &&
	 test "$(au weekday-name)" = "Joe Wee" &&
	 test "$(au br-date)" = "Heiko Sauer"'
check 'an "authority-control" box and "Sign In" links are no byline' \
	'test "$(au authority)" = null && test "$(au sign-in)" = null'
check 'the full stop after a name dropped' \
	'test "$(au full-stop)" = "Alon Zakai"'
check 'a forum thread'"'"'s starter: "Thread starter", "Started by"' \
	'test "$(au forum)" = Kestrel && test "$(au started-by)" = "Mira Holt"'
check 'an author box hidden by "display: none" is not shown: no author from it' \
	'test "$(au hidden-style)" = null'
check 'an unseen plain meta author: none on a named site, kept in a bare document' \
	'test "$(au meta-unseen)" = null &&
	 test "$(au meta-document)" = "Heinz Horn"'
check '"A, B & C" kept as the page joins it' \
	'test "$(au list-amp)" = "Ana Ruiz, Luis Gil & Eva Sanz"'
check 'itemprop=name below itemprop=url in the author: the name, not the job title' \
	'test "$(au prop-name)" = "Ingrid Arnd"'
check 'a credit of initials and agency ("jk/dpa") kept whole' \
	'test "$(au credit-slash)" = "jk/dpa" && test "$(au agency-slash)" = "Lars Enke"'
done_testing
