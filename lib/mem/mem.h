/* SPDX-License-Identifier: MIT */
/*
 * Physical memory of a dump, inside libiommu: the iommu_dump object and the
 * fast loads the page-table walkers use.  Raw images and ELF cores are
 * mmap'd and described as segments (physical range -> bytes in the map);
 * kdump-compressed files go through libkdumpfile, and memory a caller
 * supplies through its read callback, both into a cache of pages keyed by
 * page frame.  A byte that is not in the dump is never read
 * as zero: loads fail with -ENODATA.
 */
#ifndef LIBIOMMU_MEM_H
#define LIBIOMMU_MEM_H

#include <endian.h>
#include <errno.h>

#include "internal.h"

#define MEM_PAGE_SHIFT 12
#define MEM_PAGE_SIZE (1u << MEM_PAGE_SHIFT)

/* Physical [start, end) held at data[0 .. end - start). */
struct mem_seg {
	uint64_t start, end;
	const uint8_t *data;
};

struct page_cache;

struct iommu_dump {
	int refcount;
	struct iommu_ctx *ctx;
	enum iommu_dump_format format;
	char *path;
	void *map;			/* the mmap'd file (raw, ELF) */
	size_t map_size;
	struct mem_seg *segs;		/* sorted by start, not overlapping */
	size_t nsegs;
	void *kdump;			/* libkdumpfile's context (compressed formats) */
	iommu_dump_read_fn read;	/* the caller's reader (IOMMU_DUMP_CALLBACK) */
	void *read_userdata;
	struct page_cache *cache;	/* pages read through either */
	/* The range the last load hit (a segment, or a cached page): the fast path. */
	uint64_t hot_start, hot_size;
	const uint8_t *hot_data;
	uint64_t pages_loaded;		/* pages read from the file (decompressed) */
	uint64_t cache_hits;		/* cache look-ups that found the page */
	uint64_t missing_pages;		/* loads that met a page not in the dump */
};

/* The slow path (lib/mem/mem-dump.c): find the segment or cached page, make it the hot range. */
const uint8_t *mem_ptr_slow(struct iommu_dump *d, uint64_t addr, size_t size);

/*
 * SIZE bytes (SIZE <= 64, ADDR aligned to SIZE, so inside one page) at
 * physical ADDR, or NULL when they are not in the dump.
 */
static inline const uint8_t *mem_ptr(struct iommu_dump *d, uint64_t addr, size_t size)
{
	uint64_t off = addr - d->hot_start;

	if (off < d->hot_size && d->hot_size - off >= size)
		return d->hot_data + off;
	return mem_ptr_slow(d, addr, size);
}

/*
 * A copy of the hot range for a caller that keeps pointers into it across
 * other loads: only a mapped segment's, which stays put while the dump is
 * open (a cached page of a compressed dump may be evicted by the next load),
 * else empty.
 */
struct mem_hot {
	uint64_t start, size;
	const uint8_t *data;
};

static inline void mem_hot_get(const struct iommu_dump *d, struct mem_hot *h)
{
	h->start = d->hot_start;
	h->size = d->segs ? d->hot_size : 0;
	h->data = d->hot_data;
}

/* ADDR's SIZE bytes when they lie in H, else NULL. */
static inline const uint8_t *mem_hot_ptr(const struct mem_hot *h, uint64_t addr, size_t size)
{
	uint64_t off = addr - h->start;

	return off < h->size && h->size - off >= size ? h->data + off : NULL;
}

static inline uint64_t mem_le64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return le64toh(v);
}

/* Load the little-endian 64-bit entry at ADDR (8-byte aligned); -ENODATA when not in the dump. */
static inline int mem_load64(struct iommu_dump *d, uint64_t addr, uint64_t *ret)
{
	const uint8_t *p = mem_ptr(d, addr, 8);

	if (!p)
		return -ENODATA;
	*ret = mem_le64(p);
	return 0;
}

/* Load N (1..8) little-endian 64-bit words at ADDR, aligned to 8 * N rounded to a power of two. */
static inline int mem_load_words(struct iommu_dump *d, uint64_t addr, uint64_t *ret, unsigned int n)
{
	const uint8_t *p = mem_ptr(d, addr, 8 * n);

	if (!p)
		return -ENODATA;
	for (unsigned int i = 0; i < n; i++)
		ret[i] = mem_le64(p + 8 * i);
	return 0;
}

/*
 * iommu_dump_read for what is read once (the kernel's kallsyms and BTF,
 * megabytes): a whole page of a compressed dump or a caller's memory that
 * the cache does not hold is read straight into BUF and not cached, where
 * caching would copy it twice and evict the table pages walks come back to.
 */
int mem_read_uncached(struct iommu_dump *d, uint64_t addr, void *buf, size_t size);

/* Page cache of decompressed pages (lib/mem/mem-cache.c). */
struct page_cache *page_cache_new(size_t max_pages);
void page_cache_free(struct page_cache *c);
/* The cached page, or NULL; *RET_KNOWN says whether the frame is known at all (absent pages are cached too). */
const uint8_t *page_cache_get(struct page_cache *c, uint64_t pfn, bool *ret_known);
/* Insert the page (DATA NULL: not in the dump); returns the cached copy, or NULL when DATA is NULL or on ENOMEM. */
const uint8_t *page_cache_put(struct page_cache *c, uint64_t pfn, const uint8_t *data);
size_t page_cache_bytes(const struct page_cache *c);
void page_cache_set_limit(struct page_cache *c, size_t max_pages);

/* Readers (lib/mem/mem-elf.c, lib/mem/mem-kdump.c). */
int mem_elf_segments(struct iommu_dump *d, const char **ret_reason);
int mem_kdump_open(struct iommu_dump *d, int fd, const char **ret_reason);
/* Read the page PFN into BUF (MEM_PAGE_SIZE bytes); -ENODATA when not in the dump. */
int mem_kdump_read_page(struct iommu_dump *d, uint64_t pfn, uint8_t *buf);
void mem_kdump_close(struct iommu_dump *d);
/* The descriptor of the ELF core's note NAME (-ENOENT: none); the kdump header's VMCOREINFO, malloc'd. */
int mem_elf_note(const struct iommu_dump *d, const char *name, const uint8_t **ret_desc,
		 size_t *ret_size);
int mem_kdump_vmcoreinfo(struct iommu_dump *d, char **ret_text);

#endif
