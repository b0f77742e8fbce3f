// SPDX-License-Identifier: MIT
/* Validation dispatch: decode, then the table's own checks. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

struct table_validator {
	const char *signature;
	table_validate_fn validate;
};

static const struct table_validator validators[] = {
	{ "IORT", iort_validate },
	{ "IVRS", ivrs_validate },
	{ "VIOT", viot_validate },
	{ "DMAR", dmar_validate },
	{ NULL, NULL },
};

void validator_finding(struct validator *v, const struct check_desc *check, uint64_t offset,
		       const char *format, ...)
{
	char *message;
	va_list args;
	int n;

	va_start(args, format);
	n = vasprintf(&message, format, args);
	va_end(args);
	if (n < 0 || findings_add(v->findings, check->id, check->severity, v->signature, offset,
				  check->reference, "%s", message) < 0)
		v->error = -ENOMEM;
	if (n >= 0)
		free(message);
}

IOMMU_EXPORT int iommu_table_validate(struct iommu_table *table, const struct iommu_tables *tables,
				      unsigned int flags, struct iommu_findings **ret_findings)
{
	const char *sig = iommu_table_get_signature(table);
	const struct table_validator *tv;
	struct iommu_dnode *root;
	struct validator v = {
		.ctx = tables_get_ctx(tables),
		.table = table,
		.tables = tables,
		.flags = flags,
		.signature = sig,
	};
	int r;

	for (tv = validators; tv->signature; tv++)
		if (strcmp(tv->signature, sig) == 0)
			break;
	if (!tv->signature)
		return -EOPNOTSUPP;
	r = iommu_table_decode(table, &root);
	if (r < 0)
		return r;
	v.root = root;
	v.findings = findings_new();
	if (!v.findings) {
		iommu_dnode_unref(root);
		return -ENOMEM;
	}
	r = findings_append(v.findings, iommu_dnode_get_findings(root), NULL);
	if (r == 0)
		r = tv->validate(&v);
	if (r == 0)
		r = v.error;
	if (r == 0)
		r = findings_fold(v.findings);
	iommu_dnode_unref(root);
	if (r < 0) {
		iommu_findings_unref(v.findings);
		return r;
	}
	*ret_findings = v.findings;
	return 0;
}
