// SPDX-License-Identifier: MIT
/*
 * The DMAR decoder and validator on malformed input: ACPICA's DMAR template
 * (every structure type with a scope) cut at every byte, each structure's and
 * each scope's length set to 0, to less than its header and to its maximum,
 * and each structure's type set to reserved values.  Each variant must
 * decode and validate in bounded time without reading out of bounds (the
 * sanitizer build checks that), and must give the finding its damage
 * deserves; the walk must go on past an unknown type, as Linux's does.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "libiommu.h"
#include "unit.h"

/* ACPICA's DMAR template (iasl -T DMAR, 20260408): the offsets its .dsl shows. */
static const uint8_t template_dmar[] = {
	0x44, 0x4d, 0x41, 0x52, 0xac, 0x00, 0x00, 0x00, 0x01, 0x9f, 0x49, 0x4e, 0x54, 0x45, 0x4c, 0x20,
	0x54, 0x45, 0x4d, 0x50, 0x4c, 0x41, 0x54, 0x45, 0x01, 0x00, 0x00, 0x00, 0x49, 0x4e, 0x54, 0x4c,
	0x08, 0x04, 0x26, 0x20, 0x2f, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x18, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x03, 0x08, 0x00, 0x00, 0x08, 0x00, 0x00, 0x01, 0x01, 0x00, 0x20, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x0f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x02, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x03, 0x00, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x00, 0x10, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x06, 0x00, 0x10, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02,
};

/* Structures (offset) and their scopes (offset), as the template's .dsl lists them. */
static const unsigned int structures[] = { 0x30, 0x48, 0x68, 0x78, 0x8c, 0x9c };
static const unsigned int scopes[] = { 0x40, 0x60, 0x70, 0x94, 0xa4 };
static const char *const kinds[] = { "drhd", "rmrr", "atsr", "rhsa", "satc", "sidp" };

static struct iommu_ctx *ctx;

static void fix_checksum(uint8_t *t, size_t size)
{
	uint8_t sum = 0;

	t[9] = 0;
	for (size_t i = 0; i < size; i++)
		sum = (uint8_t)(sum + t[i]);
	t[9] = (uint8_t)-sum;
}

/* Decode and validate BYTES; the ids found as one string "id id ...", children counted. */
static int run(const uint8_t *bytes, size_t size, char *ids, size_t ids_size, size_t *ret_children)
{
	struct iommu_tables *tables;
	struct iommu_findings *findings;
	const struct iommu_finding *f;
	struct iommu_dnode *root, *c;
	size_t pos = 0, children = 0;
	int r;

	ids[0] = 0;
	if (iommu_tables_new(ctx, &tables) < 0)
		return -ENOMEM;
	iommu_tables_load_data(tables, "test", bytes, size);
	if (!iommu_tables_get_first(tables)) {
		iommu_tables_unref(tables);
		return -EBADMSG;
	}
	r = iommu_table_decode(iommu_tables_get_first(tables), &root);
	if (r == 0) {
		iommu_dnode_foreach_child(root, c)
			children++;
		iommu_dnode_unref(root);
		r = iommu_table_validate(iommu_tables_get_first(tables), tables, 0, &findings);
	}
	if (r == 0) {
		iommu_findings_foreach(findings, f)
			pos += (size_t)snprintf(ids + pos, pos < ids_size ? ids_size - pos : 0, "%s ",
						iommu_finding_get_id(f));
		iommu_findings_unref(findings);
	}
	if (ret_children)
		*ret_children = children;
	iommu_tables_unref(tables);
	return r;
}

static bool has(const char *ids, const char *id)
{
	char word[128];

	snprintf(word, sizeof(word), "%s ", id);
	return strstr(ids, word) != NULL;
}

static void test_template(void)
{
	char ids[4096];
	size_t children;

	CHECK_EQ(run(template_dmar, sizeof(template_dmar), ids, sizeof(ids), &children), 0);
	CHECK_EQ(children, 6);
	/*
	 * The template's DRHD has register base 0 and its RHSA names it; with its
	 * OEM Table ID "TEMPLATE" that makes it an unpatched template, said once.
	 */
	CHECK_STR(ids, "acpi.unpatched_template ");
}

/*
 * The template rule takes two signs: the same table with another OEM Table ID
 * keeps only its DRHD at 0, which is a firmware bug on a real machine; with a
 * 0x00 checksum besides, it is a template again and the checksum finding
 * goes with its placeholders.
 */
