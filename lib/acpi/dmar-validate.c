// SPDX-License-Identifier: MIT
/*
 * DMAR checks on the table alone (VT-d 4.1 chapter 8), stricter than Linux,
 * Xen and fwts together; the decoder has already reported the structure
 * problems (lengths, unknown types, order).  The checks against the machine
 * and the other tables are in dmar-validate-system.c.
 */
#include <errno.h>
#include <stdlib.h>

#include "acpi/dmar.h"
#include "acpi/template.h"

#define PAGE_MASK 0xfffULL

/* VT-d 4.1 §8.4-§8.9: the scope types each structure may hold (bit N: type N). */
static const unsigned int allowed_scopes[DMAR_TYPE_COUNT] = {
	[DMAR_TYPE_DRHD] = 1u << DMAR_SCOPE_ENDPOINT | 1u << DMAR_SCOPE_BRIDGE |
			   1u << DMAR_SCOPE_IOAPIC | 1u << DMAR_SCOPE_HPET | 1u << DMAR_SCOPE_NAMESPACE,
	[DMAR_TYPE_RMRR] = 1u << DMAR_SCOPE_ENDPOINT | 1u << DMAR_SCOPE_BRIDGE,
	[DMAR_TYPE_ATSR] = 1u << DMAR_SCOPE_BRIDGE,
	[DMAR_TYPE_SATC] = 1u << DMAR_SCOPE_ENDPOINT,
	[DMAR_TYPE_SIDP] = 1u << DMAR_SCOPE_ENDPOINT | 1u << DMAR_SCOPE_BRIDGE,
};

static const char *const type_names[DMAR_TYPE_COUNT] = {
	"DRHD", "RMRR", "ATSR", "RHSA", "ANDD", "SATC", "SIDP",
};

static const char *type_name(unsigned int type)
{
	return type < DMAR_TYPE_COUNT ? type_names[type] : "structure";
}

static bool known_scope_type(unsigned int type)
{
	return type >= DMAR_SCOPE_ENDPOINT && type <= DMAR_SCOPE_NAMESPACE;
}

static void check_width(struct validator *v, const struct dmar_view *view)
{
	unsigned int bits = view->width_raw + 1;

	if (!view->header_complete)
		return;
	if (bits < 12)
		validator_finding(v, DMAR_CHECK(DMAR_HAW_INVALID), 36,
				  "host address width is %u bits (field 0x%02x); Linux needs at least 12",
				  bits, view->width_raw);
	else if (bits < 32 || bits > 64)
		validator_finding(v, DMAR_CHECK(DMAR_HAW_IMPLAUSIBLE), 36,
				  "host address width is %u bits (field 0x%02x)", bits, view->width_raw);
}

/* The register set of a DRHD: 2^N pages from its base. */
static uint64_t register_end(const struct dmar_structure *s)
{
	uint64_t size = 4096ULL << (s->size_log2 & 0xf);

	return s->base > UINT64_MAX - size ? UINT64_MAX : s->base + size;
}

