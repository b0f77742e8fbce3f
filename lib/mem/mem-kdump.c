// SPDX-License-Identifier: MIT
/*
 * kdump-compressed dumps (makedumpfile's diskdump format, zlib/lzo/snappy/
 * zstd pages; QEMU dump-guest-memory -z after 'makedumpfile -R') through
 * libkdumpfile.  IOMMU tables hold machine-physical addresses, so pages are
 * read in KDUMP_MACHPHYSADDR (the same as KPHYSADDR except under Xen).
 * Pages makedumpfile excluded read back as KDUMP_ERR_NODATA: not in dump.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include <libkdumpfile/kdumpfile.h>

#include "mem/mem.h"

/* libkdumpfile's own page cache: a few pages for the one it decompresses. */
#define KDUMP_CACHE_PAGES 16

#if KDUMPFILE_VERSION < KDUMPFILE_MKVER(0, 5, 2)
/*
 * libkdumpfile before 0.5.2 frees a diskdump context's attributes before its
 * cleanup hook reads them (upstream issue #72): kdump_free() reads freed
 * memory, and crashes after a failed open.  With those versions a context
 * is parked here, still reachable and never freed, instead.
 */
static pthread_mutex_t parked_lock = PTHREAD_MUTEX_INITIALIZER;
static kdump_ctx_t **parked;
static size_t nparked;

static void kdump_release(kdump_ctx_t *k)
{
	kdump_ctx_t **bigger;

	pthread_mutex_lock(&parked_lock);
	bigger = realloc(parked, (nparked + 1) * sizeof(*bigger));
	if (bigger) {
		parked = bigger;
		parked[nparked++] = k;
	}
	pthread_mutex_unlock(&parked_lock);
}
#else
static void kdump_release(kdump_ctx_t *k)
{
	kdump_free(k);
}
#endif

int mem_kdump_open(struct iommu_dump *d, int fd, const char **ret_reason)
{
	kdump_ctx_t *k = kdump_new();
	kdump_status s;

	if (!k)
		return -ENOMEM;
	/* libkdumpfile keeps the descriptor: give it its own. */
	fd = dup(fd);
	if (fd < 0) {
		kdump_free(k);
		return -errno;
	}
	/*
	 * read(2), never mmap(2): libkdumpfile reads a mapping past the end of
	 * a truncated file, which is SIGBUS, where a read just comes up short.
	 */
	s = kdump_set_number_attr(k, KDUMP_ATTR_FILE_MMAP_POLICY, KDUMP_MMAP_NEVER);
	if (s == KDUMP_OK)
		s = kdump_open_fd(k, fd);
	/*
	 * Every page is read whole into the dump's own cache (or read once):
	 * libkdumpfile's cache of 1024 pages would only hold second copies.
	 */
	if (s == KDUMP_OK && kdump_set_number_attr(k, "cache.size", KDUMP_CACHE_PAGES) != KDUMP_OK)
		dbg(d->ctx, "libkdumpfile: %s\n", kdump_get_err(k));
	if (s != KDUMP_OK) {
		dbg(d->ctx, "libkdumpfile: %s\n", kdump_get_err(k));
		kdump_release(k);
		close(fd);
		*ret_reason = s == KDUMP_ERR_NOTIMPL
				      ? "libkdumpfile cannot read this kind of kdump file"
				      : "libkdumpfile cannot read the kdump-compressed file (damaged?)";
		return -EBADMSG;
	}
	d->kdump = k;
	return 0;
}

int mem_kdump_read_page(struct iommu_dump *d, uint64_t pfn, uint8_t *buf)
{
	size_t len = MEM_PAGE_SIZE;
	kdump_status s;

	if (pfn > UINT64_MAX >> MEM_PAGE_SHIFT)
		return -ENODATA;
	s = kdump_read(d->kdump, KDUMP_MACHPHYSADDR, pfn << MEM_PAGE_SHIFT, buf, &len);
	if (s == KDUMP_OK && len == MEM_PAGE_SIZE)
		return 0;
	dbg(d->ctx, "page 0x%llx: %s\n", (unsigned long long)pfn, kdump_get_err(d->kdump));
	return s == KDUMP_ERR_NODATA || s == KDUMP_OK ? -ENODATA : -EIO;
}

void mem_kdump_close(struct iommu_dump *d)
{
	int fd = -1;
	kdump_attr_t attr;

	if (kdump_get_attr(d->kdump, KDUMP_ATTR_FILE_FD, &attr) == KDUMP_OK)
		fd = (int)attr.val.number;
	kdump_release(d->kdump);
	d->kdump = NULL;
	if (fd >= 0)
		close(fd);
}

int mem_kdump_vmcoreinfo(struct iommu_dump *d, char **ret_text)
{
	char *raw = NULL;

	/* libkdumpfile offers VMCOREINFO once it is told the dump is of Linux. */
	if (kdump_set_string_attr(d->kdump, "addrxlat.ostype", "linux") != KDUMP_OK ||
	    kdump_vmcoreinfo_raw(d->kdump, &raw) != KDUMP_OK || !raw)
		return -ENOENT;
	*ret_text = raw;
	return 0;
}
