// SPDX-License-Identifier: MIT
/* The one walk over an ACPI table's subtables (see subtable.h). */
#include "acpi/subtable.h"

static const struct subtable_type *find_type(const struct subtable_walk *w, unsigned int type)
{
	for (size_t i = 0; i < w->ntypes; i++)
		if (w->types[i].type == type)
			return &w->types[i];
	return NULL;
}

bool subtables_walk(struct decoder *d, const struct subtable_walk *w, uint64_t begin,
		    uint64_t end, void *ctx)
{
	uint64_t limit = end < d->size ? end : d->size;
	uint64_t at = begin;

	while (at < limit && !d->error) {
		const uint8_t *p = d->data + at;
		struct subtable s = { .offset = at, .left = limit - at };
		subtable_fn handle;
		bool overrun;

		if (w->more && !w->more(ctx, at))
			return true;
		if (s.left < w->header_size) {
			w->report(ctx, SUBTABLE_TRAILING, &s);
			return false;
		}
		s.type = (unsigned int)get_le(p + w->type_offset, w->type_size);
		s.length = w->length_size ? get_le(p + w->length_offset, w->length_size)
					  : w->length(p, s.left);
		if (s.length < w->min_length || !s.length) {
			w->report(ctx, SUBTABLE_ZERO_LENGTH, &s);
			return false;
		}
		s.span = s.length < s.left ? s.length : s.left;
		overrun = s.length > end - at;
		if (overrun) {
			w->report(ctx, SUBTABLE_OVERRUN, &s);
			if (w->overrun_unhandled)
				return false;
		} else if (s.length > s.left) {
			w->report(ctx, SUBTABLE_CUT, &s);
			return false;
		}
		s.desc = find_type(w, s.type);
		if (w->check_types && !s.desc)
			w->report(ctx, SUBTABLE_UNKNOWN_TYPE, &s);
		else if (w->check_types && s.length < s.desc->min_length)
			w->report(ctx, SUBTABLE_TOO_SHORT, &s);
		handle = s.desc ? s.desc->handle : w->handle_unknown;
		if (handle)
			handle(ctx, &s);
		if (overrun)
			return false;
		at += s.length;
	}
	return true;
}
