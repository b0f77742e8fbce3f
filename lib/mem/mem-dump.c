// SPDX-License-Identifier: MIT
/* Opening a memory dump: format detection, raw images, segment lookup, reads. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem/mem.h"

#define DEFAULT_CACHE_BYTES (256u << 20)

/* Containers that hold a dump but must be unpacked first; recognized by their magic. */
static const struct {
	const char *magic;
	size_t size;
	const char *reason;
} containers[] = {
	{ "\x28\xb5\x2f\xfd", 4, "the file is zstd-compressed; decompress it first (zstd -d)" },
	{ "\x1f\x8b", 2, "the file is gzip-compressed; decompress it first (gunzip)" },
	{ "\xfd" "7zXZ\0", 6, "the file is xz-compressed; decompress it first (unxz)" },
	{ "BZh", 3, "the file is bzip2-compressed; decompress it first (bunzip2)" },
	{ "\x04\x22\x4d\x18", 4, "the file is lz4-compressed; decompress it first (unlz4)" },
	{ "makedumpfile", 12,
	  "the file is in makedumpfile's flattened format; convert it with 'makedumpfile -R'" },
	{ "QEVM", 4, "the file is a QEMU savevm stream, not a memory dump; use dump-guest-memory" },
};

/* Files that are no memory image at all; recognized by their magic. */
static const struct {
	const char *magic;
	size_t size;
	const char *reason;
} other_files[] = {
	{ "\x89PNG\r\n\x1a\n", 8, "the file is a PNG image, not a memory dump" },
	{ "\xff\xd8\xff", 3, "the file is a JPEG image, not a memory dump" },
	{ "GIF8", 4, "the file is a GIF image, not a memory dump" },
	{ "%PDF-", 5, "the file is a PDF document, not a memory dump" },
	{ "PK\x03\x04", 4, "the file is a zip archive, not a memory dump" },
};

static struct iommu_dump *dump_alloc(struct iommu_ctx *ctx, const char *path)
{
	struct iommu_dump *d = calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	d->path = strdup(path);
	if (!d->path) {
		free(d);
		return NULL;
	}
	d->refcount = 1;
	d->ctx = iommu_ctx_ref(ctx);
	return d;
}

static int map_file(struct iommu_dump *d, int fd, const struct stat *st)
{
	if (st->st_size == 0) {
		d->map = NULL;
		d->map_size = 0;
		return 0;
	}
	d->map = mmap(NULL, (size_t)st->st_size, PROT_READ, MAP_SHARED, fd, 0);
	if (d->map == MAP_FAILED) {
		d->map = NULL;
		return -errno;
	}
	d->map_size = (size_t)st->st_size;
	return 0;
}

static int raw_segment(struct iommu_dump *d, uint64_t base)
{
	if (d->map_size && base > UINT64_MAX - d->map_size)
		return -EINVAL;
	d->segs = calloc(1, sizeof(*d->segs));
	if (!d->segs)
		return -ENOMEM;
	d->segs[0] = (struct mem_seg){ base, base + d->map_size, d->map };
	d->nsegs = 1;
	return 0;
}

static const char *container_reason(const uint8_t *head, size_t size)
{
	for (size_t i = 0; i < ARRAY_SIZE(containers); i++)
		if (size >= containers[i].size &&
		    memcmp(head, containers[i].magic, containers[i].size) == 0)
			return containers[i].reason;
	return NULL;
}

static bool is_text(const uint8_t *head, size_t size)
{
	for (size_t i = 0; i < size; i++)
		if (head[i] < 0x20 && head[i] != '\t' && head[i] != '\n' && head[i] != '\r')
			return false;
	return true;
}

/*
 * Why a file of no known dump format does not look like a raw image of memory, or NULL:
 * memory is a whole number of pages and its first page is not text nor another file
 * type's magic.  --base reads any file as a raw image.
 */
