/* SPDX-License-Identifier: MIT */
/* Unpatched templates (lib/acpi/template.c): said once, not placeholder by placeholder. */
#ifndef LIBIOMMU_ACPI_TEMPLATE_H
#define LIBIOMMU_ACPI_TEMPLATE_H

#include "internal.h"

/* What a table's validator saw of the values firmware fills in at boot. */
struct template_evidence {
	const char *unit_name;		/* "DRHD", "IVHD", "SMMU" */
	unsigned int units;		/* units with a decoded register base */
	unsigned int units_zero;	/* of them, at 0 */
	unsigned int ranges_zero;	/* reserved memory ranges left at 0 */
	/* The checks a placeholder sets off, ended by NULL: left out of a template's findings. */
	const struct check_desc *const *placeholders;
};

extern const struct check_desc check_unpatched_template;

/*
 * When V's table shows two signs of a template, replace the findings the
 * placeholders set off (and a 0x00 checksum's) by one acpi.unpatched_template
 * finding, first, naming the signs.  Returns 0 or -ENOMEM.
 */
int template_check(struct validator *v, const struct template_evidence *e);

#endif
