// SPDX-License-Identifier: MIT
/*
 * One request through an AMD IOMMU's tables, as the IOMMU processes it
 * (AMD IOMMU 48882 §2.2): the device's entries, the DTE's IR/IW, then the
 * host (v1) tables, the guest (v2) tables, or both nested (every guest
 * table address through the host tables), with the event the IOMMU would
 * log: IO_PAGE_FAULT with its flags (§2.5.3), ILLEGAL_DEV_TABLE_ENTRY, ...
 */
#include <errno.h>
#include <stdio.h>

#include "unit/amdvi.h"
#include "unit/vtd.h"	/* the x86-64 format of guest tables */

/* "grants read only", "grants neither read nor write", "... to supervisor requests only". */
static const char *grants_text(char *buf, size_t size, unsigned int perm, bool supervisor)
{
	static const char *const names[] = { "neither read nor write", "read", "write",
					     "read and write" };

	snprintf(buf, size, "grants %s%s%s", names[perm & 3],
		 supervisor ? " to supervisor requests" : "", perm & 3 ? " only" : "");
	return buf;
}

static unsigned int access_req(enum iommu_access access)
{
	return access == IOMMU_ACCESS_READ ? IOMMU_PERM_READ
	       : access == IOMMU_ACCESS_WRITE ? IOMMU_PERM_WRITE : 0;
}

/* 48882 §2.5.3 IO_PAGE_FAULT: devid 15:0, PASID[19:16] 19:16, domain or PASID[15:0] 47:32, flags 59:48, code 63:60. */
void amd_event_record(const struct amd_result *r, uint16_t devid, int domain, uint32_t pasid,
		      uint64_t addr, uint64_t record[2])
{
	bool gn = r->flags & IOMMU_AMDVI_FLAG_GN;
	uint32_t tag = gn && pasid != IOMMU_NO_PASID ? pasid : domain >= 0 ? (uint32_t)domain : 0;

	record[0] = devid | (uint64_t)(tag >> 16 & 0xf) << 16 | (uint64_t)(tag & 0xffff) << 32 |
		    (uint64_t)(r->flags & 0xfff) << 48 | (uint64_t)(r->code & 0xf) << 60;
	record[1] = addr;
}

/* A host or guest walk's stop as the IO_PAGE_FAULT it is; FLAGS: GN, US, RW of the request. */
static void walk_fault(struct amd_result *r, const struct pt_out *o, unsigned int flags,
		       const char *tables, bool v1)
{
	char buf[64];

	switch (o->stop) {
	case PT_OK:
	case PT_TABLE_FAULT:	/* the nest recorded it */
		break;
	case PT_NOT_PRESENT:
		if (!o->entry && !o->table)
			amd_fault(r, IOMMU_AMDVI_IO_PAGE_FAULT, flags, "the address is beyond what the %u-level %s tables translate",
				  o->level, tables);
		else
			amd_fault(r, IOMMU_AMDVI_IO_PAGE_FAULT, flags, "%s level %u entry 0x%016llx (table 0x%llx) is not present",
				  tables, o->level, (unsigned long long)o->entry,
				  (unsigned long long)o->table);
		break;
	case PT_RESERVED:
		if (v1 && amdvi_v1_bad_size(o))
			amd_fault(r, IOMMU_AMDVI_IO_PAGE_FAULT, flags | IOMMU_AMDVI_FLAG_PR,
				  "%s level %u entry 0x%016llx encodes a page size the level cannot hold",
				  tables, o->level, (unsigned long long)o->entry);
		else
			amd_fault(r, IOMMU_AMDVI_IO_PAGE_FAULT,
				  flags | IOMMU_AMDVI_FLAG_PR | IOMMU_AMDVI_FLAG_RZ,
				  "%s level %u entry 0x%016llx has reserved bits or an invalid level (0x%llx)",
				  tables, o->level, (unsigned long long)o->entry,
				  (unsigned long long)o->rsvd);
		break;
	case PT_DENIED:
		amd_fault(r, IOMMU_AMDVI_IO_PAGE_FAULT, flags | IOMMU_AMDVI_FLAG_PR | IOMMU_AMDVI_FLAG_PE,
			  "%s level %u entry 0x%016llx %s", tables, o->level,
			  (unsigned long long)o->entry,
			  grants_text(buf, sizeof(buf), o->perm, o->denied & IOMMU_PERM_USER));
		break;
	case PT_SKIPPED:
		amd_fault(r, IOMMU_AMDVI_IO_PAGE_FAULT, flags | IOMMU_AMDVI_FLAG_PR,
			  "%s level %u entry 0x%016llx skips levels whose address bits 0x%llx are not zero",
			  tables, o->level, (unsigned long long)o->entry, (unsigned long long)o->rsvd);
		break;
	case PT_NO_DATA:
		amd_missing(r, o->missing, "page table page");
		break;
	}
}

