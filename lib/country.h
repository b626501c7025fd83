/* country.h: ISO 3166-1 alpha-2 codes to English short names (iso-codes). */
#ifndef NEWS_COUNTRY_H
#define NEWS_COUNTRY_H

/*
 * The English short name of an ISO 3166-1 alpha-2 code, in either case
 * ("mn" or "MN" -> "Mongolia"; iso-codes' common_name where it has one),
 * or NULL for a code that is not assigned.
 */
const char *news_country_name(const char *code);

#endif
