// SPDX-License-Identifier: MIT
/*
 * The IOMMU units from the kernel's own lists, as the register values the
 * hardware holds, so that they open exactly as a register file does:
 *  - VT-d: dmar_drhd_units -> struct dmar_drhd_unit -> struct intel_iommu
 *    (drivers/iommu/intel/dmar.c, iommu.c, irq_remapping.c): RTADDR_REG is
 *    the root table's physical address with SMT (bit 10) in scalable mode
 *    (intel_iommu_sm and ECAP.SMTS), IRTA_REG the remapping table's with
 *    EIME (bit 11, eim_mode) and size 0xf, IQA_REG the queue's with DW and
 *    QS set when ECAP.SMTS (__dmar_enable_qi()).
 *  - AMD-Vi: amd_iommu_list -> struct amd_iommu (drivers/iommu/amd/init.c):
 *    the Device Table Base register is its PCI segment's table, physical,
 *    with the size field (pages - 1, iommu_set_device_table()); EFR is
 *    iommu->features.
 * Every member is found through BTF; every list is bounded and checked.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "kernel/kernel.h"

#define VTD_ECAP_SMTS (1ull << 43)
#define VTD_RTADDR_SMT (1ull << 10)
#define VTD_IRTA_EIME (1ull << 11)
#define VTD_IRTA_SIZE 0xfull		/* INTR_REMAP_TABLE_REG_SIZE */
#define VTD_IQA_DW (1ull << 11)
#define VTD_IQA_QS 1ull

int kernel_list_walk(struct iommu_kernel *k, const char *what, uint64_t head,
		     uint32_t link_offset, kernel_list_fn *fn, void *data)
{
	uint64_t seen[KERNEL_MAX_LIST], node;
	struct kfield next;
	size_t n = 0;
	int r;

	r = kernel_field(k, "list_head", "next", KF_POINTER, &next);
	if (r < 0)
		return r;
	r = kernel_read_u64(k, head + next.offset, &node, what);
	while (r >= 0 && node != head) {
		if (!node)
			return kernel_problem(k, -EBADMSG, "%s: a NULL link after %zu entries", what, n);
		for (size_t i = 0; i < n; i++)
			if (seen[i] == node)
				return kernel_problem(k, -ELOOP,
						      "%s: entry 0x%llx comes back after %zu entries (a cycle that misses the list head)",
						      what, (unsigned long long)node, n);
		if (n == KERNEL_MAX_LIST)
			return kernel_problem(k, -ELOOP, "%s: more than %u entries", what,
					      KERNEL_MAX_LIST);
		seen[n++] = node;
		r = fn(k, node - link_offset, data);
		if (r < 0)
			return r;
		r = kernel_read_u64(k, node + next.offset, &node, what);
	}
	return r;
}

int kernel_object(struct iommu_kernel *k, const char *structure, uint64_t addr, uint8_t **ret_obj)
{
	uint32_t size;
	uint8_t *obj;
	char what[64];
	int r = kernel_struct(k, structure, &size);

	if (r < 0)
		return r;
	if (!addr)
		return kernel_problem(k, -EBADMSG, "a NULL struct %s pointer", structure);
	obj = malloc(size ? size : 1);
	if (!obj)
		return -ENOMEM;
	snprintf(what, sizeof(what), "struct %s", structure);
	r = kernel_read(k, addr, obj, size, what);
	if (r < 0) {
		free(obj);
		return r;
	}
	*ret_obj = obj;
	return 0;
}

int kernel_member(struct iommu_kernel *k, const uint8_t *obj, const char *structure,
		  const char *name, enum kfield_kind kind, uint64_t *ret)
{
	struct kfield f;
	int r = kernel_field(k, structure, name, kind, &f);

	if (r < 0)
		return r;
	*ret = kfield_get(obj, &f);
	return 0;
}

int kernel_pointer_phys(struct iommu_kernel *k, uint64_t ptr, const char *what, uint64_t *ret)
{
	int r = kernel_phys(k, ptr, ret);

	if (r < 0)
		return kernel_problem(k, r, "%s 0x%llx is not a mapped kernel address", what,
				      (unsigned long long)ptr);
	return 0;
}

