// SPDX-License-Identifier: MIT
/* Shared parts of the libFuzzer harnesses: the context and the walks over results. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"

/* Results are folded into this so the reads cannot be optimised away. */
static volatile uint8_t sink;

struct iommu_ctx *fuzz_ctx(void)
{
	static struct iommu_ctx *ctx;
	static char root[] = "/tmp/iommutool-fuzz-root.XXXXXX";
	char sys[sizeof(root) + 4];

	if (ctx)
		return ctx;
	/* A sysroot holds sys/ or proc/ (iommu_ctx_set_sysroot refuses anything else). */
	if (!mkdtemp(root) || snprintf(sys, sizeof(sys), "%s/sys", root) < 0 ||
	    mkdir(sys, 0700) < 0 || iommu_ctx_new(&ctx) < 0 || iommu_ctx_set_sysroot(ctx, root) < 0) {
		fprintf(stderr, "fuzz: cannot set up a context over an empty sysroot (%s)\n", root);
		abort();
	}
	return ctx;
}

int fuzz_file(const void *data, size_t size, char path[32])
{
	int fd = memfd_create("fuzz-input", MFD_CLOEXEC);

	if (fd < 0 || (size && write(fd, data, size) != (ssize_t)size)) {
		fprintf(stderr, "fuzz: cannot make an in-memory file\n");
		abort();
	}
	snprintf(path, 32, "/proc/self/fd/%d", fd);
	return fd;
}

void fuzz_fold(uint64_t value)
{
	sink ^= (uint8_t)(value ^ value >> 8 ^ value >> 16 ^ value >> 24 ^ value >> 32);
}

void fuzz_touch_bytes(const void *p, size_t size)
{
	const uint8_t *b = p;
	uint8_t x = 0;

	for (size_t i = 0; i < size; i++)
		x ^= b[i];
	sink ^= x;
}

void fuzz_touch_string(const char *s)
{
	if (s)
		fuzz_touch_bytes(s, strlen(s) + 1);
}

void fuzz_walk_findings(const struct iommu_findings *findings)
{
	const struct iommu_finding *f;

	iommu_findings_foreach(findings, f) {
		fuzz_touch_string(iommu_finding_get_id(f));
		fuzz_touch_string(iommu_severity_name(iommu_finding_get_severity(f)));
		fuzz_touch_string(iommu_finding_get_table(f));
		fuzz_touch_string(iommu_finding_get_message(f));
		fuzz_touch_string(iommu_finding_get_reference(f));
		sink ^= (uint8_t)iommu_finding_get_offset(f);
	}
	sink ^= (uint8_t)iommu_findings_count(findings);
	sink ^= (uint8_t)iommu_findings_get_max_severity(findings);
}

void fuzz_walk_dnode(const struct iommu_dnode *node)
{
	const struct iommu_dnode *child;
	const struct iommu_dfield *f;

	if (!node)
		return;
	fuzz_touch_string(iommu_dnode_get_kind(node));
	fuzz_touch_string(iommu_dnode_get_title(node));
	sink ^= (uint8_t)(iommu_dnode_get_offset(node) ^ iommu_dnode_get_length(node));
	iommu_dnode_foreach_field(node, f) {
		const uint8_t *bytes;
		size_t size = 0;

		fuzz_touch_string(iommu_dfield_get_key(f));
		fuzz_touch_string(iommu_dfield_get_label(f));
		fuzz_touch_string(iommu_dfield_get_meaning(f));
		sink ^= (uint8_t)(iommu_dfield_get_u64(f) ^ iommu_dfield_get_offset(f) ^
				  iommu_dfield_get_size(f) ^ iommu_dfield_get_bit_shift(f) ^
				  iommu_dfield_get_bit_width(f) ^ iommu_dfield_is_summary(f));
		switch (iommu_dfield_get_kind(f)) {
		case IOMMU_DFIELD_STRING:
			fuzz_touch_string(iommu_dfield_get_string(f));
			break;
		case IOMMU_DFIELD_BYTES:
			bytes = iommu_dfield_get_bytes(f, &size);
			fuzz_touch_bytes(bytes, size);
			break;
		default:
			break;
		}
	}
	iommu_dnode_foreach_child(node, child)
		fuzz_walk_dnode(child);
}

uint64_t fuzz_le(const uint8_t *p, unsigned int n)
{
	uint64_t v = 0;

	for (unsigned int i = n; i-- > 0;)
		v = v << 8 | p[i];
	return v;
}

