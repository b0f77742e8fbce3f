/* SPDX-License-Identifier: MIT */
/*
 * Contiguous, aligned allocations in a mkimage image (tests/tools/mkimage.h),
 * for the structures larger than a page the SMMUv3 and AMD-Vi builders make:
 * 16K and 64K granule tables, concatenated stage 2 tables, stream tables, CD
 * tables, device tables.
 */
#ifndef MKIMAGE_ALLOC_H
#define MKIMAGE_ALLOC_H

#include "mkimage.h"

/* Is the page at ADDR taken? */
static inline bool img_taken(const struct img *m, uint64_t addr)
{
	return img_find(m, addr) != NULL;
}

/* Claim the (free) page at ADDR, zeroed; false when out of memory. */
static inline bool img_claim(struct img *m, uint64_t addr)
{
	size_t h;

	if ((m->npages + 1) * 2 > m->cap && img_grow(m) < 0)
		return false;
	h = img_slot(m, addr / IMG_PAGE);
	m->pages[h] = calloc(1, IMG_PAGE);
	if (!m->pages[h])
		return false;
	m->frames[h] = addr / IMG_PAGE;
	m->npages++;
	return true;
}

/*
 * SIZE bytes (at least a page) aligned to ALIGN, zeroed: the next free run
 * (sequential images) or a random one (scattered images); 0 when there is
 * no room.
 */
static inline uint64_t img_alloc(struct img *m, uint64_t size, uint64_t align)
{
	uint64_t pages = (size + IMG_PAGE - 1) / IMG_PAGE, base;

	if (align < IMG_PAGE)
		align = IMG_PAGE;
	for (unsigned int tries = 0; tries < 4096; tries++) {
		bool free_run = true;

		if (m->seed) {
			uint64_t slots = (m->hi - m->lo) / align;

			if (!slots)
				return 0;
			base = (m->lo + align - 1) / align * align + img_random(m) % slots * align;
		} else {
			base = (m->next + align - 1) / align * align;
		}
		if (base + pages * IMG_PAGE > m->hi)
			return 0;
		for (uint64_t i = 0; i < pages && free_run; i++)
			free_run = !img_taken(m, base + i * IMG_PAGE);
		if (!free_run) {
			if (!m->seed)
				m->next = base + IMG_PAGE;
			continue;
		}
		for (uint64_t i = 0; i < pages; i++)
			if (!img_claim(m, base + i * IMG_PAGE))
				return 0;
		if (!m->seed)
			m->next = base + pages * IMG_PAGE;
		return base;
	}
	return 0;
}

/* "key=word" picked from NAMES (index), or FALLBACK; an unknown word is an error. */
static inline int img_choice(struct img *m, char **argv, int argc, const char *key,
			     const char *const *names, int n, int fallback)
{
	const char *v;

	if (!img_opt(argv, argc, key, &v) || !v)
		return fallback;
	for (int i = 0; i < n; i++)
		if (names[i] && strcmp(names[i], v) == 0)
			return i;
	img_fail(m, "%s=%s: unknown value", key, v);
	return fallback;
}

/*
 * Every word of a statement after its first POSITIONAL ones is "key" or
 * "key=value" with a key of KEYS (NULL-terminated): a misspelt option is an
 * error, not a silent default.
 */
static inline int img_check_words(struct img *m, char **argv, int argc, int positional,
				  const char *const *keys)
{
	for (int i = 1 + positional; i < argc; i++) {
		size_t len = strcspn(argv[i], "=");
		bool known = false;

		for (const char *const *k = keys; *k && !known; k++)
			known = strlen(*k) == len && strncmp(*k, argv[i], len) == 0;
		if (!known)
			return img_fail(m, "%s: unknown word '%s'", argv[0], argv[i]);
	}
	return 0;
}

#endif