/* A global int the kernel keeps (intel_iommu_sm, eim_mode): false when absent or unreadable. */
static bool global_flag(struct iommu_kernel *k, const char *name)
{
	uint64_t addr;
	uint8_t b[4];

	return kernel_symbol(k, name, &addr) == 0 && kernel_read(k, addr, b, 4, name) == 0 &&
	       get_le32(b) != 0;
}

struct found {
	struct iommu_regs *regs;
};

static int add_unit(struct found *f, const char *name, uint64_t base, size_t *ret)
{
	return iommu_regs_add_unit(f->regs, name, base, ret);
}

static int vtd_unit(struct iommu_kernel *k, uint64_t drhd, void *data)
{
	struct found *f = data;
	uint8_t *unit = NULL, *iommu = NULL, *obj = NULL;
	uint64_t ptr, base, cap, ecap, root, phys, v;
	char name[32] = "";
	struct kfield nf;
	size_t index;
	bool sm;
	int r;

	r = kernel_object(k, "dmar_drhd_unit", drhd, &unit);
	if (r < 0)
		goto out;
	r = kernel_member(k, unit, "dmar_drhd_unit", "iommu", KF_POINTER, &ptr);
	if (r < 0)
		goto out;
	r = kernel_object(k, "intel_iommu", ptr, &iommu);
	if (r < 0)
		goto out;
	r = kernel_member(k, iommu, "intel_iommu", "reg_phys", KF_INT, &base);
	if (r >= 0)
		r = kernel_member(k, iommu, "intel_iommu", "cap", KF_INT, &cap);
	if (r >= 0)
		r = kernel_member(k, iommu, "intel_iommu", "ecap", KF_INT, &ecap);
	if (r >= 0)
		r = kernel_member(k, iommu, "intel_iommu", "root_entry", KF_POINTER, &root);
	if (r >= 0)
		r = kernel_field(k, "intel_iommu", "name", KF_CHARS, &nf);
	if (r < 0)
		goto out;
	for (size_t i = 0; i < nf.size && i < sizeof(name) - 1 && iommu[nf.offset + i]; i++)
		name[i] = (char)(iommu[nf.offset + i] >= 0x20 && iommu[nf.offset + i] < 0x7f
					 ? iommu[nf.offset + i] : '?');
	r = add_unit(f, name[0] ? name : NULL, base, &index);
	if (r >= 0)
		r = iommu_regs_set(f->regs, index, "CAP", cap);
	if (r >= 0)
		r = iommu_regs_set(f->regs, index, "ECAP", ecap);
	if (r < 0)
		goto out;
	sm = (ecap & VTD_ECAP_SMTS) && global_flag(k, "intel_iommu_sm");
	/* No root table: the kernel did not set this unit up for translation. */
	if (root) {
		r = kernel_pointer_phys(k, root, "intel_iommu.root_entry", &phys);
		if (r < 0)
			goto out;
		r = iommu_regs_set(f->regs, index, "RTADDR", phys | (sm ? VTD_RTADDR_SMT : 0));
		if (r < 0)
			goto out;
	}
	/* Interrupt remapping table and invalidation queue, when the kernel has them. */
	if (kernel_member(k, iommu, "intel_iommu", "ir_table", KF_POINTER, &ptr) == 0 && ptr &&
	    kernel_object(k, "ir_table", ptr, &obj) == 0) {
		if (kernel_member(k, obj, "ir_table", "base", KF_POINTER, &v) == 0 && v &&
		    kernel_pointer_phys(k, v, "ir_table.base", &phys) == 0)
			r = iommu_regs_set(f->regs, index, "IRTA",
					   phys | VTD_IRTA_SIZE | (global_flag(k, "eim_mode") ? VTD_IRTA_EIME : 0));
		free(obj);
		obj = NULL;
	}
	if (r >= 0 && kernel_member(k, iommu, "intel_iommu", "qi", KF_POINTER, &ptr) == 0 && ptr &&
	    kernel_object(k, "q_inval", ptr, &obj) == 0) {
		if (kernel_member(k, obj, "q_inval", "desc", KF_POINTER, &v) == 0 && v &&
		    kernel_pointer_phys(k, v, "q_inval.desc", &phys) == 0)
			r = iommu_regs_set(f->regs, index, "IQA",
					   phys | (ecap & VTD_ECAP_SMTS ? VTD_IQA_DW | VTD_IQA_QS : 0));
	}
out:
	free(obj);
	free(iommu);
	free(unit);
	return r;
}

