// SPDX-License-Identifier: MIT
/*
 * Snapshots, the writing half: every path the commands read is reproduced
 * below the output directory as it is on the machine, so that --sysroot
 * replays it.  Each path is walked one component at a time: a link is
 * written as a link and followed in the source, a directory is made, the
 * last component copied.  Files are only ever created at link-free paths,
 * so nothing written can lead outside the output directory.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "live/live.h"

#define MAX_HOPS 40			/* links followed for one path, as the kernel's MAXSYMLINKS */
#define MAX_COPY (64u << 20)		/* larger files are not IOMMU evidence */

struct writer {
	struct iommu_snapshot *snap;
	struct iommu_ctx *ctx;
	int dirfd;
	char **listed;			/* link-free paths of the directories listed */
	size_t nlisted;
	int error;			/* first write error */
};

/* "sys/bus/pci" for "/sys/bus/pci": paths inside the output directory. */
static const char *rel(const char *path)
{
	while (*path == '/')
		path++;
	return *path ? path : ".";
}

static void write_failed(struct writer *w, int error)
{
	if (!w->error)
		w->error = error;
}

static bool out_exists(const struct writer *w, const char *path)
{
	struct stat st;

	return fstatat(w->dirfd, rel(path), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

static int make_dir(struct writer *w, const char *path)
{
	struct stat st;

	if (strcmp(rel(path), ".") == 0)
		return 0;
	if (mkdirat(w->dirfd, rel(path), 0755) == 0) {
		w->snap->dirs++;
		return 0;
	}
	if (errno == EEXIST && fstatat(w->dirfd, rel(path), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISDIR(st.st_mode))
		return 0;
	write_failed(w, -errno);
	return -errno;
}

/* An absolute target is made relative, so that the snapshot never points outside itself. */
static void make_link(struct writer *w, const char *path, const char *target)
{
	char relative[PATH_MAX] = "";

	if (target[0] == '/') {
		for (const char *c = path + 1; *c; c++)
			if (*c == '/')
				strncat(relative, "../", sizeof(relative) - strlen(relative) - 1);
		strncat(relative, rel(target), sizeof(relative) - strlen(relative) - 1);
		target = relative;
	}
	if (symlinkat(target, w->dirfd, rel(path)) == 0)
		w->snap->links++;
	else if (errno != EEXIST)
		write_failed(w, -errno);
}

static int create_file(struct writer *w, const char *path, const void *data, size_t size,
		       mode_t mode)
{
	const char *p = data;
	int fd = openat(w->dirfd, rel(path), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			mode);

	if (fd < 0) {
		if (errno != EEXIST)
			write_failed(w, -errno);
		return errno == EEXIST ? 0 : -errno;
	}
	while (size > 0) {
		ssize_t n = write(fd, p, size);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			write_failed(w, n < 0 ? -errno : -EIO);
			close(fd);
			return -EIO;
		}
		p += n;
		size -= (size_t)n;
	}
	if (close(fd) < 0) {
		write_failed(w, -errno);
		return -errno;
	}
	w->snap->files++;
	return 0;
}

/* A file that exists but could not be read keeps its name, with mode 0, so a replay cannot read it either. */
static void copy_file(struct writer *w, const char *path)
{
	int fd = sysroot_open(w->ctx, path, O_NONBLOCK);
	uint8_t *data;
	size_t size;
	int r;

	if (out_exists(w, path))
		return;
	if (fd == -EACCES || fd == -EPERM) {
		create_file(w, path, "", 0, 0);
		return;
	}
	if (fd < 0)
		return;
	r = read_fd(fd, MAX_COPY, &data, &size);
	close(fd);
	if (r == -EISDIR) {
		make_dir(w, path);
		return;
	}
	if (r == -EACCES || r == -EPERM)
		create_file(w, path, "", 0, 0);
	if (r < 0)
		return;		/* not a regular file, too large or gone */
	create_file(w, path, data, size, 0644);
	free(data);
}

static void drop_last(char *path)
{
	char *slash = strrchr(path, '/');

	if (slash)
		*slash = 0;
}

/*
 * Reproduce PATH: each link on the way as a link (followed in the source),
 * each directory made, the last component copied.  Returns its link-free
 * path (malloc'd) or NULL when the source no longer has it.
 */
static char *mirror(struct writer *w, const char *path)
{
	char todo[PATH_MAX], cur[PATH_MAX] = "";
	unsigned int hops = 0;

	if (snprintf(todo, sizeof(todo), "%s", path) >= (int)sizeof(todo))
		return NULL;
	for (char *rest = todo; *rest;) {
		char comp[NAME_MAX + 1], next[PATH_MAX], *full, *target;
		size_t len = strcspn(rest, "/");
		struct stat st;
		int r;

		if (len > NAME_MAX)
			return NULL;
		memcpy(comp, rest, len);
		comp[len] = 0;
		rest += len;
		rest += strspn(rest, "/");
		if (!len || strcmp(comp, ".") == 0)
			continue;
		if (strcmp(comp, "..") == 0) {
			drop_last(cur);
			continue;
		}
		if (snprintf(next, sizeof(next), "%s/%s", cur, comp) >= (int)sizeof(next))
			return NULL;
		full = sysroot_path(w->ctx, next);
		r = full ? lstat(full, &st) : -1;
		free(full);
		if (r < 0)
			return NULL;
		if (S_ISLNK(st.st_mode)) {
			char joined[PATH_MAX];

			if (++hops > MAX_HOPS || sysroot_readlink(w->ctx, next, &target) < 0)
				return NULL;
			make_link(w, next, target);
			/* Go on from the target: relative to the link's directory, or from the top. */
			r = snprintf(joined, sizeof(joined), "%s/%s", target, rest);
			if (target[0] == '/')
				cur[0] = 0;
			free(target);
			if (r >= (int)sizeof(joined))
				return NULL;
			memcpy(todo, joined, (size_t)r + 1);
			rest = todo;
			continue;
		}
		memcpy(cur, next, strlen(next) + 1);
		if (S_ISDIR(st.st_mode)) {
			if (make_dir(w, cur) < 0)
				return NULL;
		} else if (*rest) {
			return NULL;
		} else {
			copy_file(w, cur);
		}
	}
	return strdup(cur[0] ? cur : "/");
}

/* Every entry of a directory that was listed, so a replay lists the same names. */
static void fill_listing(struct writer *w, const char *dir)
{
	char **names;
	size_t count;

	if (sysroot_list_dir(w->ctx, dir, &names, &count) < 0)
		return;
	for (size_t i = 0; i < count; i++) {
		char path[PATH_MAX], *full, *target;
		struct stat st;
		int r;

		if (snprintf(path, sizeof(path), "%s/%s", strcmp(dir, "/") ? dir : "", names[i]) >=
			    (int)sizeof(path) ||
		    out_exists(w, path))
			continue;
		full = sysroot_path(w->ctx, path);
		r = full ? lstat(full, &st) : -1;
		free(full);
		if (r < 0)
			continue;
		if (S_ISLNK(st.st_mode)) {
			if (sysroot_readlink(w->ctx, path, &target) == 0) {
				make_link(w, path, target);
				free(target);
			}
		} else if (S_ISDIR(st.st_mode)) {
			make_dir(w, path);
		} else {
			create_file(w, path, "", 0, 0);
		}
	}
	strv_free(names, count);
}

static int compare_notes(const void *a, const void *b)
{
	const struct snapshot_note *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c ? c : (int)x->kind - (int)y->kind;
}

static void note_listed(struct writer *w, char *canonical)
{
	char **bigger = reallocarray(w->listed, w->nlisted + 1, sizeof(*bigger));

	if (!bigger) {
		write_failed(w, -ENOMEM);
		free(canonical);
		return;
	}
	w->listed = bigger;
	w->listed[w->nlisted++] = canonical;
}

IOMMU_EXPORT int iommu_snapshot_write(struct iommu_snapshot *snapshot, int dirfd)
{
	struct writer w = { .snap = snapshot, .ctx = snapshot->ctx, .dirfd = dirfd };

	/* What is read from here on is the copying, not the commands. */
	if (ctx_get_recording(w.ctx) == snapshot)
		ctx_set_recording(w.ctx, NULL);
	if (snapshot->error)
		return snapshot->error;
	if (snapshot->count)
		qsort(snapshot->notes, snapshot->count, sizeof(*snapshot->notes), compare_notes);
	for (size_t i = 0; i < snapshot->count && w.error != -ENOMEM; i++) {
		const struct snapshot_note *n = &snapshot->notes[i];
		char *canonical;

		if (i && strcmp(n->path, snapshot->notes[i - 1].path) == 0 &&
		    n->kind == snapshot->notes[i - 1].kind)
			continue;
		canonical = mirror(&w, n->path);
		if (canonical && n->kind == SYSROOT_NOTE_DIR)
			note_listed(&w, canonical);
		else
			free(canonical);
	}
	/* Placeholders last: a file read through another path is copied, not emptied. */
	for (size_t i = 0; i < w.nlisted; i++) {
		fill_listing(&w, w.listed[i]);
		free(w.listed[i]);
	}
	free(w.listed);
	for (size_t i = 0; i < snapshot->ncontents; i++)
		create_file(&w, snapshot->contents[i].name, snapshot->contents[i].data,
			    snapshot->contents[i].size, 0644);
	return w.error;
}