static const char *raw_image_problem(const uint8_t *head, size_t n, uint64_t size)
{
	if (size == 0)
		return "the file is empty";
	for (size_t i = 0; i < ARRAY_SIZE(other_files); i++)
		if (n >= other_files[i].size &&
		    memcmp(head, other_files[i].magic, other_files[i].size) == 0)
			return other_files[i].reason;
	if (is_text(head, n))
		return "the file is text, not a memory dump";
	if (size % MEM_PAGE_SIZE)
		return "the file is of no known dump format, and not a whole number of pages as a "
		       "raw memory image is (give --base to read it as one)";
	return NULL;
}

static bool is_kdump(const uint8_t *head, size_t size)
{
	return size >= 8 && (memcmp(head, "KDUMP   ", 8) == 0 || memcmp(head, "DISKDUMP", 8) == 0);
}

static int dump_open(struct iommu_ctx *ctx, const char *path, bool raw, uint64_t base,
		     struct iommu_dump **ret_dump, const char **ret_reason)
{
	const char *reason = NULL;
	struct iommu_dump *d;
	uint8_t head[MEM_PAGE_SIZE] = { 0 };
	struct stat st;
	int fd, r;
	ssize_t n;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0) {
		r = -errno;
		goto out_fd;
	}
	if (S_ISDIR(st.st_mode)) {
		r = -EISDIR;
		goto out_fd;
	}
	if (!S_ISREG(st.st_mode)) {
		reason = "not a regular file";
		r = -EBADMSG;
		goto out_fd;
	}
	d = dump_alloc(ctx, path);
	if (!d) {
		r = -ENOMEM;
		goto out_fd;
	}
	n = pread(fd, head, sizeof(head), 0);
	if (n < 0) {
		r = -errno;
		goto out_dump;
	}
	if (raw) {
		d->format = IOMMU_DUMP_RAW;
	} else if ((size_t)n >= 4 && memcmp(head, "\177ELF", 4) == 0) {
		d->format = IOMMU_DUMP_ELF;
	} else if (is_kdump(head, (size_t)n)) {
		d->format = IOMMU_DUMP_KDUMP;
	} else if ((reason = container_reason(head, (size_t)n))) {
		r = -EBADMSG;
		goto out_dump;
	} else if ((reason = raw_image_problem(head, (size_t)n, (uint64_t)st.st_size))) {
		r = -EBADMSG;
		goto out_dump;
	} else {
		d->format = IOMMU_DUMP_RAW;
	}
	if (d->format == IOMMU_DUMP_KDUMP) {
		r = mem_kdump_open(d, fd, &reason);
		if (r >= 0) {
			d->cache = page_cache_new(DEFAULT_CACHE_BYTES / MEM_PAGE_SIZE);
			if (!d->cache)
				r = -ENOMEM;
		}
	} else {
		r = map_file(d, fd, &st);
		if (r >= 0)
			r = d->format == IOMMU_DUMP_ELF ? mem_elf_segments(d, &reason)
							 : raw_segment(d, base);
		/*
		 * An ELF core that cannot be mapped (/proc/kcore: procfs has no
		 * mmap, and its size is the address space's) is read page by page.
		 */
		if (d->format == IOMMU_DUMP_ELF && (r == -ENODEV || r == -EINVAL || r == -ENOMEM)) {
			r = mem_kdump_open(d, fd, &reason);
			if (r >= 0) {
				d->cache = page_cache_new(DEFAULT_CACHE_BYTES / MEM_PAGE_SIZE);
				if (!d->cache)
					r = -ENOMEM;
			}
		}
	}
	if (r < 0)
		goto out_dump;
	dbg(ctx, "%s: %s, %zu segments\n", path, iommu_dump_format_name(d->format), d->nsegs);
	close(fd);
	*ret_dump = d;
	return 0;
out_dump:
	iommu_dump_unref(d);
out_fd:
	close(fd);
	if (ret_reason)
		*ret_reason = reason;
	return r;
}

