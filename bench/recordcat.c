/*
 * recordcat: read JSON-lines records from the operands or stdin and write
 * them back, the read-modify-write loop every newsutils filter runs; the
 * record I/O benchmark times it against jq -c . on the same file.
 */
#include <stdio.h>

#include "news.h"
#include "record.h"

static int
put(json_t *rec, struct news_reader *r, void *arg)
{
	json_object_set_new(rec, "seen", json_true());
	if (news_record_write(rec, stdout) != 0)
		return NEWS_EXIT_FATAL;
	return NEWS_EXIT_OK;
}

int
main(int argc, char *argv[])
{
	int status;

	news_setprog(argv[0]);
	status = news_records_foreach(argc - 1, argv + 1, put, NULL);
	if (news_fshut(stdout, "<stdout>"))
		return NEWS_EXIT_FATAL;
	return status;
}
