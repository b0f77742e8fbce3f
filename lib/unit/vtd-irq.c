// SPDX-License-Identifier: MIT
/*
 * The other structures a VT-d unit keeps in memory: the interrupt remapping
 * table (IRTA_REG) and the invalidation queue (IQA_REG), read from a dump.
 */
#include <errno.h>
#include <stdio.h>

#include "bits.h"
#include "unit/vtd.h"

#define ADDR_MASK 0xfffffffffffff000ULL

struct iommu_vtd_irte {
	unsigned int index;
	uint64_t w[2];
	bool eime;
	char validation[48];
};

/* VT-d 4.1 §9.10 IRTE for remapped interrupts, §9.11 for posted interrupts: reserved bits. */
static uint64_t irte_reserved(const struct iommu_vtd_irte *e, unsigned int word)
{
	bool posted = e->w[0] & (1u << 15);

	if (word == 1)
		return e->w[1] & (posted ? 0x00000000fff00000ULL : 0xfffffffffff00000ULL);
	if (posted)
		return e->w[0] & 0x0000003fff0030fcULL;
	return e->w[0] & (0x00000000ff007000ULL | (e->eime ? 0 : 0xffff00ff00000000ULL));
}

/* What source-id validation (SVT, SQ, SID) lets through; VT-d 4.1 §9.10. */
static void irte_validation(struct iommu_vtd_irte *e)
{
	static const char *const sq_text[] = { "", " (function bit 2 ignored)",
					       " (function bits 2:1 ignored)", " (any function)" };
	unsigned int sid = (unsigned int)FIELD(e->w[1], 15, 0), sq = (unsigned int)FIELD(e->w[1], 17, 16);

	switch (FIELD(e->w[1], 19, 18)) {
	case 0:
		snprintf(e->validation, sizeof(e->validation), "any requester");
		break;
	case 1:
		snprintf(e->validation, sizeof(e->validation), "requester %02x:%02x.%x%s", sid >> 8,
			 (sid >> 3) & 0x1f, sid & 7, sq_text[sq]);
		break;
	case 2:
		snprintf(e->validation, sizeof(e->validation), "bus %02x-%02x", sid >> 8, sid & 0xff);
		break;
	default:
		snprintf(e->validation, sizeof(e->validation), "reserved validation type");
		break;
	}
}

/* VT-d 4.1 §11.4 IRTA_REG: base 63:12, EIME bit 11, size 2^(S+1) entries in bits 3:0. */
IOMMU_EXPORT int iommu_vtd_foreach_irte(struct iommu_dump *dump, uint64_t irta,
					iommu_vtd_irte_fn fn, void *userdata)
{
	unsigned int count = 2u << (irta & 0xf);
	uint64_t base = irta & ADDR_MASK;
	struct iommu_vtd_irte e = { .eime = (irta >> 11) & 1 };
	int r;

	for (unsigned int i = 0; i < count; i++) {
		if (mem_load_words(dump, base + 16ULL * i, e.w, 2) < 0)
			return -ENODATA;
		if (!(e.w[0] & 1))
			continue;
		e.index = i;
		irte_validation(&e);
		r = fn(&e, userdata);
		if (r)
			return r;
	}
	return 0;
}

IOMMU_EXPORT unsigned int iommu_vtd_irte_get_index(const struct iommu_vtd_irte *irte)
{
	return irte->index;
}

IOMMU_EXPORT const uint64_t *iommu_vtd_irte_get_words(const struct iommu_vtd_irte *irte)
{
	return irte->w;
}

IOMMU_EXPORT bool iommu_vtd_irte_is_posted(const struct iommu_vtd_irte *irte)
{
	return irte->w[0] & (1u << 15);
}

IOMMU_EXPORT bool iommu_vtd_irte_get_fpd(const struct iommu_vtd_irte *irte)
{
	return irte->w[0] & 2;
}

IOMMU_EXPORT unsigned int iommu_vtd_irte_get_vector(const struct iommu_vtd_irte *irte)
{
	return (unsigned int)FIELD(irte->w[0], 23, 16);
}

IOMMU_EXPORT uint32_t iommu_vtd_irte_get_dest(const struct iommu_vtd_irte *irte)
{
	return (uint32_t)(irte->w[0] >> 32);
}

IOMMU_EXPORT unsigned int iommu_vtd_irte_get_delivery_mode(const struct iommu_vtd_irte *irte)
{
	return (unsigned int)FIELD(irte->w[0], 7, 5);
}