IOMMU_EXPORT int iommu_dump_open(struct iommu_ctx *ctx, const char *path,
				 struct iommu_dump **ret_dump, const char **ret_reason)
{
	if (ret_reason)
		*ret_reason = NULL;
	return dump_open(ctx, path, false, 0, ret_dump, ret_reason);
}

IOMMU_EXPORT int iommu_dump_open_raw(struct iommu_ctx *ctx, const char *path, uint64_t base,
				     struct iommu_dump **ret_dump)
{
	return dump_open(ctx, path, true, base, ret_dump, NULL);
}

IOMMU_EXPORT int iommu_dump_new_callback(struct iommu_ctx *ctx, const char *name,
					 iommu_dump_read_fn read, void *userdata,
					 struct iommu_dump **ret_dump)
{
	struct iommu_dump *d;

	if (!read)
		return -EINVAL;
	d = dump_alloc(ctx, name ? name : "(callback)");
	if (!d)
		return -ENOMEM;
	d->format = IOMMU_DUMP_CALLBACK;
	d->read = read;
	d->read_userdata = userdata;
	d->cache = page_cache_new(DEFAULT_CACHE_BYTES / MEM_PAGE_SIZE);
	if (!d->cache) {
		iommu_dump_unref(d);
		return -ENOMEM;
	}
	*ret_dump = d;
	return 0;
}

IOMMU_EXPORT struct iommu_dump *iommu_dump_ref(struct iommu_dump *dump)
{
	if (dump)
		dump->refcount++;
	return dump;
}

IOMMU_EXPORT struct iommu_dump *iommu_dump_unref(struct iommu_dump *dump)
{
	if (!dump || --dump->refcount > 0)
		return NULL;
	if (dump->kdump)
		mem_kdump_close(dump);
	page_cache_free(dump->cache);
	if (dump->map)
		munmap(dump->map, dump->map_size);
	free(dump->segs);
	free(dump->path);
	iommu_ctx_unref(dump->ctx);
	free(dump);
	return NULL;
}

IOMMU_EXPORT enum iommu_dump_format iommu_dump_get_format(const struct iommu_dump *dump)
{
	return dump->format;
}

IOMMU_EXPORT const char *iommu_dump_format_name(enum iommu_dump_format format)
{
	switch (format) {
	case IOMMU_DUMP_RAW:
		return "raw";
	case IOMMU_DUMP_ELF:
		return "elf";
	case IOMMU_DUMP_KDUMP:
		return "kdump-compressed";
	case IOMMU_DUMP_CALLBACK:
		return "callback";
	}
	return "unknown";
}

IOMMU_EXPORT const char *iommu_dump_get_path(const struct iommu_dump *dump)
{
	return dump->path;
}

/* The segment holding [addr, addr + size), binary search. */
static const struct mem_seg *seg_find(const struct iommu_dump *d, uint64_t addr, size_t size)
{
	size_t lo = 0, hi = d->nsegs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct mem_seg *s = &d->segs[mid];

		if (addr < s->start)
			hi = mid;
		else if (addr >= s->end)
			lo = mid + 1;
		else
			return s->end - addr >= size ? s : NULL;
	}
	return NULL;
}

/* The page PFN from the file (decompressed) or the caller; -ENODATA when it is not there. */
static int read_page(struct iommu_dump *d, uint64_t pfn, uint8_t *buf)
{
	if (d->kdump)
		return mem_kdump_read_page(d, pfn, buf);
	if (pfn > UINT64_MAX >> MEM_PAGE_SHIFT)
		return -ENODATA;
	return d->read(pfn << MEM_PAGE_SHIFT, buf, MEM_PAGE_SIZE, d->read_userdata);
}

/* A page of a compressed dump or a caller's memory: from the cache, or read once and cached. */
static const uint8_t *cache_page(struct iommu_dump *d, uint64_t pfn)
{
	uint8_t buf[MEM_PAGE_SIZE];
	const uint8_t *page;
	bool known;
	int r;

	page = page_cache_get(d->cache, pfn, &known);
	if (known) {
		d->cache_hits++;
	} else {
		r = read_page(d, pfn, buf);
		d->pages_loaded++;
		/* Inserting may evict the hot page. */
		d->hot_size = 0;
		page = page_cache_put(d->cache, pfn, r < 0 ? NULL : buf);
	}
	return page;
}