struct guest_nest {
	struct pt_nest base;
	struct amd_unit *amd;
	const struct amd_space *sp;
	struct amd_result *r;
	struct walk_trace *t;
	unsigned int flags;
};

/* Nested: a guest table address is a guest physical address the host tables translate. */
static int guest_table(struct pt_nest *pn, uint64_t gpa, unsigned int level, bool write,
		       uint64_t *ret_pa)
{
	struct guest_nest *n = (struct guest_nest *)pn;
	struct pt_out o;

	(void)level;
	if (n->t)
		n->t->nested = true;
	amd_host_walk(n->amd, n->sp, gpa, write ? IOMMU_PERM_WRITE : IOMMU_PERM_READ,
		      write ? NULL : n->t, &o);
	if (n->t)
		n->t->nested = false;
	if (o.stop == PT_OK) {
		*ret_pa = o.oa;
		return 0;
	}
	walk_fault(n->r, &o, n->flags, "host (for a guest table)", true);
	return -1;
}

/* The host tables for IN (an IOVA, or nested the guest's output); false after a fault. */
static bool host_translate(struct amd_unit *amd, const struct amd_space *sp, uint64_t in,
			   unsigned int req, unsigned int flags, struct iommu_xlate *x,
			   struct amd_result *r, struct pt_out *o)
{
	amd_host_walk(amd, sp, in, req, &x->trace, o);
	walk_fault(r, o, flags, "host", true);
	return o->stop == PT_OK;
}

static bool guest_translate(struct amd_unit *amd, const struct amd_space *sp,
			    uint64_t iova, unsigned int req, unsigned int flags,
			    struct iommu_xlate *x, struct amd_result *r)
{
	unsigned int bits = 12 + 9 * sp->guest.levels;
	uint64_t top = iova >> (bits - 1);
	struct guest_nest n = { { guest_table }, amd, sp, r, &x->trace, flags };
	struct pt_out o = { 0 };

	if (top != 0 && top != (UINT64_MAX >> (bits - 1))) {
		amd_fault(r, IOMMU_AMDVI_IO_PAGE_FAULT, flags, "0x%llx is not canonical for %u-level guest tables",
			  (unsigned long long)iova, sp->guest.levels);
		return false;
	}
	vtd_fs_walk(amd->dump, &sp->guest, iova, req, sp->mode == AMD_NESTED ? &n.base : NULL,
		    &x->trace, &o);
	walk_fault(r, &o, flags, "guest", false);
	if (o.stop != PT_OK)
		return false;
	x->phys = o.oa;
	x->page_size = 1ULL << o.page_shift;
	x->perm = o.perm;
	return true;
}

static void translate_space(struct amd_unit *amd, const struct amd_space *sp,
			    uint64_t iova, enum iommu_access access, bool priv, struct iommu_xlate *x,
			    struct amd_result *r)
{
	unsigned int req = access_req(access);
	unsigned int flags = (access == IOMMU_ACCESS_WRITE ? IOMMU_AMDVI_FLAG_RW : 0);
	struct pt_out o;
	char buf[64];

