// SPDX-License-Identifier: MIT
/*
 * The DMAR table (Intel VT-d 4.1 chapter 8): the header, every remapping
 * structure and its device scopes, walked by length as Linux walks them
 * (dmar_walk_remapping_entries): a zero length stops the walk, a structure
 * past the table's end is decoded as far as its bytes go, an unknown type is
 * kept raw and skipped by its length.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>

#include "acpi/dmar.h"
#include "acpi/subtable.h"

#define REF "VT-d 4.1 §8"

/* VT-d 4.1 §8.1 DMA Remapping Reporting Structure */
static const struct bit_desc dmar_flag_bits[] = {
	{ "intr_remap", "Interrupt Remapping", 0, 1, .flags = FD_SUMMARY },
	{ "x2apic_opt_out", "x2APIC Opt-Out", 1, 1, .flags = FD_SUMMARY },
	{ "dma_ctrl_platform_opt_in", "DMA Control Platform Opt-In", 2, 1, .flags = FD_SUMMARY },
	{ "flags_reserved", "Reserved", 3, 5, .flags = FD_RESERVED },
};

static const struct field_desc dmar_header_fields[] = {
	{ DMAR_KEY(host_address_width), "Host Address Width", 36, 1, IOMMU_DFIELD_HEX },
	{ DMAR_KEY(flags), "Flags", 37, 1, IOMMU_DFIELD_HEX, 0, BITS(dmar_flag_bits) },
	{ "reserved", "Reserved", 38, 10, IOMMU_DFIELD_BYTES, FD_RESERVED },
};

/* VT-d 4.1 §8.2 Remapping Structure Types */
static const char *const structure_type_names[] = {
	"Hardware Unit Definition", "Reserved Memory Region", "Root Port ATS Capability",
	"Remapping Hardware Static Affinity", "ACPI Namespace Device Declaration",
	"SoC Integrated Address Translation Cache", "SoC Integrated Device Property",
};

#define STRUCTURE_HEADER \
	{ DMAR_KEY(type), "Type", 0, 2, IOMMU_DFIELD_UINT, 0, NAMES(structure_type_names) }, \
	{ DMAR_KEY(length), "Length", 2, 2, IOMMU_DFIELD_UINT }

/* VT-d 4.1 §8.3 DMA Remapping Hardware Unit Definition Structure */
static const struct bit_desc drhd_flag_bits[] = {
	{ "include_pci_all", "INCLUDE_PCI_ALL", 0, 1, .flags = FD_SUMMARY },
	{ "flags_reserved", "Reserved", 1, 7, .flags = FD_RESERVED },
};

static const struct bit_desc drhd_size_bits[] = {
	{ DMAR_KEY(register_set_size), "Register Set Size (2^N pages)", 0, 4 },
	{ "size_reserved", "Reserved", 4, 4, .flags = FD_RESERVED },
};

static const struct field_desc drhd_fields[] = {
	STRUCTURE_HEADER,
	{ DMAR_KEY(flags), "Flags", 4, 1, IOMMU_DFIELD_HEX, 0, BITS(drhd_flag_bits) },
	{ "size", "Size", 5, 1, IOMMU_DFIELD_HEX, 0, BITS(drhd_size_bits) },
	{ DMAR_KEY(segment), "PCI Segment Number", 6, 2, IOMMU_DFIELD_UINT, FD_SUMMARY },
	{ DMAR_KEY(register_base), "Register Base Address", 8, 8, IOMMU_DFIELD_ADDR, FD_SUMMARY },
};

/* VT-d 4.1 §8.4 Reserved Memory Region Reporting Structure */
static const struct field_desc rmrr_fields[] = {
	STRUCTURE_HEADER,
	{ "reserved", "Reserved", 4, 2, IOMMU_DFIELD_HEX, FD_RESERVED },
	{ DMAR_KEY(segment), "PCI Segment Number", 6, 2, IOMMU_DFIELD_UINT, FD_SUMMARY },
	{ DMAR_KEY(base_address), "Base Address", 8, 8, IOMMU_DFIELD_ADDR, FD_SUMMARY },
	{ DMAR_KEY(end_address), "End Address (Limit)", 16, 8, IOMMU_DFIELD_ADDR, FD_SUMMARY },
};

