// SPDX-License-Identifier: MIT
/*
 * One DMA request through a VT-d unit's tables, as the hardware processes
 * it (VT-d 4.1 §3.4-§3.6 translation, §7.1.3 fault conditions): the address
 * space, then the first stage, the second stage, or both nested, then the
 * interrupt-range check on the result.  Faults carry the reason number the
 * unit would record; fault-processing-disable makes them "suppressed".
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "unit/vtd.h"

IOMMU_EXPORT int iommu_xlate_new(struct iommu_xlate **ret_xlate)
{
	struct iommu_xlate *x = calloc(1, sizeof(*x));

	if (!x)
		return -ENOMEM;
	x->refcount = 1;
	*ret_xlate = x;
	return 0;
}

IOMMU_EXPORT struct iommu_xlate *iommu_xlate_unref(struct iommu_xlate *xlate)
{
	if (xlate && --xlate->refcount == 0)
		free(xlate);
	return NULL;
}

static void xlate_fault(struct iommu_xlate *x, unsigned int fr, const char *fmt, ...)
	PRINTF_FMT(3, 4);
static void xlate_fault(struct iommu_xlate *x, unsigned int fr, const char *fmt, ...)
{
	va_list args;

	x->status = IOMMU_XLATE_FAULT;
	x->fr = fr;
	va_start(args, fmt);
	vsnprintf(x->detail, sizeof(x->detail), fmt, args);
	va_end(args);
}

static void xlate_missing(struct iommu_xlate *x, uint64_t addr, const char *what, unsigned int level)
{
	x->status = IOMMU_XLATE_NOT_IN_DUMP;
	x->missing = addr;
	snprintf(x->detail, sizeof(x->detail), "the %s level %u table page at 0x%llx is not in the dump",
		 what, level, (unsigned long long)addr);
}

static const char *perm_text(unsigned int perm)
{
	static const char *const names[] = { "nothing", "read", "write", "read and write" };

	return names[perm & 3];
}

/* Second-stage faults: legacy mode has its own numbers (VT-d 4.1 §7.1.3). */
static void ss_fault(struct iommu_xlate *x, const struct pt_out *o, bool legacy,
		     enum iommu_access access, const char *stage)
{
	switch (o->stop) {
	case PT_OK:
	case PT_TABLE_FAULT:
	case PT_SKIPPED:	/* VT-d formats skip no levels */
		break;
	case PT_NOT_PRESENT:
		xlate_fault(x, legacy ? (access == IOMMU_ACCESS_WRITE ? FR_LGN_2 : FR_LGN_3) : FR_SSL_2,
			    "%s level %u entry 0x%016llx (table 0x%llx): R and W are clear, nothing is mapped",
			    stage, o->level, (unsigned long long)o->entry, (unsigned long long)o->table);
		break;
	case PT_DENIED:
		xlate_fault(x, (o->denied & IOMMU_PERM_WRITE) ? (legacy ? FR_LGN_2 : FR_SGN_6)
							      : (legacy ? FR_LGN_3 : FR_SGN_7),
			    "%s level %u entry 0x%016llx grants %s only", stage, o->level,
			    (unsigned long long)o->entry, perm_text(o->perm));
		break;
	case PT_RESERVED:
		xlate_fault(x, legacy ? FR_LSL_2 : FR_SSL_3,
			    "%s level %u entry 0x%016llx has reserved bits 0x%llx set", stage, o->level,
			    (unsigned long long)o->entry, (unsigned long long)o->rsvd);
		break;
	case PT_NO_DATA:
		xlate_missing(x, o->missing, stage, o->level);
		break;
	}
}

static unsigned int access_perm(enum iommu_access access)
{
	return access == IOMMU_ACCESS_READ ? IOMMU_PERM_READ
	       : access == IOMMU_ACCESS_WRITE ? IOMMU_PERM_WRITE : 0;
}

/* Second stage (or legacy second level) for IN; false after a fault. */
static bool ss_translate(struct vtd_unit *vtd, const struct vtd_space *sp, uint64_t in,
			 enum iommu_access access, struct iommu_xlate *x, struct pt_out *o)
{
	bool legacy = sp->mode == SPACE_LEGACY;