static void check_drhds(struct validator *v, const struct dmar_view *view)
{
	size_t count = 0;

	for (size_t i = 0; i < view->nstructures; i++) {
		const struct dmar_structure *s = &view->structures[i];

		if (s->type != DMAR_TYPE_DRHD)
			continue;
		count++;
		if (!s->complete)
			continue;
		if (s->base == 0 || s->base == UINT64_MAX)
			validator_finding(v, DMAR_CHECK(DMAR_DRHD_BASE_ZERO), s->offset + 8,
					  "DRHD %u (segment %u) has register base 0x%llx", s->index,
					  s->segment, (unsigned long long)s->base);
		else if (s->base & PAGE_MASK)
			validator_finding(v, DMAR_CHECK(DMAR_DRHD_BASE_UNALIGNED), s->offset + 8,
					  "DRHD %u has register base 0x%llx, not 4 KiB aligned", s->index,
					  (unsigned long long)s->base);
		for (size_t j = 0; j < i; j++) {
			const struct dmar_structure *o = &view->structures[j];

			if (o->type != DMAR_TYPE_DRHD || !o->complete)
				continue;
			if (o->base == s->base && o->segment == s->segment)
				validator_finding(v, DMAR_CHECK(DMAR_DRHD_DUPLICATE), s->offset,
						  "DRHD %u repeats the register base 0x%llx of DRHD %u (at 0x%llx)",
						  s->index, (unsigned long long)s->base, o->index,
						  (unsigned long long)o->offset);
			else if (o->base != s->base && s->base && o->base &&
				 s->base < register_end(o) && o->base < register_end(s))
				validator_finding(v, DMAR_CHECK(DMAR_DRHD_OVERLAP), s->offset + 8,
						  "DRHD %u's registers [0x%llx-0x%llx] overlap DRHD %u's [0x%llx-0x%llx]",
						  s->index, (unsigned long long)s->base,
						  (unsigned long long)register_end(s) - 1, o->index,
						  (unsigned long long)o->base,
						  (unsigned long long)register_end(o) - 1);
		}
		if (!(s->flags & DMAR_DRHD_INCLUDE_PCI_ALL))
			continue;
		for (size_t j = 0; j < view->nstructures; j++) {
			const struct dmar_structure *o = &view->structures[j];

			if (o->type != DMAR_TYPE_DRHD || !o->complete || o->segment != s->segment)
				continue;
			if (j < i && (o->flags & DMAR_DRHD_INCLUDE_PCI_ALL)) {
				validator_finding(v, DMAR_CHECK(DMAR_DRHD_INCLUDE_ALL_MULTIPLE), s->offset + 4,
						  "DRHD %u is a second INCLUDE_PCI_ALL unit of segment %u (DRHD %u is one)",
						  s->index, s->segment, o->index);
				break;
			}
			if (j > i) {
				validator_finding(v, DMAR_CHECK(DMAR_DRHD_INCLUDE_ALL_NOT_LAST), s->offset + 4,
						  "DRHD %u has INCLUDE_PCI_ALL but DRHD %u (at 0x%llx) of segment %u follows it",
						  s->index, o->index, (unsigned long long)o->offset, s->segment);
				break;
			}
		}
	}
	if (!count && view->header_complete)
		validator_finding(v, DMAR_CHECK(DMAR_DRHD_NONE), IOMMU_NO_OFFSET,
				  "the table has no DRHD structure: there is no remapping unit");
}

static bool same_path(const struct dmar_scope *a, const struct dmar_scope *b)
{
	return a->start_bus == b->start_bus && a->nhops == b->nhops && a->nhops &&
	       memcmp(a->hops, b->hops, a->nhops * sizeof(a->hops[0])) == 0;
}

/*
 * The same device claimed twice: one PCI path in one segment; or one IOAPIC,
 * HPET or ACPI device id given the same source id twice, or given to two
 * units.  One HPET id with several source ids in one unit is the HPET's
 * timers, each with its own requester id (common since Sandy Bridge).
 */
static bool same_device(const struct dmar_view *view, const struct dmar_scope *a,
			const struct dmar_scope *b)
{
	bool pci_a = a->type == DMAR_SCOPE_ENDPOINT || a->type == DMAR_SCOPE_BRIDGE;
	bool pci_b = b->type == DMAR_SCOPE_ENDPOINT || b->type == DMAR_SCOPE_BRIDGE;

	if (!a->complete || !b->complete || !known_scope_type(a->type) || !known_scope_type(b->type))
		return false;
	if (pci_a != pci_b || (!pci_a && a->type != b->type))
		return false;
	if (!pci_a)
		return a->enumeration_id == b->enumeration_id &&
		       (a->structure != b->structure || same_path(a, b));
	return view->structures[a->structure].segment == view->structures[b->structure].segment &&
	       same_path(a, b);
}

