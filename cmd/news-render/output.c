/*
 * output.c: incremental writes into the output directory.
 *
 * A file is rewritten only when its bytes change, so that rsync and
 * deploys stay cheap.  A render is all or nothing as a reader of the site
 * sees it: the files that change are written into a staging directory
 * in the output directory (.news-render-tmp.PID: a file for an existing
 * directory as a number, dN/... for a directory the site does not have
 * yet, whole) and only when every one of them was written are they
 * renamed into place, in the order they were made (articles before the
 * listings that link them); then the stale files are removed.  A write
 * that fails stops the run at once, says so once, removes the staging
 * directory and leaves the site as it was (exit 2).
 * SIGINT, SIGTERM and SIGHUP do the same; a lock on the output directory
 * keeps two runs apart, and a run removes the staging directories a
 * killed one left.
 *
 * No symbolic link below the output directory is ever followed: every
 * path is opened from the directory's descriptor one name at a time with
 * O_NOFOLLOW (dir_at), and a directory of the site that is a link stops
 * the run as a failed write does.  The manifest lists every file news-render
 * wrote there, one path a line; a later run removes the files of the old
 * manifest that it did not write again, and never touches any other
 * file.  A manifest line may carry, after a tab, the fingerprint of what
 * the page was made from (pages.c): a page whose fingerprint has not
 * changed is not even rendered again.
 *
 * The manifest is not part of the site: it lives in
 * $XDG_STATE_HOME/newsutils/news-render/HASH.manifest, HASH being of the
 * output directory's real path, which its first line names.  It is
 * replaced only when its bytes change, so a run that changes nothing
 * writes nothing.  A site of an older version kept it in the site as
 * .news-render-manifest: that one is read once, then removed, with the
 * temporary files an interrupted old run left beside its pages.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "news.h"
#include "render.h"

#define MANIFEST ".news-render-manifest"	/* in the site: older versions */
#define MAGIC "#news-render manifest\t"
#define STAGE ".news-render-tmp."	/* + PID: the staging directory */

/* done map values */
enum { KEPT = 1, STAGED = 2 };

static volatile sig_atomic_t out_sig;

struct out {
	char *dir;
	int dirfd;
	char *real;		/* realpath of dir */
	char *statedir;		/* where the manifest is kept */
	char *mname;		/* its name there */
	struct news_buf mold;	/* its bytes as read */
	int adopt;		/* dir/MANIFEST of an older version found */
	struct map *done;	/* paths written or kept this run */
	struct map *old;	/* the last run's fingerprints by path */
	char **oldpaths;	/* the last run's paths, in order */
	size_t nold, capold;
	char **paths;
	uint64_t *fps;
	size_t n, cap;
	struct map *dirs;	/* directories known to exist */
	struct map *newdirs;	/* directories made in staging: root -> N */
	struct map *sdirs;	/* directories made below them */
	char **roots;		/* their paths in the site, by N */
	size_t nroots, caproots;
	int stagefd;		/* the staging directory, or -1 */
	int cfd;		/* dir_at's last directory, or -1 */
	char *cdir;		/* its path */
	char stage[64];		/* its name */
	struct staged {
		size_t path;	/* index in paths[], or in roots[] */
		int tree;	/* 1: the directory tree roots[path] */
	} *staged;		/* in the order they were made */
	size_t nstaged, capstaged;
	unsigned long written, kept, removed;
	int failed;
};

static void
on_signal(int sig)
{
	out_sig = sig;
}

static void
push(char ***v, size_t *n, size_t *cap, char *s)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = news_xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = s;
}

/* remove name below dfd, and what it holds when it is a directory */
static void
rm_tree(int dfd, const char *name)
{
	struct dirent *e;
	DIR *d;
	int fd;

	if (unlinkat(dfd, name, 0) == 0 || (errno != EISDIR && errno != EPERM))
		return;
	fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1 || (d = fdopendir(fd)) == NULL) {
		if (fd != -1)
			close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			rm_tree(dirfd(d), e->d_name);
	closedir(d);
	unlinkat(dfd, name, AT_REMOVEDIR);
}

