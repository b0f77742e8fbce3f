// SPDX-License-Identifier: MIT
/* ACPI 6.5 §5.2.6 System Description Table Header: one table and the set of them. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

struct iommu_table {
	struct iommu_table *next;
	char *source;
	uint64_t source_offset;
	bool source_is_text;
	bool truncated;
	char name[16];
	char signature[5];
	char oem_id[7];
	char oem_table_id[9];
	char creator_id[5];
	uint32_t length;
	uint8_t *data;
	size_t size;
};

struct iommu_problem {
	struct iommu_problem *next;
	char *source;
	char *message;
	uint64_t offset;
	bool offset_is_line;
	int error;
};

struct iommu_tables {
	int refcount;
	struct iommu_ctx *ctx;
	struct iommu_table *head, **tail;
	struct iommu_problem *problems, **problems_tail;
};

static const char *const iommu_signatures[] = { "DMAR", "IVRS", "IORT", "VIOT" };

IOMMU_EXPORT int iommu_tables_new(struct iommu_ctx *ctx, struct iommu_tables **ret_tables)
{
	struct iommu_tables *set = calloc(1, sizeof(*set));

	if (!set)
		return -ENOMEM;
	set->refcount = 1;
	set->ctx = iommu_ctx_ref(ctx);
	set->tail = &set->head;
	set->problems_tail = &set->problems;
	*ret_tables = set;
	return 0;
}

IOMMU_EXPORT struct iommu_tables *iommu_tables_ref(struct iommu_tables *tables)
{
	if (tables)
		tables->refcount++;
	return tables;
}

IOMMU_EXPORT struct iommu_tables *iommu_tables_unref(struct iommu_tables *tables)
{
	struct iommu_table *t, *tnext;
	struct iommu_problem *p, *pnext;

	if (!tables || --tables->refcount > 0)
		return NULL;
	for (t = tables->head; t; t = tnext) {
		tnext = t->next;
		free(t->source);
		free(t->data);
		free(t);
	}
	for (p = tables->problems; p; p = pnext) {
		pnext = p->next;
		free(p->source);
		free(p->message);
		free(p);
	}
	iommu_ctx_unref(tables->ctx);
	free(tables);
	return NULL;
}

struct iommu_ctx *tables_get_ctx(const struct iommu_tables *tables)
{
	return tables->ctx;
}

static bool signature_char(uint8_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
	       (c >= 'a' && c <= 'z');
}

const char *acpi_header_problem(const uint8_t *data, size_t size)
{
	if (size < 8)
		return "too short for an ACPI table header";
	for (int i = 0; i < 4; i++)
		if (!signature_char(data[i]))
			return "no ACPI table signature";
	/* FACS (ACPI 6.5 §5.2.10) has only signature and length in common. */
	if (memcmp(data, "FACS", 4) != 0 && size < ACPI_HEADER_SIZE)
		return "too short for an ACPI table header";
	if (get_le32(data + 4) < (memcmp(data, "FACS", 4) ? ACPI_HEADER_SIZE : 8))
		return "header Length is smaller than the header itself";
	return NULL;
}

/*
 * ACPI 6.5 §5.2.6 Tables 5.5 and 5.6: the signatures the specification defines and
 * reserves (with the OEMx tables), and the ones Linux's actbl headers add.
 */
static const char *const known_signatures[] = {
	"AEST", "AGDI", "APIC", "APMT", "ASF!", "BDAT", "BERT", "BGRT", "BOOT", "CCEL",
	"CDAT", "CEDT", "CPEP", "CRAT", "CSRT", "DBG2", "DBGP", "DMAR", "DRTM", "DSDT",
	"DTPR", "ECDT", "EINJ", "ERST", "ETDT", "FACP", "FACS", "FPDT", "GTDT", "HEST",
	"HMAT", "HPET", "IBFT", "IERS", "IORT", "IVRS", "KEYP", "LPIT", "MCFG", "MCHI",
	"MHSP", "MISC", "MPAM", "MPST", "MSCT", "MSDM", "NBFT", "NFIT", "NHLT", "PCCT",
	"PDTT", "PHAT", "PMTT", "PPTT", "PRMT", "PSDT", "RAS2", "RASF", "RGRT", "RHCT",
	"RIMT", "RSDT", "S3PT", "SBST", "SDEI", "SDEV", "SLIC", "SLIT", "SPCR", "SPMI",
	"SRAT", "SSDT", "STAO", "SVKL", "SWFT", "TCPA", "TDEL", "TPM2", "UEFI", "VIOT",
	"WAET", "WDAT", "WDDT", "WDRT", "WPBT", "WSMT", "XENV", "XSDT",
};