static void check_scopes(struct validator *v, const struct dmar_view *view)
{
	char path[DMAR_PATH_TEXT];

	for (size_t i = 0; i < view->nscopes; i++) {
		const struct dmar_scope *s = &view->scopes[i];
		const struct dmar_structure *owner = &view->structures[s->structure];

		if (!known_scope_type(s->type) || owner->type >= DMAR_TYPE_COUNT)
			continue;
		if (!(allowed_scopes[owner->type] & (1u << s->type)))
			validator_finding(v, DMAR_CHECK(DMAR_SCOPE_WRONG_KIND), s->offset,
					  "%s at 0x%llx holds a scope of type %u (%s)", type_name(owner->type),
					  (unsigned long long)owner->offset, s->type,
					  dmar_scope_type_name(s->type));
		if (owner->type != DMAR_TYPE_DRHD)
			continue;
		for (size_t j = 0; j < i; j++) {
			const struct dmar_scope *o = &view->scopes[j];

			if (view->structures[o->structure].type != DMAR_TYPE_DRHD || !same_device(view, s, o))
				continue;
			if (s->type == DMAR_SCOPE_ENDPOINT || s->type == DMAR_SCOPE_BRIDGE)
				validator_finding(v, DMAR_CHECK(DMAR_SCOPE_DUPLICATE), s->offset,
						  "%s scope %s in DRHD %u was already claimed at 0x%llx (DRHD %u)",
						  dmar_scope_type_name(s->type),
						  dmar_scope_path_text(s, path, sizeof(path)), owner->index,
						  (unsigned long long)o->offset,
						  view->structures[o->structure].index);
			else
				validator_finding(v, DMAR_CHECK(DMAR_SCOPE_DUPLICATE), s->offset,
						  "%s scope with enumeration id %u in DRHD %u was already claimed at 0x%llx (DRHD %u)",
						  dmar_scope_type_name(s->type), s->enumeration_id, owner->index,
						  (unsigned long long)o->offset,
						  view->structures[o->structure].index);
			break;
		}
	}
}

static bool rmrr_valid(const struct dmar_structure *s)
{
	return s->type == DMAR_TYPE_RMRR && s->complete && s->end > s->base;
}

static void check_rmrrs(struct validator *v, const struct dmar_view *view)
{
	for (size_t i = 0; i < view->nstructures; i++) {
		const struct dmar_structure *s = &view->structures[i];

		if (s->type != DMAR_TYPE_RMRR || !s->complete)
			continue;
		if ((s->base & PAGE_MASK) || ((s->end + 1) & PAGE_MASK))
			validator_finding(v, DMAR_CHECK(DMAR_RMRR_UNALIGNED), s->offset + 8,
					  "RMRR %u [0x%llx-0x%llx]: %s not 4 KiB aligned", s->index,
					  (unsigned long long)s->base, (unsigned long long)s->end,
					  s->base & PAGE_MASK ? ((s->end + 1) & PAGE_MASK ? "base and end + 1 are" : "base is")
							      : "end + 1 is");
		if (s->end <= s->base)
			validator_finding(v, DMAR_CHECK(DMAR_RMRR_EMPTY), s->offset + 16,
					  "RMRR %u [0x%llx-0x%llx]: the end is not above the base", s->index,
					  (unsigned long long)s->base, (unsigned long long)s->end);
		if (!s->nscopes)
			validator_finding(v, DMAR_CHECK(DMAR_RMRR_NO_SCOPE), s->offset,
					  "RMRR %u [0x%llx-0x%llx] has no device scope", s->index,
					  (unsigned long long)s->base, (unsigned long long)s->end);
		if (!rmrr_valid(s))
			continue;
		for (size_t j = 0; j < i; j++) {
			const struct dmar_structure *o = &view->structures[j];

			if (!rmrr_valid(o) || o->base > s->end || s->base > o->end)
				continue;
			validator_finding(v, DMAR_CHECK(DMAR_RMRR_OVERLAP), s->offset + 8,
					  "RMRR %u [0x%llx-0x%llx] overlaps RMRR %u [0x%llx-0x%llx]",
					  s->index, (unsigned long long)s->base, (unsigned long long)s->end,
					  o->index, (unsigned long long)o->base, (unsigned long long)o->end);
			break;
		}
	}
}

/* Byte-for-byte equal structures (Linux's dmar_find_atsr / dmar_find_satc). */
static bool same_bytes(const struct validator *v, const struct dmar_structure *a,
		       const struct dmar_structure *b)
{
	size_t size;
	const uint8_t *data = iommu_table_get_data(v->table, &size);
	uint64_t la = iommu_dnode_get_length(a->node), lb = iommu_dnode_get_length(b->node);

	return la == lb && a->offset + la <= size && b->offset + lb <= size &&
	       memcmp(data + a->offset, data + b->offset, (size_t)la) == 0;
}