/* undo this run: the staging directory */
static void
unstage(struct out *o)
{
	if (o->stagefd != -1) {
		close(o->stagefd);
		o->stagefd = -1;
		rm_tree(o->dirfd, o->stage);
	}
}

/* a write failed: say it once, undo, exit 2 */
static NEWS_NORETURN void
out_fail(struct out *o, const char *rel, const char *what)
{
	int e = errno;

	news_warn("%s/%s: %s%s%s (the site was left as it was)", o->dir, rel,
	    what, *what && e ? ": " : "", e ? strerror(e) : "");
	unstage(o);
	exit(NEWS_EXIT_FATAL);
}

static void
check_signal(struct out *o)
{
	int sig = out_sig;

	if (sig == 0)
		return;
	unstage(o);
	news_warn("%s: interrupted (the site was left as it was)", o->dir);
	signal(sig, SIG_DFL);
	raise(sig);
	exit(NEWS_EXIT_FATAL);
}

static void
dir_forget(struct out *o)
{
	if (o->cfd != -1)
		close(o->cfd);
	o->cfd = -1;
	free(o->cdir);
	o->cdir = NULL;
}

/*
 * The directory of rel (below the output directory), opened one name at
 * a time without following a symbolic link, and in *base the last name
 * of rel; -1 (ELOOP or ENOTDIR for a link) when there is none.  The
 * descriptor stays the out's (the last one is kept: pages come in runs
 * of one directory): do not close it.
 */
static int
dir_at(struct out *o, const char *rel, const char **base)
{
	const char *slash = strrchr(rel, '/'), *p, *q;
	char name[NAME_MAX + 1];
	size_t n;
	int fd, nfd, e;

	if (slash == NULL) {
		*base = rel;
		return o->dirfd;
	}
	*base = slash + 1;
	n = (size_t)(slash - rel);
	if (o->cfd != -1 && strlen(o->cdir) == n &&
	    memcmp(o->cdir, rel, n) == 0)
		return o->cfd;
	dir_forget(o);
	fd = o->dirfd;
	for (p = rel; p < slash; p = q + 1) {
		if ((q = memchr(p, '/', (size_t)(slash - p))) == NULL)
			q = slash;
		if ((size_t)(q - p) > NAME_MAX) {
			nfd = -1;
			errno = ENAMETOOLONG;
		} else {
			memcpy(name, p, (size_t)(q - p));
			name[q - p] = '\0';
			nfd = openat(fd, name, O_RDONLY | O_DIRECTORY |
			    O_NOFOLLOW | O_CLOEXEC);
		}
		e = errno;
		if (fd != o->dirfd)
			close(fd);
		if (nfd == -1) {
			errno = e;
			return -1;
		}
		fd = nfd;
	}
	o->cfd = fd;
	o->cdir = news_xstrndup(rel, n);
	return fd;
}

static void
stage_open(struct out *o)
{
	if (o->stagefd != -1)
		return;
	snprintf(o->stage, sizeof o->stage, "%s%ld", STAGE, (long)getpid());
	if (mkdirat(o->dirfd, o->stage, 0700) == -1 ||
	    (o->stagefd = openat(o->dirfd, o->stage, O_RDONLY | O_DIRECTORY |
	    O_NOFOLLOW | O_CLOEXEC)) == -1)
		out_fail(o, o->stage, "mkdir");
}

static void
add_staged(struct out *o, size_t path, int tree)
{
	if (o->nstaged == o->capstaged) {
		o->capstaged = o->capstaged ? o->capstaged * 2 : 256;
		o->staged = news_xreallocarray(o->staged, o->capstaged,
		    sizeof *o->staged);
	}
	o->staged[o->nstaged].path = path;
	o->staged[o->nstaged++].tree = tree;
}

/*
 * Where rel is staged: "" (a number, in sp) when its directory exists in
 * the site, else dN/REST/NAME, dN standing for the first directory of
 * its path the site does not have yet; the directories below dN are
 * made as needed.  Exits on error.
 */
