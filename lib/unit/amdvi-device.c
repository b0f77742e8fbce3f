// SPDX-License-Identifier: MIT
/*
 * From a device id (and PASID) to its tables, as an AMD IOMMU finds them
 * (AMD IOMMU 48882 §2.2.2): the device table entry, checked as the
 * hardware checks it (V, reserved bits, TV, Mode, the guest fields), and
 * for guest (v2) translation the GCR3 table entry of the PASID, read
 * through the host tables when both translate (nested).  The unit object
 * lives here too.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "bits.h"
#include "unit/amdvi.h"
#include "unit/vtd.h"	/* the x86-64 format of guest tables */

IOMMU_EXPORT int iommu_translator_new_amdvi(struct iommu_dump *dump, uint64_t dev_table_base,
					    struct iommu_translator **ret)
{
	struct amd_unit *amd = calloc(1, sizeof(*amd));

	if (!amd)
		return -ENOMEM;
	amd->cached = calloc(1, sizeof(*amd->cached));
	if (!amd->cached) {
		free(amd);
		return -ENOMEM;
	}
	translator_init(&amd->head, &amd_ops);
	amd->dump = iommu_dump_ref(dump);
	amd->dev_table = dev_table_base;
	*ret = &amd->head;
	return 0;
}

void amd_free(struct iommu_translator *t)
{
	struct amd_unit *amd = (struct amd_unit *)t;

	iommu_dump_unref(amd->dump);
	free(amd->cached);
	free(amd);
}

struct iommu_dump *amd_dump(const struct iommu_translator *t)
{
	return ((const struct amd_unit *)t)->dump;
}

#define AMD(t) UNIT_OF(struct amd_unit, amd_ops, t)

IOMMU_EXPORT void iommu_amdvi_set_efr(struct iommu_translator *t, uint64_t efr)
{
	struct amd_unit *amd = AMD(t);

	if (!amd)
		return;
	amd->efr = efr;
	amd->have_efr = true;
	amd->cached->valid = false;
}

IOMMU_EXPORT uint64_t iommu_amdvi_get_dev_table_base(const struct iommu_translator *t)
{
	const struct amd_unit *amd = AMD(t);

	return amd ? amd->dev_table : 0;
}

const char *amd_mode_name(enum amd_mode mode)
{
	switch (mode) {
	case AMD_UNTRANSLATED:
		return "untranslated";
	case AMD_PASSTHROUGH:
		return "pass-through";
	case AMD_V1:
		return "v1";
	case AMD_V2:
		return "v2";
	case AMD_NESTED:
		return "nested";
	case AMD_NONE:
		break;
	}
	return NULL;
}

/* ---- outcomes ------------------------------------------------------------ */

void amd_fault(struct amd_result *r, unsigned int code, unsigned int flags, const char *fmt, ...)
{
	va_list args;

	r->status = IOMMU_XLATE_FAULT;
	r->code = code;
	r->flags = flags;
	va_start(args, fmt);
	vsnprintf(r->detail, sizeof(r->detail), fmt, args);
	va_end(args);
}

void amd_missing(struct amd_result *r, uint64_t addr, const char *what)
{
	r->status = IOMMU_XLATE_NOT_IN_DUMP;
	r->missing = addr & ~(uint64_t)(MEM_PAGE_SIZE - 1);
	snprintf(r->detail, sizeof(r->detail), "the %s at 0x%llx is not in the dump", what,
		 (unsigned long long)addr);
}

/* AMD IOMMU 48882 §3.4.12 EFR: HATS and GATS bound the levels; without EFR, the most. */
static unsigned int host_levels_max(const struct amd_unit *amd)
{
	return amd->have_efr ? 4 + FIELD(amd->efr, 11, 10) : 6;
}

static unsigned int guest_levels_max(const struct amd_unit *amd)
{
	return amd->have_efr ? 4 + FIELD(amd->efr, 13, 12) : 5;
}

static bool efr_has(const struct amd_unit *amd, unsigned int bit)
{
	return !amd->have_efr || (amd->efr >> bit & 1);
}

void amd_host_walk(struct amd_unit *amd, const struct amd_space *sp, uint64_t gpa,
		   unsigned int req, struct walk_trace *t, struct pt_out *o)
{
	unsigned int bits = 12 + 9 * sp->host.levels;

	*o = (struct pt_out){ .level = sp->host.levels };
	if (bits < 64 && gpa >> bits) {
		o->stop = PT_NOT_PRESENT;	/* beyond what the levels translate */
		return;
	}
	amdvi_v1_walk(amd->dump, &sp->host, gpa, req, t, o);
}

/* ---- the device table entry (AMD IOMMU 48882 §2.2.2) --------------------- */