static void check_atsr_satc(struct validator *v, const struct dmar_view *view)
{
	for (size_t i = 0; i < view->nstructures; i++) {
		const struct dmar_structure *s = &view->structures[i];
		bool all_ports = s->type == DMAR_TYPE_ATSR && (s->flags & DMAR_ATSR_ALL_PORTS);

		if ((s->type != DMAR_TYPE_ATSR && s->type != DMAR_TYPE_SATC) || !s->complete)
			continue;
		if (all_ports && s->nscopes)
			validator_finding(v, DMAR_CHECK(DMAR_ATSR_ALL_PORTS_SCOPE), s->offset,
					  "ATSR %u has ALL_PORTS and %zu device scope(s), which are ignored",
					  s->index, s->nscopes);
		for (size_t j = 0; j < i; j++) {
			const struct dmar_structure *o = &view->structures[j];

			if (o->type != s->type || !o->complete)
				continue;
			if (same_bytes(v, s, o)) {
				validator_finding(v, DMAR_CHECK(s->type == DMAR_TYPE_ATSR ? DMAR_ATSR_DUPLICATE
											: DMAR_SATC_DUPLICATE),
						  s->offset, "%s %u repeats %s %u (at 0x%llx)",
						  type_name(s->type), s->index, type_name(s->type), o->index,
						  (unsigned long long)o->offset);
				break;
			}
			if (all_ports && (o->flags & DMAR_ATSR_ALL_PORTS) && o->segment == s->segment) {
				validator_finding(v, DMAR_CHECK(DMAR_ATSR_ALL_PORTS_MULTIPLE), s->offset + 4,
						  "ATSR %u is a second ALL_PORTS ATSR of segment %u (ATSR %u is one)",
						  s->index, s->segment, o->index);
				break;
			}
		}
	}
}

static const struct dmar_structure *find_drhd_by_base(const struct dmar_view *view, uint64_t base)
{
	for (size_t i = 0; i < view->nstructures; i++)
		if (view->structures[i].type == DMAR_TYPE_DRHD && view->structures[i].complete &&
		    view->structures[i].base == base)
			return &view->structures[i];
	return NULL;
}

static void check_rhsas(struct validator *v, const struct dmar_view *view)
{
	size_t nrhsa = 0;

	for (size_t i = 0; i < view->nstructures; i++) {
		const struct dmar_structure *s = &view->structures[i];

		if (s->type != DMAR_TYPE_RHSA || !s->complete)
			continue;
		nrhsa++;
		if (!find_drhd_by_base(view, s->base))
			validator_finding(v, DMAR_CHECK(DMAR_RHSA_NO_DRHD), s->offset + 8,
					  "RHSA %u refers to register base 0x%llx, which no DRHD has",
					  s->index, (unsigned long long)s->base);
	}
	if (!nrhsa)
		return;
	for (size_t i = 0; i < view->nstructures; i++) {
		const struct dmar_structure *s = &view->structures[i];
		bool found = false;

		if (s->type != DMAR_TYPE_DRHD || !s->complete)
			continue;
		for (size_t j = 0; j < view->nstructures && !found; j++)
			found = view->structures[j].type == DMAR_TYPE_RHSA &&
				view->structures[j].complete && view->structures[j].base == s->base;
		if (!found)
			validator_finding(v, DMAR_CHECK(DMAR_RHSA_INCOMPLETE), s->offset,
					  "DRHD %u (register base 0x%llx) has no RHSA; %zu other unit(s) have one",
					  s->index, (unsigned long long)s->base, nrhsa);
	}
}

static bool has_namespace_scope(const struct dmar_view *view, unsigned int id)
{
	for (size_t i = 0; i < view->nscopes; i++)
		if (view->scopes[i].type == DMAR_SCOPE_NAMESPACE && view->scopes[i].complete &&
		    view->scopes[i].enumeration_id == id &&
		    view->structures[view->scopes[i].structure].type == DMAR_TYPE_DRHD)
			return true;
	return false;
}

static const struct dmar_structure *find_andd(const struct dmar_view *view, unsigned int number,
					      size_t before)
{
	for (size_t i = 0; i < before && i < view->nstructures; i++)
		if (view->structures[i].type == DMAR_TYPE_ANDD && view->structures[i].complete &&
		    view->structures[i].device_number == number)
			return &view->structures[i];
	return NULL;
}

