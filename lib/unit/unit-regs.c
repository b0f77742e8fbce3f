// SPDX-License-Identifier: MIT
/*
 * Which unit a set of registers means: the one a register file names (by
 * name, register base or index) or the only one with a table pointer, and
 * the translation structures its registers point at.
 */
#include <errno.h>
#include <stdio.h>

#include "unit/unit.h"

/* The registers that point at a unit's tables: one of them makes a unit walkable. */
static bool has_pointer(const struct iommu_regs *regs, size_t unit)
{
	static const char *const pointers[] = { "RTADDR", "STRTAB_BASE", "DEV_TABLE_BASE" };
	uint64_t v;

	for (size_t i = 0; i < ARRAY_SIZE(pointers); i++)
		if (iommu_regs_get(regs, unit, pointers[i], &v) == 0)
			return true;
	return false;
}

/* NAME as a register base: hexadecimal, 0x optional. */
static bool is_base(const char *name, uint64_t base)
{
	uint64_t v;

	return base != IOMMU_NO_ADDR && iommu_parse_hex(name, &v) == 0 && v == base;
}

IOMMU_EXPORT int iommu_regs_find_unit(const struct iommu_regs *regs, const char *name,
				      size_t *ret_unit)
{
	size_t n = iommu_regs_get_unit_count(regs), found = n;

	if (name) {
		for (size_t i = 0; i < n; i++) {
			const char *unit = iommu_regs_get_unit_name(regs, i);
			char index[24];

			snprintf(index, sizeof(index), "%zu", i);
			if ((unit && strcmp(unit, name) == 0) || strcmp(index, name) == 0 ||
			    is_base(name, iommu_regs_get_unit_base(regs, i))) {
				*ret_unit = i;
				return 0;
			}
		}
		return -ENOENT;
	}
	for (size_t i = 0; i < n; i++) {
		if (!has_pointer(regs, i))
			continue;
		if (found != n)
			return -ENOTUNIQ;
		found = i;
	}
	*ret_unit = found == n ? 0 : found;
	return 0;
}

static int new_vtd(struct iommu_dump *dump, uint64_t rtaddr, iommu_register_fn get,
		   void *userdata, struct iommu_translator **ret, const char **ret_note)
{
	uint64_t cap, ecap;
	bool have_cap = get("CAP", &cap, userdata) == 0, have_ecap = get("ECAP", &ecap, userdata) == 0;
	int r = iommu_translator_new_vtd(dump, rtaddr, ret);

	if (r < 0)
		return r;
	/* Widths and features come from both registers together (VT-d 4.1 §11.4.2, §11.4.3). */
	if (have_cap && have_ecap)
		iommu_vtd_set_caps(*ret, cap, ecap);
	else if (have_cap || have_ecap)
		*ret_note = "CAP_REG and ECAP_REG are used together; with only one, neither bounds the walk";
	return 0;
}

static int new_smmuv3(struct iommu_dump *dump, uint64_t base, iommu_register_fn get,
		      void *userdata, struct iommu_translator **ret)
{
	uint64_t cfg, v;
	uint32_t idr[6];
	bool have_idr = true;
	int r;

	if (get("STRTAB_BASE_CFG", &cfg, userdata) < 0)
		return -EINVAL;
	r = iommu_translator_new_smmuv3(dump, base, cfg, ret);
	if (r < 0)
		return r;
	for (unsigned int i = 0; i < 6 && have_idr; i++) {
		char name[8];

		snprintf(name, sizeof(name), "IDR%u", i);
		have_idr = get(name, &v, userdata) == 0;
		idr[i] = (uint32_t)v;
	}
	if (have_idr)
		iommu_smmuv3_set_idr(*ret, idr);
	return 0;
}

IOMMU_EXPORT int iommu_translator_new_registers(struct iommu_dump *dump, iommu_register_fn get,
						void *userdata, struct iommu_translator **ret,
						const char **ret_note)
{
	const char *note = NULL;
	uint64_t v, efr;
	int r;

	if (get("RTADDR", &v, userdata) == 0)
		r = new_vtd(dump, v, get, userdata, ret, &note);
	else if (get("STRTAB_BASE", &v, userdata) == 0)
		r = new_smmuv3(dump, v, get, userdata, ret);
	else if (get("DEV_TABLE_BASE", &v, userdata) == 0)
		r = iommu_translator_new_amdvi(dump, v, ret);
	else
		r = -ENOENT;
	if (r == 0 && iommu_translator_get_vendor(*ret) == IOMMU_VENDOR_AMD &&
	    get("EFR", &efr, userdata) == 0)
		iommu_amdvi_set_efr(*ret, efr);
	if (ret_note)
		*ret_note = note;
	return r;
}
