/*
 * output.c: incremental writes into the output directory.
 *
 * A file is rewritten only when its bytes change (through a temporary
 * file and rename(2), so readers never see half a page), so that rsync
 * and deploys stay cheap.  The manifest (.news-render-manifest, one path
 * a line) lists every file news-render wrote there; a later run removes
 * the files of the old manifest that it did not write again, and never
 * touches any other file.  A manifest line may carry, after a tab, the
 * fingerprint of what the page was made from (pages.c): a page whose
 * fingerprint has not changed is not even rendered again.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "news.h"
#include "render.h"

#define MANIFEST ".news-render-manifest"

struct out {
	char *dir;
	int dirfd;
	struct map *done;	/* paths written or kept this run */
	struct map *old;	/* the last run's fingerprints by path */
	char **paths;
	uint64_t *fps;
	size_t n, cap;
	struct map *dirs;	/* directories known to exist */
	unsigned long written, kept, removed;
	int failed;
};

/* mkdir -p of the directories of rel, below the output directory */
static int
mkdirs(struct out *o, const char *rel)
{
	char *s, *p, *slash;
	int ret = 0;

	s = news_xstrdup(rel);
	slash = strrchr(s, '/');
	if (slash == NULL) {
		free(s);
		return 0;
	}
	*slash = '\0';
	if (map_get(o->dirs, s, NULL)) {
		free(s);
		return 0;
	}
	for (p = strchr(s, '/');; p = strchr(p + 1, '/')) {
		if (p != NULL)
			*p = '\0';
		if (!map_get(o->dirs, s, NULL)) {
			if (mkdirat(o->dirfd, s, 0777) == -1 &&
			    errno != EEXIST) {
				news_warn("%s/%s: mkdir:", o->dir, s);
				ret = -1;
				break;
			}
			map_put(o->dirs, s, 1);
		}
		if (p == NULL)
			break;
		*p = '/';
	}
	free(s);
	return ret;
}

static int
same(struct out *o, const char *rel, const char *data, size_t len)
{
	struct stat st;
	char buf[65536];
	size_t off = 0;
	ssize_t n;
	int fd, eq = 1;

	fd = openat(o->dirfd, rel, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1)
		return 0;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size != len) {
		close(fd);
		return 0;
	}
	while (eq && off < len) {
		n = read(fd, buf, sizeof buf);
		if (n <= 0 || (size_t)n > len - off)
			eq = 0;
		else if (memcmp(buf, data + off, (size_t)n) != 0)
			eq = 0;
		else
			off += (size_t)n;
	}
	close(fd);
	return eq;
}

static int
writefile(struct out *o, const char *rel, const char *data, size_t len)
{
	char tmp[4096];
	size_t off = 0;
	ssize_t n;
	int fd;

	if (snprintf(tmp, sizeof tmp, "%s.tmp%ld", rel, (long)getpid()) >=
	    (int)sizeof tmp) {
		news_warn("%s/%s: path too long", o->dir, rel);
		return -1;
	}
	fd = openat(o->dirfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
	    O_CLOEXEC, 0666);
	if (fd == -1) {
		news_warn("%s/%s:", o->dir, tmp);
		return -1;
	}
	while (off < len) {
		n = write(fd, data + off, len - off);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			news_warn("%s/%s: write:", o->dir, tmp);
			close(fd);
			unlinkat(o->dirfd, tmp, 0);
			return -1;
		}
		off += (size_t)n;
	}
	if (close(fd) == -1) {
		news_warn("%s/%s: close:", o->dir, tmp);
		unlinkat(o->dirfd, tmp, 0);
		return -1;
	}
	if (renameat(o->dirfd, tmp, o->dirfd, rel) == -1) {
		news_warn("%s/%s: rename:", o->dir, rel);
		unlinkat(o->dirfd, tmp, 0);
		return -1;
	}
	return 0;
}

static void
read_fingerprints(struct out *o)
{
	FILE *fp;
	char *line = NULL, *tab;
	size_t cap = 0;
	ssize_t n;
	int fd;

	fd = openat(o->dirfd, MANIFEST, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1 || (fp = fdopen(fd, "r")) == NULL) {
		if (fd != -1)
			close(fd);
		return;
	}
	while ((n = getline(&line, &cap, fp)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		*tab++ = '\0';
		map_put(o->old, line, (size_t)strtoull(tab, NULL, 16));
	}
	free(line);
	fclose(fp);
}

struct out *
out_open(const char *dir)
{
	struct out *o;
	int fd;

	if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
		news_warn("%s: mkdir:", dir);
		return NULL;
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1) {
		news_warn("%s:", dir);
		return NULL;
	}
	o = news_xcalloc(1, sizeof *o);
	o->dir = news_xstrdup(dir);
	o->dirfd = fd;
	o->done = map_new();
	o->dirs = map_new();
	o->old = map_new();
	read_fingerprints(o);
	return o;
}

