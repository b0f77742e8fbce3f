// SPDX-License-Identifier: MIT
/*
 * Arm SMMUv3 units from the kernel's own structures, as the register values
 * the hardware holds (drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3.[ch]):
 *  - every registered unit is on iommu_device_list (drivers/iommu/iommu.c),
 *    a struct iommu_device linked by 'list', named by its sysfs device
 *    ("smmu3.%pa" for an SMMUv3, "smmu.%pa" for an SMMUv2); an SMMUv3's
 *    'ops' is arm_smmu_ops, and it is embedded as 'iommu' in struct
 *    arm_smmu_device;
 *  - the driver is often a module (arm_smmu_v3): arm_smmu_ops is then found
 *    in the module's own symbol table (struct module 'kallsyms', an ELF
 *    symbol table) and must match too, and struct arm_smmu_device is in the
 *    module's split BTF, which the kernel keeps on btf_modules
 *    (kernel/bpf/btf.c; struct module's btf_data is cleared once the module
 *    is initialised);
 *  - the register base is not kept in the structure, only in the unit's
 *    name (iommu_device_sysfs_add() in probe);
 *  - SMMU_STRTAB_BASE and SMMU_STRTAB_BASE_CFG are the kernel's copies
 *    (strtab_cfg.strtab_base, strtab_base_cfg) where it keeps them, else
 *    rebuilt as arm_smmu_write_strtab() writes them (Linux 6.12 and later:
 *    2-level when features has ARM_SMMU_FEAT_2_LVL_STRTAB, split 8);
 *  - SMMU_IDR0..5 are rebuilt from what arm_smmu_device_hw_probe() kept of
 *    them: features, sid_bits, ssid_bits, oas, pgsize_bitmap, asid_bits and
 *    vmid_bits (Arm IHI 0070 §6.3.1-§6.3.6); the rest reads as 0.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "kernel/kernel.h"

#define SMMU_MODULE "arm_smmu_v3"
#define SMMU_OPS "arm_smmu_ops"
#define SMMU_NAME_PREFIX "smmu3."
#define MAX_MODULE_SYMS 65536u
#define MAX_MODULE_BTF (16u << 20)
#define ELF64_SYM_SIZE 24		/* Elf64_Sym: st_name at 0, st_value at 8 (ELF gABI) */

/* struct arm_smmu_device.features (arm-smmu-v3.h) */
#define FEAT_2_LVL_STRTAB (1u << 0)
#define FEAT_2_LVL_CDTAB (1u << 1)
#define FEAT_TT_LE (1u << 2)
#define FEAT_TT_BE (1u << 3)
#define FEAT_PRI (1u << 4)
#define FEAT_ATS (1u << 5)
#define FEAT_SEV (1u << 6)
#define FEAT_MSI (1u << 7)
#define FEAT_COHERENCY (1u << 8)
#define FEAT_TRANS_S1 (1u << 9)
#define FEAT_TRANS_S2 (1u << 10)
#define FEAT_STALLS (1u << 11)
#define FEAT_HYP (1u << 12)
#define FEAT_STALL_FORCE (1u << 13)
#define FEAT_VAX (1u << 14)
#define FEAT_RANGE_INV (1u << 15)
#define FEAT_ATTR_TYPES_OVR (1u << 20)
#define FEAT_HA (1u << 21)
#define FEAT_HD (1u << 22)

#define STRTAB_SPLIT 8
#define STRTAB_BASE_RA (1ull << 62)
#define STRTAB_BASE_ADDR_MASK 0x000fffffffffffc0ull	/* bits 51:6 */
#define STRTAB_CFG_FMT_2LVL (1u << 16)
#define STRTAB_MAX_L1_ENTRIES (1u << 17)

struct smmu_search {
	struct iommu_regs *regs;
	bool looked;			/* for arm_smmu_ops and the module */
	uint64_t ops;			/* arm_smmu_ops; 0 unknown */
	uint64_t module;		/* struct module of arm_smmu_v3; 0 built in or absent */
	uint64_t module_btf;		/* its struct btf on btf_modules */
};

