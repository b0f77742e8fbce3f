// SPDX-License-Identifier: MIT
/* Every read of /sys, /proc and the ACPI tables, below the context's sysroot. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

char *sysroot_path(const struct iommu_ctx *ctx, const char *path)
{
	const char *root = iommu_ctx_get_sysroot(ctx);
	char *full;

	if (strcmp(root, "/") == 0)
		return strdup(path);
	if (asprintf(&full, "%s%s%s", root, path[0] == '/' ? "" : "/", path) < 0)
		return NULL;
	return full;
}

int sysroot_open(struct iommu_ctx *ctx, const char *path, int flags)
{
	char *full = sysroot_path(ctx, path);
	int fd;

	if (!full)
		return -ENOMEM;
	fd = open(full, flags | O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		fd = -errno;
	dbg(ctx, "open %s: %d\n", full, fd);
	free(full);
	if (fd >= 0 && !(flags & O_DIRECTORY))
		sysroot_note(ctx, SYSROOT_NOTE_FILE, path);
	return fd;
}

int read_fd(int fd, size_t max, uint8_t **ret_buf, size_t *ret_size)
{
	size_t size = 0, alloc = 4096;
	struct stat st;
	uint8_t *buf;

	if (fstat(fd, &st) < 0)
		return -errno;
	/* A FIFO or a terminal could block for ever; refuse anything but files. */
	if (S_ISDIR(st.st_mode))
		return -EISDIR;
	if (!S_ISREG(st.st_mode) && !S_ISBLK(st.st_mode))
		return -EINVAL;
	/* A file's size is known before reading: refuse a large one without reading it. */
	if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > max)
		return -EFBIG;
	buf = malloc(alloc + 1);
	if (!buf)
		return -ENOMEM;
	for (;;) {
		ssize_t n;

		if (size == alloc) {
			uint8_t *bigger;

			if (alloc > max) {
				free(buf);
				return -EFBIG;
			}
			alloc *= 2;
			bigger = realloc(buf, alloc + 1);
			if (!bigger) {
				free(buf);
				return -ENOMEM;
			}
			buf = bigger;
		}
		n = read(fd, buf + size, alloc - size);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			n = -errno;
			free(buf);
			return (int)n;
		}
		if (n == 0)
			break;
		size += (size_t)n;
	}
	if (size > max) {
		free(buf);
		return -EFBIG;
	}
	buf[size] = 0;
	*ret_buf = buf;
	*ret_size = size;
	return 0;
}

int read_file_at(int dirfd, const char *path, size_t max, uint8_t **ret_buf, size_t *ret_size)
{
	int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	int r;

	if (fd < 0)
		return -errno;
	r = read_fd(fd, max, ret_buf, ret_size);
	close(fd);
	return r;
}

int sysroot_read_file(struct iommu_ctx *ctx, const char *path, size_t max,
		      char **ret_buf, size_t *ret_size)
{
	int fd = sysroot_open(ctx, path, O_NONBLOCK);
	uint8_t *buf;
	size_t size;
	int r;

	if (fd < 0)
		return fd;
	r = read_fd(fd, max, &buf, &size);
	close(fd);
	if (r < 0)
		return r;
	*ret_buf = (char *)buf;
	if (ret_size)
		*ret_size = size;
	return 0;
}

int sysroot_read_line(struct iommu_ctx *ctx, const char *path, char **ret_line)
{
	size_t size;
	char *buf;
	int r = sysroot_read_file(ctx, path, 64 * 1024, &buf, &size);

	if (r < 0)
		return r;
	buf[strcspn(buf, "\n")] = 0;
	*ret_line = buf;
	return 0;
}

int sysroot_readlink(struct iommu_ctx *ctx, const char *path, char **ret_target)
{
	char *full = sysroot_path(ctx, path);
	char buf[4096];
	ssize_t n;

	if (!full)
		return -ENOMEM;
	n = readlink(full, buf, sizeof(buf) - 1);
	free(full);
	if (n < 0)
		return -errno;
	buf[n] = 0;
	*ret_target = strdup(buf);
	if (!*ret_target)
		return -ENOMEM;
	sysroot_note(ctx, SYSROOT_NOTE_LINK, path);
	return 0;
}

int sysroot_list_class(struct iommu_ctx *ctx, const char *class, char ***ret_names, size_t *ret_count)
{
	char **names;
	size_t count, kept = 0;
	int r = sysroot_list_dir(ctx, class, &names, &count);

	if (r < 0)
		return r;
	for (size_t i = 0; i < count; i++) {
		char path[PATH_MAX], *target = NULL;
		bool device = true;

		if ((size_t)snprintf(path, sizeof(path), "%s/%s", class, names[i]) >= sizeof(path))
			device = false;
		else if (sysroot_readlink(ctx, path, &target) == 0)
			device = strncmp(target, "/sys/devices/", 13) == 0 || strstr(target, "../devices/");
		free(target);
		if (device)
			names[kept++] = names[i];
		else
			free(names[i]);
	}
	*ret_names = names;
	*ret_count = kept;
	return 0;
}

bool sysroot_exists(struct iommu_ctx *ctx, const char *path)
{
	char *full = sysroot_path(ctx, path);
	bool exists;

	if (!full)
		return false;
	exists = access(full, F_OK) == 0;
	free(full);
	if (exists)
		sysroot_note(ctx, SYSROOT_NOTE_PRESENT, path);
	return exists;
}

void strv_free(char **strv, size_t count)
{
	if (!strv)
		return;
	for (size_t i = 0; i < count; i++)
		free(strv[i]);
	free(strv);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int sysroot_list_dir(struct iommu_ctx *ctx, const char *path, char ***ret_names, size_t *ret_count)
{
	int fd = sysroot_open(ctx, path, O_DIRECTORY);
	size_t count = 0, alloc = 0;
	char **names = NULL;
	struct dirent *de;
	DIR *dir;

	if (fd < 0)
		return fd;
	dir = fdopendir(fd);
	if (!dir) {
		close(fd);
		return -errno;
	}
	while ((de = readdir(dir))) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (count == alloc) {
			char **bigger = reallocarray(names, alloc ? alloc * 2 : 16, sizeof(*names));

			if (!bigger)
				goto nomem;
			names = bigger;
			alloc = alloc ? alloc * 2 : 16;
		}
		names[count] = strdup(de->d_name);
		if (!names[count])
			goto nomem;
		count++;
	}
	closedir(dir);
	if (count)
		qsort(names, count, sizeof(*names), compare_names);
	*ret_names = names;
	*ret_count = count;
	sysroot_note(ctx, SYSROOT_NOTE_DIR, path);
	return 0;
nomem:
	closedir(dir);
	strv_free(names, count);
	return -ENOMEM;
}

/* "6.1.0-56-amd64" from osrelease, or the third word of /proc/version. */
char *sysroot_kernel_release(struct iommu_ctx *ctx)
{
	char *line, *release = NULL;

	if (sysroot_read_line(ctx, "/proc/sys/kernel/osrelease", &line) == 0) {
		if (*line)
			return line;
		free(line);
	}
	if (sysroot_read_line(ctx, "/proc/version", &line) < 0)
		return NULL;
	if (strncmp(line, "Linux version ", 14) == 0)
		release = strndup(line + 14, strcspn(line + 14, " "));
	free(line);
	return release;
}