static int amd_unit(struct iommu_kernel *k, uint64_t addr, void *data)
{
	struct found *f = data;
	uint8_t *iommu = NULL, *seg = NULL;
	uint64_t base, efr, idx, ptr, table, size, phys;
	char name[24];
	size_t index;
	int r;

	r = kernel_object(k, "amd_iommu", addr, &iommu);
	if (r >= 0)
		r = kernel_member(k, iommu, "amd_iommu", "mmio_phys", KF_INT, &base);
	if (r >= 0)
		r = kernel_member(k, iommu, "amd_iommu", "features", KF_INT, &efr);
	if (r >= 0)
		r = kernel_member(k, iommu, "amd_iommu", "index", KF_INT, &idx);
	if (r >= 0)
		r = kernel_member(k, iommu, "amd_iommu", "pci_seg", KF_POINTER, &ptr);
	if (r >= 0)
		r = kernel_object(k, "amd_iommu_pci_seg", ptr, &seg);
	if (r >= 0)
		r = kernel_member(k, seg, "amd_iommu_pci_seg", "dev_table", KF_POINTER, &table);
	if (r >= 0)
		r = kernel_member(k, seg, "amd_iommu_pci_seg", "dev_table_size", KF_INT, &size);
	if (r < 0)
		goto out;
	/* sysfs names the unit "ivhd<index>" (amd_iommu_init_pci()). */
	snprintf(name, sizeof(name), "ivhd%u", (unsigned int)(idx & 0xffff));
	r = add_unit(f, name, base, &index);
	if (r >= 0)
		r = iommu_regs_set(f->regs, index, "EFR", efr);
	if (r < 0 || !table)
		goto out;
	if (size < 4096 || size > (512ull << 12) || size % 4096) {
		r = kernel_problem(k, -EBADMSG, "%s: a device table of %llu bytes", name,
				   (unsigned long long)size);
		goto out;
	}
	r = kernel_pointer_phys(k, table, "amd_iommu_pci_seg.dev_table", &phys);
	if (r >= 0)
		r = iommu_regs_set(f->regs, index, "DEV_TABLE_BASE", phys | ((size >> 12) - 1));
out:
	free(seg);
	free(iommu);
	return r;
}

/* The units on the list at symbol HEAD, entries STRUCTURE linked through LINK. */
static int walk_list(struct iommu_kernel *k, const char *head, const char *structure,
		     const char *link, kernel_list_fn *fn, struct found *f)
{
	struct kfield lf;
	uint64_t addr;
	int r;

	r = kernel_symbol(k, head, &addr);
	if (r < 0)
		return r == -ENOENT ? 0 : r;	/* that driver is not in this kernel */
	r = kernel_field(k, structure, link, KF_STRUCT, &lf);
	if (r < 0)
		return r;
	return kernel_list_walk(k, head, addr, lf.offset, fn, f);
}

IOMMU_EXPORT int iommu_kernel_find_units(struct iommu_kernel *k, struct iommu_regs **ret_regs)
{
	struct found f = { NULL };
	int r;

	r = iommu_kernel_load(k);
	if (r >= 0)
		r = kernel_symbols_load(k);
	if (r < 0)
		return r;
	r = iommu_regs_new(&f.regs);
	if (r < 0)
		return r;
	r = walk_list(k, "dmar_drhd_units", "dmar_drhd_unit", "list", vtd_unit, &f);
	if (r >= 0)
		r = walk_list(k, "amd_iommu_list", "amd_iommu", "list", amd_unit, &f);
	/* SMMUv3 exists on Arm only; on x86 the IOMMU device list holds the units above. */
	if (r >= 0 && k->arch == KERNEL_ARM64)
		r = kernel_find_smmuv3(k, f.regs);
	if (r < 0) {
		iommu_regs_unref(f.regs);
		return r;
	}
	*ret_regs = f.regs;
	return 0;
}