static void test_template_signs(void)
{
	uint8_t t[sizeof(template_dmar)];
	char ids[4096];
	size_t children;

	memcpy(t, template_dmar, sizeof(t));
	memcpy(t + 16, "ALDERLAK", 8);
	fix_checksum(t, sizeof(t));
	CHECK_EQ(run(t, sizeof(t), ids, sizeof(ids), &children), 0);
	CHECK_STR(ids, "dmar.drhd.base_zero ");
	t[9] = 0;
	CHECK_EQ(run(t, sizeof(t), ids, sizeof(ids), &children), 0);
	CHECK_STR(ids, "acpi.unpatched_template ");
	/* the OEM Table ID alone is no template: with a real DRHD base, the RHSA's 0 is reported */
	memcpy(t + 16, "TEMPLATE", 8);
	t[0x30 + 8] = 0x00, t[0x30 + 9] = 0x10, t[0x30 + 10] = 0xd9, t[0x30 + 11] = 0xfe;
	fix_checksum(t, sizeof(t));
	CHECK_EQ(run(t, sizeof(t), ids, sizeof(ids), &children), 0);
	CHECK_STR(ids, "dmar.rhsa.no_drhd dmar.rhsa.incomplete ");
}

/* Every cut: the data ending early (header Length intact), and a table claiming the cut length. */
static void test_cuts(void)
{
	uint8_t t[sizeof(template_dmar)];
	char ids[4096];
	unsigned int failures = 0, unexplained = 0;

	for (size_t cut = 36; cut < sizeof(template_dmar); cut++) {
		bool boundary = cut == 48;

		if (run(template_dmar, cut, ids, sizeof(ids), NULL) != 0 ||
		    !has(ids, "acpi.table.truncated"))
			failures++;
		memcpy(t, template_dmar, cut);
		t[4] = (uint8_t)cut;
		fix_checksum(t, cut);
		for (size_t i = 0; i < sizeof(structures) / sizeof(structures[0]); i++)
			boundary |= cut == structures[i];
		if (run(t, cut, ids, sizeof(ids), NULL) != 0)
			failures++;
		/* Cut inside the DMAR header, a structure or a scope: a finding says so. */
		else if (!boundary && !has(ids, "dmar.table.too_short") &&
			 !has(ids, "dmar.structure.trailing") && !has(ids, "dmar.structure.overrun") &&
			 !has(ids, "dmar.scope.overrun") && !has(ids, "dmar.scope.bad_length"))
			unexplained++, fprintf(stderr, "cut at %zu: %s\n", cut, ids);
	}
	CHECK_EQ(failures, 0);
	CHECK_EQ(unexplained, 0);
}

static void test_structure_lengths(void)
{
	static const unsigned int lengths[] = { 0, 1, 3, 4, 5, 0xff, 0xffff };
	uint8_t t[sizeof(template_dmar)];
	char ids[4096];
	size_t children;

	for (size_t s = 0; s < sizeof(structures) / sizeof(structures[0]); s++)
		for (size_t l = 0; l < sizeof(lengths) / sizeof(lengths[0]); l++) {
			unsigned int at = structures[s], len = lengths[l];

			memcpy(t, template_dmar, sizeof(t));
			t[at + 2] = (uint8_t)len;
			t[at + 3] = (uint8_t)(len >> 8);
			fix_checksum(t, sizeof(t));
			CHECK_EQ(run(t, sizeof(t), ids, sizeof(ids), &children), 0);
			if (len < 4) {
				/* The walk stops there: that structure's header is the last child. */
				CHECK(has(ids, "dmar.structure.zero_length"));
				CHECK_EQ(children, s + 1);
			} else if (len == 0xffff || at + len > sizeof(t)) {
				CHECK(has(ids, "dmar.structure.overrun"));
			} else {
				/* Shorter than its fields, or the next structure read from the middle of this one. */
				CHECK(has(ids, "dmar.structure.too_short") || has(ids, "dmar.structure.unknown_type") ||
				      has(ids, "dmar.structure.trailing") || has(ids, "dmar.structure.zero_length") ||
				      has(ids, "dmar.structure.overrun"));
			}
		}
}

