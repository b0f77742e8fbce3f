// SPDX-License-Identifier: MIT
/*
 * The cache of decompressed pages of a compressed dump, keyed by page frame:
 * an open-addressing hash (linear probing, deletion by backward shift) over
 * slots that hold the pages.  Frames known to be absent from the dump are
 * cached too, without a page.  When full, the oldest slot is reused.
 */
#include <errno.h>
#include <stdlib.h>

#include "mem/mem.h"

#define EMPTY UINT32_MAX

struct slot {
	uint64_t pfn;
	uint8_t *page;		/* NULL: not in the dump */
};

struct page_cache {
	uint32_t *hash;		/* slot index, EMPTY */
	size_t hash_size;	/* power of two, >= 2 * max_slots */
	struct slot *slots;
	size_t nslots, slot_cap, max_slots;
	size_t oldest;		/* next slot to reuse once full */
	size_t bytes;
};

static size_t hash_of(const struct page_cache *c, uint64_t pfn)
{
	return (size_t)((pfn * 0x9e3779b97f4a7c15ULL) >> 17) & (c->hash_size - 1);
}

static int cache_alloc(struct page_cache *c, size_t max_slots)
{
	size_t hash_size = 16;

	while (hash_size < 2 * max_slots)
		hash_size *= 2;
	c->hash = malloc(hash_size * sizeof(*c->hash));
	c->slots = calloc(max_slots, sizeof(*c->slots));
	if (!c->hash || !c->slots) {
		free(c->hash);
		free(c->slots);
		return -ENOMEM;
	}
	for (size_t i = 0; i < hash_size; i++)
		c->hash[i] = EMPTY;
	c->hash_size = hash_size;
	c->slot_cap = c->max_slots = max_slots;
	return 0;
}

struct page_cache *page_cache_new(size_t max_pages)
{
	struct page_cache *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	/* Start small; the slot array grows up to the limit. */
	if (cache_alloc(c, max_pages < 1024 ? max_pages : 1024) < 0) {
		free(c);
		return NULL;
	}
	c->max_slots = max_pages;
	return c;
}

static void free_slots(struct page_cache *c)
{
	for (size_t i = 0; i < c->nslots; i++)
		free(c->slots[i].page);
	free(c->slots);
	free(c->hash);
}

void page_cache_free(struct page_cache *c)
{
	if (!c)
		return;
	free_slots(c);
	free(c);
}

static size_t find(const struct page_cache *c, uint64_t pfn)
{
	for (size_t h = hash_of(c, pfn);; h = (h + 1) & (c->hash_size - 1)) {
		uint32_t s = c->hash[h];

		if (s == EMPTY || c->slots[s].pfn == pfn)
			return h;
	}
}

const uint8_t *page_cache_get(struct page_cache *c, uint64_t pfn, bool *ret_known)
{
	uint32_t s = c->hash[find(c, pfn)];

	*ret_known = s != EMPTY;
	return s == EMPTY ? NULL : c->slots[s].page;
}

/* Remove the hash entry at H, shifting back the probe run after it. */
static void unhash(struct page_cache *c, size_t h)
{
	size_t mask = c->hash_size - 1, i = h;

	c->hash[h] = EMPTY;
	for (;;) {
		size_t home;
		uint32_t s;

		i = (i + 1) & mask;
		s = c->hash[i];
		if (s == EMPTY)
			return;
		home = hash_of(c, c->slots[s].pfn);
		/* Move it back unless its home lies cyclically in (h, i]. */
		if (((i - home) & mask) >= ((i - h) & mask)) {
			c->hash[h] = s;
			c->hash[i] = EMPTY;
			h = i;
		}
	}
}

static int rehash(struct page_cache *c, size_t hash_size)
{
	uint32_t *hash = malloc(hash_size * sizeof(*hash));

	if (!hash)
		return -ENOMEM;
	free(c->hash);
	c->hash = hash;
	c->hash_size = hash_size;
	for (size_t i = 0; i < hash_size; i++)
		c->hash[i] = EMPTY;
	for (size_t s = 0; s < c->nslots; s++)
		c->hash[find(c, c->slots[s].pfn)] = (uint32_t)s;
	return 0;
}

/* Room for one more slot below the limit, growing the arrays; false when full. */
static bool grow(struct page_cache *c)
{
	size_t want, hash_size = c->hash_size;
	struct slot *bigger;

	if (c->nslots >= c->max_slots)
		return false;
	if (c->nslots < c->slot_cap)
		return true;
	want = c->slot_cap * 2 < c->max_slots ? c->slot_cap * 2 : c->max_slots;
	bigger = realloc(c->slots, want * sizeof(*bigger));
	if (!bigger)
		return false;
	c->slots = bigger;
	c->slot_cap = want;
	while (hash_size < 2 * want)
		hash_size *= 2;
	if (hash_size != c->hash_size && rehash(c, hash_size) < 0) {
		c->max_slots = c->nslots;	/* keep working at this size */
		return false;
	}
	return true;
}

const uint8_t *page_cache_put(struct page_cache *c, uint64_t pfn, const uint8_t *data)
{
	uint8_t *copy = NULL;
	struct slot *slot;
	size_t s;

	if (data) {
		copy = malloc(MEM_PAGE_SIZE);
		if (!copy)
			return NULL;
		memcpy(copy, data, MEM_PAGE_SIZE);
	}
	if (grow(c)) {
		s = c->nslots++;
	} else if (c->nslots) {
		s = c->oldest;
		c->oldest = (c->oldest + 1) % c->nslots;
		unhash(c, find(c, c->slots[s].pfn));
		if (c->slots[s].page)
			c->bytes -= MEM_PAGE_SIZE;
		free(c->slots[s].page);
	} else {
		free(copy);
		return NULL;
	}
	slot = &c->slots[s];
	*slot = (struct slot){ .pfn = pfn, .page = copy };
	c->hash[find(c, pfn)] = (uint32_t)s;
	if (copy)
		c->bytes += MEM_PAGE_SIZE;
	return copy;
}

size_t page_cache_bytes(const struct page_cache *c)
{
	return c->bytes;
}

void page_cache_set_limit(struct page_cache *c, size_t max_pages)
{
	/* Shrinking below what is held drops everything: only done before use. */
	if (max_pages < c->nslots) {
		for (size_t i = 0; i < c->nslots; i++)
			free(c->slots[i].page);
		for (size_t i = 0; i < c->hash_size; i++)
			c->hash[i] = EMPTY;
		c->nslots = c->oldest = c->bytes = 0;
	}
	c->max_slots = max_pages;
}