/* VT-d 4.1 §8.5 Root Port ATS Capability Reporting Structure */
static const struct bit_desc atsr_flag_bits[] = {
	{ "all_ports", "ALL_PORTS", 0, 1, .flags = FD_SUMMARY },
	{ "flags_reserved", "Reserved", 1, 7, .flags = FD_RESERVED },
};

static const struct field_desc atsr_fields[] = {
	STRUCTURE_HEADER,
	{ DMAR_KEY(flags), "Flags", 4, 1, IOMMU_DFIELD_HEX, 0, BITS(atsr_flag_bits) },
	{ "reserved", "Reserved", 5, 1, IOMMU_DFIELD_HEX, FD_RESERVED },
	{ DMAR_KEY(segment), "PCI Segment Number", 6, 2, IOMMU_DFIELD_UINT, FD_SUMMARY },
};

/* VT-d 4.1 §8.6 Remapping Hardware Static Affinity Structure */
static const struct field_desc rhsa_fields[] = {
	STRUCTURE_HEADER,
	{ "reserved", "Reserved", 4, 4, IOMMU_DFIELD_HEX, FD_RESERVED },
	{ DMAR_KEY(register_base), "Register Base Address", 8, 8, IOMMU_DFIELD_ADDR, FD_SUMMARY },
	{ DMAR_KEY(proximity_domain), "Proximity Domain", 16, 4, IOMMU_DFIELD_UINT, FD_SUMMARY },
};

/* VT-d 4.1 §8.7 ACPI Name-space Device Declaration Structure (the name follows) */
static const struct field_desc andd_fields[] = {
	STRUCTURE_HEADER,
	{ "reserved", "Reserved", 4, 3, IOMMU_DFIELD_HEX, FD_RESERVED },
	{ DMAR_KEY(device_number), "ACPI Device Number", 7, 1, IOMMU_DFIELD_UINT, FD_SUMMARY },
};
/* ... its name runs to its NUL or the structure's end. */
static const struct field_desc andd_name_field[] = {
	{ DMAR_KEY(object_name), "ACPI Object Name", .kind = IOMMU_DFIELD_STRING },
};

/* VT-d 4.1 §8.8 SoC Integrated Address Translation Cache Reporting Structure */
static const struct bit_desc satc_flag_bits[] = {
	{ "atc_required", "ATC_REQUIRED", 0, 1, .flags = FD_SUMMARY },
	{ "flags_reserved", "Reserved", 1, 7, .flags = FD_RESERVED },
};

static const struct field_desc satc_fields[] = {
	STRUCTURE_HEADER,
	{ DMAR_KEY(flags), "Flags", 4, 1, IOMMU_DFIELD_HEX, 0, BITS(satc_flag_bits) },
	{ "reserved", "Reserved", 5, 1, IOMMU_DFIELD_HEX, FD_RESERVED },
	{ DMAR_KEY(segment), "PCI Segment Number", 6, 2, IOMMU_DFIELD_UINT, FD_SUMMARY },
};

/* VT-d 4.1 §8.9 SoC Integrated Device Property Reporting Structure */
static const struct field_desc sidp_fields[] = {
	STRUCTURE_HEADER,
	{ "reserved", "Reserved", 4, 2, IOMMU_DFIELD_HEX, FD_RESERVED },
	{ DMAR_KEY(segment), "PCI Segment Number", 6, 2, IOMMU_DFIELD_UINT, FD_SUMMARY },
};

/* A type we do not know: its header, then its body as bytes. */
static const struct field_desc unknown_fields[] = {
	STRUCTURE_HEADER,
};

struct structure_desc {
	const char *kind;
	const char *title;
	const struct field_desc *fields;
	size_t nfields;
	uint16_t scopes_at;		/* 0: no device scopes */
};

