// SPDX-License-Identifier: MIT
/*
 * DMAR checks against the rest of the machine: the MADT's I/O APICs and the
 * HPET tables (whenever the table set holds them), and with
 * IOMMU_VALIDATE_SYSTEM the sysroot's PCI functions and its firmware memory
 * map.  Linux acts on each of these: irq_remapping.c disables interrupt
 * remapping when an I/O APIC has no scope, dmar_insert_dev_scope warns on a
 * scope of the wrong kind, arch_rmrr_sanity_check on an RMRR outside
 * reserved memory.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "acpi/dmar.h"

#define MAX_IDS 256

/* ACPI 6.5 §5.2.12.3 I/O APIC Structure: the id of each, with its offset in the MADT. */
static size_t madt_ioapics(const struct iommu_table *madt, unsigned int *ids, uint64_t *offsets)
{
	size_t size, n = 0, at = 44;
	const uint8_t *p = iommu_table_get_data(madt, &size);

	while (at + 2 <= size && n < MAX_IDS) {
		unsigned int type = p[at], length = p[at + 1];

		if (length < 2 || length > size - at)
			break;
		if (type == 1 && length >= 12) {
			offsets[n] = at;
			ids[n++] = p[at + 2];
		}
		at += length;
	}
	return n;
}

static bool scope_in_drhd(const struct dmar_view *view, const struct dmar_scope *s,
			  unsigned int type)
{
	return s->type == type && s->complete &&
	       view->structures[s->structure].type == DMAR_TYPE_DRHD;
}

static bool has_scope(const struct dmar_view *view, unsigned int type, unsigned int id)
{
	for (size_t i = 0; i < view->nscopes; i++)
		if (scope_in_drhd(view, &view->scopes[i], type) && view->scopes[i].enumeration_id == id)
			return true;
	return false;
}

