// SPDX-License-Identifier: MIT
/*
 * AMD-Vi device tables in a dump: runs of pages of 32-byte DTEs, then the
 * devices (and PASIDs) they configure, resolved by lib/unit/amdvi-device.c.
 */
#include <stdio.h>

#include "unit/amdvi.h"
#include "scan/scan.h"

/*
 * AMD IOMMU 48882 §2.2.2.1 DTE: V bit 0, reserved bits 6:2 and 63 of the
 * first word, 106 (bit 42 of the second), 183:180 and 187 (55:52 and 59 of
 * the third); Mode 7 is reserved.  Scan heuristics, as the kernel writes
 * DTEs: the first two words of a DTE not valid are zero; without TV (or
 * with Mode 0) the host table pointer is zero; without GV the guest fields
 * (GIoV, GLX, the GCR3 pointer) are zero.
 */
#define DTE0_RSVD (GENMASK(6, 2) | BIT(63))
#define DTE1_RSVD BIT(42)
#define DTE2_RSVD (GENMASK(55, 52) | BIT(59))
#define DTE0_GUEST (GENMASK(60, 56) | BIT(54))
#define DTE1_GUEST (GENMASK(63, 43) | GENMASK(31, 16))

bool scan_amdvi_dte_page(const uint64_t *w, struct scan_page *ret)
{
	unsigned int used = 0;

	for (unsigned int i = 0; i < SCAN_WORDS; i += 4) {
		uint64_t w0 = le64toh(w[i]), w1 = le64toh(w[i + 1]);
		unsigned int mode = (unsigned int)(w0 >> 9) & 7;

		if (!(w0 & 1)) {
			if (w0 || w1)
				return false;
			continue;
		}
		if ((w0 & DTE0_RSVD) || (w1 & DTE1_RSVD) || (le64toh(w[i + 2]) & DTE2_RSVD) ||
		    mode == 7 || ((!(w0 & 2) || !mode) && (w0 & GENMASK(51, 9))) ||
		    (!(w0 & BIT(55)) && ((w0 & DTE0_GUEST) || (w1 & DTE1_GUEST))))
			return false;
		used++;
	}
	ret->used = used;
	return used > 0;
}

int scan_amdvi_screen(struct iommu_scan *s, struct scan_cand *c)
{
	(void)s;
	return (int)(c->used < INT32_MAX ? c->used : INT32_MAX);
}

static int amd_space(const struct iommu_space *space, void *userdata)
{
	const struct amd_space *sp = (const struct amd_space *)space;
	struct scan_tally *t = userdata;
	const struct pt_cfg *top = sp->host.levels ? &sp->host
				   : sp->mode == AMD_V2 && sp->guest.levels ? &sp->guest : NULL;
	char who[48];

	if (sp->pasid == IOMMU_NO_PASID)
		snprintf(who, sizeof(who), "device %02x:%02x.%x", sp->devid >> 8,
			 (sp->devid >> 3) & 0x1f, sp->devid & 7);
	else
		snprintf(who, sizeof(who), "device %02x:%02x.%x PASID %u", sp->devid >> 8,
			 (sp->devid >> 3) & 0x1f, sp->devid & 7, sp->pasid);
	return scan_tally_space(t, sp->res.status, who, sp->res.detail, top, sp->domain) ? 0 : 1;
}

void scan_amdvi_score(struct iommu_scan *s, struct scan_cand *c)
{
	struct scan_tally t = { .dump = s->dump, .budget = 16384 };
	uint64_t pages = c->filled < 512 ? c->filled : 512;
	struct iommu_translator *amd;

	/* 48882 §3.3.1 Device Table Base Address: Size 8:0 is the table's pages minus one. */
	c->format = "device table";
	c->reg = c->addr | (pages - 1);
	scan_evidence(c, "%llu page%s of DTEs (%llu entries), %llu valid", (unsigned long long)pages,
		      pages == 1 ? "" : "s", (unsigned long long)pages * (MEM_PAGE_SIZE / 32),
		      (unsigned long long)c->used);
	if (iommu_translator_new_amdvi(s->dump, c->reg, &amd) < 0)
		return;
	iommu_translator_foreach_space(amd, amd_space, &t);
	iommu_translator_unref(amd);
	c->entries = t.spaces;
	c->score = scan_tally_score(&t, t.spaces);
	scan_tally_evidence(c, &t, NULL, "valid DTEs and GCR3 entries");
}
