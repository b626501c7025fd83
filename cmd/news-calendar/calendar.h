/* calendar.h: what the modules of news-calendar share. */
#ifndef CALENDAR_H
#define CALENDAR_H

#include <stdint.h>
#include <stdio.h>
#include <jansson.h>

#include "buf.h"
#include "cal.h"

enum mark {
	MARK_PLAIN,	/* "13*": the day followed by '*' */
	MARK_REVERSE	/* reverse video (a terminal, NO_COLOR unset) */
};

/* one article kept for -f json */
struct article {
	int64_t day;	/* news_cal_days() of its day in the zone */
	size_t seq;	/* input order */
	json_t *ref;	/* {"id", "url", "title"} as the record has them */
};

struct calendar {
	struct news_cal *cal;
	int first_weekday;	/* 0 Sunday, 1 Monday */
	int counts;		/* -c: counts in the grid */
	enum mark mark;
	int blocks;		/* --heat: use block characters */
	struct article *art;	/* -f json */
	size_t nart, capart;
};

/* Months are given as ym = year * 12 + month - 1. */

/* text.c: cal(1)-style grids on fp */
void text_months(FILE *fp, const struct calendar *c, const int *ym, int n);
void text_three(FILE *fp, const struct calendar *c, int y, int m);
void text_year(FILE *fp, const struct calendar *c, int y);
void text_heat(FILE *fp, const struct calendar *c, int y);

/* formats.c: -f json, one object per month and line; -f html */
void json_months(FILE *fp, struct calendar *c, const int *ym, int n);
void html_months(FILE *fp, const struct calendar *c, const int *ym, int n,
    const struct news_cal_html_opts *o);

/* ics.c: -f ics, streamed: begin, one event per record, end */
void ics_begin(FILE *fp);
void ics_event(FILE *fp, json_t *rec, int64_t published);
void ics_end(FILE *fp);
/* RFC 5545 text escaping and folding, for the unit test and fuzzing */
void ics_line(struct news_buf *out, const char *name, const char *value,
    int escape);

#endif
