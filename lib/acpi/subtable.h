/* SPDX-License-Identifier: MIT */
/*
 * One bounded walk over the subtables of an ACPI table, in the spirit of
 * Linux lib/fw_table.c (acpi_parse_entries_array): subtables back to back
 * from BEGIN to END, each found by its type and length, every length checked
 * against what is left before a byte of it is read, a per-type handler.  The
 * walk decides what a bad length does (the walk stops, or skips by the
 * length); each table words its findings, so their ids and texts stay its
 * own.
 */
#ifndef LIBIOMMU_ACPI_SUBTABLE_H
#define LIBIOMMU_ACPI_SUBTABLE_H

#include "internal.h"

/* A subtable the walk found. */
struct subtable {
	uint64_t offset;
	uint64_t length;		/* as the subtable says */
	uint64_t span;			/* the bytes of it present: at most to the end */
	uint64_t left;			/* the bytes from its start to the end */
	unsigned int type;
	const struct subtable_type *desc;	/* NULL: a type the table does not define */
};

typedef void (*subtable_fn)(void *ctx, const struct subtable *s);

/* A type of subtable: the least length of its fixed fields, and its handler. */
struct subtable_type {
	unsigned int type;
	uint16_t min_length;		/* 0: any length the walk accepts */
	subtable_fn handle;
};

/* What the walk found wrong; the table's report callback words it. */
enum subtable_problem {
	SUBTABLE_TRAILING,	/* fewer bytes left than a header: the walk stops */
	SUBTABLE_ZERO_LENGTH,	/* a length below min_length (or none): the walk stops */
	SUBTABLE_OVERRUN,	/* past the end: handled as far as it goes, then the walk stops */
	SUBTABLE_CUT,		/* inside the end but past the bytes present: the walk stops */
	SUBTABLE_UNKNOWN_TYPE,	/* a type not in the list: given to handle_unknown */
	SUBTABLE_TOO_SHORT,	/* shorter than its type's fixed fields: still handled */
};

/* How a table's subtables look and what is done with them. */
struct subtable_walk {
	/* The header: where the type and the length are, and how wide (bytes). */
	uint8_t type_offset, type_size;
	uint8_t length_offset, length_size;	/* size 0: LENGTH() says */
	uint8_t header_size;		/* bytes a subtable needs before its length is read */
	uint8_t min_length;		/* a length below this stops the walk */
	/* A length the type implies (IVHD device entries); 0 when it has none. */
	uint64_t (*length)(const uint8_t *p, uint64_t avail);
	const struct subtable_type *types;	/* NULL: every type goes to handle_unknown */
	size_t ntypes;
	subtable_fn handle_unknown;	/* NULL: a type not in TYPES is skipped */
	bool check_types;		/* report SUBTABLE_UNKNOWN_TYPE and SUBTABLE_TOO_SHORT */
	bool overrun_unhandled;		/* a subtable past the end is reported, not handled */
	/* Before each subtable: whether one is there (false ends the walk); NULL: always. */
	bool (*more)(void *ctx, uint64_t offset);
	void (*report)(void *ctx, enum subtable_problem problem, const struct subtable *s);
};

/*
 * Walk the subtables from BEGIN to END (END past the table's bytes: the
 * table is truncated).  Returns true when the walk reached END or MORE
 * ended it, false when a problem stopped it.
 */
bool subtables_walk(struct decoder *d, const struct subtable_walk *w, uint64_t begin,
		    uint64_t end, void *ctx);

#endif