const uint8_t *mem_ptr_slow(struct iommu_dump *d, uint64_t addr, size_t size)
{
	const struct mem_seg *s;
	const uint8_t *page;

	if (d->segs) {
		s = seg_find(d, addr, size);
		if (!s)
			goto missing;
		d->hot_start = s->start;
		d->hot_size = s->end - s->start;
		d->hot_data = s->data;
		return s->data + (addr - s->start);
	}
	if ((addr & (MEM_PAGE_SIZE - 1)) + size > MEM_PAGE_SIZE)
		goto missing;
	page = cache_page(d, addr >> MEM_PAGE_SHIFT);
	if (!page)
		goto missing;
	d->hot_start = addr & ~(uint64_t)(MEM_PAGE_SIZE - 1);
	d->hot_size = MEM_PAGE_SIZE;
	d->hot_data = page;
	return page + (addr & (MEM_PAGE_SIZE - 1));
missing:
	d->missing_pages++;
	return NULL;
}

/* Copy SIZE bytes at ADDR; whole pages the cache lacks go straight into BUF unless CACHE. */
static int dump_copy(struct iommu_dump *d, uint64_t addr, void *buf, size_t size, bool cache)
{
	uint8_t *out = buf;

	while (size) {
		size_t chunk = MEM_PAGE_SIZE - (addr & (MEM_PAGE_SIZE - 1));
		const uint8_t *p;
		bool known = true;

		if (chunk > size)
			chunk = size;
		if (!cache && d->cache && chunk == MEM_PAGE_SIZE)
			page_cache_get(d->cache, addr >> MEM_PAGE_SHIFT, &known);
		if (!known) {
			d->pages_loaded++;
			if (read_page(d, addr >> MEM_PAGE_SHIFT, out) < 0) {
				d->missing_pages++;
				return -ENODATA;
			}
		} else {
			p = mem_ptr_slow(d, addr, chunk);
			if (!p)
				return -ENODATA;
			memcpy(out, p, chunk);
		}
		out += chunk;
		addr += chunk;
		size -= chunk;
	}
	return 0;
}

IOMMU_EXPORT int iommu_dump_read(struct iommu_dump *dump, uint64_t addr, void *buf, size_t size)
{
	return dump_copy(dump, addr, buf, size, true);
}

int mem_read_uncached(struct iommu_dump *d, uint64_t addr, void *buf, size_t size)
{
	return dump_copy(d, addr, buf, size, false);
}

IOMMU_EXPORT int iommu_dump_get_range(const struct iommu_dump *dump, size_t index,
				      uint64_t *ret_start, uint64_t *ret_end)
{
	if (!dump->segs)
		return -EOPNOTSUPP;
	if (index >= dump->nsegs)
		return -ENOENT;
	*ret_start = dump->segs[index].start;
	*ret_end = dump->segs[index].end;
	return 0;
}

IOMMU_EXPORT uint64_t iommu_dump_get_pages_loaded(const struct iommu_dump *dump)
{
	return dump->pages_loaded;
}

IOMMU_EXPORT uint64_t iommu_dump_get_cache_hits(const struct iommu_dump *dump)
{
	return dump->cache_hits;
}

IOMMU_EXPORT size_t iommu_dump_get_cache_size(const struct iommu_dump *dump)
{
	return dump->cache ? page_cache_bytes(dump->cache) : 0;
}

IOMMU_EXPORT void iommu_dump_set_cache_limit(struct iommu_dump *dump, size_t bytes)
{
	if (!dump->cache)
		return;
	/* The hot page may be evicted: forget it. */
	dump->hot_size = 0;
	page_cache_set_limit(dump->cache, bytes / MEM_PAGE_SIZE ? bytes / MEM_PAGE_SIZE : 1);
}
