// SPDX-License-Identifier: MIT
/* Decoding dispatch, and the common table header (ACPI 6.5 §5.2.6). */
#include <errno.h>

#include "internal.h"

/* ACPI 6.5 §5.2.6 System Description Table Header */
static const struct field_desc header_fields[] = {
	{ "signature", "Signature", 0, 4, IOMMU_DFIELD_STRING, FD_SUMMARY },
	{ "length", "Table Length", 4, 4, IOMMU_DFIELD_UINT, FD_SUMMARY },
	{ "revision", "Revision", 8, 1, IOMMU_DFIELD_UINT, FD_SUMMARY },
	{ "checksum", "Checksum", 9, 1, IOMMU_DFIELD_HEX },
	{ "oem_id", "OEM ID", 10, 6, IOMMU_DFIELD_STRING, FD_SUMMARY },
	{ "oem_table_id", "OEM Table ID", 16, 8, IOMMU_DFIELD_STRING, FD_SUMMARY },
	{ "oem_revision", "OEM Revision", 24, 4, IOMMU_DFIELD_HEX },
	{ "creator_id", "Asl Compiler ID", 28, 4, IOMMU_DFIELD_STRING },
	{ "creator_revision", "Asl Compiler Revision", 32, 4, IOMMU_DFIELD_HEX },
};

int acpi_header_decode(struct decoder *d, struct iommu_dnode *node)
{
	dnode_decode(d, node, 0, ACPI_HEADER_SIZE, FIELDS(header_fields));
	return d->error;
}

struct table_decoder {
	const char *signature;
	table_decode_fn decode;
};

static const struct table_decoder decoders[] = {
	{ "IORT", iort_decode },
	{ "IVRS", ivrs_decode },
	{ "VIOT", viot_decode },
	{ "DMAR", dmar_decode },
	{ NULL, NULL },
};

/* Tables without a decoder of their own: the header, the body as bytes. */
static int generic_decode(struct iommu_table *table, struct iommu_dnode **ret_root)
{
	struct decoder d;
	int r = decoder_init(&d, table, "table", iommu_table_get_signature(table), "ACPI 6.5 §5.2.6");

	if (r < 0)
		return r;
	acpi_header_decode(&d, d.root);
	if (d.size > ACPI_HEADER_SIZE)
		dnode_add_bytes(&d, d.root, "body", "Table Body", ACPI_HEADER_SIZE,
				(unsigned int)(d.size - ACPI_HEADER_SIZE));
	return decoder_finish(&d, ret_root);
}

IOMMU_EXPORT int iommu_table_decode(struct iommu_table *table, struct iommu_dnode **ret_root)
{
	const char *sig = iommu_table_get_signature(table);

	if (strcmp(sig, "FACS") == 0)
		return -EOPNOTSUPP;
	for (const struct table_decoder *td = decoders; td->signature; td++)
		if (strcmp(td->signature, sig) == 0)
			return td->decode(table, ret_root);
	return generic_decode(table, ret_root);
}
