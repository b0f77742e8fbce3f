// SPDX-License-Identifier: MIT
/* A bump allocator: a decode's nodes, fields and strings, freed in one go. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

#define ARENA_BLOCK 16384

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

struct arena {
	struct arena_block *head;
};

struct arena *arena_new(void)
{
	return calloc(1, sizeof(struct arena));
}

void arena_free(struct arena *arena)
{
	struct arena_block *b, *next;

	if (!arena)
		return;
	for (b = arena->head; b; b = next) {
		next = b->next;
		free(b);
	}
	free(arena);
}

void *arena_alloc(struct arena *arena, size_t size)
{
	const size_t align = sizeof(max_align_t);
	struct arena_block *b = arena->head;
	void *p;

	size = (size + align - 1) & ~(align - 1);
	if (!b || b->size - b->used < size) {
		size_t block = size > ARENA_BLOCK ? size : ARENA_BLOCK;

		b = malloc(sizeof(*b) + block);
		if (!b)
			return NULL;
		b->size = block;
		b->used = 0;
		b->next = arena->head;
		arena->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *arena_strdup(struct arena *arena, const char *s)
{
	size_t len = strlen(s) + 1;
	char *copy = arena_alloc(arena, len);

	if (copy)
		memcpy(copy, s, len);
	return copy;
}

char *arena_printf(struct arena *arena, const char *format, ...)
{
	va_list args;
	char *tmp, *copy;
	int n;

	va_start(args, format);
	n = vasprintf(&tmp, format, args);
	va_end(args);
	if (n < 0)
		return NULL;
	copy = arena_strdup(arena, tmp);
	free(tmp);
	return copy;
}
