// SPDX-License-Identifier: MIT
/*
 * Unpatched templates.  Bug reports often carry a table copied out of a BIOS
 * image or a firmware package instead of the one the firmware handed the OS:
 * a template whose checksum, register bases and reserved ranges the firmware
 * fills in at boot (edk2's DMAR .aslc files, Qualcomm's packaged IORTs,
 * iasl -T).  Its placeholders are not firmware bugs, so such a table gets
 * one finding that says what it is and why, instead of one per placeholder.
 *
 * The signs: the checksum byte is 0x00 and wrong (never computed); the OEM
 * Table ID is "TEMPLATE" (iasl -T); every unit's register base is 0; a
 * reserved memory range is left at 0.  Each alone is a real firmware bug as
 * often as a template (ThinkPad E15 Gen 2 and IdeaPad Flex 15 ship one DRHD
 * at 0, the HP Compaq 6730b an RMRR [0x0-0x0], a Surface IORT a 0x00
 * checksum), so it takes two.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "acpi/template.h"

#define TEMPLATE_SIGNS_MIN 2

const struct check_desc check_unpatched_template = {
	"acpi.unpatched_template", IOMMU_SEVERITY_WARNING, "ACPI 6.5 §5.2.6",
	"the table is a firmware template (from a BIOS image or a firmware package), not what the firmware hands the OS at boot: the values it fills in then are not reported one by one"
};

struct signs {
	char text[512];
	size_t len;
	unsigned int count;
};

static void PRINTF_FMT(2, 3) sign(struct signs *s, const char *format, ...)
{
	va_list args;

	if (s->count && s->len < sizeof(s->text))
		s->len += (size_t)snprintf(s->text + s->len, sizeof(s->text) - s->len, "; ");
	if (s->len < sizeof(s->text)) {
		va_start(args, format);
		s->len += (size_t)vsnprintf(s->text + s->len, sizeof(s->text) - s->len, format, args);
		va_end(args);
	}
	s->count++;
}

int template_check(struct validator *v, const struct template_evidence *e)
{
	const char *oem_table_id = iommu_table_get_oem_table_id(v->table);
	struct iommu_findings *findings;
	struct signs s = { .len = 0 };
	const char **skip;
	size_t nskip = 0, n = 0, left_out;
	int r;

	if (iommu_table_get_checksum_state(v->table) == IOMMU_CHECKSUM_BAD &&
	    iommu_table_get_checksum(v->table) == 0)
		sign(&s, "checksum byte 0x00 (should be 0x%02x)",
		     iommu_table_get_expected_checksum(v->table));
	if (oem_table_id && strncasecmp(oem_table_id, "TEMPLATE", 8) == 0)
		sign(&s, "OEM Table ID \"%s\"", oem_table_id);
	if (e->units && e->units_zero == e->units)
		sign(&s, "every register base is 0 (%u %s%s)", e->units, e->unit_name,
		     e->units == 1 ? "" : "s");
	if (e->ranges_zero)
		sign(&s, "%u reserved memory range%s left at 0", e->ranges_zero,
		     e->ranges_zero == 1 ? "" : "s");
	if (s.count < TEMPLATE_SIGNS_MIN)
		return 0;

	while (e->placeholders[n])
		n++;
	skip = calloc(n + 2, sizeof(*skip));
	findings = findings_new();
	if (!skip || !findings) {
		free(skip);
		iommu_findings_unref(findings);
		return -ENOMEM;
	}
	skip[nskip++] = check_table_checksum.id;
	for (size_t i = 0; i < n; i++)
		skip[nskip++] = e->placeholders[i]->id;
	left_out = findings_count_ids(v->findings, skip);
	r = findings_add(findings, check_unpatched_template.id, check_unpatched_template.severity,
			 v->signature, IOMMU_NO_OFFSET, check_unpatched_template.reference,
			 "an unpatched firmware template: %s; %zu finding%s about the values firmware fills in at boot left out",
			 s.text, left_out, left_out == 1 ? "" : "s");
	if (r == 0)
		r = findings_append(findings, v->findings, skip);
	free(skip);
	if (r < 0) {
		iommu_findings_unref(findings);
		return r;
	}
	iommu_findings_unref(v->findings);
	v->findings = findings;
	return 0;
}