static bool signature_is_known(const uint8_t *sig)
{
	if (memcmp(sig, "OEM", 3) == 0)
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(known_signatures); i++)
		if (memcmp(sig, known_signatures[i], 4) == 0)
			return true;
	return false;
}

const char *acpi_file_problem(const uint8_t *data, size_t size)
{
	const char *why = acpi_header_problem(data, size);
	uint32_t length;
	uint8_t sum = 0;

	if (why || signature_is_known(data))
		return why;
	length = get_le32(data + 4);
	if (length > size)
		return "not an ACPI table: no known table signature, and its Length is larger than "
		       "the file";
	for (size_t i = 0; i < length; i++)
		sum = (uint8_t)(sum + data[i]);
	if (sum)
		return "not an ACPI table: no known table signature, and its checksum is wrong";
	return NULL;
}

/* Printable copy of a fixed-size id; other bytes become '?'. */
static void copy_id(char *dst, const uint8_t *src, size_t size)
{
	size_t i;

	for (i = 0; i < size; i++)
		dst[i] = src[i] >= 0x20 && src[i] < 0x7f ? (char)src[i] : src[i] ? '?' : ' ';
	while (i > 0 && dst[i - 1] == ' ')
		i--;
	dst[i] = 0;
}

static bool is_facs(const struct iommu_table *t)
{
	return strcmp(t->signature, "FACS") == 0;
}

int tables_add(struct iommu_tables *set, const char *source, uint64_t source_offset,
	       bool source_is_text, const char *name, const uint8_t *data, size_t size)
{
	struct iommu_table *t = calloc(1, sizeof(*t));

	if (!t)
		return -ENOMEM;
	t->length = get_le32(data + 4);
	t->truncated = size < t->length;
	t->size = t->truncated ? size : t->length;
	t->data = malloc(t->size);
	t->source = strdup(source);
	if (!t->data || !t->source) {
		free(t->data);
		free(t->source);
		free(t);
		return -ENOMEM;
	}
	memcpy(t->data, data, t->size);
	copy_id(t->signature, data, 4);
	snprintf(t->name, sizeof(t->name), "%s", name ? name : t->signature);
	if (!is_facs(t)) {
		copy_id(t->oem_id, data + 10, 6);
		copy_id(t->oem_table_id, data + 16, 8);
		copy_id(t->creator_id, data + 28, 4);
	}
	t->source_offset = source_offset;
	t->source_is_text = source_is_text;
	*set->tail = t;
	set->tail = &t->next;
	return 0;
}

int tables_add_problem(struct iommu_tables *set, const char *source, uint64_t offset,
		       bool offset_is_line, int error, const char *format, ...)
{
	struct iommu_problem *p = calloc(1, sizeof(*p));
	va_list args;
	int n;

	if (!p)
		return -ENOMEM;
	va_start(args, format);
	n = vasprintf(&p->message, format, args);
	va_end(args);
	p->source = strdup(source);
	if (n < 0 || !p->source) {
		if (n >= 0)
			free(p->message);
		free(p->source);
		free(p);
		return -ENOMEM;
	}
	p->offset = offset;
	p->offset_is_line = offset_is_line;
	p->error = error;
	*set->problems_tail = p;
	set->problems_tail = &p->next;
	dbg(set->ctx, "%s: %s\n", source, p->message);
	return 0;
}

IOMMU_EXPORT struct iommu_table *iommu_tables_get_first(const struct iommu_tables *tables)
{
	return tables->head;
}

IOMMU_EXPORT struct iommu_table *iommu_table_get_next(const struct iommu_table *table)
{
	return table->next;
}

IOMMU_EXPORT struct iommu_table *iommu_tables_find(const struct iommu_tables *tables,
						   const char *signature)
{
	for (struct iommu_table *t = tables->head; t; t = t->next)
		if (strcmp(t->signature, signature) == 0)
			return t;
	return NULL;
}

IOMMU_EXPORT struct iommu_problem *iommu_tables_get_first_problem(const struct iommu_tables *tables)
{
	return tables->problems;
}