/* A NUL-terminated string of at most SIZE - 1 bytes at kernel address ADDR. */
static int read_string(struct iommu_kernel *k, uint64_t addr, char *buf, size_t size,
		       const char *what)
{
	size_t len = 0;

	if (!addr)
		return kernel_problem(k, -EBADMSG, "%s is a NULL pointer", what);
	while (len < size - 1) {
		size_t chunk = 4096 - ((addr + len) & 4095);
		int r;

		if (chunk > size - 1 - len)
			chunk = size - 1 - len;
		r = kernel_read(k, addr + len, buf + len, chunk, what);
		if (r < 0)
			return r;
		if (memchr(buf + len, 0, chunk))
			return 0;
		len += chunk;
	}
	buf[size - 1] = 0;
	return 0;
}

/* ---- the driver's module: its symbols and its BTF ------------------------ */

static int find_module(struct iommu_kernel *k, uint64_t mod, void *data)
{
	struct smmu_search *s = data;
	struct kfield f;
	char name[sizeof(SMMU_MODULE)];
	int r = kernel_field(k, "module", "name", KF_CHARS, &f);

	if (r < 0)
		return r;
	if (f.size < sizeof(name))
		return 0;
	r = kernel_read(k, mod + f.offset, name, sizeof(name), "struct module.name");
	if (r >= 0 && memcmp(name, SMMU_MODULE, sizeof(name)) == 0)
		s->module = mod;
	return r;
}

/* arm_smmu_ops in the module's symbol table (struct mod_kallsyms: symtab, num_symtab, strtab). */
static int module_symbol(struct iommu_kernel *k, struct smmu_search *s)
{
	uint8_t *mod = NULL, *ks = NULL, *syms = NULL;
	uint64_t ptr, symtab, nsyms, strtab;
	char name[sizeof(SMMU_OPS)];
	int r;

	r = kernel_object(k, "module", s->module, &mod);
	if (r >= 0)
		r = kernel_member(k, mod, "module", "kallsyms", KF_POINTER, &ptr);
	if (r >= 0)
		r = kernel_object(k, "mod_kallsyms", ptr, &ks);
	if (r >= 0)
		r = kernel_member(k, ks, "mod_kallsyms", "symtab", KF_POINTER, &symtab);
	if (r >= 0)
		r = kernel_member(k, ks, "mod_kallsyms", "num_symtab", KF_INT, &nsyms);
	if (r >= 0)
		r = kernel_member(k, ks, "mod_kallsyms", "strtab", KF_POINTER, &strtab);
	if (r < 0)
		goto out;
	if (nsyms > MAX_MODULE_SYMS) {
		r = kernel_problem(k, -EBADMSG, "module %s: %llu symbols, more than any module has",
				   SMMU_MODULE, (unsigned long long)nsyms);
		goto out;
	}
	syms = malloc(nsyms * ELF64_SYM_SIZE + 1);
	r = syms ? kernel_read(k, symtab, syms, nsyms * ELF64_SYM_SIZE, "the module's symbol table")
		 : -ENOMEM;
	for (uint64_t i = 0; r >= 0 && i < nsyms && !s->ops; i++) {
		const uint8_t *sym = syms + i * ELF64_SYM_SIZE;

		/* Names end anywhere: read what a match needs and compare it with its NUL. */
		if (kernel_read(k, strtab + get_le32(sym), name, sizeof(name), "the module's string table") == 0 &&
		    memcmp(name, SMMU_OPS, sizeof(name)) == 0)
			s->ops = get_le64(sym + 8);
	}
out:
	free(syms);
	free(ks);
	free(mod);
	return r;
}

static int find_module_btf(struct iommu_kernel *k, uint64_t entry, void *data)
{
	struct smmu_search *s = data;
	uint8_t *bm;
	uint64_t mod, btf;
	int r = kernel_object(k, "btf_module", entry, &bm);

	if (r < 0)
		return r;
	r = kernel_member(k, bm, "btf_module", "module", KF_POINTER, &mod);
	if (r >= 0)
		r = kernel_member(k, bm, "btf_module", "btf", KF_POINTER, &btf);
	if (r >= 0 && mod == s->module)
		s->module_btf = btf;
	free(bm);
	return r;
}

