// SPDX-License-Identifier: MIT
/* Loading ACPI tables: the sysroot's sysfs directory, raw files, acpidump text, directories. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#define ACPI_TABLES_DIR "/sys/firmware/acpi/tables"
/* Larger than any real table or acpidump of a whole machine. */
#define MAX_INPUT_SIZE (256u << 20)

/*
 * Split raw bytes into tables laid back to back (acpidump -b and iasl write
 * one per file; a concatenation works too).  Returns tables added or -errno.
 */
static int load_raw(struct iommu_tables *set, const char *source, const uint8_t *data,
		    size_t size, bool quiet_if_not_acpi)
{
	size_t off = 0;
	int added = 0;

	if (size == 0)
		return quiet_if_not_acpi ? 0 :
		       tables_add_problem(set, source, IOMMU_NO_OFFSET, false, -EBADMSG,
					  "empty file, not an ACPI table") ?: -EBADMSG;
	while (off < size) {
		const char *why = acpi_file_problem(data + off, size - off);
		uint32_t length;
		int r;

		if (why) {
			/* In a directory: silent for files with no table header, a note for look-alikes. */
			if (quiet_if_not_acpi && added == 0)
				return acpi_header_problem(data, size) ? 0 :
				       tables_add_problem(set, source, IOMMU_NO_OFFSET, false, 0,
							  "skipped: %s", why);
			r = tables_add_problem(set, source, off, false, -EBADMSG,
					       off ? "%s after the last table (%zu bytes left)" : "%s",
					       why, size - off);
			return r < 0 ? r : -EBADMSG;
		}
		length = get_le32(data + off + 4);
		r = tables_add(set, source, off, false, NULL, data + off, size - off);
		if (r < 0)
			return r;
		added++;
		if (length >= size - off)
			break;
		off += length;
	}
	return added;
}

/* Bytes that are acpidump text or raw tables; QUIET: bytes that are neither are skipped. */
static int load_bytes(struct iommu_tables *set, const char *source, const uint8_t *data,
		      size_t size, bool quiet)
{
	if (acpidump_text_detect(data, size))
		return acpidump_text_parse(set, source, (const char *)data, size);
	return load_raw(set, source, data, size, quiet);
}

IOMMU_EXPORT int iommu_tables_load_data(struct iommu_tables *tables, const char *source,
					const void *data, size_t size)
{
	int r = load_bytes(tables, source, data, size, false);

	return r < 0 ? r : 0;
}

/* One file: acpidump text or raw.  In a directory, files that are neither are skipped. */
static int load_file(struct iommu_tables *set, int dirfd, const char *path, const char *name,
		     bool in_directory)
{
	uint8_t *data;
	size_t size;
	int r = read_file_at(dirfd, in_directory ? name : path, MAX_INPUT_SIZE, &data, &size);

	if (r < 0) {
		if (in_directory && r == -EINVAL)
			return 0;	/* a FIFO or socket among the tables */
		return tables_add_problem(set, path, IOMMU_NO_OFFSET, false, r, "%s",
					  r == -EFBIG ? "file too large for ACPI tables"
					  : r == -EINVAL ? "not a regular file" : strerror(-r)) ?: r;
	}
	r = load_bytes(set, path, data, size, in_directory);
	free(data);
	return r;
}

static int load_directory(struct iommu_tables *set, const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct dirent **entries;
	int n, found = 0, first_error = 0;

	if (fd < 0)
		return -errno;
	n = scandir(path, &entries, NULL, alphasort);
	if (n < 0) {
		n = -errno;
		close(fd);
		return n;
	}
	for (int i = 0; i < n; i++) {
		const char *name = entries[i]->d_name;
		struct stat st;
		char *full;
		int r;

		if (name[0] == '.' || fstatat(fd, name, &st, 0) < 0 || !S_ISREG(st.st_mode))
			continue;
		if (asprintf(&full, "%s/%s", path, name) < 0) {
			first_error = first_error ?: -ENOMEM;
			continue;
		}
		r = load_file(set, fd, full, name, true);
		free(full);
		if (r > 0)
			found += r;
		else if (r < 0 && !first_error)
			first_error = r;
	}
	for (int i = 0; i < n; i++)
		free(entries[i]);
	free(entries);
	close(fd);
	if (found == 0 && !first_error) {
		first_error = -EBADMSG;
		tables_add_problem(set, path, IOMMU_NO_OFFSET, false, -EBADMSG,
				   "no ACPI tables in this directory");
	}
	return first_error;
}

IOMMU_EXPORT int iommu_tables_load_path(struct iommu_tables *tables, const char *path)
{
	struct stat st;
	int r;

	if (stat(path, &st) < 0) {
		r = -errno;
		return tables_add_problem(tables, path, IOMMU_NO_OFFSET, false, r, "%s",
					  strerror(-r)) ?: r;
	}
	if (S_ISDIR(st.st_mode)) {
		r = load_directory(tables, path);
		if (r < 0 && r != -EBADMSG && !iommu_tables_get_first_problem(tables))
			tables_add_problem(tables, path, IOMMU_NO_OFFSET, false, r, "%s", strerror(-r));
		return r;
	}
	r = load_file(tables, AT_FDCWD, path, path, false);
	return r < 0 ? r : 0;
}

IOMMU_EXPORT int iommu_tables_load_sysroot(struct iommu_tables *tables)
{
	struct iommu_ctx *ctx = tables_get_ctx(tables);
	char **names;
	size_t count;
	int r, first_error = 0;

	r = sysroot_list_dir(ctx, ACPI_TABLES_DIR, &names, &count);
	if (r < 0)
		return r;
	for (size_t i = 0; i < count; i++) {
		char *path, *shown;
		uint8_t *data;
		size_t size;
		int fd;

		if (asprintf(&path, ACPI_TABLES_DIR "/%s", names[i]) < 0) {
			r = -ENOMEM;
			break;
		}
		shown = sysroot_path(ctx, path);
		fd = sysroot_open(ctx, path, O_NONBLOCK);
		r = fd < 0 ? fd : read_fd(fd, MAX_INPUT_SIZE, &data, &size);
		if (fd >= 0)
			close(fd);
		if (r == -EISDIR) {
			r = 0;		/* data/ and dynamic/ */
		} else if (r < 0) {
			r = tables_add_problem(tables, shown ? shown : path, IOMMU_NO_OFFSET, false, r,
					       "%s", strerror(-r)) ?: r;
		} else {
			const char *why = acpi_header_problem(data, size);

			if (why)
				r = tables_add_problem(tables, shown ? shown : path, 0, false, -EBADMSG,
						       "%s", why) ?: -EBADMSG;
			else
				r = tables_add(tables, shown ? shown : path, 0, false, names[i], data, size);
			free(data);
		}
		free(shown);
		free(path);
		if (r < 0 && !first_error)
			first_error = r;
		if (r == -ENOMEM)
			break;
	}
	strv_free(names, count);
	return r == -ENOMEM ? r : first_error;
}
