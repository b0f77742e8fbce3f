// SPDX-License-Identifier: MIT
/* Writing the user's output files: atomically, never over an existing file unless asked. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"

/* Refuse to write below the kernel's own file systems: iommutool only reads those. */
static bool forbidden_dir(const char *real)
{
	static const char *const roots[] = { "/sys", "/proc", "/dev" };

	for (size_t i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
		size_t len = strlen(roots[i]);

		if (strncmp(real, roots[i], len) == 0 && (real[len] == 0 || real[len] == '/'))
			return true;
	}
	return false;
}

int output_dir_open(const char *dir, bool create)
{
	char real[PATH_MAX], *parent = strdup(dir);
	int fd;

	if (!parent)
		return -ENOMEM;
	/* Where the directory would be created must be allowed too. */
	if (realpath(dirname(parent), real) && forbidden_dir(real)) {
		free(parent);
		return -EPERM;
	}
	free(parent);
	if (create && mkdir(dir, 0755) < 0 && errno != EEXIST)
		return -errno;
	if (!realpath(dir, real))
		return -errno;
	if (forbidden_dir(real))
		return -EPERM;
	fd = open(real, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

static int write_all(int fd, const void *data, size_t size)
{
	const char *p = data;

	while (size > 0) {
		ssize_t n = write(fd, p, size);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		p += n;
		size -= (size_t)n;
	}
	return 0;
}

int write_file_atomic(int dirfd, const char *name, const void *data, size_t size, bool force)
{
	char tmp[NAME_MAX + 1];
	int fd, r;

	if (snprintf(tmp, sizeof(tmp), ".%s.%ld.tmp", name, (long)getpid()) >= (int)sizeof(tmp))
		return -ENAMETOOLONG;
	if (!force && faccessat(dirfd, name, F_OK, AT_SYMLINK_NOFOLLOW) == 0)
		return -EEXIST;
	fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0)
		return -errno;
	r = write_all(fd, data, size);
	if (r == 0 && fsync(fd) < 0)
		r = -errno;
	if (close(fd) < 0 && r == 0)
		r = -errno;
	if (r == 0) {
		if (force)
			r = renameat(dirfd, tmp, dirfd, name) < 0 ? -errno : 0;
		else
			r = renameat2(dirfd, tmp, dirfd, name, RENAME_NOREPLACE) < 0 ? -errno : 0;
		/* File systems without RENAME_NOREPLACE: link() never replaces either. */
		if (r == -EINVAL && !force)
			r = linkat(dirfd, tmp, dirfd, name, 0) < 0 ? -errno : 0;
	}
	unlinkat(dirfd, tmp, 0);
	return r;
}
