// SPDX-License-Identifier: MIT
/*
 * Decoded trees and the field engine: a structure is described by a table
 * of {offset, size, key, label, kind} (ACPICA's AcpiDmTableInfo arrays) and
 * decoded by one bounds-checked walk, so a new field is one line.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

struct iommu_dfield {
	struct iommu_dfield *next;
	const char *key;
	const char *label;
	const char *meaning;
	const char *string;
	const uint8_t *bytes;
	uint64_t value;
	uint64_t offset;
	enum iommu_dfield_kind kind;
	unsigned int size;
	uint8_t shift, width;
	bool summary;
};

struct iommu_dnode {
	const char *kind;
	const char *title;
	uint64_t offset, length;
	bool detail;		/* its parent's summary tells it: text shows it under -v */
	struct iommu_dnode *next, *first_child, *last_child;
	struct iommu_dfield *first_field, *last_field;
	/* root only */
	struct arena *arena;
	struct iommu_findings *findings;
};

uint64_t get_le(const uint8_t *p, unsigned int size)
{
	uint64_t v = 0;

	for (unsigned int i = size; i-- > 0;)
		v = v << 8 | p[i];
	return v;
}

static void *decoder_alloc(struct decoder *d, size_t size)
{
	void *p = arena_alloc(d->arena, size);

	if (!p)
		d->error = -ENOMEM;
	return p;
}

int decoder_init_data(struct decoder *d, const uint8_t *data, size_t size, const char *signature,
		      const char *kind, const char *title, const char *reference)
{
	memset(d, 0, sizeof(*d));
	d->data = data;
	d->size = size;
	d->signature = signature;
	d->ref = reference;
	d->arena = arena_new();
	d->findings = findings_new();
	if (!d->arena || !d->findings)
		goto nomem;
	d->root = decoder_alloc(d, sizeof(*d->root));
	if (!d->root)
		goto nomem;
	d->root->kind = kind;
	d->root->title = title;
	d->root->length = d->size;
	d->root->arena = d->arena;
	d->root->findings = d->findings;
	return 0;
nomem:
	arena_free(d->arena);
	iommu_findings_unref(d->findings);
	return -ENOMEM;
}

int decoder_init(struct decoder *d, struct iommu_table *table, const char *kind,
		 const char *title, const char *reference)
{
	size_t size;
	const uint8_t *data = iommu_table_get_data(table, &size);
	int r = decoder_init_data(d, data, size, iommu_table_get_signature(table), kind, title,
				  reference);

	if (r < 0)
		return r;
	if (iommu_table_is_truncated(table))
		decoder_finding(d, &check_table_truncated, IOMMU_NO_OFFSET,
				"table Length is %u but only %zu bytes are present; decoded as far as they go",
				iommu_table_get_length(table), d->size);
	else if (iommu_table_get_checksum_state(table) == IOMMU_CHECKSUM_BAD)
		decoder_finding(d, &check_table_checksum, 9, "checksum is 0x%02x, should be 0x%02x", iommu_table_get_checksum(table),
				iommu_table_get_expected_checksum(table));
	return d->error;
}

int decoder_finish(struct decoder *d, struct iommu_dnode **ret_root)
{
	if (!d->error)
		d->error = findings_fold(d->findings);
	if (d->error) {
		iommu_dnode_unref(d->root);
		return d->error;
	}
	*ret_root = d->root;
	return 0;
}

void decoder_finding(struct decoder *d, const struct check_desc *check, uint64_t offset,
		     const char *format, ...)
{
	char *message;
	va_list args;
	int n;

	va_start(args, format);
	n = vasprintf(&message, format, args);
	va_end(args);
	if (n < 0 || findings_add(d->findings, check->id, check->severity, d->signature, offset,
				  check->reference ? check->reference : d->ref, "%s", message) < 0)
		d->error = -ENOMEM;
	if (n >= 0)
		free(message);
}