	if (in >> sp->in_bits) {
		xlate_fault(x, legacy ? FR_LGN_1 : FR_SGN_5,
			    "0x%llx is beyond the %u-bit address width of the %s",
			    (unsigned long long)in, sp->in_bits, legacy ? "context entry" : "PASID entry");
		return false;
	}
	if (vtd->have_caps && CAP_MGAW(vtd->cap) < 64 && in >> CAP_MGAW(vtd->cap)) {
		xlate_fault(x, legacy ? FR_LGN_1 : FR_SGN_4, "0x%llx is beyond the unit's %u-bit MGAW",
			    (unsigned long long)in, CAP_MGAW(vtd->cap));
		return false;
	}
	vtd_ss_walk(vtd->dump, &sp->ss, in, access_perm(access), &x->trace, o);
	ss_fault(x, o, legacy, access, legacy ? "second-level" : "second-stage");
	return o->stop == PT_OK;
}

/* Nested translation: first-stage table addresses go through the second stage. */
struct nest {
	struct pt_nest base;
	struct vtd_unit *vtd;
	const struct vtd_space *sp;
	struct iommu_xlate *x;
};

/* VT-d 4.1 §3.8: a first-stage table address is a guest address the second stage translates. */
static int nest_table(struct pt_nest *pn, uint64_t gpa, unsigned int level, bool write,
		      uint64_t *ret_hpa)
{
	struct nest *n = (struct nest *)pn;
	const struct vtd_space *sp = n->sp;
	struct iommu_xlate *x = n->x;
	struct pt_out o = { 0 };

	if (gpa >> sp->in_bits) {
		xlate_fault(x, FR_SFL_5, "first-stage level %u table at 0x%llx is beyond the %u-bit second stage",
			    level, (unsigned long long)gpa, sp->in_bits);
		return -1;
	}
	/* The write for an A/D update re-walks the same address: trace it once. */
	x->trace.nested = true;
	vtd_ss_walk(n->vtd->dump, &sp->ss, gpa, write ? IOMMU_PERM_WRITE : IOMMU_PERM_READ,
		    write ? NULL : &x->trace, &o);
	x->trace.nested = false;
	switch (o.stop) {
	case PT_OK:
		*ret_hpa = o.oa;
		return 0;
	case PT_NOT_PRESENT:
	case PT_DENIED:
		if (write)
			xlate_fault(x, FR_SFL_8, "the second stage maps the first-stage level %u table at 0x%llx read-only, and its accessed/dirty bit must be set",
				    level, (unsigned long long)gpa);
		else
			xlate_fault(x, level == sp->fs.levels ? FR_SFL_6 : FR_SFL_7,
				    "the second stage does not let the first-stage level %u table at 0x%llx be read (second-stage level %u entry 0x%016llx)",
				    level, (unsigned long long)gpa, o.level, (unsigned long long)o.entry);
		return -1;
	default:
		ss_fault(x, &o, false, IOMMU_ACCESS_READ, "second-stage (nested)");
		return -1;
	}
}

/* First stage, alone or nested; false after a fault. */
static bool fs_translate(struct vtd_unit *vtd, const struct vtd_space *sp, uint64_t iova,
			 enum iommu_access access, bool priv, struct iommu_xlate *x)
{
	unsigned int bits = 12 + 9 * sp->fs.levels, req = 0;
	uint64_t top = iova >> (bits - 1);
	struct nest n = { { nest_table }, vtd, sp, x };
	struct pt_out o = { 0 };