static const struct structure_desc structure_descs[DMAR_TYPE_COUNT] = {
	[DMAR_TYPE_DRHD] = { "drhd", "DRHD Hardware Unit", FIELDS(drhd_fields), 16 },
	[DMAR_TYPE_RMRR] = { "rmrr", "RMRR Reserved Memory", FIELDS(rmrr_fields), 24 },
	[DMAR_TYPE_ATSR] = { "atsr", "ATSR Root Port ATS", FIELDS(atsr_fields), 8 },
	[DMAR_TYPE_RHSA] = { "rhsa", "RHSA Static Affinity", FIELDS(rhsa_fields), 0 },
	[DMAR_TYPE_ANDD] = { "andd", "ANDD Namespace Device", FIELDS(andd_fields), 0 },
	[DMAR_TYPE_SATC] = { "satc", "SATC SoC Translation Cache", FIELDS(satc_fields), 8 },
	[DMAR_TYPE_SIDP] = { "sidp", "SIDP SoC Device Property", FIELDS(sidp_fields), 8 },
};

static const struct structure_desc unknown_desc = {
	"unknown_structure", "Unknown Structure", FIELDS(unknown_fields), 0
};

/* VT-d 4.1 §8.3.1 Device Scope Structure */
static const char *const scope_type_names[] = {
	NULL, "PCI Endpoint", "PCI Sub-hierarchy", "IOAPIC", "MSI-capable HPET",
	"ACPI Namespace Device",
};

static const struct bit_desc scope_flag_bits[] = {
	{ "req_wo_pasid_nested_notallowed", "REQ_WO_PASID_NESTED_NOTALLOWED", 0, 1, .flags = FD_SUMMARY },
	{ "req_wo_pasid_pwsnp_notallowed", "REQ_WO_PASID_PWSNP_NOTALLOWED", 1, 1, .flags = FD_SUMMARY },
	{ "req_wo_pasid_pgsnp_notallowed", "REQ_WO_PASID_PGSNP_NOTALLOWED", 2, 1, .flags = FD_SUMMARY },
	{ "atc_hardened", "ATC_HARDENED", 3, 1, .flags = FD_SUMMARY },
	{ "atc_required", "ATC_REQUIRED", 4, 1, .flags = FD_SUMMARY },
	{ "flags_reserved", "Reserved", 5, 3, .flags = FD_RESERVED },
};

static const struct field_desc scope_fields[] = {
	{ DMAR_KEY(type), "Device Scope Type", 0, 1, IOMMU_DFIELD_UINT, FD_SUMMARY,
	  NAMES(scope_type_names) },
	{ DMAR_KEY(length), "Length", 1, 1, IOMMU_DFIELD_UINT },
	{ DMAR_KEY(flags), "Flags", 2, 1, IOMMU_DFIELD_HEX, 0, BITS(scope_flag_bits) },
	{ "reserved", "Reserved", 3, 1, IOMMU_DFIELD_HEX, FD_RESERVED },
	{ DMAR_KEY(enumeration_id), "Enumeration ID", 4, 1, IOMMU_DFIELD_UINT },
	{ DMAR_KEY(start_bus), "Start Bus Number", 5, 1, IOMMU_DFIELD_HEX },
};

/* VT-d 4.1 §8.3.1: a hop of the path, after the scope's header */
static const struct field_desc path_hop_fields[] = {
	{ DMAR_KEY(device), "Device", 0, 1, IOMMU_DFIELD_HEX },
	{ DMAR_KEY(function), "Function", 1, 1, IOMMU_DFIELD_HEX },
};

const struct field_descs dmar_field_descs[] = {
	{ FIELDS(dmar_header_fields) }, { FIELDS(drhd_fields) }, { FIELDS(rmrr_fields) },
	{ FIELDS(atsr_fields) }, { FIELDS(rhsa_fields) }, { FIELDS(andd_fields) },
	{ FIELDS(andd_name_field) }, { FIELDS(satc_fields) }, { FIELDS(sidp_fields) },
	{ FIELDS(unknown_fields) }, { FIELDS(scope_fields) }, { FIELDS(path_hop_fields) }, { NULL },
};