char *decoder_text(struct decoder *d, const uint8_t *p, size_t size)
{
	char *s = decoder_alloc(d, size * 4 + 1), *q = s;

	if (!s)
		return NULL;
	for (size_t i = 0; i < size; i++) {
		if (p[i] >= 0x20 && p[i] < 0x7f && p[i] != '\\')
			*q++ = (char)p[i];
		else
			q += sprintf(q, "\\x%02x", p[i]);
	}
	*q = 0;
	return s;
}

struct iommu_dnode *dnode_add(struct decoder *d, struct iommu_dnode *parent, const char *kind,
			      const char *title, uint64_t offset, uint64_t length)
{
	struct iommu_dnode *n = decoder_alloc(d, sizeof(*n));

	if (!n)
		return NULL;
	n->kind = kind;
	n->title = title;
	n->offset = offset;
	n->length = length;
	if (!parent)
		parent = d->root;
	if (parent->last_child)
		parent->last_child->next = n;
	else
		parent->first_child = n;
	parent->last_child = n;
	return n;
}

static struct iommu_dfield *field_add(struct decoder *d, struct iommu_dnode *node,
				      const char *key, const char *label,
				      enum iommu_dfield_kind kind, uint64_t offset,
				      unsigned int size)
{
	struct iommu_dfield *f;

	if (!node)
		return NULL;
	f = decoder_alloc(d, sizeof(*f));
	if (!f)
		return NULL;
	f->key = key;
	f->label = label;
	f->kind = kind;
	f->offset = offset;
	f->size = size;
	if (node->last_field)
		node->last_field->next = f;
	else
		node->first_field = f;
	node->last_field = f;
	return f;
}

struct iommu_dfield *dnode_add_u64(struct decoder *d, struct iommu_dnode *node, const char *key,
				   const char *label, enum iommu_dfield_kind kind, uint64_t offset,
				   unsigned int size, uint64_t value)
{
	struct iommu_dfield *f = field_add(d, node, key, label, kind, offset, size);

	if (f)
		f->value = value;
	return f;
}

struct iommu_dfield *dnode_add_string(struct decoder *d, struct iommu_dnode *node,
				      const char *key, const char *label, uint64_t offset,
				      unsigned int size, const char *value)
{
	struct iommu_dfield *f = field_add(d, node, key, label, IOMMU_DFIELD_STRING, offset, size);

	if (f)
		f->string = value ? value : "";
	return f;
}

struct iommu_dfield *dnode_add_bytes(struct decoder *d, struct iommu_dnode *node, const char *key,
				     const char *label, uint64_t offset, unsigned int size)
{
	struct iommu_dfield *f;
	uint8_t *copy;

	if (offset > d->size || size > d->size - offset)
		return NULL;
	f = field_add(d, node, key, label, IOMMU_DFIELD_BYTES, offset, size);
	copy = decoder_alloc(d, size ? size : 1);
	if (!f || !copy)
		return NULL;
	memcpy(copy, d->data + offset, size);
	f->bytes = copy;
	return f;
}

void dfield_set_meaning(struct decoder *d, struct iommu_dfield *field, const char *format, ...)
{
	va_list args;
	char *tmp;
	int n;

	if (!field)
		return;
	va_start(args, format);
	n = vasprintf(&tmp, format, args);
	va_end(args);
	if (n < 0) {
		d->error = -ENOMEM;
		return;
	}
	field->meaning = arena_strdup(d->arena, tmp);
	if (!field->meaning)
		d->error = -ENOMEM;
	free(tmp);
}

void dfield_set_summary(struct iommu_dfield *field)
{
	if (field)
		field->summary = true;
}

uint64_t dnode_get_u64(const struct iommu_dnode *node, const char *key, uint64_t fallback)
{
	const struct iommu_dfield *f = node ? iommu_dnode_find_field(node, key) : NULL;

	return f ? f->value : fallback;
}

static bool all_zero(const uint8_t *p, size_t size)
{
	for (size_t i = 0; i < size; i++)
		if (p[i])
			return false;
	return true;
}

