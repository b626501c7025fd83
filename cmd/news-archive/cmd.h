/*
 * cmd.h: news-archive's commands (one file each group), sharing the
 * usage text and opening the database.
 */
#ifndef NEWS_ARCHIVE_CMD_H
#define NEWS_ARCHIVE_CMD_H

#include <getopt.h>

#include "archive.h"
#include "news.h"

NEWS_NORETURN void usage(void);
/* open DB or exit with its diagnostic and status */
struct news_archive *open_db(const char *path, int flags);
/* exit with the archive's last error */
NEWS_NORETURN void db_fatal(struct news_archive *a);
/* parse a date option: the instant, or the end of the day (the first
 * second after it) for an --until given without a time; exits 2 */
int64_t date_opt(const char *opt, const char *s, int until);

int cmd_add(int argc, char **argv);	/* add.c: add, import */
int cmd_import(int argc, char **argv);
int cmd_get(int argc, char **argv);	/* get.c: get, search, export */
int cmd_search(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_remove(int argc, char **argv);	/* admin.c: remove, stats */
int cmd_stats(int argc, char **argv);

#endif