static void
place(struct out *o, const char *rel, struct news_buf *sp)
{
	struct stat st;
	char *s, *p, *slash, *rest;
	size_t n;

	news_buf_reset(sp);
	s = news_xstrdup(rel);
	if ((slash = strrchr(s, '/')) == NULL || (*slash = '\0',
	    map_get(o->dirs, s, NULL)))
		goto flat;
	for (p = s;; p++) {
		p = strchr(p, '/');
		if (p != NULL)
			*p = '\0';
		if (map_get(o->newdirs, s, &n))
			goto tree;
		if (!map_get(o->dirs, s, NULL)) {
			if (fstatat(o->dirfd, s, &st, AT_SYMLINK_NOFOLLOW) == 0) {
				if (S_ISLNK(st.st_mode)) {
					errno = 0;
					out_fail(o, s, "a symbolic link, never "
					    "followed inside the output directory");
				}
				if (!S_ISDIR(st.st_mode)) {
					errno = ENOTDIR;
					out_fail(o, s, "");
				}
				map_put(o->dirs, s, 1);
			} else if (errno == ENOENT) {
				stage_open(o);
				n = o->nroots;
				news_buf_printf(sp, "d%zu", n);
				if (mkdirat(o->stagefd, news_buf_str(sp), 0777)
				    == -1)
					out_fail(o, s, "mkdir");
				map_put(o->newdirs, s, n);
				push(&o->roots, &o->nroots, &o->caproots,
				    news_xstrdup(s));
				add_staged(o, n, 1);
				goto tree;
			} else {
				out_fail(o, s, "");
			}
		}
		if (p == NULL)
			goto flat;
		*p = '/';
	}
tree:
	/* s is the root (dN); the rest of the directory follows p */
	news_buf_reset(sp);
	news_buf_printf(sp, "d%zu", n);
	if (p != NULL) {
		for (rest = p + 1;; rest = p + 1) {
			p = strchr(rest, '/');
			if (p != NULL)
				*p = '\0';
			news_buf_printf(sp, "/%s", rest);
			if (!map_get(o->sdirs, news_buf_str(sp), NULL)) {
				if (mkdirat(o->stagefd, news_buf_str(sp), 0777)
				    == -1 && errno != EEXIST)
					out_fail(o, rel, "mkdir");
				map_put(o->sdirs, news_buf_str(sp), 1);
			}
			if (p == NULL)
				break;
		}
	}
	news_buf_printf(sp, "/%s", strrchr(rel, '/') + 1);
	free(s);
	return;
flat:
	free(s);
}

static int
same(struct out *o, const char *rel, const char *data, size_t len)
{
	struct stat st;
	char buf[65536];
	size_t off = 0;
	ssize_t n;
	int fd, eq = 1;

	const char *base;

	if ((fd = dir_at(o, rel, &base)) == -1)
		return 0;
	fd = openat(fd, base, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
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
writefile_at(int dfd, const char *shown, const char *rel, const char *data,
    size_t len)
{
	char tmp[4096];
	size_t off = 0;
	ssize_t n;
	int fd;

	if (snprintf(tmp, sizeof tmp, "%s.tmp%ld", rel, (long)getpid()) >=
	    (int)sizeof tmp) {
		news_warn("%s/%s: path too long", shown, rel);
		return -1;
	}
	fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
	    O_CLOEXEC, 0666);
	if (fd == -1) {
		news_warn("%s/%s:", shown, tmp);
		return -1;
	}
	while (off < len) {
		n = write(fd, data + off, len - off);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			news_warn("%s/%s: write:", shown, tmp);
			close(fd);
			unlinkat(dfd, tmp, 0);
			return -1;
		}
		off += (size_t)n;
	}
	if (close(fd) == -1) {
		news_warn("%s/%s: close:", shown, tmp);
		unlinkat(dfd, tmp, 0);
		return -1;
	}
	if (renameat(dfd, tmp, dfd, rel) == -1) {
		news_warn("%s/%s: rename:", shown, rel);
		unlinkat(dfd, tmp, 0);
		return -1;
	}
	return 0;
}

