// SPDX-License-Identifier: MIT
/*
 * Every key a table's validator (or decoder) reads back from its decoded
 * tree is in one of that table's field descriptions (bit fields included),
 * and so is every register field the status checks and register decoders read,
 * so no read can miss a field the decoder never writes and silently see 0.
 * The key lists are the ones FIELD_KEY builds the readers from
 * (lib/internal.h); no table data is needed.
 */
#include "acpi/dmar.h"
#include "acpi/iort.h"
#include "acpi/ivrs.h"
#include "unit.h"

static bool described(const struct field_descs *descs, const char *key)
{
	for (const struct field_descs *d = descs; d->desc; d++)
		for (size_t i = 0; i < d->n; i++) {
			const struct field_desc *fd = &d->desc[i];

			if (strcmp(fd->key, key) == 0)
				return true;
			for (unsigned int b = 0; b < fd->nbits; b++)
				if (strcmp(fd->bits[b].key, key) == 0)
					return true;
		}
	return false;
}

static void check_keys(const char *table, const char *const *keys, size_t nkeys,
		       const struct field_descs *descs)
{
	for (size_t i = 0; i < nkeys; i++) {
		bool ok = described(descs, keys[i]);

		if (!ok)
			fprintf(stderr, "%s: key '%s' is read but no field description has it\n", table,
				keys[i]);
		CHECK(ok);
	}
}

/* A key no description has is reported: the check can fail. */
static void test_undescribed(void)
{
	CHECK(described(iort_field_descs, "base_address"));
	CHECK(described(iort_field_descs, "single_mapping"));	/* a bit field */
	CHECK(!described(iort_field_descs, "base_adress"));
	CHECK(!described(viot_field_descs, "model"));
}

int main(void)
{
	static const char *const dmar_keys[] = { DMAR_KEYS(FIELD_KEY_NAME) };
	static const char *const iort_keys[] = { IORT_KEYS(FIELD_KEY_NAME) };
	static const char *const ivrs_keys[] = { IVRS_KEYS(FIELD_KEY_NAME) };
	static const char *const viot_keys[] = { VIOT_KEYS(FIELD_KEY_NAME) };
	static const char *const vtd_reg_keys[] = { VTD_REG_KEYS(FIELD_KEY_NAME) };
	static const char *const amd_reg_keys[] = { AMD_REG_KEYS(FIELD_KEY_NAME) };
	static const char *const smmu_reg_keys[] = { SMMU_REG_KEYS(FIELD_KEY_NAME) };

	check_keys("DMAR", dmar_keys, ARRAY_SIZE(dmar_keys), dmar_field_descs);
	check_keys("IORT", iort_keys, ARRAY_SIZE(iort_keys), iort_field_descs);
	check_keys("IVRS", ivrs_keys, ARRAY_SIZE(ivrs_keys), ivrs_field_descs);
	check_keys("VIOT", viot_keys, ARRAY_SIZE(viot_keys), viot_field_descs);
	check_keys("VT-d registers", vtd_reg_keys, ARRAY_SIZE(vtd_reg_keys), vtd_reg_field_descs);
	check_keys("AMD-Vi registers", amd_reg_keys, ARRAY_SIZE(amd_reg_keys), amd_reg_field_descs);
	check_keys("SMMUv3 registers", smmu_reg_keys, ARRAY_SIZE(smmu_reg_keys),
		   smmu_reg_field_descs);
	test_undescribed();
	return unit_report("field-keys");
}