	if (sp->mode == AMD_UNTRANSLATED) {
		x->phys = iova;
		x->perm = IOMMU_PERM_READ | IOMMU_PERM_WRITE;
		return;
	}
	if (sp->mode == AMD_V2 || sp->mode == AMD_NESTED)
		flags |= IOMMU_AMDVI_FLAG_GN | (priv ? 0 : IOMMU_AMDVI_FLAG_US);
	/* 48882 §2.2.2: the DTE's IR and IW govern every request before any table. */
	if (amd_dte_denies(sp, req)) {
		amd_fault(r, IOMMU_AMDVI_IO_PAGE_FAULT, flags | IOMMU_AMDVI_FLAG_PR | IOMMU_AMDVI_FLAG_PE,
			  "the DTE %s (IR/IW)", grants_text(buf, sizeof(buf), sp->dte_perm, false));
		return;
	}
	switch (sp->mode) {
	case AMD_PASSTHROUGH:
		x->phys = iova;
		x->perm = sp->dte_perm;
		return;
	case AMD_V1:
		if (!host_translate(amd, sp, iova, req, flags, x, r, &o))
			return;
		x->phys = o.oa;
		x->page_size = 1ULL << o.page_shift;
		x->perm = o.perm & sp->dte_perm;
		return;
	case AMD_V2:
	case AMD_NESTED:
		if (!guest_translate(amd, sp, iova, req | (priv ? 0 : IOMMU_PERM_USER), flags, x, r) ||
		    sp->mode == AMD_V2) {
			x->perm &= sp->dte_perm | IOMMU_PERM_USER;
			return;
		}
		if (!host_translate(amd, sp, x->phys, req, flags, x, r, &o))
			return;
		xlate_second_stage(x, &o);
		x->perm &= sp->dte_perm | IOMMU_PERM_USER;
		return;
	case AMD_UNTRANSLATED:
	case AMD_NONE:
		break;
	}
}

static struct amd_space *space_for(struct amd_unit *amd, uint16_t devid, uint32_t pasid)
{
	struct amd_space *sp = amd->cached;

	if (!sp->valid || sp->devid != devid || sp->pasid_req != pasid)
		amd_resolve(amd, devid, pasid, sp);
	return sp;
}

int amd_translate(struct iommu_translator *t, uint32_t devid, uint32_t pasid, uint64_t iova,
		  enum iommu_access access, unsigned int flags, struct iommu_xlate *x)
{
	struct amd_unit *amdvi = (struct amd_unit *)t;
	const struct amd_space *sp;
	struct amd_result r;

	if (devid > 0xffff || access > IOMMU_ACCESS_WRITE ||
	    (pasid != IOMMU_NO_PASID && pasid > 0xfffff))
		return -EINVAL;
	sp = space_for(amdvi, (uint16_t)devid, pasid);
	r = sp->res;
	x->did = sp->domain;
	x->pasid = sp->pasid;
	x->mode = amd_mode_name(sp->mode);
	x->note = NULL;
	x->phys = x->page_size = x->contig = 0;
	x->perm = 0;
	x->trace.n = sp->trace.n;
	x->trace.nested = false;
	memcpy(x->trace.steps, sp->trace.steps, sp->trace.n * sizeof(sp->trace.steps[0]));
	if (r.status == IOMMU_XLATE_OK)
		translate_space(amdvi, sp, iova, access, flags & IOMMU_REQ_PRIV, x, &r);
	else if (r.status == IOMMU_XLATE_FAULT && r.code == IOMMU_AMDVI_IO_PAGE_FAULT &&
		 access == IOMMU_ACCESS_WRITE)
		r.flags |= IOMMU_AMDVI_FLAG_RW;	/* §2.5.3: the request's direction */
	x->status = r.status;
	x->fr = r.status == IOMMU_XLATE_FAULT ? r.code : 0;
	x->missing = r.missing;
	/* DTE.SA: IO_PAGE_FAULT events are not logged. */
	x->suppressed = r.status == IOMMU_XLATE_FAULT && r.code == IOMMU_AMDVI_IO_PAGE_FAULT && sp->sa;
	memcpy(x->detail, r.detail, sizeof(x->detail));
	x->nrecord = 0;
	if (r.status == IOMMU_XLATE_FAULT) {
		amd_event_record(&r, (uint16_t)devid, sp->domain, pasid, iova, x->record);
		x->nrecord = 2;
	}
	return 0;
}