IOMMU_EXPORT const char *iommu_vtd_irte_get_delivery_mode_name(const struct iommu_vtd_irte *irte)
{
	static const char *const names[] = { "fixed", "lowest-priority", "smi", "reserved",
					     "nmi", "init", "reserved", "extint" };

	return names[iommu_vtd_irte_get_delivery_mode(irte)];
}

IOMMU_EXPORT bool iommu_vtd_irte_is_logical(const struct iommu_vtd_irte *irte)
{
	return irte->w[0] & 4;
}

IOMMU_EXPORT bool iommu_vtd_irte_is_level(const struct iommu_vtd_irte *irte)
{
	return irte->w[0] & 0x10;
}

IOMMU_EXPORT bool iommu_vtd_irte_get_redirection_hint(const struct iommu_vtd_irte *irte)
{
	return irte->w[0] & 8;
}

IOMMU_EXPORT uint64_t iommu_vtd_irte_get_pda(const struct iommu_vtd_irte *irte)
{
	return (irte->w[1] & 0xffffffff00000000ULL) | (FIELD(irte->w[0], 63, 38) << 6);
}

IOMMU_EXPORT bool iommu_vtd_irte_is_urgent(const struct iommu_vtd_irte *irte)
{
	return irte->w[0] & (1u << 14);
}

IOMMU_EXPORT uint16_t iommu_vtd_irte_get_sid(const struct iommu_vtd_irte *irte)
{
	return (uint16_t)irte->w[1];
}

IOMMU_EXPORT unsigned int iommu_vtd_irte_get_sq(const struct iommu_vtd_irte *irte)
{
	return (unsigned int)FIELD(irte->w[1], 17, 16);
}

IOMMU_EXPORT unsigned int iommu_vtd_irte_get_svt(const struct iommu_vtd_irte *irte)
{
	return (unsigned int)FIELD(irte->w[1], 19, 18);
}

IOMMU_EXPORT const char *iommu_vtd_irte_get_validation(const struct iommu_vtd_irte *irte)
{
	return irte->validation;
}

IOMMU_EXPORT uint64_t iommu_vtd_irte_get_reserved(const struct iommu_vtd_irte *irte,
						  unsigned int word)
{
	return word < 2 ? irte_reserved(irte, word) : 0;
}

/* ---- invalidation queue ------------------------------------------------- */

struct iommu_vtd_qdesc {
	unsigned int index, nwords, type;
	uint64_t w[4];
	char summary[160];
};

/* VT-d 4.1 §6.5.2 invalidation descriptors: type is bits 11:9 (high) and 3:0 (low). */
static const char *const qdesc_types[] = {
	NULL, "context-cache", "iotlb", "device-tlb", "interrupt-entry-cache", "wait",
	"pasid-iotlb", "pasid-cache", "pasid-device-tlb", "page-group-response",
};

