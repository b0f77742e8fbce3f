// SPDX-License-Identifier: MIT
/*
 * The VMSAv8-64 translation table formats as walker formats: stage 1 and
 * stage 2, at 4K, 16K and 64K granules, with the 52-bit layouts (LPA2's
 * DS for 4K and 16K: OA[51:50] in bits 9:8; LPA for 64K: OA[51:48] in bits
 * 15:12).  Walker level L is Arm's level 4 - L: level 1 holds pages.
 */
#include "bits.h"
#include "unit/smmuv3.h"

#define DESC_AF		BIT(10)
#define DESC_AP1	BIT(6)		/* stage 1: EL0 access; stage 2: S2AP read */
#define DESC_AP2	BIT(7)		/* stage 1: read-only; stage 2: S2AP write */
#define TABLE_AP0	BIT(61)		/* APTable[0]: no EL0 access below */
#define TABLE_AP1	BIT(62)		/* APTable[1]: no write access below */

unsigned int vmsa_granule_shift(enum vmsa_granule g)
{
	static const unsigned char shifts[] = { 12, 14, 16 };

	return shifts[g];
}

const char *vmsa_granule_name(enum vmsa_granule g)
{
	static const char *const names[] = { "4K", "16K", "64K" };

	return names[g];
}

unsigned int vmsa_ps_bits(unsigned int ps)
{
	static const unsigned char bits[] = { 32, 36, 40, 42, 44, 48, 52, 56 };

	return bits[ps & 7];
}

/* The address a descriptor gives: Arm DDI 0487 D8.3 (table), D8.3.1/D8.3.2 (block, page). */
static inline uint64_t vmsa_addr(uint64_t e, unsigned int level, bool leaf, unsigned int gs,
				 bool ds)
{
	unsigned int low = leaf ? gs + (gs - 3) * (level - 1) : gs;

	if (gs == 16)
		return (e & GENMASK(47, low)) | ((e >> 12) & 0xf) << 48;
	if (ds)
		return (e & GENMASK(49, low)) | ((e >> 8) & 3) << 50;
	return e & GENMASK(47, low);
}

/* Descriptor bits that hold no address where an address would be (Address size fault). */
static inline uint64_t vmsa_addr_res0(uint64_t e, bool leaf, unsigned int gs, bool ds)
{
	if (leaf)	/* bits 51:50 of blocks and pages are DBM and GP */
		return 0;
	return e & (ds && gs != 16 ? GENMASK(51, 50) : GENMASK(51, 48));
}

static bool vmsa_present(uint64_t e)
{
	return e & 1;
}

/* Bits[1:0] 0b01: a block, where the configuration permits one (pt_cfg.block_levels). */
static bool vmsa_is_block(uint64_t e, unsigned int level)
{
	(void)level;
	return (e & 3) == 1;
}

/* Arm DDI 0487 D8.3: what makes a valid descriptor fault (the resolvers tell which fault). */
static inline uint64_t vmsa_reserved(uint64_t e, unsigned int level, bool leaf,
				     const struct pt_cfg *cfg, unsigned int gs, bool ds)
{
	uint64_t r = vmsa_addr_res0(e, leaf, gs, ds);

	if (level == 1 && (e & 3) == 1)
		r |= BIT(1);	/* a "block" at level 3 is no descriptor */
	if (leaf && !(e & DESC_AF) && (cfg->flags & PT_VMSA_AF_FAULT))
		r |= DESC_AF;
	return r;
}

/* Stage 1 direct permissions (Arm DDI 0487 D8.4.1): AP[2] read-only, AP[1] EL0 access. */
static unsigned int s1_perm(uint64_t e)
{
	return IOMMU_PERM_READ | (e & DESC_AP2 ? 0 : IOMMU_PERM_WRITE) |
	       (e & DESC_AP1 ? IOMMU_PERM_USER : 0);
}

/* Hierarchical permissions (D8.4.2): APTable limits everything below, unless disabled (HAD). */
static unsigned int s1_table_perm(uint64_t e, const struct pt_cfg *cfg)
{
	unsigned int p = ~0u;

	if (cfg->flags & PT_VMSA_HAD)
		return p;
	if (e & TABLE_AP1)
		p &= ~IOMMU_PERM_WRITE;
	if (e & TABLE_AP0)
		p &= ~IOMMU_PERM_USER;
	return p;
}

/* Stage 2 permissions (D8.4.3): S2AP[0] read, S2AP[1] write; privilege plays no part. */
static unsigned int s2_perm(uint64_t e)
{
	return (e & DESC_AP1 ? IOMMU_PERM_READ : 0) | (e & DESC_AP2 ? IOMMU_PERM_WRITE : 0) |
	       IOMMU_PERM_USER;
}