const char *dmar_scope_type_name(unsigned int type)
{
	if (type < ARRAY_SIZE(scope_type_names) && scope_type_names[type])
		return scope_type_names[type];
	return "reserved type";
}

/* Decode the descriptions that fit in LENGTH bytes (a short structure is reported once, by the walk). */
static void decode_fitting(struct decoder *d, struct iommu_dnode *node, uint64_t offset,
			   uint64_t length, const struct field_desc *desc, size_t ndesc)
{
	size_t fit = 0;

	while (fit < ndesc && desc[fit].offset + (uint64_t)desc[fit].size <= length)
		fit++;
	dnode_decode(d, node, offset, length, desc, fit);
}

/*
 * VT-d 4.1 §8.3.1 Device Scope Path: each hop a "path_hop" child in order (an
 * array in JSON), and "bb:dd.f/dd.f" as the scope's summary.
 */
static void decode_path(struct decoder *d, struct iommu_dnode *node, uint64_t offset,
			size_t nhops)
{
	char path[DMAR_PATH_TEXT];
	size_t pos;

	pos = (size_t)snprintf(path, sizeof(path), "%02x:", d->data[offset + 5]);
	for (size_t i = 0; i < nhops; i++) {
		uint64_t at = offset + DMAR_SCOPE_HEADER_SIZE + 2 * i;
		uint8_t dev = d->data[at], fn = d->data[at + 1];
		struct iommu_dnode *hop = node ? dnode_add(d, node, "path_hop", "Path Hop", at, 2) : NULL;

		dnode_set_detail(hop);
		dnode_decode(d, hop, at, 2, FIELDS(path_hop_fields));
		/* A device above 31 or a function above 7 cannot be a PCI address: shown raw. */
		if (pos < sizeof(path))
			pos += (size_t)snprintf(path + pos, sizeof(path) - pos, dev < 32 && fn < 8 ?
						"%s%02x.%x" : "%s%02x.%02x?", i ? "/" : "", dev, fn);
	}
	/* Hops beyond what the text holds (each may take 7 characters) end it with "...". */
	if (pos >= sizeof(path))
		memcpy(path + sizeof(path) - 4, "...", 4);
	else if (!nhops)
		snprintf(path + pos, sizeof(path) - pos, "(none)");
	dfield_set_summary(dnode_add_string(d, node, "path", "Path", offset, 0,
					    arena_strdup(d->arena, path)));
}

static void decode_scope(struct decoder *d, struct iommu_dnode *parent, uint64_t offset,
			 uint64_t avail)
{
	unsigned int type = d->data[offset], length = d->data[offset + 1];
	uint64_t have = length < avail ? length : avail;
	struct iommu_dnode *node = dnode_add(d, parent, "device_scope", "Device Scope", offset, length);

	decode_fitting(d, node, offset, have, FIELDS(scope_fields));
	if (node && type >= DMAR_SCOPE_IOAPIC && type <= DMAR_SCOPE_NAMESPACE)
		dfield_set_summary(iommu_dnode_find_field(node, DMAR_KEY(enumeration_id)));
	if (have >= DMAR_SCOPE_HEADER_SIZE)
		decode_path(d, node, offset, (size_t)(have - DMAR_SCOPE_HEADER_SIZE) / 2);

	if (type == 0 || type >= ARRAY_SIZE(scope_type_names))
		decoder_finding(d, DMAR_CHECK(DMAR_SCOPE_UNKNOWN_TYPE), offset,
				"device scope at 0x%llx has reserved type %u", (unsigned long long)offset,
				type);
	if (length < DMAR_SCOPE_HEADER_SIZE || (length - DMAR_SCOPE_HEADER_SIZE) % 2)
		decoder_finding(d, DMAR_CHECK(DMAR_SCOPE_BAD_LENGTH), offset,
				"device scope at 0x%llx has length %u, not 6 + 2 x (path hops)",
				(unsigned long long)offset, length);
	else if (length == DMAR_SCOPE_HEADER_SIZE)
		decoder_finding(d, DMAR_CHECK(DMAR_SCOPE_PATH_EMPTY), offset,
				"device scope at 0x%llx has no path hop", (unsigned long long)offset);
}