/* The list at symbol HEAD of STRUCTUREs linked by 'list'; 1 when the kernel has no HEAD. */
static int list_symbol(struct iommu_kernel *k, const char *head, const char *structure,
		       kernel_list_fn *fn, struct smmu_search *s)
{
	struct kfield lf;
	uint64_t addr;
	int r = kernel_symbol(k, head, &addr);

	if (r == -ENOENT)
		return 1;
	if (r >= 0)
		r = kernel_field(k, structure, "list", KF_STRUCT, &lf);
	return r < 0 ? r : kernel_list_walk(k, head, addr, lf.offset, fn, s);
}

/* struct arm_smmu_device in the module's split BTF, loaded over the kernel's. */
static int load_module_btf(struct iommu_kernel *k, struct smmu_search *s)
{
	uint8_t *btf = NULL, *data = NULL;
	uint64_t ptr, size;
	int r;

	r = list_symbol(k, "btf_modules", "btf_module", find_module_btf, s);
	if (r < 0)
		return r;
	if (r == 1 || !s->module_btf)
		return kernel_problem(k, -ENOENT,
				      "module %s has no BTF on btf_modules (CONFIG_DEBUG_INFO_BTF_MODULES off?), so struct arm_smmu_device is unknown",
				      SMMU_MODULE);
	r = kernel_object(k, "btf", s->module_btf, &btf);
	if (r >= 0)
		r = kernel_member(k, btf, "btf", "data", KF_POINTER, &ptr);
	if (r >= 0)
		r = kernel_member(k, btf, "btf", "data_size", KF_INT, &size);
	if (r < 0)
		goto out;
	if (!size || size > MAX_MODULE_BTF) {
		r = kernel_problem(k, -EBADMSG, "module %s: its BTF of %llu bytes is none", SMMU_MODULE,
				   (unsigned long long)size);
		goto out;
	}
	data = malloc(size);
	r = data ? kernel_read(k, ptr, data, size, "the module's BTF") : -ENOMEM;
	if (r >= 0)
		r = kernel_btf_add_split(k, data, size, "module " SMMU_MODULE);
out:
	free(data);
	free(btf);
	return r;
}

/*
 * The module and its arm_smmu_ops, looked for once.  A driver built in is
 * known by its units' names alone: the SMMUv2 driver has a static
 * arm_smmu_ops too, so the kernel's symbol of that name may be either.
 */
static int find_driver(struct iommu_kernel *k, struct smmu_search *s)
{
	int r;

	s->looked = true;
	r = list_symbol(k, "modules", "module", find_module, s);
	if (r == 0 && s->module)
		r = module_symbol(k, s);
	return r < 0 ? r : 0;
}

/* ---- the unit's registers ------------------------------------------------ */

/* IDR5.OAS from a width in bits (IHI 0070 §6.3.6); 0 (32 bits) for anything else. */
static uint32_t oas_code(uint64_t bits)
{
	static const unsigned char widths[] = { 32, 36, 40, 42, 44, 48, 52 };

	for (uint32_t i = 0; i < sizeof(widths); i++)
		if (bits == widths[i])
			return i;
	return 0;
}

struct smmu_kept {
	uint64_t features, sid_bits, ssid_bits, oas, pgsizes, asid_bits, vmid_bits;
};

