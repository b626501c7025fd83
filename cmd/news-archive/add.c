/*
 * add.c: news-archive add and import.  Records are stored in batches,
 * one transaction each; the new and changed records of a batch are
 * written to stdout once it is committed, so what a later stage reads is
 * in the archive, and a run killed at any moment leaves the committed
 * batches whole and nothing half.  A batch ends after BATCH records, or,
 * when the input is a pipe, as soon as no whole record is waiting: the
 * lock is never held while we wait for the stage upstream.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cmd.h"
#include "record.h"

#define BATCH 1000
#define IMPORT_BATCH 20000

struct add {
	struct news_archive *a;
	struct news_buf out;		/* the batch's lines for stdout */
	int flags, emit, said_hash;
	size_t batch, max_batch;
	struct news_reader *cur;	/* the input piped() looked at */
	char curname[1024];
	int piped;
	unsigned long n[4];		/* by enum news_archive_added */
};

/* commit the batch, then write what it stored; 0 or an exit status */
static int
flush(struct add *ad)
{
	if (news_archive_commit(ad->a) < 0)
		return -1;
	if (ad->out.len > 0) {
		fwrite(ad->out.s, 1, ad->out.len, stdout);
		fflush(stdout);
	}
	news_buf_reset(&ad->out);
	ad->batch = 0;
	return 0;
}

/* 1 when r reads a pipe (or a terminal): not a regular file */
static int
piped(struct add *ad, struct news_reader *r)
{
	struct stat sb;
	const char *name = news_reader_name(r);

	if (ad->cur != r || strcmp(ad->curname, name) != 0) {
		ad->cur = r;
		snprintf(ad->curname, sizeof(ad->curname), "%s", name);
		ad->piped = (strcmp(name, "<stdin>") == 0 ? fstat(0, &sb) :
		    stat(name, &sb)) < 0 || !S_ISREG(sb.st_mode);
	}
	return ad->piped;
}

static int
add_record(json_t *rec, struct news_reader *r, void *arg)
{
	struct add *ad = arg;
	const char *line;
	size_t len;
	int res, hashed;

	res = news_archive_add(ad->a, rec, ad->flags, &hashed);
	if (res == NEWS_ARCHIVE_ERR)
		return NEWS_EXIT_FATAL;
	if (hashed && !ad->said_hash) {
		news_warn("%s: a record without url or id: stored under a hash "
		    "of its content (said once)", news_reader_where(r));
		ad->said_hash = 1;
	}
	ad->n[res]++;
	if (ad->emit && (res == NEWS_ARCHIVE_NEW || res == NEWS_ARCHIVE_CHANGED)) {
		line = news_archive_record(ad->a, &len);
		news_buf_add(&ad->out, line, len);
		news_buf_addc(&ad->out, '\n');
	}
	if (++ad->batch >= ad->max_batch ||
	    (!news_reader_has_line(r) && piped(ad, r)))
		return flush(ad) < 0 ? NEWS_EXIT_FATAL : 0;
	return 0;
}

static int
run(int argc, char **argv, int import)
{
	static const struct option longopts[] = {
		{ "dedup-bits", required_argument, NULL, 'B' },
		{ NULL, 0, NULL, 0 }
	};
	struct add ad;
	const char *errstr;
	int c, status, s, bits = NEWS_ARCHIVE_DUP_BITS;

	memset(&ad, 0, sizeof(ad));
	while ((c = getopt_long(argc, argv, "qv", longopts, NULL)) != -1) {
		switch (c) {
		case 'B':
			bits = (int)news_strtonum(optarg, 0, NEWS_ARCHIVE_DUP_BITS,
			    &errstr);
			if (errstr)
				news_fatal("--dedup-bits %s: %s (0 to %d)", optarg,
				    errstr, NEWS_ARCHIVE_DUP_BITS);
			break;
		case 'q': news_quiet = 1; break;
		case 'v': news_verbose = 1; break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	ad.a = open_db(argv[0], NEWS_ARCHIVE_CREATE);
	news_archive_set_dup_bits(ad.a, bits);
	ad.emit = !import;
	ad.flags = import ? 0 : NEWS_ADD_DEDUP;
	ad.max_batch = import ? IMPORT_BATCH : BATCH;
	status = news_records_foreach(argc - 1, argv + 1, add_record, &ad);
	if (status == NEWS_EXIT_FATAL || flush(&ad) < 0)
		db_fatal(ad.a);
	if (import ? !news_quiet : news_verbose)
		news_warn("%s: %lu new, %lu changed, %lu unchanged, %lu older "
		    "than the stored ones", news_archive_path(ad.a),
		    ad.n[NEWS_ARCHIVE_NEW], ad.n[NEWS_ARCHIVE_CHANGED],
		    ad.n[NEWS_ARCHIVE_SAME], ad.n[NEWS_ARCHIVE_OLDER]);
	if (news_archive_close(ad.a) < 0)
		status = NEWS_EXIT_FATAL;
	news_buf_free(&ad.out);
	s = news_fshut(stdout, "<stdout>");
	return s ? s : status;
}

int
cmd_add(int argc, char **argv)
{
	return run(argc, argv, 0);
}

int
cmd_import(int argc, char **argv)
{
	return run(argc, argv, 1);
}
