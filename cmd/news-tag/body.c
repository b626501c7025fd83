/*
 * body.c: the text news-tag reads besides the title: the record's text
 * (news-extract's), else the text of its content, else of its summary
 * (a feed's HTML, as news-fetch gives it).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "news.h"
#include "htmltext.h"
#include "record.h"
#include "tag.h"

static char *owned;

const char *
tag_body(json_t *rec)
{
	static const char *const keys[] = { "content", "summary" };
	const char *s;
	size_t k;

	free(owned);
	owned = NULL;
	if (rec == NULL)
		return NULL;
	if ((s = news_record_str(rec, "text")) != NULL && *s != '\0')
		return s;
	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		if ((s = news_record_str(rec, keys[k])) == NULL || *s == '\0')
			continue;
		owned = news_html_text(s, strlen(s));
		if (*owned != '\0')
			return owned;
		free(owned);
		owned = NULL;
	}
	return NULL;
}
