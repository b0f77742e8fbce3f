// SPDX-License-Identifier: MIT
/*
 * The two VT-d paging formats as walker formats: second stage (legacy
 * second-level tables are the same format) and first stage (x86-64 paging),
 * and the walks and enumerations instantiated for each.
 */
#include "bits.h"
#include "unit/vtd.h"

#define ADDR_MASK 0x000ffffffffff000ULL
/* The formats' operations: inlined into the walks instantiated below. */
#define PT_OP static inline __attribute__((always_inline))

/* The offset bits of a page mapped at LEVEL (both formats: 4 KiB, 9 bits a level). */
PT_OP uint64_t low_mask(unsigned int level)
{
	return (1ULL << (12 + 9 * (level - 1))) - 1;
}

/* VT-d 4.1 §9.8 Second-Stage Paging Entries: no present bit, R and W are it. */
PT_OP bool ss_present(uint64_t e)
{
	return (e & 3) != 0;
}

PT_OP bool ss_is_block(uint64_t e, unsigned int level)
{
	(void)level;
	return (e & BIT(7)) != 0;
}

PT_OP uint64_t ss_addr(uint64_t e, unsigned int level, bool leaf)
{
	return e & ADDR_MASK & ~(leaf ? low_mask(level) : 0);
}

PT_OP uint64_t ss_reserved(uint64_t e, unsigned int level, bool leaf, const struct pt_cfg *cfg)
{
	uint64_t r = 0;

	/* TM (bit 62) exists in legacy mode only. */
	if (!(cfg->flags & PT_LEGACY))
		r |= e & BIT(62);
	if (leaf) {
		/* SNP (bit 11) needs snoop control; a large page's low address bits are reserved. */
		if (!(cfg->flags & PT_SNOOP_OK))
			r |= e & BIT(11);
		if (level > 1)
			r |= e & ADDR_MASK & low_mask(level);
	} else {
		r |= e & BIT(11);
	}
	return r;
}

PT_OP unsigned int ss_perm(uint64_t e)
{
	return (unsigned int)(e & 3);	/* R = IOMMU_PERM_READ, W = IOMMU_PERM_WRITE */
}

const struct pt_format vtd_ss_format = {
	.name = "vtd-second-stage",
	.spec = "VT-d 4.1 §9.8",
	.page_shift = 12,
	.level_bits = 9,
	.entry_shift = 3,
	.step_kind = IOMMU_STEP_SECOND_STAGE,
	.perm_before_reserved = true,
	.present = ss_present,
	.is_block = ss_is_block,
	.addr = ss_addr,
	.reserved = ss_reserved,
	.perm = ss_perm,
};

/* VT-d 4.1 §9.7 First-Stage Paging Entries (the x86-64 paging format). */
PT_OP bool fs_present(uint64_t e)
{
	return (e & BIT(0)) != 0;
}

PT_OP uint64_t fs_addr(uint64_t e, unsigned int level, bool leaf)
{
	return e & ADDR_MASK & ~(leaf ? low_mask(level) : 0);
}

PT_OP uint64_t fs_reserved(uint64_t e, unsigned int level, bool leaf, const struct pt_cfg *cfg)
{
	uint64_t r = 0;

	if (!(cfg->flags & PT_NXE))
		r |= e & BIT(63);
	/* A large page's bit 12 is PAT; the address bits between it and the page size are reserved. */
	if (leaf && level > 1)
		r |= e & ADDR_MASK & low_mask(level) & ~BIT(12);
	return r;
}

PT_OP unsigned int fs_perm(uint64_t e)
{
	return IOMMU_PERM_READ | (e & BIT(1) ? IOMMU_PERM_WRITE : 0) |
	       (e & BIT(2) ? IOMMU_PERM_USER : 0);
}

const struct pt_format vtd_fs_format = {
	.name = "vtd-first-stage",
	.spec = "VT-d 4.1 §9.7",
	.page_shift = 12,
	.level_bits = 9,
	.entry_shift = 3,
	.step_kind = IOMMU_STEP_FIRST_STAGE,
	.perm_before_reserved = false,
	.present = fs_present,
	.is_block = ss_is_block,	/* PS is bit 7 in both formats */
	.addr = fs_addr,
	.reserved = fs_reserved,
	.perm = fs_perm,
};

/* Nested: the entry needs a write (A clear, or D clear on a leaf being written). VT-d 4.1 §3.6 */
PT_OP bool fs_ad_write(uint64_t e, bool leaf, unsigned int req)
{
	return !(e & BIT(5)) || (leaf && (req & IOMMU_PERM_WRITE) && !(e & BIT(6)));
}

void vtd_ss_walk(struct iommu_dump *d, const struct pt_cfg *cfg, uint64_t in, unsigned int req,
		 struct walk_trace *t, struct pt_out *o)
{
	pt_walk(&vtd_ss_format, d, cfg, in, req, NULL, NULL, t, o);
}

void vtd_ss_walk_many(struct iommu_dump *d, const struct pt_cfg *cfg, const uint64_t *in,
		      unsigned int n, unsigned int req, struct pt_out *o)
{
	pt_walk_many(&vtd_ss_format, d, cfg, in, n, req, o);
}

void vtd_fs_walk(struct iommu_dump *d, const struct pt_cfg *cfg, uint64_t in, unsigned int req,
		 struct pt_nest *nest, struct walk_trace *t, struct pt_out *o)
{
	pt_walk(&vtd_fs_format, d, cfg, in, req, nest, fs_ad_write, t, o);
}

void vtd_ss_enum(struct pt_enum *e, uint64_t table, unsigned int level, uint64_t base,
		 unsigned int perm)
{
	pt_enum_table(&vtd_ss_format, vtd_ss_enum, e, table, level, base, perm);
}

void vtd_fs_enum(struct pt_enum *e, uint64_t table, unsigned int level, uint64_t base,
		 unsigned int perm)
{
	pt_enum_table(&vtd_fs_format, vtd_fs_enum, e, table, level, base, perm);
}