static void qdesc_summary(struct iommu_vtd_qdesc *d)
{
	uint64_t a = d->w[0], b = d->w[1];
	char *s = d->summary;
	size_t n = sizeof(d->summary);

	switch (d->type) {
	case 1:
		snprintf(s, n, "granularity %u, did %u, sid %02x:%02x.%x, fm %u",
			 (unsigned int)FIELD(a, 5, 4), (unsigned int)FIELD(a, 31, 16),
			 (unsigned int)FIELD(a, 47, 40), (unsigned int)FIELD(a, 39, 35),
			 (unsigned int)FIELD(a, 34, 32), (unsigned int)FIELD(a, 49, 48));
		break;
	case 2:
		snprintf(s, n, "granularity %u, did %u, addr 0x%llx, am %u%s%s%s",
			 (unsigned int)FIELD(a, 5, 4), (unsigned int)FIELD(a, 31, 16),
			 (unsigned long long)(b & ADDR_MASK), (unsigned int)FIELD(b, 5, 0),
			 b & 0x40 ? ", ih" : "", a & 0x80 ? ", drain reads" : "",
			 a & 0x40 ? ", drain writes" : "");
		break;
	case 3:
		snprintf(s, n, "sid %02x:%02x.%x, pfsid 0x%llx, mip %u, addr 0x%llx%s",
			 (unsigned int)FIELD(a, 47, 40), (unsigned int)FIELD(a, 39, 35),
			 (unsigned int)FIELD(a, 34, 32),
			 (unsigned long long)(FIELD(a, 15, 12) | FIELD(a, 63, 52) << 4),
			 (unsigned int)FIELD(a, 20, 16), (unsigned long long)(b & ADDR_MASK),
			 b & 1 ? ", size bit" : "");
		break;
	case 4:
		snprintf(s, n, "%s, index %u, index mask %u", a & 0x10 ? "index-selective" : "global",
			 (unsigned int)FIELD(a, 47, 32), (unsigned int)FIELD(a, 31, 27));
		break;
	case 5:
		snprintf(s, n, "status data 0x%08x to 0x%llx%s%s%s%s", (unsigned int)FIELD(a, 63, 32),
			 (unsigned long long)(b & ~3ULL), a & 0x10 ? ", interrupt" : "",
			 a & 0x20 ? ", status write" : "", a & 0x40 ? ", fence" : "",
			 a & 0x80 ? ", page-request drain" : "");
		break;
	case 6:
		snprintf(s, n, "granularity %u, did %u, pasid %u, addr 0x%llx, am %u%s",
			 (unsigned int)FIELD(a, 5, 4), (unsigned int)FIELD(a, 31, 16),
			 (unsigned int)FIELD(a, 51, 32), (unsigned long long)(b & ADDR_MASK),
			 (unsigned int)FIELD(b, 5, 0), b & 0x40 ? ", ih" : "");
		break;
	case 7:
		snprintf(s, n, "granularity %u, did %u, pasid %u", (unsigned int)FIELD(a, 5, 4),
			 (unsigned int)FIELD(a, 31, 16), (unsigned int)FIELD(a, 51, 32));
		break;
	case 8:
		snprintf(s, n, "sid %02x:%02x.%x, pasid %u, addr 0x%llx%s%s",
			 (unsigned int)FIELD(a, 31, 24), (unsigned int)FIELD(a, 23, 19),
			 (unsigned int)FIELD(a, 18, 16), (unsigned int)FIELD(a, 51, 32),
			 (unsigned long long)(b & ADDR_MASK), b & 1 ? ", global" : "",
			 b & 0x800 ? ", size bit" : "");
		break;
	default:
		s[0] = 0;
		break;
	}
}

/* VT-d 4.1 §11.4 IQA_REG: base 63:12, DW bit 11 (256-bit descriptors), QS bits 2:0. */
IOMMU_EXPORT int iommu_vtd_foreach_qdesc(struct iommu_dump *dump, uint64_t iqa,
					 iommu_vtd_qdesc_fn fn, void *userdata)
{
	bool wide = (iqa >> 11) & 1;
	unsigned int count = 1u << ((iqa & 7) + (wide ? 7 : 8)), words = wide ? 4 : 2;
	uint64_t base = iqa & ADDR_MASK;
	struct iommu_vtd_qdesc d = { .nwords = words };
	int r;

	for (unsigned int i = 0; i < count; i++) {
		if (mem_load_words(dump, base + 8ULL * words * i, d.w, words) < 0)
			return -ENODATA;
		d.index = i;
		d.type = (unsigned int)(FIELD(d.w[0], 3, 0) | FIELD(d.w[0], 11, 9) << 4);
		qdesc_summary(&d);
		r = fn(&d, userdata);
		if (r)
			return r;
	}
	return 0;
}

IOMMU_EXPORT unsigned int iommu_vtd_qdesc_get_index(const struct iommu_vtd_qdesc *desc)
{
	return desc->index;
}

IOMMU_EXPORT const uint64_t *iommu_vtd_qdesc_get_words(const struct iommu_vtd_qdesc *desc,
						       unsigned int *ret_words)
{
	if (ret_words)
		*ret_words = desc->nwords;
	return desc->w;
}

IOMMU_EXPORT unsigned int iommu_vtd_qdesc_get_type(const struct iommu_vtd_qdesc *desc)
{
	return desc->type;
}

IOMMU_EXPORT const char *iommu_vtd_qdesc_get_type_name(const struct iommu_vtd_qdesc *desc)
{
	return desc->type < ARRAY_SIZE(qdesc_types) ? qdesc_types[desc->type] : NULL;
}

IOMMU_EXPORT const char *iommu_vtd_qdesc_get_summary(const struct iommu_vtd_qdesc *desc)
{
	return desc->summary;
}