	/* VT-d 4.1 §3.6: the input must be canonical for 48- or 57-bit paging. */
	if (top != 0 && top != (UINT64_MAX >> (bits - 1))) {
		xlate_fault(x, FR_SGN_1, "0x%llx is not canonical for %u-level first-stage paging",
			    (unsigned long long)iova, sp->fs.levels);
		return false;
	}
	if (priv && !sp->sre) {
		xlate_fault(x, FR_SPT_6, "privileged request, but the PASID entry does not enable supervisor requests (SRE)");
		return false;
	}
	if (!priv)
		req |= IOMMU_PERM_USER;
	/* Supervisor writes honour R/W only with write protect enabled (WPE). */
	if (access == IOMMU_ACCESS_WRITE && (!priv || sp->wpe))
		req |= IOMMU_PERM_WRITE;
	vtd_fs_walk(vtd->dump, &sp->fs, iova, req, sp->mode == SPACE_NESTED ? &n.base : NULL,
		    &x->trace, &o);
	switch (o.stop) {
	case PT_OK:
		x->phys = o.oa;
		x->page_size = 1ULL << o.page_shift;
		x->perm = o.perm;
		return true;
	case PT_NOT_PRESENT:
		xlate_fault(x, FR_SFL_2, "first-stage level %u entry 0x%016llx (table 0x%llx) is not present",
			    o.level, (unsigned long long)o.entry, (unsigned long long)o.table);
		break;
	case PT_RESERVED:
		xlate_fault(x, FR_SFL_3, "first-stage level %u entry 0x%016llx has reserved bits 0x%llx set",
			    o.level, (unsigned long long)o.entry, (unsigned long long)o.rsvd);
		break;
	case PT_DENIED:
		if (o.denied & IOMMU_PERM_USER)
			xlate_fault(x, FR_SGN_2, "user request, but first-stage level %u entry 0x%016llx has U/S clear",
				    o.level, (unsigned long long)o.entry);
		else
			xlate_fault(x, FR_SGN_6, "write request, but first-stage level %u entry 0x%016llx has R/W clear",
				    o.level, (unsigned long long)o.entry);
		break;
	case PT_NO_DATA:
		xlate_missing(x, o.missing, "first-stage", o.level);
		break;
	case PT_TABLE_FAULT:
		break;	/* nest_table recorded it */
	case PT_SKIPPED:
		break;	/* VT-d formats skip no levels */
	}
	return false;
}

static void translate_space(struct vtd_unit *vtd, const struct vtd_space *sp, uint64_t iova,
			    enum iommu_access access, bool priv, struct iommu_xlate *x)
{
	struct pt_out o = { 0 };

	switch (sp->mode) {
	case SPACE_PASSTHROUGH:
		x->phys = iova;
		x->perm = IOMMU_PERM_READ | IOMMU_PERM_WRITE;
		return;
	case SPACE_LEGACY:
	case SPACE_SECOND:
		if (!ss_translate(vtd, sp, iova, access, x, &o))
			return;
		x->phys = o.oa;
		x->page_size = 1ULL << o.page_shift;
		x->perm = o.perm;
		return;
	case SPACE_FIRST:
		fs_translate(vtd, sp, iova, access, priv, x);
		return;
	case SPACE_NESTED:
		if (fs_translate(vtd, sp, iova, access, priv, x) &&
		    ss_translate(vtd, sp, x->phys, access, x, &o))
			xlate_second_stage(x, &o);
		return;
	case SPACE_NONE:
		break;
	}
}

static struct vtd_space *space_for(struct vtd_unit *vtd, uint16_t sid, uint32_t pasid)
{
	struct vtd_space *sp = vtd->cached;

	if (!sp->valid || sp->sid != sid || sp->pasid_req != pasid)
		vtd_resolve(vtd, sid, pasid, sp);
	return sp;
}

int vtd_translate(struct iommu_translator *t, uint32_t sid, uint32_t pasid, uint64_t iova,
		  enum iommu_access access, unsigned int flags, struct iommu_xlate *x)
{
	struct vtd_unit *vtd = (struct vtd_unit *)t;
	const struct vtd_space *sp;

	if (sid > 0xffff || access > IOMMU_ACCESS_WRITE ||
	    (pasid != IOMMU_NO_PASID && pasid > 0xfffff))
		return -EINVAL;
	sp = space_for(vtd, (uint16_t)sid, pasid);
	x->status = sp->status;
	x->fr = sp->fr;
	x->missing = sp->missing;
	x->did = sp->did;
	x->pasid = sp->pasid;
	x->mode = vtd_mode_name(sp->mode);
	x->note = sp->note;
	x->phys = x->page_size = 0;
	x->perm = 0;
	x->detail[0] = 0;
	x->nrecord = 0;
	x->contig = 0;
	x->trace.n = sp->nsteps;
	x->trace.nested = false;
	memcpy(x->trace.steps, sp->steps, sp->nsteps * sizeof(sp->steps[0]));
	if (sp->status == IOMMU_XLATE_OK)
		translate_space(vtd, sp, iova, access,
				pasid == IOMMU_NO_PASID ? sp->priv : (flags & IOMMU_REQ_PRIV) != 0, x);
	else
		memcpy(x->detail, sp->detail, sizeof(sp->detail));
	/* VT-d 4.1 §7.1.3 LGN.4 / SGN.8: no translation may land in the interrupt range. */
	if (x->status == IOMMU_XLATE_OK && sp->mode != SPACE_PASSTHROUGH &&
	    x->phys - VTD_INTR_BASE < VTD_INTR_SIZE)
		xlate_fault(x, sp->mode == SPACE_LEGACY ? FR_LGN_4 : FR_SGN_8,
			    "0x%llx translates to 0x%llx, in the interrupt address range",
			    (unsigned long long)iova, (unsigned long long)x->phys);
	x->suppressed = x->status == IOMMU_XLATE_FAULT && sp->fpd && vtd_fault_qualified(x->fr);
	return 0;
}