int fuzz_on_mapping(const struct iommu_mapping *m, void *budget)
{
	unsigned int levels = 0, *left = budget;
	const uint64_t *path = iommu_mapping_get_path(m, &levels);

	fuzz_touch_bytes(path, levels * sizeof(*path));
	fuzz_fold(iommu_mapping_get_kind(m) ^ iommu_mapping_get_iova(m) ^ iommu_mapping_get_size(m) ^
		  iommu_mapping_get_phys(m) ^ iommu_mapping_get_page_size(m) ^
		  iommu_mapping_get_leaves(m) ^ iommu_mapping_get_perm(m) ^
		  iommu_mapping_get_missing(m) ^ iommu_mapping_get_entry(m));
	if (iommu_mapping_get_size(m) == 0)
		abort();	/* every run covers some IOVAs */
	return *left == 0 || --*left == 0;
}

void fuzz_walk_xlate(const struct iommu_xlate *x)
{
	unsigned int words = 0;
	const uint64_t *record = iommu_xlate_get_fault_record(x, &words);

	fuzz_touch_bytes(record, words * sizeof(*record));
	fuzz_touch_string(iommu_xlate_status_name(iommu_xlate_get_status(x)));
	fuzz_touch_string(iommu_xlate_get_mode(x));
	fuzz_touch_string(iommu_xlate_get_detail(x));
	fuzz_touch_string(iommu_xlate_get_note(x));
	fuzz_fold(iommu_xlate_get_phys(x) ^ iommu_xlate_get_page_size(x) ^ iommu_xlate_get_perm(x) ^
		  (uint64_t)iommu_xlate_get_domain_id(x) ^ iommu_xlate_get_pasid(x) ^
		  iommu_xlate_get_fault_reason(x) ^ iommu_xlate_is_suppressed(x) ^
		  iommu_xlate_get_missing(x) ^ iommu_xlate_get_contiguous(x));
	for (size_t i = 0; i < iommu_xlate_get_step_count(x); i++) {
		const uint64_t *entry = iommu_xlate_get_step_entry(x, i, &words);

		fuzz_touch_bytes(entry, words * sizeof(*entry));
		fuzz_touch_string(iommu_step_kind_name(iommu_xlate_get_step_kind(x, i)));
		fuzz_fold(iommu_xlate_get_step_level(x, i) ^ iommu_xlate_get_step_table(x, i) ^
			  iommu_xlate_get_step_index(x, i) ^ iommu_xlate_step_is_nested(x, i));
	}
}

void fuzz_decode_validate(struct iommu_table *table, const struct iommu_tables *tables)
{
	static const unsigned int flags[] = { 0, IOMMU_VALIDATE_SYSTEM };
	struct iommu_findings *findings;
	struct iommu_dnode *root;

	if (iommu_table_decode(table, &root) == 0) {
		fuzz_walk_dnode(root);
		fuzz_walk_findings(iommu_dnode_get_findings(root));
		iommu_dnode_unref(root);
	}
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (iommu_table_validate(table, tables, flags[i], &findings) == 0) {
			fuzz_walk_findings(findings);
			iommu_findings_unref(findings);
		}
}

void fuzz_walk_tables(const struct iommu_tables *tables)
{
	const struct iommu_problem *p;
	struct iommu_table *t;

	iommu_tables_foreach(tables, t) {
		const uint8_t *data;
		size_t size;

		fuzz_touch_string(iommu_table_get_source(t));
		fuzz_touch_string(iommu_table_get_name(t));
		fuzz_touch_string(iommu_table_get_signature(t));
		fuzz_touch_string(iommu_table_get_oem_id(t));
		fuzz_touch_string(iommu_table_get_oem_table_id(t));
		fuzz_touch_string(iommu_table_get_creator_id(t));
		data = iommu_table_get_data(t, &size);
		fuzz_touch_bytes(data, size);
		if (!iommu_table_is_truncated(t) && size != iommu_table_get_length(t))
			abort();
		sink ^= (uint8_t)(iommu_table_get_source_offset(t) ^ iommu_table_source_is_text(t) ^
				  iommu_table_get_revision(t) ^ iommu_table_get_checksum(t) ^
				  iommu_table_get_checksum_state(t) ^
				  iommu_table_get_expected_checksum(t) ^
				  iommu_table_get_oem_revision(t) ^
				  iommu_table_get_creator_revision(t) ^ iommu_table_is_iommu(t));
		fuzz_decode_validate(t, tables);
	}
	iommu_tables_foreach_problem(tables, p) {
		fuzz_touch_string(iommu_problem_get_source(p));
		fuzz_touch_string(iommu_problem_get_message(p));
		sink ^= (uint8_t)(iommu_problem_get_offset(p) ^ iommu_problem_offset_is_line(p));
		if (iommu_problem_get_error(p) >= 0)
			abort();
	}
}