/* A walk over device scopes: the structure that holds them. */
struct scopes_ctx {
	struct decoder *d;
	struct iommu_dnode *parent;
};

static void scope_handle(void *ctx, const struct subtable *s)
{
	struct scopes_ctx *c = ctx;

	decode_scope(c->d, c->parent, s->offset, s->left);
}

static void scope_report(void *ctx, enum subtable_problem problem, const struct subtable *s)
{
	struct scopes_ctx *c = ctx;
	struct decoder *d = c->d;
	unsigned long long at = s->offset;

	switch (problem) {
	case SUBTABLE_TRAILING:
		decoder_finding(d, DMAR_CHECK(DMAR_SCOPE_BAD_LENGTH), at,
				"%s at 0x%llx: 1 byte after the last device scope",
				iommu_dnode_get_title(c->parent),
				(unsigned long long)iommu_dnode_get_offset(c->parent));
		break;
	case SUBTABLE_ZERO_LENGTH:
		/* Its header is shown as it stands (iasl does the same), then the walk stops. */
		decode_fitting(d, dnode_add(d, c->parent, "device_scope", "Device Scope", at, 0), at,
			       s->left, FIELDS(scope_fields));
		decoder_finding(d, DMAR_CHECK(DMAR_SCOPE_ZERO_LENGTH), at,
				"device scope at 0x%llx has length 0; %llu byte(s) of %s at 0x%llx not decoded",
				at, (unsigned long long)s->left, iommu_dnode_get_title(c->parent),
				(unsigned long long)iommu_dnode_get_offset(c->parent));
		break;
	case SUBTABLE_OVERRUN:
		decoder_finding(d, DMAR_CHECK(DMAR_SCOPE_OVERRUN), at,
				"device scope at 0x%llx has length %llu; only %llu byte(s) of its structure are left",
				at, (unsigned long long)s->length, (unsigned long long)s->left);
		break;
	default:
		break;
	}
}

/* VT-d 4.1 §8.3.1: device scopes, one byte of type and one of length, from BEGIN to END. */
static const struct subtable_walk scope_walk = {
	.type_offset = 0, .type_size = 1, .length_offset = 1, .length_size = 1,
	.header_size = 2, .min_length = 1,
	.handle_unknown = scope_handle,
	.report = scope_report,
};

static void decode_scopes(struct decoder *d, struct iommu_dnode *parent, uint64_t begin,
			  uint64_t end)
{
	struct scopes_ctx c = { d, parent };

	subtables_walk(d, &scope_walk, begin, end, &c);
}

/* The ANDD's object name: printable text up to its NUL (ACPI paths keep their backslash). */
static void decode_andd_name(struct decoder *d, struct iommu_dnode *node, uint64_t offset,
			     uint64_t have)
{
	const uint8_t *p = d->data + offset;
	size_t size = (size_t)have, len = strnlen((const char *)p, size);
	char *text = arena_alloc(d->arena, 4 * len + 1), *q = text;

	if (!text) {
		d->error = -ENOMEM;
		return;
	}
	for (size_t i = 0; i < len; i++)
		q += p[i] >= 0x20 && p[i] < 0x7f ? sprintf(q, "%c", p[i]) : sprintf(q, "\\x%02x", p[i]);
	*q = 0;
	dfield_set_summary(dnode_add_string(d, node, andd_name_field->key, andd_name_field->label,
					    offset, (unsigned int)size, text));
}