#define BATCH 16

/* Where one second-stage walk of a batch ended, as vtd_translate() would say. */
static void batch_result(const struct pt_out *o, uint64_t *phys, uint8_t *status)
{
	*phys = 0;
	if (o->stop == PT_OK) {
		*phys = o->oa;
		*status = o->oa - VTD_INTR_BASE < VTD_INTR_SIZE ? IOMMU_XLATE_FAULT : IOMMU_XLATE_OK;
	} else {
		*status = o->stop == PT_NO_DATA ? IOMMU_XLATE_NOT_IN_DUMP : IOMMU_XLATE_FAULT;
	}
}

IOMMU_EXPORT int iommu_vtd_translate_batch(struct iommu_translator *t, uint16_t sid,
					   uint32_t pasid, const uint64_t *iovas, size_t n,
					   enum iommu_access access, unsigned int flags,
					   uint64_t *ret_phys, uint8_t *ret_status)
{
	struct vtd_unit *vtd = UNIT_OF(struct vtd_unit, vtd_ops, t);
	const struct vtd_space *sp;
	struct iommu_xlate *x;
	int r;

	if (!vtd || access > IOMMU_ACCESS_WRITE || (pasid != IOMMU_NO_PASID && pasid > 0xfffff))
		return -EINVAL;
	sp = space_for(vtd, sid, pasid);
	if (sp->status == IOMMU_XLATE_OK && (sp->mode == SPACE_LEGACY || sp->mode == SPACE_SECOND)) {
		unsigned int mgaw = vtd->have_caps ? CAP_MGAW(vtd->cap) : 64;

		for (size_t base = 0; base < n; base += BATCH) {
			unsigned int count = n - base < BATCH ? (unsigned int)(n - base) : BATCH, k = 0;
			uint64_t in[BATCH];
			size_t at[BATCH];
			struct pt_out o[BATCH];

			/* Beyond the widths: faults without a walk; the others walk together. */
			for (unsigned int j = 0; j < count; j++) {
				uint64_t iova = iovas[base + j];

				if ((iova >> sp->in_bits) || (mgaw < 64 && (iova >> mgaw))) {
					ret_phys[base + j] = 0;
					ret_status[base + j] = IOMMU_XLATE_FAULT;
					continue;
				}
				in[k] = iova;
				at[k++] = base + j;
			}
			vtd_ss_walk_many(vtd->dump, &sp->ss, in, k, access_perm(access), o);
			for (unsigned int j = 0; j < k; j++)
				batch_result(&o[j], &ret_phys[at[j]], &ret_status[at[j]]);
		}
		return 0;
	}
	/* Other modes: one translation at a time. */
	r = iommu_xlate_new(&x);
	if (r < 0)
		return r;
	for (size_t i = 0; i < n; i++) {
		vtd_translate(t, sid, pasid, iovas[i], access, flags, x);
		ret_status[i] = (uint8_t)iommu_xlate_get_status(x);
		ret_phys[i] = iommu_xlate_get_status(x) == IOMMU_XLATE_OK ? iommu_xlate_get_phys(x) : 0;
	}
	iommu_xlate_unref(x);
	return 0;
}

/* ---- accessors ---------------------------------------------------------- */

IOMMU_EXPORT enum iommu_xlate_status iommu_xlate_get_status(const struct iommu_xlate *xlate)
{
	return xlate->status;
}

IOMMU_EXPORT const char *iommu_xlate_status_name(enum iommu_xlate_status status)
{
	switch (status) {
	case IOMMU_XLATE_OK:
		return "ok";
	case IOMMU_XLATE_FAULT:
		return "fault";
	case IOMMU_XLATE_NOT_IN_DUMP:
		return "not_in_dump";
	case IOMMU_XLATE_BLOCKED:
		return "blocked";
	case IOMMU_XLATE_UNSUPPORTED:
		return "unsupported";
	}
	return "unknown";
}