static void rebuild_idrs(const struct smmu_kept *v, uint32_t idr[6])
{
	uint64_t f = v->features;
	uint32_t endian = (f & FEAT_TT_LE) && (f & FEAT_TT_BE) ? 0 : (f & FEAT_TT_BE) ? 3 : 2;
	uint32_t stall = f & FEAT_STALL_FORCE ? 2 : f & FEAT_STALLS ? 0 : 1;

	memset(idr, 0, 6 * sizeof(*idr));
	/* IDR0; TTF AArch64, which the driver requires; HTTU as the kernel records it (6.9+). */
	idr[0] = (f & FEAT_TRANS_S2 ? 1u << 0 : 0) | (f & FEAT_TRANS_S1 ? 1u << 1 : 0) | 2u << 2 |
		 (f & FEAT_COHERENCY ? 1u << 4 : 0) |
		 (f & FEAT_HD ? 2u << 6 : f & FEAT_HA ? 1u << 6 : 0) | (f & FEAT_HYP ? 1u << 9 : 0) |
		 (f & FEAT_ATS ? 1u << 10 : 0) | (v->asid_bits == 16 ? 1u << 12 : 0) |
		 (f & FEAT_MSI ? 1u << 13 : 0) | (f & FEAT_SEV ? 1u << 14 : 0) |
		 (f & FEAT_PRI ? 1u << 16 : 0) | (v->vmid_bits == 16 ? 1u << 18 : 0) |
		 (f & FEAT_2_LVL_CDTAB ? 1u << 19 : 0) | endian << 21 | stall << 24 |
		 (f & FEAT_2_LVL_STRTAB ? 1u << 27 : 0);
	idr[1] = (uint32_t)(v->sid_bits & 0x3f) | (uint32_t)(v->ssid_bits & 0x1f) << 6 |
		 (f & FEAT_ATTR_TYPES_OVR ? 1u << 27 : 0);
	idr[3] = f & FEAT_RANGE_INV ? 1u << 10 : 0;
	idr[5] = oas_code(v->oas) | (v->pgsizes & (1u << 12) ? 1u << 4 : 0) |
		 (v->pgsizes & (1u << 14) ? 1u << 5 : 0) | (v->pgsizes & (1u << 16) ? 1u << 6 : 0) |
		 (f & FEAT_VAX ? 1u << 10 : 0);
}

/* SMMU_STRTAB_BASE and _CFG: the kernel's copies, or as arm_smmu_write_strtab() makes them. */
static int stream_table(struct iommu_kernel *k, const uint8_t *smmu, const struct smmu_kept *v,
			const char *unit, uint64_t *ret_base, uint64_t *ret_cfg)
{
	static const char S[] = "arm_smmu_device";
	uint64_t dma, n;
	struct kfield f;
	int r;

	if (kernel_field(k, S, "strtab_cfg.strtab_base_cfg", KF_INT, &f) == 0) {
		*ret_cfg = kfield_get(smmu, &f);
		return kernel_member(k, smmu, S, "strtab_cfg.strtab_base", KF_INT, ret_base);
	}
	if (v->sid_bits > 32)
		return kernel_problem(k, -EBADMSG, "%s: sid_bits is %llu", unit,
				      (unsigned long long)v->sid_bits);
	if (v->features & FEAT_2_LVL_STRTAB) {
		r = kernel_member(k, smmu, S, "strtab_cfg.l2.l1_dma", KF_INT, &dma);
		if (r >= 0)
			r = kernel_member(k, smmu, S, "strtab_cfg.l2.num_l1_ents", KF_INT, &n);
		if (r < 0)
			return r;
		if (!n || n > STRTAB_MAX_L1_ENTRIES || (n & (n - 1)))
			return kernel_problem(k, -EBADMSG, "%s: a level-1 stream table of %llu entries",
					      unit, (unsigned long long)n);
		*ret_cfg = STRTAB_CFG_FMT_2LVL | STRTAB_SPLIT << 6 |
			   (uint64_t)(__builtin_ctzll(n) + STRTAB_SPLIT);
	} else {
		r = kernel_member(k, smmu, S, "strtab_cfg.linear.ste_dma", KF_INT, &dma);
		if (r < 0)
			return r;
		*ret_cfg = v->sid_bits;
	}
	*ret_base = (dma & STRTAB_BASE_ADDR_MASK) | STRTAB_BASE_RA;
	return 0;
}