static bool in_list(const unsigned int *ids, size_t n, unsigned int id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

static void check_ioapics(struct validator *v, const struct dmar_view *view,
			  const struct iommu_tables *tables)
{
	const struct iommu_table *madt = iommu_tables_find(tables, "APIC");
	unsigned int ids[MAX_IDS];
	uint64_t offsets[MAX_IDS];
	size_t n;

	char known[4 * 16 + 8] = "none";
	size_t pos = 0;

	if (!madt)
		return;
	n = madt_ioapics(madt, ids, offsets);
	for (size_t k = 0; k < n && k < 16; k++)
		pos += (size_t)snprintf(known + pos, sizeof(known) - pos, "%s%u", k ? ", " : "", ids[k]);
	if (n > 16)
		snprintf(known + pos, sizeof(known) - pos, ", ...");
	for (size_t i = 0; i < view->nscopes; i++) {
		const struct dmar_scope *s = &view->scopes[i];

		if (scope_in_drhd(view, s, DMAR_SCOPE_IOAPIC) && !in_list(ids, n, s->enumeration_id))
			validator_finding(v, DMAR_CHECK(DMAR_IOAPIC_NOT_IN_MADT), s->offset,
					  "IOAPIC scope has enumeration id %u; the MADT's I/O APIC ids are: %s",
					  s->enumeration_id, known);
	}
	/* Linux looks for every I/O APIC's scope only when it enables interrupt remapping. */
	if (!(view->flags & DMAR_FLAG_INTR_REMAP))
		return;
	for (size_t k = 0; k < n; k++)
		if (!has_scope(view, DMAR_SCOPE_IOAPIC, ids[k]))
			validator_finding(v, DMAR_CHECK(DMAR_IOAPIC_MISSING_SCOPE), IOMMU_NO_OFFSET,
					  "the MADT's I/O APIC %u (MADT offset 0x%" PRIx64 ") has no IOAPIC scope in any DRHD",
					  ids[k], offsets[k]);
}

/* ACPI HPET table (IA-PC HPET 1.0a §3.2.4): the HPET Number at offset 52. */
static void check_hpets(struct validator *v, const struct dmar_view *view,
			const struct iommu_tables *tables)
{
	unsigned int ids[MAX_IDS];
	size_t n = 0;
	struct iommu_table *t;

	iommu_tables_foreach(tables, t) {
		size_t size;
		const uint8_t *p = iommu_table_get_data(t, &size);

		if (strcmp(iommu_table_get_signature(t), "HPET") == 0 && size > 52 && n < MAX_IDS)
			ids[n++] = p[52];
	}
	if (!n)
		return;
	for (size_t i = 0; i < view->nscopes; i++) {
		const struct dmar_scope *s = &view->scopes[i];

		if (scope_in_drhd(view, s, DMAR_SCOPE_HPET) && !in_list(ids, n, s->enumeration_id))
			validator_finding(v, DMAR_CHECK(DMAR_HPET_NOT_IN_HPET), s->offset,
					  "HPET scope has enumeration id %u; no HPET table has that number",
					  s->enumeration_id);
	}
	if (!(view->flags & DMAR_FLAG_INTR_REMAP))
		return;
	for (size_t k = 0; k < n; k++)
		if (!has_scope(view, DMAR_SCOPE_HPET, ids[k]))
			validator_finding(v, DMAR_CHECK(DMAR_HPET_MISSING_SCOPE), IOMMU_NO_OFFSET,
					  "HPET number %u has no HPET scope in any DRHD", ids[k]);
}

/* dmar_insert_dev_scope's rule: an endpoint has a type 0 header; a sub-hierarchy is a bridge. */
static bool type_matches(const struct dmar_scope *s, const struct pci_function *f)
{
	if (s->type == DMAR_SCOPE_ENDPOINT)
		return f->header_type == 0;
	return f->header_type != 0 || (f->class_code >> 16) == 0x06;
}

static void check_pci_scopes(struct validator *v, const struct dmar_view *view,
			     const struct pci_topology *topology)
{
	char path[DMAR_PATH_TEXT];

	for (size_t i = 0; i < view->nscopes; i++) {
		const struct dmar_scope *s = &view->scopes[i];
		const struct dmar_structure *owner = &view->structures[s->structure];
		const struct pci_function *f;
		size_t hop = 0;
		int r;

		if ((s->type != DMAR_SCOPE_ENDPOINT && s->type != DMAR_SCOPE_BRIDGE) ||
		    !s->complete || !s->nhops)
			continue;
		dmar_scope_path_text(s, path, sizeof(path));
		r = pci_topology_resolve_path(topology, owner->segment, (uint8_t)s->start_bus,
					      s->hops, s->nhops, &f, &hop);
		if (r == -ENODEV)
			validator_finding(v, DMAR_CHECK(DMAR_PCI_NOT_FOUND), s->offset,
					  "%s scope %04x:%s: hop %zu (%02x.%x) names no PCI function",
					  dmar_scope_type_name(s->type), owner->segment, path, hop,
					  s->hops[hop].dev, s->hops[hop].fn);
		else if (r == -ENOTDIR)
			validator_finding(v, DMAR_CHECK(DMAR_PCI_HOP_NOT_BRIDGE), s->offset,
					  "%s scope %04x:%s: hop %zu (%02x.%x) is not a bridge, yet the path goes on",
					  dmar_scope_type_name(s->type), owner->segment, path, hop,
					  s->hops[hop].dev, s->hops[hop].fn);
		else if (r == 0 && !type_matches(s, f))
			validator_finding(v, DMAR_CHECK(DMAR_PCI_TYPE_MISMATCH), s->offset,
					  "%s scope %04x:%s names %s, %s", dmar_scope_type_name(s->type),
					  owner->segment, path, f->name,
					  s->type == DMAR_SCOPE_ENDPOINT ? "a bridge" : "not a bridge");
	}
}

static void check_coverage(struct validator *v, const struct dmar_view *view,
			   const struct pci_topology *topology)
{
	const struct pci_function **resolved = calloc(view->nscopes + 1, sizeof(*resolved));
	size_t count = pci_topology_count(topology);
	char *list = NULL;
	size_t list_size = 0, uncovered = 0;
	FILE *out;
	bool any_drhd = false;

	for (size_t i = 0; i < view->nstructures; i++)
		any_drhd |= view->structures[i].type == DMAR_TYPE_DRHD && view->structures[i].complete;
	if (!resolved || !any_drhd) {
		free(resolved);
		return;
	}
	out = open_memstream(&list, &list_size);
	if (!out) {
		free(resolved);
		v->error = -ENOMEM;
		return;
	}
	dmar_resolve_scopes(view, topology, resolved);
	for (size_t i = 0; i < count; i++) {
		const struct pci_function *f = pci_topology_get(topology, i);
		enum iommu_dmar_match match;

		if (dmar_find_drhd(view, topology, resolved, f->segment, f->bus, f->dev, f->fn,
				   &match) >= 0)
			continue;
		if (uncovered < 8)
			fprintf(out, "%s%s", uncovered ? ", " : "", f->name);
		uncovered++;
	}
	if (uncovered > 8)
		fprintf(out, " and %zu more", uncovered - 8);
	fclose(out);
	if (uncovered)
		validator_finding(v, DMAR_CHECK(DMAR_PCI_UNCOVERED), IOMMU_NO_OFFSET,
				  "%zu PCI function(s) in the scope of no DRHD: %s", uncovered,
				  list ? list : "");
	free(list);
	free(resolved);
}

/* ---- the firmware memory map --------------------------------------------- */

enum mem_kind { MEM_OTHER, MEM_RESERVED, MEM_NVS };

struct mem_range {
	uint64_t start, end;	/* inclusive */
	enum mem_kind kind;
};

struct mem_map {
	struct mem_range *ranges;
	size_t count;
	const char *source;
};

static enum mem_kind mem_kind(const char *type)
{
	if (strcmp(type, "Reserved") == 0)
		return MEM_RESERVED;
	if (strcmp(type, "ACPI Non-volatile Storage") == 0)
		return MEM_NVS;
	return MEM_OTHER;
}

static int mem_add(struct mem_map *map, uint64_t start, uint64_t end, enum mem_kind kind)
{
	struct mem_range *bigger = reallocarray(map->ranges, map->count + 1, sizeof(*bigger));

	if (!bigger)
		return -ENOMEM;
	map->ranges = bigger;
	map->ranges[map->count++] = (struct mem_range){ start, end, kind };
	return 0;
}

/* /sys/firmware/memmap/N/{start,end,type}: the e820 map as the firmware gave it. */
static int load_memmap(struct iommu_ctx *ctx, struct mem_map *map)
{
	char **names;
	size_t n;
	int r = sysroot_list_dir(ctx, "/sys/firmware/memmap", &names, &n);

	if (r < 0)
		return r;
	for (size_t i = 0; i < n && r >= 0; i++) {
		char path[128], *start = NULL, *end = NULL, *type = NULL;

		snprintf(path, sizeof(path), "/sys/firmware/memmap/%s/start", names[i]);
		if (sysroot_read_line(ctx, path, &start) == 0) {
			snprintf(path, sizeof(path), "/sys/firmware/memmap/%s/end", names[i]);
			if (sysroot_read_line(ctx, path, &end) == 0) {
				snprintf(path, sizeof(path), "/sys/firmware/memmap/%s/type", names[i]);
				if (sysroot_read_line(ctx, path, &type) == 0)
					r = mem_add(map, strtoull(start, NULL, 16),
						    strtoull(end, NULL, 16), mem_kind(type));
			}
		}
		free(start);
		free(end);
		free(type);
	}
	strv_free(names, n);
	map->source = "/sys/firmware/memmap";
	return r < 0 ? r : (map->count ? 0 : -ENOENT);
}

/* /proc/iomem's top-level lines, when they carry addresses (root read them). */
static int load_iomem(struct iommu_ctx *ctx, struct mem_map *map)
{
	char *text, *line, *save = NULL;
	size_t size;
	bool nonzero = false;
	int r = sysroot_read_file(ctx, "/proc/iomem", 1 << 20, &text, &size);

	if (r < 0)
		return r;
	for (line = strtok_r(text, "\n", &save); line && r >= 0; line = strtok_r(NULL, "\n", &save)) {
		unsigned long long start, end;
		int name_at = 0;

		if (line[0] == ' ' || sscanf(line, "%llx-%llx : %n", &start, &end, &name_at) != 2 ||
		    !name_at)
			continue;
		nonzero |= start || end;
		r = mem_add(map, start, end, mem_kind(line + name_at));
	}
	free(text);
	map->source = "/proc/iomem";
	if (r < 0)
		return r;
	return nonzero ? 0 : -ENOENT;
}

/* Is [START, END] covered by ranges of KIND (adjacent ones joined), as e820__mapped_all asks? */
static bool covered(const struct mem_map *map, uint64_t start, uint64_t end, enum mem_kind kind)
{
	bool progress = true;

	while (progress) {
		progress = false;
		for (size_t i = 0; i < map->count; i++) {
			const struct mem_range *m = &map->ranges[i];

			if (m->kind != kind || m->start > start || m->end < start)
				continue;
			if (m->end >= end)
				return true;
			start = m->end + 1;
			progress = true;
		}
	}
	return false;
}

static void check_rmrr_memory(struct validator *v, const struct dmar_view *view)
{
	struct mem_map map = { 0 };
	int r = load_memmap(v->ctx, &map);

	if (r < 0) {
		free(map.ranges);
		map = (struct mem_map){ 0 };
		r = load_iomem(v->ctx, &map);
	}
	if (r == -ENOMEM)
		v->error = r;
	for (size_t i = 0; r == 0 && i < view->nstructures; i++) {
		const struct dmar_structure *s = &view->structures[i];

		if (s->type != DMAR_TYPE_RMRR || !s->complete || s->end <= s->base)
			continue;
		if (!covered(&map, s->base, s->end, MEM_RESERVED) &&
		    !covered(&map, s->base, s->end, MEM_NVS))
			validator_finding(v, DMAR_CHECK(DMAR_RMRR_NOT_RESERVED), s->offset + 8,
					  "RMRR %u [0x%llx-0x%llx] is not inside one reserved or ACPI NVS region of %s",
					  s->index, (unsigned long long)s->base, (unsigned long long)s->end,
					  map.source);
	}
	free(map.ranges);
}

/*
 * The MADT and HPET tables: those that came with the DMAR, else (checking
 * against the system) the sysroot's.  *RET_OWN is a set to unref, or NULL.
 */
static const struct iommu_tables *other_tables(struct validator *v, struct iommu_tables **ret_own)
{
	*ret_own = NULL;
	if (iommu_tables_find(v->tables, "APIC") || !(v->flags & IOMMU_VALIDATE_SYSTEM))
		return v->tables;
	if (iommu_tables_new(v->ctx, ret_own) < 0)
		return v->tables;
	if (iommu_tables_load_sysroot(*ret_own) < 0 && !iommu_tables_get_first(*ret_own)) {
		*ret_own = iommu_tables_unref(*ret_own);
		return v->tables;
	}
	return *ret_own;
}

int dmar_validate_system(struct validator *v, const struct dmar_view *view)
{
	struct pci_topology *topology;
	struct iommu_tables *own;
	const struct iommu_tables *tables = other_tables(v, &own);

	check_ioapics(v, view, tables);
	check_hpets(v, view, tables);
	iommu_tables_unref(own);
	if (!(v->flags & IOMMU_VALIDATE_SYSTEM))
		return v->error;
	if (pci_topology_load(v->ctx, &topology) == 0) {
		check_pci_scopes(v, view, topology);
		check_coverage(v, view, topology);
		pci_topology_free(topology);
	}
	check_rmrr_memory(v, view);
	return v->error;
}