/* The MMIO Device Table Base Address Register: base 51:12, size 8:0 in 4K pages - 1. */
static bool dte_fetch(struct amd_unit *amd, struct amd_space *sp)
{
	uint64_t base = amd->dev_table & GENMASK(51, 12);
	uint64_t entries = ((amd->dev_table & 0x1ff) + 1) * (4096 / 32);

	if (sp->devid >= entries) {
		amd_fault(&sp->res, IOMMU_AMDVI_IO_PAGE_FAULT, 0,
			  "device id 0x%04x is beyond the device table's %llu entries (its size field)",
			  sp->devid, (unsigned long long)entries);
		return false;
	}
	if (mem_load_words(amd->dump, base + 32ULL * sp->devid, sp->dte, 4) < 0) {
		amd_missing(&sp->res, base + 32ULL * sp->devid, "device table entry");
		return false;
	}
	step_set_words(trace_add(&sp->trace, IOMMU_STEP_DTE, 0, base, sp->devid), sp->dte, 4);
	return true;
}

/* 48882 Table 7: V, the reserved bits (then ILLEGAL_DEV_TABLE_ENTRY), TV, Mode, the guest fields. */
static bool dte_check(struct amd_unit *amd, struct amd_space *sp)
{
	const uint64_t *dte = sp->dte;
	uint64_t rsvd0 = dte[0] & (GENMASK(6, 2) | BIT(63)), rsvd1 = dte[1] & BIT(42);
	unsigned int mode = FIELD(dte[0], 11, 9);
	struct amd_result *r = &sp->res;

	if (!(dte[0] & 1)) {
		sp->mode = AMD_UNTRANSLATED;
		return false;
	}
	if (rsvd0 || rsvd1) {
		amd_fault(r, IOMMU_AMDVI_ILLEGAL_DEV_TABLE_ENTRY, IOMMU_AMDVI_FLAG_RZ,
			  "DTE reserved bits set (word 0: 0x%llx, word 1: 0x%llx)",
			  (unsigned long long)rsvd0, (unsigned long long)rsvd1);
		return false;
	}
	sp->domain = (int)(dte[1] & 0xffff);
	sp->sa = dte[1] & BIT(34);
	sp->dte_perm = (dte[0] & BIT(61) ? IOMMU_PERM_READ : 0) |
		       (dte[0] & BIT(62) ? IOMMU_PERM_WRITE : 0);
	/* VirtualBox's reading of the specification: TV clear ends the walk with a page fault. */
	if (!(dte[0] & 2)) {
		amd_fault(r, IOMMU_AMDVI_IO_PAGE_FAULT, 0, "the DTE's translation information is not valid (TV clear)");
		return false;
	}
	if (mode == 7) {
		amd_fault(r, IOMMU_AMDVI_ILLEGAL_DEV_TABLE_ENTRY, IOMMU_AMDVI_FLAG_RZ,
			  "DTE Mode 7 is reserved");
		return false;
	}
	if (mode > host_levels_max(amd)) {
		amd_fault(r, IOMMU_AMDVI_IO_PAGE_FAULT, IOMMU_AMDVI_FLAG_PR,
			  "DTE Mode %u: more levels than the IOMMU walks (EFR.HATS: %u)", mode,
			  host_levels_max(amd));
		return false;
	}
	sp->host = (struct pt_cfg){ .fmt = &amdvi_v1_format, .root = dte[0] & GENMASK(51, 12),
				    .levels = (uint8_t)mode, .block_levels = 0x3c, .oa_bits = 52 };
	if (dte[0] & BIT(55)) {
		unsigned int glx = FIELD(dte[0], 57, 56), gpt = FIELD(dte[2], 55, 54);

		if (!efr_has(amd, 4) || glx == 3 || gpt > 1 || 4 + gpt > guest_levels_max(amd)) {
			amd_fault(r, IOMMU_AMDVI_ILLEGAL_DEV_TABLE_ENTRY, IOMMU_AMDVI_FLAG_RZ,
				  "DTE guest translation fields: GV set with GLX %u and guest paging mode %u%s",
				  glx, gpt, efr_has(amd, 4) ? "" : " on an IOMMU without guest translation (EFR.GTSup)");
			return false;
		}
	}
	sp->dte_ok = true;
	return true;
}

uint64_t amd_gcr3_root(const uint64_t *dte)
{
	return (dte[0] >> 58 & 7) << 12 | (dte[1] >> 16 & 0xffff) << 15 |
	       (dte[1] >> 43 & 0x1fffff) << 31;
}

