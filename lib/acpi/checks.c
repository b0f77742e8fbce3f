// SPDX-License-Identifier: MIT
/* The catalogue of checks: every id a finding can carry, with its meaning. */
#include "acpi/template.h"

const struct check_desc check_table_truncated = {
	"acpi.table.truncated", IOMMU_SEVERITY_ERROR, "ACPI 6.5 §5.2.6",
	"the header's Length is larger than the bytes present"
};
const struct check_desc check_table_checksum = {
	"acpi.table.checksum", IOMMU_SEVERITY_ERROR, "ACPI 6.5 §5.2.6",
	"the bytes of the table do not sum to zero"
};
const struct check_desc check_structure_truncated = {
	"acpi.structure.truncated", IOMMU_SEVERITY_ERROR, NULL,
	"a field lies past the end of its structure or of the table"
};
const struct check_desc check_reserved_nonzero = {
	"acpi.reserved_nonzero", IOMMU_SEVERITY_WARNING, NULL,
	"a reserved field or bit is not zero"
};

static const struct check_desc *const generic_checks[] = {
	&check_table_truncated,
	&check_table_checksum,
	&check_structure_truncated,
	&check_reserved_nonzero,
	&check_unpatched_template,
};

/*
 * Each table's checks, an array ended by an entry with a NULL id: add a line
 * when a validator lands.
 */
static const struct check_desc *const table_checks[] = {
	iort_checks,
	ivrs_checks,
	viot_checks,
	dmar_checks,
	NULL,
};

static const struct check_desc *check_at(size_t index)
{
	if (index < ARRAY_SIZE(generic_checks))
		return generic_checks[index];
	index -= ARRAY_SIZE(generic_checks);
	for (size_t t = 0; table_checks[t]; t++)
		for (const struct check_desc *c = table_checks[t]; c->id; c++)
			if (index-- == 0)
				return c;
	return NULL;
}

const char *check_summary(const char *id)
{
	const struct check_desc *c;

	for (size_t i = 0; (c = check_at(i)); i++)
		if (strcmp(c->id, id) == 0)
			return c->summary;
	return NULL;
}

IOMMU_EXPORT const struct iommu_check *iommu_check_get(size_t index)
{
	return (const struct iommu_check *)check_at(index);
}

IOMMU_EXPORT const char *iommu_check_get_id(const struct iommu_check *check)
{
	return ((const struct check_desc *)check)->id;
}

IOMMU_EXPORT enum iommu_severity iommu_check_get_severity(const struct iommu_check *check)
{
	return ((const struct check_desc *)check)->severity;
}

IOMMU_EXPORT const char *iommu_check_get_reference(const struct iommu_check *check)
{
	return ((const struct check_desc *)check)->reference;
}

IOMMU_EXPORT const char *iommu_check_get_summary(const struct iommu_check *check)
{
	return ((const struct check_desc *)check)->summary;
}