static void decode_body(struct decoder *d, struct iommu_dnode *node, unsigned int type,
			uint64_t offset, uint64_t have, unsigned int min_length)
{
	const struct structure_desc *sd = type < DMAR_TYPE_COUNT ? &structure_descs[type] : &unknown_desc;

	decode_fitting(d, node, offset, have, sd->fields, sd->nfields);
	if (have < min_length)
		return;
	switch (type) {
	case DMAR_TYPE_DRHD: {
		struct iommu_dfield *f = iommu_dnode_find_field(node, DMAR_KEY(register_set_size));

		if (f)
			dfield_set_meaning(d, f, "%llu KiB", 4ULL << iommu_dfield_get_u64(f));
		break;
	}
	case DMAR_TYPE_RMRR: {
		uint64_t base = get_le64(d->data + offset + 8), end = get_le64(d->data + offset + 16);

		if (end >= base && end - base < UINT64_MAX) {
			struct iommu_dfield *f = dnode_add_u64(d, node, "size", "Size", IOMMU_DFIELD_HEX,
							       offset + 8, 0, end - base + 1);
			uint64_t size = end - base + 1;

			if (size % (1ULL << 20) == 0)
				dfield_set_meaning(d, f, "%llu MiB", (unsigned long long)(size >> 20));
			else if (size % 1024 == 0)
				dfield_set_meaning(d, f, "%llu KiB", (unsigned long long)(size >> 10));
			else
				dfield_set_meaning(d, f, "%llu bytes", (unsigned long long)size);
			dfield_set_summary(f);
		}
		break;
	}
	case DMAR_TYPE_ANDD:
		decode_andd_name(d, node, offset + 8, have - 8);
		break;
	default:
		if (type < DMAR_TYPE_COUNT)
			break;
		dfield_set_summary(iommu_dnode_find_field(node, DMAR_KEY(type)));
		dfield_set_summary(iommu_dnode_find_field(node, DMAR_KEY(length)));
		if (have > 4)
			dnode_add_bytes(d, node, "data", "Data", offset + 4, (unsigned int)(have - 4));
		break;
	}
	if (sd->scopes_at)
		decode_scopes(d, node, offset + sd->scopes_at, offset + have);
}

static const struct structure_desc *structure_desc(unsigned int type)
{
	return type < DMAR_TYPE_COUNT ? &structure_descs[type] : &unknown_desc;
}

/* The walk over the remapping structures: the type of the last in order. */
struct structures_ctx {
	struct decoder *d;
	unsigned int last_type;
};

static void structure_handle(void *ctx, const struct subtable *s)
{
	struct structures_ctx *c = ctx;
	struct decoder *d = c->d;
	const struct structure_desc *sd = structure_desc(s->type);
	struct iommu_dnode *node = dnode_add(d, NULL, sd->kind, sd->title, s->offset, s->length);

	if (s->desc) {
		if (c->last_type != UINT_MAX && s->type < c->last_type)
			decoder_finding(d, DMAR_CHECK(DMAR_STRUCTURE_ORDER), s->offset,
					"%s at 0x%llx (type %u) follows a structure of type %u",
					sd->title, (unsigned long long)s->offset, s->type, c->last_type);
		if (c->last_type == UINT_MAX || s->type > c->last_type)
			c->last_type = s->type;
	}
	decode_body(d, node, s->type, s->offset, s->span, s->desc ? s->desc->min_length : 4);
}