/* write rel into the staging directory; exits on error */
static void
stage(struct out *o, const char *rel, const char *data, size_t len)
{
	struct news_buf sp = NEWS_BUF_INIT;
	size_t off = 0;
	ssize_t n;
	int fd;

	place(o, rel, &sp);
	stage_open(o);
	if (sp.len == 0) {
		news_buf_printf(&sp, "%zu", o->nstaged);
		add_staged(o, o->n, 0);		/* remember() comes next */
	}
	fd = openat(o->stagefd, news_buf_str(&sp), O_WRONLY | O_CREAT | O_EXCL |
	    O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd == -1)
		out_fail(o, rel, "");
	while (off < len) {
		n = write(fd, data + off, len - off);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			out_fail(o, rel, "");
		}
		off += (size_t)n;
	}
	if (close(fd) == -1)
		out_fail(o, rel, "");
	news_buf_free(&sp);
}

/* slurp name below dfd into b; 0, or -1 (ENOENT when there is none) */
static int
slurp_at(int dfd, const char *name, struct news_buf *b)
{
	char buf[65536];
	ssize_t n;
	int fd;

	fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1)
		return -1;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n == -1) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		news_buf_add(b, buf, (size_t)n);
	}
	close(fd);
	return 0;
}

/* the paths and fingerprints of a manifest's bytes, added to the old
 * ones (a path already there is not added twice) */
static void
parse_manifest(struct out *o, char *s, size_t len)
{
	char *end = s + len, *nl, *tab;

	if (len > strlen(MAGIC) && memcmp(s, MAGIC, strlen(MAGIC)) == 0) {
		if ((nl = memchr(s, '\n', len)) == NULL)
			return;
		*nl = '\0';
		if (strcmp(s + strlen(MAGIC), o->real) != 0)
			return;		/* another directory's (hash clash) */
		s = nl + 1;
	}
	for (; s < end; s = nl + 1) {
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		*nl = '\0';
		if ((tab = strchr(s, '\t')) != NULL)
			*tab++ = '\0';
		if (*s == '\0' || strcmp(s, MANIFEST) == 0 ||
		    map_get(o->old, s, NULL))
			continue;
		map_put(o->old, s, tab ? (size_t)strtoull(tab, NULL, 16) : 0);
		if (o->nold == o->capold) {
			o->capold = o->capold ? o->capold * 2 : 1024;
			o->oldpaths = news_xreallocarray(o->oldpaths, o->capold,
			    sizeof(char *));
		}
		o->oldpaths[o->nold++] = news_xstrdup(s);
	}
}

/* $XDG_STATE_HOME/newsutils/news-render, else under $HOME/.local/state */
static char *
state_dir(void)
{
	struct news_buf b = NEWS_BUF_INIT;
	const char *env = getenv("XDG_STATE_HOME"), *home;
	struct passwd *pw;

	if (env != NULL && env[0] == '/') {
		news_buf_adds(&b, env);
	} else {
		home = getenv("HOME");
		if ((home == NULL || home[0] != '/') &&
		    (pw = getpwuid(getuid())) != NULL)
			home = pw->pw_dir;
		if (home == NULL || home[0] != '/')
			return NULL;
		news_buf_adds(&b, home);
		news_buf_adds(&b, "/.local/state");
	}
	news_buf_adds(&b, "/newsutils/news-render");
	return news_buf_take(&b);
}

/* mkdir -p of an absolute path (mode 0700 for what it makes) */
static int
mkdir_p(char *path)
{
	char *p;

	for (p = strchr(path + 1, '/');; p = strchr(p + 1, '/')) {
		if (p != NULL)
			*p = '\0';
		if (mkdir(path, 0700) == -1 && errno != EEXIST) {
			news_warn("%s: mkdir:", path);
			if (p != NULL)
				*p = '/';
			return -1;
		}
		if (p == NULL)
			return 0;
		*p = '/';
	}
}

/* one run at a time per directory; the staging directories of runs
 * killed before they could remove them go; signals stop us cleanly */