IOMMU_EXPORT struct iommu_problem *iommu_problem_get_next(const struct iommu_problem *problem)
{
	return problem->next;
}

IOMMU_EXPORT const char *iommu_table_get_source(const struct iommu_table *table)
{
	return table->source;
}

IOMMU_EXPORT uint64_t iommu_table_get_source_offset(const struct iommu_table *table)
{
	return table->source_offset;
}

IOMMU_EXPORT bool iommu_table_source_is_text(const struct iommu_table *table)
{
	return table->source_is_text;
}

IOMMU_EXPORT const char *iommu_table_get_name(const struct iommu_table *table)
{
	return table->name;
}

IOMMU_EXPORT const char *iommu_table_get_signature(const struct iommu_table *table)
{
	return table->signature;
}

IOMMU_EXPORT uint32_t iommu_table_get_length(const struct iommu_table *table)
{
	return table->length;
}

IOMMU_EXPORT const uint8_t *iommu_table_get_data(const struct iommu_table *table,
						 size_t *ret_size)
{
	if (ret_size)
		*ret_size = table->size;
	return table->data;
}

IOMMU_EXPORT bool iommu_table_is_truncated(const struct iommu_table *table)
{
	return table->truncated;
}

IOMMU_EXPORT uint8_t iommu_table_get_revision(const struct iommu_table *table)
{
	return is_facs(table) || table->size < 9 ? 0 : table->data[8];
}

IOMMU_EXPORT uint8_t iommu_table_get_checksum(const struct iommu_table *table)
{
	return is_facs(table) || table->size < 10 ? 0 : table->data[9];
}

IOMMU_EXPORT uint8_t iommu_table_get_expected_checksum(const struct iommu_table *table)
{
	uint8_t sum = 0;

	for (size_t i = 0; i < table->size; i++)
		if (i != 9)
			sum = (uint8_t)(sum + table->data[i]);
	return (uint8_t)-sum;
}

IOMMU_EXPORT enum iommu_checksum iommu_table_get_checksum_state(const struct iommu_table *table)
{
	if (is_facs(table))
		return IOMMU_CHECKSUM_NONE;
	if (table->truncated)
		return IOMMU_CHECKSUM_UNKNOWN;
	return iommu_table_get_expected_checksum(table) == table->data[9] ? IOMMU_CHECKSUM_OK
									  : IOMMU_CHECKSUM_BAD;
}

IOMMU_EXPORT const char *iommu_table_get_oem_id(const struct iommu_table *table)
{
	return table->oem_id;
}

IOMMU_EXPORT const char *iommu_table_get_oem_table_id(const struct iommu_table *table)
{
	return table->oem_table_id;
}

IOMMU_EXPORT uint32_t iommu_table_get_oem_revision(const struct iommu_table *table)
{
	return is_facs(table) ? 0 : get_le32(table->data + 24);
}

IOMMU_EXPORT const char *iommu_table_get_creator_id(const struct iommu_table *table)
{
	return table->creator_id;
}

IOMMU_EXPORT uint32_t iommu_table_get_creator_revision(const struct iommu_table *table)
{
	return is_facs(table) ? 0 : get_le32(table->data + 32);
}

IOMMU_EXPORT bool iommu_signature_is_iommu(const char *signature)
{
	for (size_t i = 0; i < ARRAY_SIZE(iommu_signatures); i++)
		if (strcmp(signature, iommu_signatures[i]) == 0)
			return true;
	return false;
}

IOMMU_EXPORT bool iommu_table_is_iommu(const struct iommu_table *table)
{
	return iommu_signature_is_iommu(table->signature);
}

IOMMU_EXPORT const char *iommu_problem_get_source(const struct iommu_problem *problem)
{
	return problem->source;
}

IOMMU_EXPORT uint64_t iommu_problem_get_offset(const struct iommu_problem *problem)
{
	return problem->offset;
}

IOMMU_EXPORT bool iommu_problem_offset_is_line(const struct iommu_problem *problem)
{
	return problem->offset_is_line;
}

IOMMU_EXPORT int iommu_problem_get_error(const struct iommu_problem *problem)
{
	return problem->error;
}

IOMMU_EXPORT const char *iommu_problem_get_message(const struct iommu_problem *problem)
{
	return problem->message;
}