static void reserved_finding(struct decoder *d, const struct iommu_dnode *node,
			     const char *label, uint64_t offset, const char *value)
{
	decoder_finding(d, &check_reserved_nonzero, offset, "%s: reserved field '%s' is %s, must be zero", node->title, label, value);
}

static void decode_bits(struct decoder *d, struct iommu_dnode *node, const struct field_desc *fd,
			uint64_t offset, uint64_t value)
{
	for (unsigned int i = 0; i < fd->nbits; i++) {
		const struct bit_desc *b = &fd->bits[i];
		uint64_t mask = b->width >= 64 ? ~0ULL : (1ULL << b->width) - 1;
		uint64_t v = (value >> b->shift) & mask;
		enum iommu_dfield_kind kind = b->width == 1 ? IOMMU_DFIELD_BOOL
					    : b->width > 8 ? IOMMU_DFIELD_HEX : IOMMU_DFIELD_UINT;
		struct iommu_dfield *f;

		if ((b->flags & FD_RESERVED) && !v)
			continue;
		f = dnode_add_u64(d, node, b->key, b->label, kind, offset, fd->size, v);
		if (!f)
			return;
		f->shift = b->shift;
		f->width = b->width;
		f->summary = (b->flags & FD_SUMMARY) != 0;
		if (b->names && v < b->nnames && b->names[v])
			f->meaning = b->names[v];
		if (b->flags & FD_RESERVED) {
			char text[32];

			snprintf(text, sizeof(text), "0x%llx", (unsigned long long)v);
			reserved_finding(d, node, b->label, offset, text);
		}
	}
}

size_t dnode_decode(struct decoder *d, struct iommu_dnode *node, uint64_t offset,
		    uint64_t length, const struct field_desc *desc, size_t ndesc)
{
	size_t done = 0;

	if (!node)
		return 0;
	for (const struct field_desc *fd = desc; fd < desc + ndesc; fd++, done++) {
		uint64_t at = offset + fd->offset;
		const uint8_t *p = d->data + at;
		struct iommu_dfield *f;

		if (fd->offset + (uint64_t)fd->size > length || at > d->size ||
		    fd->size > d->size - at) {
			decoder_finding(d, &check_structure_truncated, at, "%s at 0x%llx: field '%s' (%u bytes at 0x%llx) lies past the end of the %s",
					node->title, (unsigned long long)offset, fd->label, fd->size,
					(unsigned long long)at,
					fd->offset + (uint64_t)fd->size > length ? "structure" : "table");
			break;
		}
		if ((fd->flags & FD_RESERVED) && all_zero(p, fd->size))
			continue;
		if (fd->kind == IOMMU_DFIELD_STRING) {
			f = dnode_add_string(d, node, fd->key, fd->label, at, fd->size,
					     decoder_text(d, p, strnlen((const char *)p, fd->size)));
		} else if (fd->kind == IOMMU_DFIELD_BYTES || fd->size > 8) {
			f = dnode_add_bytes(d, node, fd->key, fd->label, at, fd->size);
		} else {
			uint64_t v = get_le(p, fd->size);

			f = dnode_add_u64(d, node, fd->key, fd->label, fd->kind, at, fd->size, v);
			if (f && fd->names && v < fd->nnames && fd->names[v])
				f->meaning = fd->names[v];
			if (fd->bits)
				decode_bits(d, node, fd, at, v);
		}
		if (!f)
			break;
		f->summary = (fd->flags & FD_SUMMARY) != 0;
		if (fd->flags & FD_RESERVED) {
			char hex[2 * 16 + 16] = "bytes ";
			unsigned int shown = fd->size < 16 ? fd->size : 16;

			for (unsigned int i = 0; i < shown; i++)
				sprintf(hex + 6 + 2 * i, "%02x", p[i]);
			if (shown < fd->size)
				strcat(hex, "...");
			reserved_finding(d, node, fd->label, at, hex);
		}
	}
	return done;
}