static unsigned int s2_table_perm(uint64_t e, const struct pt_cfg *cfg)
{
	(void)e;
	(void)cfg;
	return ~0u;
}

/* One format per stage, granule and layout: the address operations differ. */
#define VMSA_OPS(name, gs, ds)                                                              \
	static uint64_t name##_addr(uint64_t e, unsigned int level, bool leaf)              \
	{                                                                                   \
		return vmsa_addr(e, level, leaf, gs, ds);                                   \
	}                                                                                   \
	static uint64_t name##_reserved(uint64_t e, unsigned int level, bool leaf,          \
					const struct pt_cfg *cfg)                           \
	{                                                                                   \
		return vmsa_reserved(e, level, leaf, cfg, gs, ds);                          \
	}

VMSA_OPS(g4k, 12, false)
VMSA_OPS(g4k_ds, 12, true)
VMSA_OPS(g16k, 14, false)
VMSA_OPS(g16k_ds, 14, true)
VMSA_OPS(g64k, 16, false)

#define VMSA_FORMAT(var, label, stage, ops, gs)                                             \
	static const struct pt_format var = {                                               \
		.name = label,                                                              \
		.spec = "Arm DDI 0487 D8.3",                                                \
		.page_shift = gs,                                                           \
		.level_bits = gs - 3,                                                       \
		.entry_shift = 3,                                                           \
		.step_kind = stage ? IOMMU_STEP_SECOND_STAGE : IOMMU_STEP_FIRST_STAGE,      \
		.present = vmsa_present,                                                    \
		.is_block = vmsa_is_block,                                                  \
		.addr = ops##_addr,                                                         \
		.reserved = ops##_reserved,                                                 \
		.perm = stage ? s2_perm : s1_perm,                                          \
		.table_perm = stage ? s2_table_perm : s1_table_perm,                        \
		.perm_at_leaf = true,                                                       \
	}

/* Arm DDI 0487 D8.3 VMSAv8-64 stage 1 and stage 2 descriptors */
VMSA_FORMAT(s1_4k, "vmsa-stage1-4k", 0, g4k, 12);
VMSA_FORMAT(s1_4k_ds, "vmsa-stage1-4k-52bit", 0, g4k_ds, 12);
VMSA_FORMAT(s1_16k, "vmsa-stage1-16k", 0, g16k, 14);
VMSA_FORMAT(s1_16k_ds, "vmsa-stage1-16k-52bit", 0, g16k_ds, 14);
VMSA_FORMAT(s1_64k, "vmsa-stage1-64k", 0, g64k, 16);
VMSA_FORMAT(s2_4k, "vmsa-stage2-4k", 1, g4k, 12);
VMSA_FORMAT(s2_4k_ds, "vmsa-stage2-4k-52bit", 1, g4k_ds, 12);
VMSA_FORMAT(s2_16k, "vmsa-stage2-16k", 1, g16k, 14);
VMSA_FORMAT(s2_16k_ds, "vmsa-stage2-16k-52bit", 1, g16k_ds, 14);
VMSA_FORMAT(s2_64k, "vmsa-stage2-64k", 1, g64k, 16);

/* Hardware Access flag update (HA): the leaf is written when AF is clear (nested: via stage 2). */
static bool vmsa_ad_write(uint64_t e, bool leaf, unsigned int req)
{
	(void)req;
	return leaf && !(e & DESC_AF);
}