static void check_andds(struct validator *v, const struct dmar_view *view)
{
	for (size_t i = 0; i < view->nstructures; i++) {
		const struct dmar_structure *s = &view->structures[i], *o;

		if (s->type != DMAR_TYPE_ANDD || !s->complete)
			continue;
		if (!s->name_terminated)
			validator_finding(v, DMAR_CHECK(DMAR_ANDD_UNTERMINATED), s->offset + 8,
					  "ANDD %u's object name \"%s\" has no NUL inside the structure",
					  s->index, s->name);
		o = find_andd(view, s->device_number, i);
		if (o)
			validator_finding(v, DMAR_CHECK(DMAR_ANDD_DUPLICATE), s->offset + 7,
					  "ANDD %u (\"%s\") has device number %u, as ANDD %u (\"%s\") has",
					  s->index, s->name, s->device_number, o->index, o->name);
		if (!has_namespace_scope(view, s->device_number))
			validator_finding(v, DMAR_CHECK(DMAR_ANDD_NO_SCOPE), s->offset,
					  "ANDD %u (\"%s\", device number %u) is in the scope of no DRHD",
					  s->index, s->name, s->device_number);
	}
	for (size_t i = 0; i < view->nscopes; i++) {
		const struct dmar_scope *s = &view->scopes[i];

		if (s->type == DMAR_SCOPE_NAMESPACE && s->complete &&
		    !find_andd(view, s->enumeration_id, view->nstructures))
			validator_finding(v, DMAR_CHECK(DMAR_SCOPE_NO_ANDD), s->offset,
					  "ACPI namespace device scope with enumeration id %u: no ANDD has that device number",
					  s->enumeration_id);
	}
}

static void check_segments(struct validator *v, const struct dmar_view *view)
{
	bool any_drhd = false;

	for (size_t i = 0; i < view->nstructures; i++)
		any_drhd |= view->structures[i].type == DMAR_TYPE_DRHD && view->structures[i].complete;
	if (!any_drhd)
		return;
	for (size_t i = 0; i < view->nstructures; i++) {
		const struct dmar_structure *s = &view->structures[i];
		bool covered = false;

		if (!s->complete || (s->type != DMAR_TYPE_RMRR && s->type != DMAR_TYPE_ATSR &&
				     s->type != DMAR_TYPE_SATC && s->type != DMAR_TYPE_SIDP))
			continue;
		for (size_t j = 0; j < view->nstructures && !covered; j++)
			covered = view->structures[j].type == DMAR_TYPE_DRHD &&
				  view->structures[j].complete &&
				  view->structures[j].segment == s->segment;
		if (!covered)
			validator_finding(v, DMAR_CHECK(DMAR_SEGMENT_NO_DRHD), s->offset + 6,
					  "%s %u is for PCI segment %u, which no DRHD covers",
					  type_name(s->type), s->index, s->segment);
	}
}

/* VT-d 4.1 chapter 8: the table alone, then (dmar-validate-system.c) against the machine */
/* VT-d 4.1 §8.3, §8.4: the register bases and reserved ranges firmware fills in at boot. */
static int check_template(struct validator *v, const struct dmar_view *view)
{
	static const struct check_desc *const placeholders[] = {
		DMAR_CHECK(DMAR_DRHD_BASE_ZERO), DMAR_CHECK(DMAR_DRHD_DUPLICATE),
		DMAR_CHECK(DMAR_DRHD_OVERLAP), DMAR_CHECK(DMAR_RMRR_UNALIGNED),
		DMAR_CHECK(DMAR_RMRR_EMPTY), DMAR_CHECK(DMAR_RMRR_OVERLAP), NULL,
	};
	struct template_evidence e = { .unit_name = "DRHD", .placeholders = placeholders };

	for (size_t i = 0; i < view->nstructures; i++) {
		const struct dmar_structure *s = &view->structures[i];

		if (!s->complete)
			continue;
		if (s->type == DMAR_TYPE_DRHD) {
			e.units++;
			e.units_zero += !s->base;
		} else if (s->type == DMAR_TYPE_RMRR) {
			e.ranges_zero += !s->base && !s->end;
		}
	}
	return template_check(v, &e);
}

int dmar_validate(struct validator *v)
{
	struct dmar_view *view;
	size_t size;
	const uint8_t *data = iommu_table_get_data(v->table, &size);
	int r = dmar_view_new(v->root, data, size, &view);

	if (r < 0)
		return r;
	check_width(v, view);
	check_drhds(v, view);
	check_scopes(v, view);
	check_rmrrs(v, view);
	check_atsr_satc(v, view);
	check_rhsas(v, view);
	check_andds(v, view);
	check_segments(v, view);
	r = dmar_validate_system(v, view);
	if (r == 0)
		r = check_template(v, view);
	dmar_view_free(view);
	return r;
}