/* ---- public accessors --------------------------------------------------- */

IOMMU_EXPORT struct iommu_dnode *iommu_dnode_unref(struct iommu_dnode *root)
{
	if (!root)
		return NULL;
	iommu_findings_unref(root->findings);
	arena_free(root->arena);
	return NULL;
}

IOMMU_EXPORT const char *iommu_dnode_get_kind(const struct iommu_dnode *node)
{
	return node->kind;
}

IOMMU_EXPORT const char *iommu_dnode_get_title(const struct iommu_dnode *node)
{
	return node->title;
}

IOMMU_EXPORT uint64_t iommu_dnode_get_offset(const struct iommu_dnode *node)
{
	return node->offset;
}

IOMMU_EXPORT uint64_t iommu_dnode_get_length(const struct iommu_dnode *node)
{
	return node->length;
}

IOMMU_EXPORT bool iommu_dnode_is_detail(const struct iommu_dnode *node)
{
	return node->detail;
}

void dnode_set_detail(struct iommu_dnode *node)
{
	if (node)
		node->detail = true;
}

IOMMU_EXPORT struct iommu_dnode *iommu_dnode_get_first_child(const struct iommu_dnode *node)
{
	return node->first_child;
}

IOMMU_EXPORT struct iommu_dnode *iommu_dnode_get_next(const struct iommu_dnode *node)
{
	return node->next;
}

IOMMU_EXPORT struct iommu_dfield *iommu_dnode_get_first_field(const struct iommu_dnode *node)
{
	return node->first_field;
}

IOMMU_EXPORT struct iommu_dfield *iommu_dfield_get_next(const struct iommu_dfield *field)
{
	return field->next;
}

IOMMU_EXPORT struct iommu_dfield *iommu_dnode_find_field(const struct iommu_dnode *node,
							 const char *key)
{
	for (struct iommu_dfield *f = node->first_field; f; f = f->next)
		if (strcmp(f->key, key) == 0)
			return f;
	return NULL;
}

IOMMU_EXPORT struct iommu_findings *iommu_dnode_get_findings(const struct iommu_dnode *root)
{
	return root->findings;
}

IOMMU_EXPORT const char *iommu_dfield_get_key(const struct iommu_dfield *field)
{
	return field->key;
}

IOMMU_EXPORT const char *iommu_dfield_get_label(const struct iommu_dfield *field)
{
	return field->label;
}

IOMMU_EXPORT enum iommu_dfield_kind iommu_dfield_get_kind(const struct iommu_dfield *field)
{
	return field->kind;
}

IOMMU_EXPORT uint64_t iommu_dfield_get_offset(const struct iommu_dfield *field)
{
	return field->offset;
}

IOMMU_EXPORT unsigned int iommu_dfield_get_size(const struct iommu_dfield *field)
{
	return field->size;
}

IOMMU_EXPORT unsigned int iommu_dfield_get_bit_shift(const struct iommu_dfield *field)
{
	return field->shift;
}

IOMMU_EXPORT unsigned int iommu_dfield_get_bit_width(const struct iommu_dfield *field)
{
	return field->width;
}

IOMMU_EXPORT uint64_t iommu_dfield_get_u64(const struct iommu_dfield *field)
{
	return field->value;
}

IOMMU_EXPORT const char *iommu_dfield_get_string(const struct iommu_dfield *field)
{
	return field->string;
}

IOMMU_EXPORT const uint8_t *iommu_dfield_get_bytes(const struct iommu_dfield *field,
						   size_t *ret_size)
{
	if (ret_size)
		*ret_size = field->bytes ? field->size : 0;
	return field->bytes;
}

IOMMU_EXPORT const char *iommu_dfield_get_meaning(const struct iommu_dfield *field)
{
	return field->meaning;
}

IOMMU_EXPORT bool iommu_dfield_is_summary(const struct iommu_dfield *field)
{
	return field->summary;
}