static int add_smmu(struct iommu_kernel *k, struct smmu_search *s, uint64_t addr,
		    const char *name, uint64_t base)
{
	static const char S[] = "arm_smmu_device";
	static const char *const kept_names[] = { "features", "sid_bits", "ssid_bits", "oas",
						  "pgsize_bitmap", "asid_bits", "vmid_bits" };
	struct smmu_kept v;
	uint64_t *kept[] = { &v.features, &v.sid_bits, &v.ssid_bits, &v.oas, &v.pgsizes,
			     &v.asid_bits, &v.vmid_bits };
	uint64_t strtab = 0, cfg = 0;
	uint32_t idr[6];
	struct kfield iommu;
	uint8_t *smmu = NULL;
	size_t index;
	int r;

	r = kernel_struct(k, S, &(uint32_t){ 0 });
	if (r == -ENOENT && s->module)
		r = load_module_btf(k, s);
	if (r >= 0)
		r = kernel_field(k, S, "iommu", KF_STRUCT, &iommu);
	if (r >= 0)
		r = kernel_object(k, S, addr - iommu.offset, &smmu);
	for (size_t i = 0; r >= 0 && i < ARRAY_SIZE(kept); i++)
		r = kernel_member(k, smmu, S, kept_names[i], KF_INT, kept[i]);
	if (r >= 0)
		r = stream_table(k, smmu, &v, name, &strtab, &cfg);
	if (r >= 0)
		r = iommu_regs_add_unit(s->regs, name, base, &index);
	if (r >= 0)
		r = iommu_regs_set(s->regs, index, "STRTAB_BASE", strtab);
	if (r >= 0)
		r = iommu_regs_set(s->regs, index, "STRTAB_BASE_CFG", cfg);
	if (r >= 0)
		rebuild_idrs(&v, idr);
	for (unsigned int i = 0; r >= 0 && i < 6; i++) {
		char reg[8];

		snprintf(reg, sizeof(reg), "IDR%u", i);
		r = iommu_regs_set(s->regs, index, reg, idr[i]);
	}
	free(smmu);
	return r;
}

/* One struct iommu_device: an SMMUv3 by its ops (or, with no arm_smmu_ops known, its name). */
static int iommu_device(struct iommu_kernel *k, uint64_t addr, void *data)
{
	struct smmu_search *s = data;
	uint8_t *dev = NULL;
	uint64_t ops, devp, namep, base;
	char name[64], *end;
	int r;

	if (!s->looked) {
		r = find_driver(k, s);
		if (r < 0)
			return r;
	}
	r = kernel_object(k, "iommu_device", addr, &dev);
	if (r >= 0)
		r = kernel_member(k, dev, "iommu_device", "ops", KF_POINTER, &ops);
	if (r >= 0)
		r = kernel_member(k, dev, "iommu_device", "dev", KF_POINTER, &devp);
	free(dev);
	dev = NULL;
	if (r < 0 || (s->ops && ops != s->ops))
		return r;
	/* A unit with no sysfs device has no name: an SMMUv3's base is then unknown. */
	if (!devp)
		return s->ops ? kernel_problem(k, -EBADMSG,
					       "the SMMUv3 at 0x%llx has no sysfs device, so no name with its register base",
					       (unsigned long long)addr)
			      : 0;
	r = kernel_object(k, "device", devp, &dev);
	if (r >= 0)
		r = kernel_member(k, dev, "device", "kobj.name", KF_POINTER, &namep);
	free(dev);
	if (r >= 0)
		r = read_string(k, namep, name, sizeof(name), "the IOMMU device's name");
	if (r < 0)
		return r;
	if (strncmp(name, SMMU_NAME_PREFIX, strlen(SMMU_NAME_PREFIX)) != 0) {
		if (!s->ops)
			return 0;	/* another kind of IOMMU */
		return kernel_problem(k, -EBADMSG,
				      "the SMMUv3 at 0x%llx is named '%s', not " SMMU_NAME_PREFIX "ADDRESS: its register base is unknown",
				      (unsigned long long)addr, name);
	}
	errno = 0;
	base = strtoull(name + strlen(SMMU_NAME_PREFIX), &end, 16);
	if (errno || *end || end == name + strlen(SMMU_NAME_PREFIX) ||
	    strncmp(name + strlen(SMMU_NAME_PREFIX), "0x", 2) != 0)
		return kernel_problem(k, -EBADMSG,
				      "the SMMUv3 at 0x%llx is named '%s', with no register base after '" SMMU_NAME_PREFIX "'",
				      (unsigned long long)addr, name);
	return add_smmu(k, s, addr, name, base);
}

int kernel_find_smmuv3(struct iommu_kernel *k, struct iommu_regs *regs)
{
	struct smmu_search s = { .regs = regs };
	int r = list_symbol(k, "iommu_device_list", "iommu_device", iommu_device, &s);

	/* A kernel without the IOMMU core has no such list, and no unit on it. */
	return r < 0 ? r : 0;
}