static void
remember(struct out *o, const char *rel, uint64_t fp)
{
	map_put(o->done, rel, 1);
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 1024;
		o->paths = news_xreallocarray(o->paths, o->cap, sizeof(char *));
		o->fps = news_xreallocarray(o->fps, o->cap, sizeof(uint64_t));
	}
	o->fps[o->n] = fp;
	o->paths[o->n++] = news_xstrdup(rel);
}

int
out_write_fp(struct out *o, const char *rel, const char *data, size_t len,
    uint64_t fp)
{
	if (!slug_path_safe(rel) || strcmp(rel, MANIFEST) == 0) {
		news_warn("%s: unsafe output path, skipped", rel);
		o->failed = 1;
		return -1;
	}
	if (map_get(o->done, rel, NULL)) {
		news_warn("%s/%s: written twice (a bug)", o->dir, rel);
		o->failed = 1;
		return -1;
	}
	if (mkdirs(o, rel) == -1) {
		o->failed = 1;
		return -1;
	}
	if (same(o, rel, data, len)) {
		o->kept++;
	} else {
		if (writefile(o, rel, data, len) == -1) {
			o->failed = 1;
			return -1;
		}
		o->written++;
	}
	remember(o, rel, fp);
	return 0;
}

int
out_write(struct out *o, const char *rel, const char *data, size_t len)
{
	return out_write_fp(o, rel, data, len, 0);
}

int
out_fresh(struct out *o, const char *rel, uint64_t fp)
{
	struct stat st;
	size_t old;

	if (fp == 0 || !map_get(o->old, rel, &old) || (uint64_t)old != fp ||
	    map_get(o->done, rel, NULL) || !slug_path_safe(rel) ||
	    fstatat(o->dirfd, rel, &st, AT_SYMLINK_NOFOLLOW) == -1 ||
	    !S_ISREG(st.st_mode))
		return 0;
	o->kept++;
	remember(o, rel, fp);
	return 1;
}

/* remove the directories of rel that became empty, deepest first */
static void
prune(struct out *o, char *rel)
{
	char *p;

	while ((p = strrchr(rel, '/')) != NULL) {
		*p = '\0';
		if (unlinkat(o->dirfd, rel, AT_REMOVEDIR) == -1)
			break;
	}
}

static void
remove_stale(struct out *o)
{
	struct stat st;
	FILE *fp;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int fd;

	fd = openat(o->dirfd, MANIFEST, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1 || (fp = fdopen(fd, "r")) == NULL) {
		if (fd != -1)
			close(fd);
		return;
	}
	while ((n = getline(&line, &cap, fp)) > 0) {
		char *tab;

		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if ((tab = strchr(line, '\t')) != NULL)
			*tab = '\0';
		if (n == 0 || !slug_path_safe(line) ||
		    map_get(o->done, line, NULL))
			continue;
		if (fstatat(o->dirfd, line, &st, AT_SYMLINK_NOFOLLOW) == -1 ||
		    !S_ISREG(st.st_mode))
			continue;
		if (unlinkat(o->dirfd, line, 0) == -1) {
			news_warn("%s/%s: unlink:", o->dir, line);
			o->failed = 1;
			continue;
		}
		o->removed++;
		prune(o, line);
	}
	free(line);
	fclose(fp);
}

int
out_close(struct out *o, unsigned long *w, unsigned long *k,
    unsigned long *r)
{
	struct news_buf b = NEWS_BUF_INIT;
	size_t i;
	int ret;

	remove_stale(o);
	for (i = 0; i < o->n; i++) {
		news_buf_adds(&b, o->paths[i]);
		if (o->fps[i] != 0)
			news_buf_printf(&b, "\t%016llx", (unsigned long long)o->fps[i]);
		news_buf_addc(&b, '\n');
		free(o->paths[i]);
	}
	if (writefile(o, MANIFEST, b.s ? b.s : "", b.len) == -1)
		o->failed = 1;
	news_buf_free(&b);
	*w = o->written;
	*k = o->kept;
	*r = o->removed;
	ret = o->failed ? -1 : 0;
	close(o->dirfd);
	map_free(o->done);
	map_free(o->dirs);
	map_free(o->old);
	free(o->paths);
	free(o->fps);
	free(o->dir);
	free(o);
	return ret;
}
