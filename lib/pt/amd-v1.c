// SPDX-License-Identifier: MIT
/*
 * The AMD-Vi v1 (host) page table format as a walker format (AMD IOMMU
 * 48882 §2.2.3): 512 entries a table, a PDE's Next Level naming the level
 * of the table it points to (levels may be skipped: the address bits they
 * would translate must be zero), a leaf at any level but the sixth (Next
 * Level 0: the level's page; 7: a larger page whose size the address bits
 * encode, replicated in every entry it covers), IR and IW at every level.
 */
#include "bits.h"
#include "unit/amdvi.h"

#define ADDR_MASK 0x000ffffffffff000ULL
#define NL(e) ((unsigned int)((e) >> 9) & 7)
#define PDE_RSVD 0x1ff0000000000000ULL	/* bits 60:52 */
#define PTE_RSVD 0x07f0000000000000ULL	/* bits 58:52 (U and FC are the PTE's) */

static unsigned int level_shift(unsigned int level)
{
	return 12 + 9 * (level - 1);
}

static bool v1_present(uint64_t e)
{
	return e & 1;
}

/* Next Level 0 or 7: a page (pt_cfg.block_levels says where pages may be). */
static bool v1_is_block(uint64_t e, unsigned int level)
{
	(void)level;
	return NL(e) == 0 || NL(e) == 7;
}

/* Next Level 7: the page size is 2^(12 + 1 + the run of 1s from address bit 12). */
static unsigned int v1_leaf_shift(uint64_t e, unsigned int level)
{
	if (NL(e) != 7)
		return level_shift(level);
	return 13 + (unsigned int)__builtin_ctzll(~((e & ADDR_MASK) >> 12));
}

static uint64_t v1_addr(uint64_t e, unsigned int level, bool leaf)
{
	return e & ADDR_MASK & ~(leaf ? (1ULL << v1_leaf_shift(e, level)) - 1 : 0);
}

static unsigned int v1_next_level(uint64_t e, unsigned int level)
{
	(void)level;
	return NL(e);
}

/* A Next Level 7 page must be larger than the level's and smaller than the level above's. */
static bool v1_size_ok(uint64_t e, unsigned int level)
{
	unsigned int shift = v1_leaf_shift(e, level);

	return NL(e) != 7 || (shift > level_shift(level) && shift < level_shift(level + 1));
}

/* Reserved bits (PDE 60:52, PTE 58:52), invalid level encodings (bits 11:9), bad page sizes. */
static uint64_t v1_reserved(uint64_t e, unsigned int level, bool leaf, const struct pt_cfg *cfg)
{
	unsigned int nl = NL(e);

	(void)cfg;
	if (leaf) {
		if (nl != 0 && nl != 7)
			return e & (7ULL << 9);	/* level 1 holds pages only */
		if (!v1_size_ok(e, level))
			return e & ADDR_MASK;
		return e & PTE_RSVD;
	}
	if (nl == 0 || nl == 7 || nl >= level)
		return e & (7ULL << 9) ? e & (7ULL << 9) : BIT(9);
	return e & PDE_RSVD;
}

static unsigned int v1_perm(uint64_t e)
{
	return (e & BIT(61) ? IOMMU_PERM_READ : 0) | (e & BIT(62) ? IOMMU_PERM_WRITE : 0) |
	       IOMMU_PERM_USER;
}

/* AMD IOMMU 48882 §2.2.3 I/O Page Tables for Host Translations */
const struct pt_format amdvi_v1_format = {
	.name = "amdvi-v1",
	.spec = "AMD IOMMU 48882 §2.2.3",
	.page_shift = 12,
	.level_bits = 9,
	.entry_shift = 3,
	.step_kind = IOMMU_STEP_SECOND_STAGE,
	.present = v1_present,
	.is_block = v1_is_block,
	.addr = v1_addr,
	.reserved = v1_reserved,
	.perm = v1_perm,
	.next_level = v1_next_level,
	.leaf_shift = v1_leaf_shift,
};

bool amdvi_v1_bad_size(const struct pt_out *o)
{
	bool leaf = o->level == 1 || (o->level < 6 && v1_is_block(o->entry, o->level));

	return leaf && NL(o->entry) == 7 && !v1_size_ok(o->entry, o->level);
}

void amdvi_v1_walk(struct iommu_dump *d, const struct pt_cfg *cfg, uint64_t in, unsigned int req,
		   struct walk_trace *t, struct pt_out *o)
{
	pt_walk(&amdvi_v1_format, d, cfg, in, req, NULL, NULL, t, o);
}

void amdvi_v1_enum(struct pt_enum *e, uint64_t table, unsigned int level, uint64_t base,
		   unsigned int perm)
{
	pt_enum_table(&amdvi_v1_format, amdvi_v1_enum, e, table, level, base, perm);
}