static void structure_report(void *ctx, enum subtable_problem problem, const struct subtable *s)
{
	struct structures_ctx *c = ctx;
	struct decoder *d = c->d;
	const struct structure_desc *sd = structure_desc(s->type);
	unsigned long long at = s->offset, length = s->length, left = s->left;
	struct iommu_dnode *node;

	switch (problem) {
	case SUBTABLE_TRAILING:
		decoder_finding(d, DMAR_CHECK(DMAR_STRUCTURE_TRAILING), at,
				"%llu byte(s) after the last structure cannot hold a structure header", left);
		break;
	case SUBTABLE_ZERO_LENGTH:
		/* Its header is shown as it stands, then the walk stops. */
		node = dnode_add(d, NULL, sd->kind, sd->title, at, length);
		decode_fitting(d, node, at, 4, FIELDS(unknown_fields));
		dfield_set_summary(node ? iommu_dnode_find_field(node, DMAR_KEY(length)) : NULL);
		decoder_finding(d, DMAR_CHECK(DMAR_STRUCTURE_ZERO_LENGTH), at,
				"structure at 0x%llx (type %u) has length %llu; the %llu byte(s) from there are not decoded",
				at, s->type, length, left);
		break;
	case SUBTABLE_OVERRUN:
		decoder_finding(d, DMAR_CHECK(DMAR_STRUCTURE_OVERRUN), at,
				"%s at 0x%llx has length %llu; only %llu byte(s) of the table are left",
				sd->title, at, length, left);
		break;
	case SUBTABLE_UNKNOWN_TYPE:
		decoder_finding(d, DMAR_CHECK(DMAR_STRUCTURE_UNKNOWN_TYPE), at,
				"structure at 0x%llx has reserved type %u; skipped by its length %llu",
				at, s->type, length);
		break;
	case SUBTABLE_TOO_SHORT:
		decoder_finding(d, DMAR_CHECK(DMAR_STRUCTURE_TOO_SHORT), at,
				"%s at 0x%llx has length %llu; its fixed fields need %u",
				sd->title, at, length, s->desc->min_length);
		break;
	case SUBTABLE_CUT:
		break;
	}
}

/* VT-d 4.1 §8.2: remapping structures, two bytes of type and two of length, to the table's end. */
static const struct subtable_type structure_types[] = {
	/* the fixed fields (Xen's acpi_dmar_check_length) */
	{ DMAR_TYPE_DRHD, 16, structure_handle },
	{ DMAR_TYPE_RMRR, 24, structure_handle },
	{ DMAR_TYPE_ATSR, 8, structure_handle },
	{ DMAR_TYPE_RHSA, 20, structure_handle },
	{ DMAR_TYPE_ANDD, 8, structure_handle },
	{ DMAR_TYPE_SATC, 8, structure_handle },
	{ DMAR_TYPE_SIDP, 8, structure_handle },
};

static const struct subtable_walk structure_walk = {
	.type_offset = 0, .type_size = 2, .length_offset = 2, .length_size = 2,
	.header_size = 4, .min_length = 4,
	.types = structure_types, .ntypes = ARRAY_SIZE(structure_types),
	.handle_unknown = structure_handle,
	.check_types = true,
	.report = structure_report,
};

static void decode_header(struct decoder *d)
{
	struct iommu_dfield *f;

	decode_fitting(d, d->root, 0, d->size, FIELDS(dmar_header_fields));
	if (d->size < DMAR_HEADER_SIZE) {
		decoder_finding(d, DMAR_CHECK(DMAR_TABLE_TOO_SHORT), IOMMU_NO_OFFSET,
				"the table has %zu bytes; the DMAR header needs %u", d->size,
				DMAR_HEADER_SIZE);
		return;
	}
	f = iommu_dnode_find_field(d->root, DMAR_KEY(host_address_width));
	if (f) {
		unsigned int bits = (unsigned int)iommu_dfield_get_u64(f) + 1;

		dfield_set_meaning(d, f, "%u bits", bits);
		dfield_set_summary(dnode_add_u64(d, d->root, "address_width_bits", "Address Width (bits)",
						 IOMMU_DFIELD_UINT, 36, 0, bits));
	}
}

/* VT-d 4.1 §8.1 DMA Remapping Reporting Structure and what follows it */
int dmar_decode(struct iommu_table *table, struct iommu_dnode **ret_root)
{
	struct decoder d;
	struct structures_ctx c = { &d, UINT_MAX };
	int r = decoder_init(&d, table, "dmar", "DMA Remapping Table (DMAR)", REF);

	if (r < 0)
		return r;
	acpi_header_decode(&d, d.root);
	decode_header(&d);
	subtables_walk(&d, &structure_walk, DMAR_HEADER_SIZE, d.size, &c);
	return decoder_finish(&d, ret_root);
}