/* Read a structure word at ADDR: a guest physical address when the host tables translate. */
static bool read_guest(struct amd_unit *amd, struct amd_space *sp, uint64_t addr,
		       uint64_t *ret, const char *what)
{
	uint64_t pa = addr;

	if (sp->host.levels) {
		struct pt_out o;

		sp->trace.nested = true;
		amd_host_walk(amd, sp, addr, IOMMU_PERM_READ, &sp->trace, &o);
		sp->trace.nested = false;
		if (o.stop == PT_NO_DATA) {
			amd_missing(&sp->res, o.missing, "host page table page");
			return false;
		}
		if (o.stop != PT_OK) {
			amd_fault(&sp->res, IOMMU_AMDVI_IO_PAGE_FAULT,
				  IOMMU_AMDVI_FLAG_GN | (o.stop == PT_NOT_PRESENT ? 0 : IOMMU_AMDVI_FLAG_PR),
				  "the host tables do not let the %s at guest physical 0x%llx be read",
				  what, (unsigned long long)addr);
			return false;
		}
		pa = o.oa;
	}
	if (mem_load64(amd->dump, pa, ret) < 0) {
		amd_missing(&sp->res, pa, what);
		return false;
	}
	return true;
}

/* 48882 §2.2.6: the GCR3 table, 1 to 3 levels (GLX) of 512 entries, indexed by the PASID. */
static bool gcr3_fetch(struct amd_unit *amd, struct amd_space *sp, uint32_t pasid)
{
	unsigned int levels = FIELD(sp->dte[0], 57, 56) + 1;
	uint64_t table = amd_gcr3_root(sp->dte), e = 0;

	if (9 * levels < 32 && pasid >> (9 * levels)) {
		amd_fault(&sp->res, IOMMU_AMDVI_IO_PAGE_FAULT, IOMMU_AMDVI_FLAG_GN,
			  "PASID 0x%x is beyond the %u-level GCR3 table (DTE GLX %u)", pasid, levels,
			  levels - 1);
		return false;
	}
	for (unsigned int l = levels; l >= 1; l--) {
		unsigned int index = (pasid >> (9 * (l - 1))) & 511;

		if (!read_guest(amd, sp, table + 8ULL * index, &e, "GCR3 table entry"))
			return false;
		step_set_words(trace_add(&sp->trace, IOMMU_STEP_GCR3, l, table, index), &e, 1);
		if (!(e & 1)) {
			amd_fault(&sp->res, IOMMU_AMDVI_IO_PAGE_FAULT, IOMMU_AMDVI_FLAG_GN,
				  "GCR3 level %u entry 0x%016llx for PASID 0x%x is not valid", l,
				  (unsigned long long)e, pasid);
			return false;
		}
		table = e & GENMASK(51, 12);
	}
	sp->gcr3 = e;
	sp->guest = (struct pt_cfg){ .fmt = &vtd_fs_format, .root = table,
				     .levels = (uint8_t)(4 + FIELD(sp->dte[2], 55, 54)),
				     .block_levels = 1u << 2 | 1u << 3, .oa_bits = 52,
				     .flags = efr_has(amd, 3) ? PT_NXE : 0 };
	return true;
}

/*
 * 48882 §2.2.2: the DTE's IR and IW govern every request before any table; a
 * DTE with both clear (what Linux writes for unused device ids) faults every
 * request, whatever its mode says.  FLAGS: the request's GN.
 */
static void dte_grants_some(struct amd_space *sp, unsigned int flags)
{
	if (!amd_dte_denies(sp, 0))
		return;
	sp->grants_nothing = true;
	amd_fault(&sp->res, IOMMU_AMDVI_IO_PAGE_FAULT, flags | IOMMU_AMDVI_FLAG_PR | IOMMU_AMDVI_FLAG_PE,
		  "the DTE grants neither read nor write (IR/IW)");
}

bool amd_dte_denies(const struct amd_space *sp, unsigned int req)
{
	return (req & sp->dte_perm) != req || !sp->dte_perm;
}

void amd_resolve(struct amd_unit *amd, uint16_t devid, uint32_t pasid,
		 struct amd_space *sp)
{
	bool gv, giov;

	memset(sp, 0, sizeof(*sp));
	sp->head.ops = &amd_ops;
	sp->devid = devid;
	sp->pasid = IOMMU_NO_PASID;
	sp->pasid_req = pasid;
	sp->domain = -1;
	sp->valid = true;
	if (!dte_fetch(amd, sp) || !dte_check(amd, sp))
		return;
	gv = sp->dte[0] & BIT(55);
	giov = sp->dte[0] & BIT(54);
	if (pasid == IOMMU_NO_PASID && !(gv && giov)) {
		sp->mode = sp->host.levels ? AMD_V1 : AMD_PASSTHROUGH;
		dte_grants_some(sp, 0);
		return;
	}
	if (!gv) {
		amd_fault(&sp->res, IOMMU_AMDVI_INVALID_DEVICE_REQUEST, IOMMU_AMDVI_FLAG_GN,
			  "a request with PASID 0x%x, but the DTE has guest translation off (GV clear)",
			  pasid);
		return;
	}
	sp->pasid = pasid == IOMMU_NO_PASID ? 0 : pasid;
	if (gcr3_fetch(amd, sp, sp->pasid)) {
		sp->mode = sp->host.levels ? AMD_NESTED : AMD_V2;
		dte_grants_some(sp, IOMMU_AMDVI_FLAG_GN);
	}
}