#define VMSA_INSTANCE(var)                                                                  \
	static void var##_walk(struct iommu_dump *d, const struct pt_cfg *cfg, uint64_t in, \
			       unsigned int req, struct pt_nest *nest, bool ha,             \
			       struct walk_trace *t, struct pt_out *o)                      \
	{                                                                                   \
		pt_walk(&var, d, cfg, in, req, nest, ha ? vmsa_ad_write : NULL, t, o);      \
	}                                                                                   \
	static void var##_enum(struct pt_enum *e, uint64_t table, unsigned int level,       \
			       uint64_t base, unsigned int perm)                            \
	{                                                                                   \
		pt_enum_table(&var, var##_enum, e, table, level, base, perm);               \
	}

VMSA_INSTANCE(s1_4k)
VMSA_INSTANCE(s1_4k_ds)
VMSA_INSTANCE(s1_16k)
VMSA_INSTANCE(s1_16k_ds)
VMSA_INSTANCE(s1_64k)
VMSA_INSTANCE(s2_4k)
VMSA_INSTANCE(s2_4k_ds)
VMSA_INSTANCE(s2_16k)
VMSA_INSTANCE(s2_16k_ds)
VMSA_INSTANCE(s2_64k)

typedef void (*vmsa_walk_fn)(struct iommu_dump *d, const struct pt_cfg *cfg, uint64_t in,
			     unsigned int req, struct pt_nest *nest, bool ha, struct walk_trace *t,
			     struct pt_out *o);

static const struct {
	const struct pt_format *f;
	vmsa_walk_fn walk;
	pt_enum_fn enumerate;
} formats[2][VMSA_GRANULES][2] = {
	{
		{ { &s1_4k, s1_4k_walk, s1_4k_enum }, { &s1_4k_ds, s1_4k_ds_walk, s1_4k_ds_enum } },
		{ { &s1_16k, s1_16k_walk, s1_16k_enum },
		  { &s1_16k_ds, s1_16k_ds_walk, s1_16k_ds_enum } },
		{ { &s1_64k, s1_64k_walk, s1_64k_enum }, { &s1_64k, s1_64k_walk, s1_64k_enum } },
	},
	{
		{ { &s2_4k, s2_4k_walk, s2_4k_enum }, { &s2_4k_ds, s2_4k_ds_walk, s2_4k_ds_enum } },
		{ { &s2_16k, s2_16k_walk, s2_16k_enum },
		  { &s2_16k_ds, s2_16k_ds_walk, s2_16k_ds_enum } },
		{ { &s2_64k, s2_64k_walk, s2_64k_enum }, { &s2_64k, s2_64k_walk, s2_64k_enum } },
	},
};

const struct pt_format *vmsa_format(unsigned int stage, enum vmsa_granule g, bool wide)
{
	return formats[stage & 1][g][wide].f;
}

void vmsa_walk(const struct pt_format *f, struct iommu_dump *d, const struct pt_cfg *cfg,
	       uint64_t in, unsigned int req, struct pt_nest *nest, bool ha, struct walk_trace *t,
	       struct pt_out *o)
{
	for (unsigned int s = 0; s < 2; s++)
		for (unsigned int g = 0; g < VMSA_GRANULES; g++)
			for (unsigned int w = 0; w < 2; w++)
				if (formats[s][g][w].f == f) {
					formats[s][g][w].walk(d, cfg, in, req, nest, ha, t, o);
					return;
				}
	o->stop = PT_NOT_PRESENT;
}

pt_enum_fn vmsa_enum_fn(const struct pt_format *f)
{
	for (unsigned int s = 0; s < 2; s++)
		for (unsigned int g = 0; g < VMSA_GRANULES; g++)
			for (unsigned int w = 0; w < 2; w++)
				if (formats[s][g][w].f == f)
					return formats[s][g][w].enumerate;
	return NULL;
}

/* Arm DDI 0487 D8.3: block descriptors by granule (level 0/1 blocks need 52-bit addressing). */
uint8_t vmsa_block_levels(enum vmsa_granule g, bool wide)
{
	switch (g) {
	case VMSA_4K:		/* Arm levels 1, 2 (and 0) */
		return (uint8_t)(1u << 3 | 1u << 2 | (wide ? 1u << 4 : 0));
	case VMSA_16K:		/* Arm level 2 (and 1) */
	case VMSA_64K:
		return (uint8_t)(1u << 2 | (wide ? 1u << 3 : 0));
	case VMSA_GRANULES:
		break;
	}
	return 0;
}

/* Arm DDI 0487 D8.6.1 The Contiguous bit: entries per range, by granule and level. */
unsigned int vmsa_contig_entries(enum vmsa_granule g, unsigned int level)
{
	switch (g) {
	case VMSA_4K:
		return 16;
	case VMSA_16K:
		return level == 1 ? 128 : 32;
	case VMSA_64K:
		return 32;
	case VMSA_GRANULES:
		break;
	}
	return 1;
}

/* Arm DDI 0487 D8.3: the fault a faulting valid descriptor causes, in Arm's priority order. */
unsigned int vmsa_reserved_event(const struct pt_format *f, const struct pt_cfg *cfg,
				 const struct pt_out *o)
{
	uint64_t e = o->entry;
	bool block = (e & 3) == 1;
	bool leaf = o->level == 1 || ((cfg->block_levels >> o->level) & 1 && block);
	bool ds = (cfg->flags & PT_VMSA_WIDE) && f->page_shift != 16;

	if (block && (!leaf || o->level == 1))
		return EVT_F_TRANSLATION;
	if (pt_oa_reserved(f, cfg, e, o->level, leaf) || vmsa_addr_res0(e, leaf, f->page_shift, ds))
		return EVT_F_ADDR_SIZE;
	return EVT_F_ACCESS;
}