IOMMU_EXPORT uint64_t iommu_xlate_get_phys(const struct iommu_xlate *xlate)
{
	return xlate->phys;
}

IOMMU_EXPORT uint64_t iommu_xlate_get_page_size(const struct iommu_xlate *xlate)
{
	return xlate->page_size;
}

IOMMU_EXPORT unsigned int iommu_xlate_get_perm(const struct iommu_xlate *xlate)
{
	return xlate->perm;
}

IOMMU_EXPORT int iommu_xlate_get_domain_id(const struct iommu_xlate *xlate)
{
	return xlate->did;
}

IOMMU_EXPORT uint32_t iommu_xlate_get_pasid(const struct iommu_xlate *xlate)
{
	return xlate->pasid;
}

IOMMU_EXPORT const char *iommu_xlate_get_mode(const struct iommu_xlate *xlate)
{
	return xlate->mode;
}

IOMMU_EXPORT unsigned int iommu_xlate_get_fault_reason(const struct iommu_xlate *xlate)
{
	return xlate->fr;
}

IOMMU_EXPORT const uint64_t *iommu_xlate_get_fault_record(const struct iommu_xlate *xlate,
							   unsigned int *ret_words)
{
	if (ret_words)
		*ret_words = xlate->nrecord;
	return xlate->nrecord ? xlate->record : NULL;
}

IOMMU_EXPORT uint64_t iommu_xlate_get_contiguous(const struct iommu_xlate *xlate)
{
	return xlate->contig;
}

IOMMU_EXPORT bool iommu_xlate_is_suppressed(const struct iommu_xlate *xlate)
{
	return xlate->suppressed;
}

IOMMU_EXPORT const char *iommu_xlate_get_detail(const struct iommu_xlate *xlate)
{
	return xlate->detail[0] ? xlate->detail : NULL;
}

IOMMU_EXPORT const char *iommu_xlate_get_note(const struct iommu_xlate *xlate)
{
	return xlate->note;
}

IOMMU_EXPORT uint64_t iommu_xlate_get_missing(const struct iommu_xlate *xlate)
{
	return xlate->missing;
}

IOMMU_EXPORT size_t iommu_xlate_get_step_count(const struct iommu_xlate *xlate)
{
	return xlate->trace.n;
}

static const struct walk_step *step(const struct iommu_xlate *x, size_t i)
{
	static const struct walk_step none;

	return i < x->trace.n ? &x->trace.steps[i] : &none;
}

IOMMU_EXPORT enum iommu_step_kind iommu_xlate_get_step_kind(const struct iommu_xlate *xlate,
							     size_t i)
{
	return (enum iommu_step_kind)step(xlate, i)->kind;
}

IOMMU_EXPORT const char *iommu_step_kind_name(enum iommu_step_kind kind)
{
	static const char *const names[] = { "root", "context", "pasid_dir", "pasid",
					     "second_stage", "first_stage", "l1std", "ste",
					     "l1cd", "cd", "dte", "gcr3" };

	return (unsigned int)kind < ARRAY_SIZE(names) ? names[kind] : "unknown";
}

IOMMU_EXPORT unsigned int iommu_xlate_get_step_level(const struct iommu_xlate *xlate, size_t i)
{
	return step(xlate, i)->level;
}

IOMMU_EXPORT uint64_t iommu_xlate_get_step_table(const struct iommu_xlate *xlate, size_t i)
{
	return step(xlate, i)->table;
}

IOMMU_EXPORT unsigned int iommu_xlate_get_step_index(const struct iommu_xlate *xlate, size_t i)
{
	return step(xlate, i)->index;
}

IOMMU_EXPORT const uint64_t *iommu_xlate_get_step_entry(const struct iommu_xlate *xlate, size_t i,
							unsigned int *ret_words)
{
	const struct walk_step *s = step(xlate, i);

	if (ret_words)
		*ret_words = s->nwords;
	return s->words;
}

IOMMU_EXPORT bool iommu_xlate_step_is_nested(const struct iommu_xlate *xlate, size_t i)
{
	return step(xlate, i)->nested;
}