static void
lock_and_clean(struct out *o)
{
	struct sigaction sa;
	struct dirent *e;
	DIR *d;
	int fd;

	if (flock(o->dirfd, LOCK_EX | LOCK_NB) == -1) {
		news_info("%s: waiting for another news-render", o->dir);
		if (flock(o->dirfd, LOCK_EX) == -1)
			news_warn("%s: flock:", o->dir);
	}
	if ((fd = openat(o->dirfd, ".", O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) != -1 && (d = fdopendir(fd)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (strncmp(e->d_name, STAGE, strlen(STAGE)) == 0)
				rm_tree(o->dirfd, e->d_name);
		closedir(d);
	} else if (fd != -1) {
		close(fd);
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

struct out *
out_open(const char *dir)
{
	struct news_buf b = NEWS_BUF_INIT;
	struct out *o;
	char real[PATH_MAX], name[64];
	int fd;

	if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
		news_warn("%s: mkdir:", dir);
		return NULL;
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1 || realpath(dir, real) == NULL) {
		news_warn("%s:", dir);
		if (fd != -1)
			close(fd);
		return NULL;
	}
	o = news_xcalloc(1, sizeof *o);
	o->dir = news_xstrdup(dir);
	o->dirfd = fd;
	o->stagefd = -1;
	o->cfd = -1;
	o->real = news_xstrdup(real);
	o->done = map_new();
	o->dirs = map_new();
	o->newdirs = map_new();
	o->sdirs = map_new();
	o->old = map_new();
	if ((o->statedir = state_dir()) == NULL) {
		news_warn("no home directory for the manifest: "
		    "set XDG_STATE_HOME or HOME");
		out_close(o, NULL, NULL, NULL);
		return NULL;
	}
	if (unveil(o->statedir, "rwc") == -1)
		news_fatal("unveil:");
	snprintf(name, sizeof name, "%016llx.manifest",
	    (unsigned long long)slug_hash(real, strlen(real)));
	o->mname = news_xstrdup(name);
	news_buf_printf(&b, "%s/%s", o->statedir, o->mname);
	if (slurp_at(AT_FDCWD, news_buf_str(&b), &o->mold) == -1 &&
	    errno != ENOENT)
		news_warn("%s:", news_buf_str(&b));
	news_buf_reset(&b);
	news_buf_add(&b, o->mold.s ? o->mold.s : "", o->mold.len);
	parse_manifest(o, b.s ? b.s : (char *)"", b.len);
	news_buf_reset(&b);
	if (slurp_at(fd, MANIFEST, &b) == 0) {
		o->adopt = 1;
		parse_manifest(o, b.s ? b.s : (char *)"", b.len);
	}
	news_buf_free(&b);
	lock_and_clean(o);
	return o;
}

static void
remember(struct out *o, const char *rel, uint64_t fp, int how)
{
	map_put(o->done, rel, (size_t)how);
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
	check_signal(o);
	if (!slug_path_safe(rel) || strcmp(rel, MANIFEST) == 0 ||
	    strncmp(rel, STAGE, strlen(STAGE)) == 0) {
		news_warn("%s: unsafe output path, skipped", rel);
		o->failed = 1;
		return -1;
	}
	if (map_get(o->done, rel, NULL)) {
		news_warn("%s/%s: written twice (a bug)", o->dir, rel);
		o->failed = 1;
		return -1;
	}
	if (same(o, rel, data, len)) {
		o->kept++;
		remember(o, rel, fp, KEPT);
	} else {
		stage(o, rel, data, len);
		o->written++;
		remember(o, rel, fp, STAGED);
	}
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
	const char *base;
	size_t old;
	int dfd;

	check_signal(o);
	if (fp == 0 || !map_get(o->old, rel, &old) || (uint64_t)old != fp ||
	    map_get(o->done, rel, NULL) || !slug_path_safe(rel) ||
	    (dfd = dir_at(o, rel, &base)) == -1 ||
	    fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) == -1 ||
	    !S_ISREG(st.st_mode))
		return 0;
	o->kept++;
	remember(o, rel, fp, KEPT);
	return 1;
}

/* remove the directories of rel that became empty, deepest first */
static void
prune(struct out *o, char *rel)
{
	const char *base;
	char *p;
	int dfd;

	while ((p = strrchr(rel, '/')) != NULL) {
		*p = '\0';
		if ((dfd = dir_at(o, rel, &base)) == -1 ||
		    unlinkat(dfd, base, AT_REMOVEDIR) == -1)
			break;
	}
}

static void
remove_stale(struct out *o)
{
	struct stat st;
	const char *base;
	size_t i;
	int dfd;

	for (i = 0; i < o->nold; i++) {
		char *line = o->oldpaths[i];

		if (!slug_path_safe(line) || map_get(o->done, line, NULL))
			continue;
		if ((dfd = dir_at(o, line, &base)) == -1 ||
		    fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) == -1 ||
		    !S_ISREG(st.st_mode))
			continue;
		if (unlinkat(dfd, base, 0) == -1) {
			news_warn("%s/%s: unlink:", o->dir, line);
			o->failed = 1;
			continue;
		}
		o->removed++;
		prune(o, line);
	}
}

/* a site of an older version: the temporary files an interrupted run of
 * it left beside its pages (NAME.tmpPID, NAME in its manifest) */
static void
remove_old_temps(struct out *o)
{
	struct map *seen = map_new();
	struct news_buf b = NEWS_BUF_INIT;
	struct dirent *e;
	const char *base;
	size_t i;
	char *dir, *slash, *t;
	DIR *d;
	int fd;

	for (i = 0; i <= o->nold; i++) {
		dir = news_xstrdup(i < o->nold ? o->oldpaths[i] : "x");
		if ((slash = strrchr(dir, '/')) != NULL)
			*slash = '\0';
		else
			dir[0] = '\0';
		if (map_get(seen, dir, NULL) ||
		    (dir[0] != '\0' && !slug_path_safe(dir))) {
			free(dir);
			continue;
		}
		map_put(seen, dir, 1);
		news_buf_reset(&b);
		news_buf_printf(&b, "%s%s.", dir, dir[0] ? "/" : "");
		fd = dir_at(o, news_buf_str(&b), &base);
		fd = fd == -1 ? -1 : openat(fd, ".", O_RDONLY | O_DIRECTORY |
		    O_CLOEXEC);
		if (fd == -1 || (d = fdopendir(fd)) == NULL) {
			if (fd != -1)
				close(fd);
			free(dir);
			continue;
		}
		while ((e = readdir(d)) != NULL) {
			if ((t = strstr(e->d_name, ".tmp")) == NULL ||
			    t[4] == '\0' || strspn(t + 4, "0123456789") !=
			    strlen(t + 4))
				continue;
			news_buf_reset(&b);
			if (dir[0] != '\0')
				news_buf_printf(&b, "%s/", dir);
			news_buf_add(&b, e->d_name, (size_t)(t - e->d_name));
			if ((map_get(o->old, news_buf_str(&b), NULL) ||
			    strcmp(news_buf_str(&b), MANIFEST) == 0) &&
			    e->d_type != DT_DIR)
				unlinkat(dirfd(d), e->d_name, 0);
		}
		closedir(d);
		free(dir);
	}
	news_buf_free(&b);
	map_free(seen);
}

/* replace the manifest with b's bytes, if they differ from it */
static int
save_manifest(struct out *o, struct news_buf *b)
{
	int fd, ret;

	if (b->len == o->mold.len && memcmp(b->s, o->mold.s, b->len) == 0)
		return 0;
	if (mkdir_p(o->statedir) == -1)
		return -1;
	if ((fd = open(o->statedir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		news_warn("%s:", o->statedir);
		return -1;
	}
	ret = writefile_at(fd, o->statedir, o->mname, b->s, b->len);
	close(fd);
	if (ret == 0) {
		news_buf_reset(&o->mold);
		news_buf_add(&o->mold, b->s, b->len);
	}
	return ret;
}

static void
manifest_line(struct news_buf *b, const char *path, uint64_t fp)
{
	news_buf_adds(b, path);
	if (fp != 0)
		news_buf_printf(b, "\t%016llx", (unsigned long long)fp);
	news_buf_addc(b, '\n');
}

/*
 * Before the staged files go into place: a manifest that covers both
 * runs (the old paths, less the fingerprints of what is replaced, and
 * the new paths), so that whatever moment a crash comes, every file this
 * tool made is listed and no listed fingerprint lies.
 */
static int
save_both(struct out *o)
{
	struct news_buf b = NEWS_BUF_INIT;
	size_t i, fp, how;
	int ret;

	news_buf_printf(&b, "%s%s\n", MAGIC, o->real);
	for (i = 0; i < o->nold; i++) {
		if (!map_get(o->old, o->oldpaths[i], &fp) ||
		    (map_get(o->done, o->oldpaths[i], &how) && how == STAGED))
			fp = 0;
		manifest_line(&b, o->oldpaths[i], fp);
	}
	for (i = 0; i < o->n; i++)
		if (!map_get(o->old, o->paths[i], NULL))
			manifest_line(&b, o->paths[i], 0);
	ret = save_manifest(o, &b);
	news_buf_free(&b);
	return ret;
}

/* the staged files and trees into place, signals held off */
static void
commit(struct out *o)
{
	sigset_t all, old;
	char name[32];
	const char *rel, *base;
	size_t i;
	int dfd;

	sigemptyset(&all);
	sigaddset(&all, SIGINT);
	sigaddset(&all, SIGTERM);
	sigaddset(&all, SIGHUP);
	sigprocmask(SIG_BLOCK, &all, &old);
	for (i = 0; i < o->nstaged; i++) {
		if (o->staged[i].tree) {
			rel = o->roots[o->staged[i].path];
			snprintf(name, sizeof name, "d%zu", o->staged[i].path);
		} else {
			rel = o->paths[o->staged[i].path];
			snprintf(name, sizeof name, "%zu", i);
		}
		if ((dfd = dir_at(o, rel, &base)) == -1 ||
		    renameat(o->stagefd, name, dfd, base) == -1) {
			news_warn("%s/%s: rename:", o->dir, rel);
			o->failed = 1;
		}
	}
	close(o->stagefd);
	o->stagefd = -1;
	rm_tree(o->dirfd, o->stage);
	out_sig = 0;		/* done: a signal now changes nothing */
	sigprocmask(SIG_SETMASK, &old, NULL);
}

int
out_close(struct out *o, unsigned long *w, unsigned long *k,
    unsigned long *r)
{
	size_t i;
	int ret;

	if (w != NULL) {
		struct news_buf b = NEWS_BUF_INIT;

		check_signal(o);
		if (o->nstaged > 0) {
			if (save_both(o) == -1) {
				errno = 0;	/* said by save_manifest */
				out_fail(o, "", "the manifest could not be saved");
			}
			commit(o);
		}
		remove_stale(o);
		news_buf_printf(&b, "%s%s\n", MAGIC, o->real);
		for (i = 0; i < o->n; i++)
			manifest_line(&b, o->paths[i], o->fps[i]);
		if (save_manifest(o, &b) == -1)
			o->failed = 1;
		else if (o->adopt) {
			remove_old_temps(o);
			if (unlinkat(o->dirfd, MANIFEST, 0) == -1) {
				news_warn("%s/%s: unlink:", o->dir, MANIFEST);
				o->failed = 1;
			}
		}
		news_buf_free(&b);
		*w = o->written;
		*k = o->kept;
		*r = o->removed;
	}
	ret = o->failed ? -1 : 0;
	if (o->stagefd != -1)
		unstage(o);
	dir_forget(o);
	close(o->dirfd);
	for (i = 0; i < o->nroots; i++)
		free(o->roots[i]);
	free(o->roots);
	free(o->staged);
	map_free(o->newdirs);
	map_free(o->sdirs);
	for (i = 0; i < o->n; i++)
		free(o->paths[i]);
	for (i = 0; i < o->nold; i++)
		free(o->oldpaths[i]);
	free(o->oldpaths);
	map_free(o->done);
	map_free(o->dirs);
	map_free(o->old);
	news_buf_free(&o->mold);
	free(o->paths);
	free(o->fps);
	free(o->dir);
	free(o->real);
	free(o->statedir);
	free(o->mname);
	free(o);
	return ret;
}