static void test_scope_lengths(void)
{
	static const unsigned int lengths[] = { 0, 1, 5, 6, 7, 9, 0xff };
	uint8_t t[sizeof(template_dmar)];
	char ids[4096];

	for (size_t s = 0; s < sizeof(scopes) / sizeof(scopes[0]); s++)
		for (size_t l = 0; l < sizeof(lengths) / sizeof(lengths[0]); l++) {
			unsigned int len = lengths[l];
			const char *want = len == 0 ? "dmar.scope.zero_length" :
					   len == 6 ? "dmar.scope.path_empty" :
					   len > 8 ? "dmar.scope.overrun" : "dmar.scope.bad_length";

			memcpy(t, template_dmar, sizeof(t));
			t[scopes[s] + 1] = (uint8_t)len;
			fix_checksum(t, sizeof(t));
			CHECK_EQ(run(t, sizeof(t), ids, sizeof(ids), NULL), 0);
			if (!has(ids, want))
				fprintf(stderr, "scope at 0x%x length %u: want %s, got %s\n", scopes[s], len,
					want, ids);
			CHECK(has(ids, want));
		}
}

/* A reserved type is skipped by its length; every structure after it is still decoded. */
static void test_unknown_types(void)
{
	static const unsigned int types[] = { 7, 8, 0x80, 0xffff };
	uint8_t t[sizeof(template_dmar)];
	char ids[4096];
	size_t children;

	for (size_t s = 0; s < sizeof(structures) / sizeof(structures[0]); s++)
		for (size_t k = 0; k < sizeof(types) / sizeof(types[0]); k++) {
			memcpy(t, template_dmar, sizeof(t));
			t[structures[s]] = (uint8_t)types[k];
			t[structures[s] + 1] = (uint8_t)(types[k] >> 8);
			fix_checksum(t, sizeof(t));
			CHECK_EQ(run(t, sizeof(t), ids, sizeof(ids), &children), 0);
			CHECK(has(ids, "dmar.structure.unknown_type"));
			CHECK_EQ(children, 6);
		}
}

/* The tree: kinds in order, the template's scope path and the RMRR's derived size. */
static void test_tree(void)
{
	struct iommu_tables *tables;
	struct iommu_dnode *root, *c, *scope;
	const struct iommu_dfield *f;
	size_t i = 0;

	CHECK(iommu_tables_new(ctx, &tables) == 0);
	iommu_tables_load_data(tables, "template", template_dmar, sizeof(template_dmar));
	CHECK(iommu_table_decode(iommu_tables_get_first(tables), &root) == 0);
	CHECK_STR(iommu_dnode_get_kind(root), "dmar");
	CHECK_EQ(iommu_dfield_get_u64(iommu_dnode_find_field(root, "host_address_width")), 0x2f);
	CHECK_EQ(iommu_dfield_get_u64(iommu_dnode_find_field(root, "address_width_bits")), 48);
	CHECK_EQ(iommu_dfield_get_u64(iommu_dnode_find_field(root, "intr_remap")), 1);
	CHECK(iommu_dnode_find_field(root, "reserved") == NULL);
	iommu_dnode_foreach_child(root, c) {
		CHECK_STR(iommu_dnode_get_kind(c), i < 6 ? kinds[i] : "?");
		i++;
	}
	c = iommu_dnode_get_first_child(root);
	CHECK_EQ(iommu_dfield_get_u64(iommu_dnode_find_field(c, "include_pci_all")), 1);
	scope = iommu_dnode_get_first_child(c);
	CHECK_STR(iommu_dnode_get_kind(scope), "device_scope");
	CHECK_EQ(iommu_dfield_get_u64(iommu_dnode_find_field(scope, "type")), 3);
	CHECK_EQ(iommu_dfield_get_u64(iommu_dnode_find_field(scope, "enumeration_id")), 8);
	CHECK_EQ(iommu_dfield_get_u64(iommu_dnode_find_field(iommu_dnode_get_first_child(scope), "function")), 1);
	CHECK_STR(iommu_dfield_get_string(iommu_dnode_find_field(scope, "path")), "00:00.1");
	c = iommu_dnode_get_next(c);
	f = iommu_dnode_find_field(c, "size");
	CHECK_EQ(f ? iommu_dfield_get_u64(f) : 0, 0x1000);
	CHECK_STR(f ? iommu_dfield_get_meaning(f) : NULL, "4 KiB");
	iommu_dnode_unref(root);
	iommu_tables_unref(tables);
}

int main(void)
{
	if (iommu_ctx_new(&ctx) < 0)
		return 1;
	test_template();
	test_template_signs();
	test_tree();
	test_cuts();
	test_structure_lengths();
	test_scope_lengths();
	test_unknown_types();
	iommu_ctx_unref(ctx);
	return unit_report("dmar");
}
