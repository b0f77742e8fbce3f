// SPDX-License-Identifier: MIT
/*
 * mkkernel CASE DIR: a synthetic kernel for the discovery's tests, written
 * as DIR/vmcore (an ELF core: a VMCOREINFO note and one PT_LOAD of physical
 * memory), DIR/btf (raw BTF made with libbpf's writer) and DIR/System.map.
 *
 * The AMD-Vi cases are an x86-64 kernel: its page tables map the direct map
 * (0xffff888000000000) and the kernel image (0xffffffff80000000) onto
 * physical 0 with 1 GiB pages; amd_iommu_list holds struct amd_iommu
 * entries, laid out as the BTF says.
 *   good      one unit (ivhd0 at 0xfeb80000, EFR 0x123, a 4 KiB device table)
 *   cycle     two entries that point at each other, never back at the head
 *   long      4097 entries, one more than any walk follows
 *   null      an entry whose next pointer is NULL
 *   unmapped  an entry whose next pointer lies beyond the page tables
 *   missing   the BTF's struct amd_iommu has no member 'features'
 *
 * The SMMUv3 cases are an arm64 kernel (VA_BITS 48, 4 KiB pages: the linear
 * map at 0xffff000000000000 with a 1 GiB block, the image at
 * 0xffff800008000000 with a 2 MiB block, both onto physical 0) whose
 * arm_smmu_v3 module registered one SMMUv3 on iommu_device_list: the module
 * on 'modules' with its ELF symbol table (arm_smmu_ops), its split BTF on
 * btf_modules (struct arm_smmu_device, Linux 6.12's arm_smmu_strtab_cfg),
 * and a 2-level stream table from mkimage-smmuv3.h where StreamID 8 maps
 * IOVA 0x10000000 to 0x1f0000.
 * An SMMUv2 (smmu.0x000000002b400000, other ops) is on the list first.
 *   smmu          the unit smmu3.0x0000000009050000
 *   smmu-noops    the module's symbol table has no arm_smmu_ops: known by name
 *   smmu-builtin  no module: the driver and struct arm_smmu_device are the kernel's
 *   smmu-6.1      Linux 6.1's arm_smmu_strtab_cfg, which keeps the two registers
 *   smmu-nobtf    btf_modules is empty: the module's types are unknown
 *   smmu-noname   the unit's sysfs name is "smmu3", with no register base
 *   smmu-modcycle the module list cycles without coming back to its head
 */
#include <elf.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/btf.h>

#include "mkimage-smmuv3.h"

#define X86_DIRECT_MAP 0xffff888000000000ull
#define X86_KERNEL_MAP 0xffffffff80000000ull
#define ARM_DIRECT_MAP 0xffff000000000000ull
#define ARM_KERNEL_MAP 0xffff800008000000ull	/* kimage_voffset: the image at physical 0 */
#define MEM_SIZE 0x200000u
#define PGD 0x1000u		/* init_top_pgt, swapper_pg_dir */
#define PUD_DIRECT 0x2000u
#define PUD_KERNEL 0x3000u
#define PMD_KERNEL 0x6000u	/* arm64: the image's 2 MiB block */
#define LIST_HEAD 0x4000u	/* amd_iommu_list, in the kernel image */
#define PCI_SEG 0x5000u
#define DEV_TABLE 0x8000u
#define ENTRIES 0x10000u	/* struct amd_iommu, one every ENTRY_STRIDE bytes */
#define ENTRY_STRIDE 64u
#define LONG_LIST 4097u

/* The synthetic struct amd_iommu and struct amd_iommu_pci_seg. */
#define IOMMU_MMIO_PHYS 16u
#define IOMMU_FEATURES 24u
#define IOMMU_INDEX 32u
#define IOMMU_PCI_SEG 40u
#define IOMMU_SIZE 48u
#define SEG_DEV_TABLE 0u
#define SEG_DEV_TABLE_SIZE 8u
#define SEG_SIZE 16u

/* The arm64 kernel's SMMUv3 objects, and the synthetic layouts BTF gives them. */
#define SMMU_DEVICES 0x60000u	/* iommu_device_list, in the kernel image */
#define SMMU_MODULES 0x60010u	/* modules */
#define SMMU_BTF_MODULES 0x60020u	/* btf_modules */
#define SMMU_MODULE 0x61000u	/* struct module: list 0, name 16 (56 bytes), kallsyms 72 */
#define SMMU_OTHER_MODULE 0x61080u
#define MODULE_NAME 16u
#define MODULE_KALLSYMS 72u
#define MODULE_SIZE 128u
#define SMMU_KALLSYMS 0x61100u	/* struct mod_kallsyms: symtab 0, num_symtab 8, strtab 16 */
#define SMMU_SYMTAB 0x61200u
#define SMMU_STRTAB 0x61300u
#define SMMU_OPS 0x61400u	/* arm_smmu_ops */
#define SMMU_BTF_MODULE 0x61500u	/* struct btf_module: list 0, module 16, btf 24 */
#define SMMU_BTF 0x61600u	/* struct btf: data 0, data_size 8 */
#define SMMU_BTF_DATA 0x62000u
#define SMMU_BTF_MAX 0x4000u
#define SMMU_DEVICE 0x66000u	/* struct arm_smmu_device, see write_module_btf() */
#define SMMU_IOMMU 96u		/* its struct iommu_device: list 0, ops 16, dev 24 */
#define SMMU_STRTAB_CFG 40u	/* its struct arm_smmu_strtab_cfg, 48 bytes */
#define SMMU_DEV 0x66100u	/* struct device: kobj at 8, its name pointer first */
#define SMMU_NAME 0x66200u
#define SMMU_V2 0x66300u	/* an SMMUv2's struct iommu_device, its device and name */
#define SMMU_V2_DEV 0x66340u
#define SMMU_V2_NAME 0x66380u
#define SMMU_SID_BITS 16u
#define SMMU_IMAGE_LO 0x100000u	/* mkimage-smmuv3.h's tables */
#define SMMU_STREAMS "smmuv3 strtab=2level log2size=16 split=8\n" \
		     "ste 8 config=s1\ncd 8 asid=3\nmap 8 0x10000000 0x1f0000 4K user\n"

static uint8_t mem[MEM_SIZE];
static bool arm64;
static unsigned long long direct_map, kernel_map;

static void put64(uint32_t at, uint64_t v)
{
	memcpy(mem + at, &v, 8);	/* the tool runs on little-endian hosts, as the dump's kernel */
}

static void put32(uint32_t at, uint32_t v)
{
	memcpy(mem + at, &v, 4);
}

/* ENTRY's list_head links to the entries NEXT and PREV (kernel addresses). */
static void link_entry(uint32_t entry, uint64_t next, uint64_t prev)
{
	put64(entry, next);
	put64(entry + 8, prev);
}

static unsigned long long direct(uint32_t phys)
{
	return direct_map + phys;
}

static void build_memory(const char *kase)
{
	uint64_t head = kernel_map + LIST_HEAD;
	uint32_t n = strcmp(kase, "long") == 0 ? LONG_LIST : strcmp(kase, "cycle") == 0 ? 2 : 1;

	/* 4-level paging, 1 GiB pages: PGD[273] the direct map, PGD[511] the kernel image. */
	put64(PGD + 273 * 8, PUD_DIRECT | 0x3);
	put64(PGD + 511 * 8, PUD_KERNEL | 0x3);
	put64(PUD_DIRECT, 0x83);
	put64(PUD_KERNEL + 510 * 8, 0x83);

	put64(PCI_SEG + SEG_DEV_TABLE, direct(DEV_TABLE));
	put32(PCI_SEG + SEG_DEV_TABLE_SIZE, 0x1000);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t e = ENTRIES + i * ENTRY_STRIDE;

		link_entry(e, i + 1 < n ? direct(e + ENTRY_STRIDE) : head,
			   i ? direct(e - ENTRY_STRIDE) : head);
		put64(e + IOMMU_MMIO_PHYS, 0xfeb80000ull + 0x10000ull * i);
		put64(e + IOMMU_FEATURES, 0x123);
		mem[e + IOMMU_INDEX] = (uint8_t)i;
		put64(e + IOMMU_PCI_SEG, direct(PCI_SEG));
	}
	link_entry(LIST_HEAD, direct(ENTRIES), direct(ENTRIES + (n - 1) * ENTRY_STRIDE));
	if (strcmp(kase, "cycle") == 0)
		put64(ENTRIES + ENTRY_STRIDE, direct(ENTRIES));
	else if (strcmp(kase, "null") == 0)
		put64(ENTRIES, 0);
	else if (strcmp(kase, "unmapped") == 0)
		put64(ENTRIES, direct_map + (1ull << 30));	/* PUD_DIRECT maps only the first GiB */
}

/* arm64: PGD[0] the linear map (1 GiB block), PGD[256] the image (2 MiB block at PMD[64]). */
static void build_arm64_tables(void)
{
	put64(PGD, PUD_DIRECT | 0x3);
	put64(PGD + 256 * 8, PUD_KERNEL | 0x3);
	put64(PUD_DIRECT, 0x401);			/* block, AF */
	put64(PUD_KERNEL, PMD_KERNEL | 0x3);
	put64(PMD_KERNEL + 64 * 8, 0x401);
}

static void self_linked(uint32_t head)
{
	link_entry(head, kernel_map + head, kernel_map + head);
}

/* The module, its symbols and BTF record, the unit, its name, and its stream table. */
static int build_smmu_memory(const char *kase)
{
	static const char strtab[] = "\0arm_smmu_probe\0arm_smmu_ops";
	const char *name = strcmp(kase, "smmu-noname") == 0 ? "smmu3" : "smmu3.0x0000000009050000";
	struct smmu_img si;
	struct img m;
	uint32_t sym;

	build_arm64_tables();
	/* iommu_device_list -> an SMMUv2 -> the unit's struct iommu_device. */
	link_entry(SMMU_DEVICES, direct(SMMU_V2), direct(SMMU_DEVICE + SMMU_IOMMU));
	link_entry(SMMU_V2, direct(SMMU_DEVICE + SMMU_IOMMU), kernel_map + SMMU_DEVICES);
	put64(SMMU_V2 + 16, direct(SMMU_OPS + 0x80));
	put64(SMMU_V2 + 24, direct(SMMU_V2_DEV));
	put64(SMMU_V2_DEV + 8, direct(SMMU_V2_NAME));
	memcpy(mem + SMMU_V2_NAME, "smmu.0x000000002b400000", 24);
	link_entry(SMMU_DEVICE + SMMU_IOMMU, kernel_map + SMMU_DEVICES, direct(SMMU_V2));
	put64(SMMU_DEVICE + SMMU_IOMMU + 16, direct(SMMU_OPS));
	put64(SMMU_DEVICE + SMMU_IOMMU + 24, direct(SMMU_DEV));
	put64(SMMU_DEV + 8, direct(SMMU_NAME));
	memcpy(mem + SMMU_NAME, name, strlen(name) + 1);
	/* modules -> arm_smmu_v3; smmu-modcycle: another module, then the two point at each other. */
	if (strcmp(kase, "smmu-builtin") == 0) {
		self_linked(SMMU_MODULES);
	} else if (strcmp(kase, "smmu-modcycle") == 0) {
		link_entry(SMMU_MODULES, direct(SMMU_OTHER_MODULE), direct(SMMU_MODULE));
		link_entry(SMMU_OTHER_MODULE, direct(SMMU_MODULE), kernel_map + SMMU_MODULES);
		link_entry(SMMU_MODULE, direct(SMMU_OTHER_MODULE), direct(SMMU_OTHER_MODULE));
		memcpy(mem + SMMU_OTHER_MODULE + MODULE_NAME, "ext4", 5);
	} else {
		link_entry(SMMU_MODULES, direct(SMMU_MODULE), direct(SMMU_MODULE));
		link_entry(SMMU_MODULE, kernel_map + SMMU_MODULES, kernel_map + SMMU_MODULES);
	}
	memcpy(mem + SMMU_MODULE + MODULE_NAME, "arm_smmu_v3", 12);
	put64(SMMU_MODULE + MODULE_KALLSYMS, direct(SMMU_KALLSYMS));
	put64(SMMU_KALLSYMS, direct(SMMU_SYMTAB));
	put32(SMMU_KALLSYMS + 8, 3);
	put64(SMMU_KALLSYMS + 16, direct(SMMU_STRTAB));
	memcpy(mem + SMMU_STRTAB, strtab, strcmp(kase, "smmu-noops") == 0 ? 16 : sizeof(strtab));
	/* Elf64_Sym: st_name, st_info, st_other, st_shndx, st_value, st_size; symbol 0 is null. */
	for (sym = 1; sym < 3; sym++) {
		put32(SMMU_SYMTAB + 24 * sym, sym == 1 ? 1 : 16);
		put64(SMMU_SYMTAB + 24 * sym + 8, sym == 1 ? direct(SMMU_OPS + 0x100) : direct(SMMU_OPS));
	}
	/* btf_modules -> the module's BTF (its bytes written later); empty without it. */
	if (strcmp(kase, "smmu-nobtf") == 0 || strcmp(kase, "smmu-builtin") == 0) {
		self_linked(SMMU_BTF_MODULES);
	} else {
		link_entry(SMMU_BTF_MODULES, direct(SMMU_BTF_MODULE), direct(SMMU_BTF_MODULE));
		link_entry(SMMU_BTF_MODULE, kernel_map + SMMU_BTF_MODULES, kernel_map + SMMU_BTF_MODULES);
	}
	put64(SMMU_BTF_MODULE + 16, direct(SMMU_MODULE));
	put64(SMMU_BTF_MODULE + 24, direct(SMMU_BTF));
	put64(SMMU_BTF, direct(SMMU_BTF_DATA));
	/* The unit: 2-level stream table, 16-bit StreamIDs, 48-bit OAS, 4K/2M/1G pages. */
	if (img_init(&m, SMMU_IMAGE_LO, MEM_SIZE, 0) < 0 || smmu_img_build(&si, &m, SMMU_STREAMS) < 0) {
		fprintf(stderr, "mkkernel: %s\n", m.error);
		return -1;
	}
	put32(SMMU_DEVICE + 0, 1u << 0 | 1u << 2 | 1u << 8 | 1u << 9 | 1u << 10);	/* features */
	put32(SMMU_DEVICE + 4, SMMU_SID_BITS);
	put32(SMMU_DEVICE + 8, 20);		/* ssid_bits */
	put32(SMMU_DEVICE + 12, 16);		/* asid_bits */
	put32(SMMU_DEVICE + 16, 16);		/* vmid_bits */
	put64(SMMU_DEVICE + 24, 48);		/* oas */
	put64(SMMU_DEVICE + 32, 0x40201000);	/* pgsize_bitmap */
	if (strcmp(kase, "smmu-6.1") == 0) {	/* strtab_cfg.strtab_base, strtab_base_cfg */
		put64(SMMU_DEVICE + SMMU_STRTAB_CFG + 32, si.strtab | 1ull << 62);
		put32(SMMU_DEVICE + SMMU_STRTAB_CFG + 40, (uint32_t)smmu_img_cfg(&si));
	} else {				/* strtab_cfg.l2.l1_dma, num_l1_ents */
		put64(SMMU_DEVICE + SMMU_STRTAB_CFG + 16, si.strtab);
		put32(SMMU_DEVICE + SMMU_STRTAB_CFG + 24, 1u << (si.log2size - si.split));
	}
	for (size_t i = 0; i < m.cap; i++)
		if (m.pages[i])
			memcpy(mem + m.frames[i] * IMG_PAGE, m.pages[i], IMG_PAGE);
	smmu_img_free(&si);
	img_free(&m);
	return 0;
}

static int write_raw_btf(const char *path, struct btf *b)
{
	uint32_t size;
	const void *raw = btf__raw_data(b, &size);
	FILE *f = raw ? fopen(path, "wx") : NULL;
	int r = -1;

	if (f && fwrite(raw, 1, size, f) == size)
		r = 0;
	if (f && fclose(f) != 0)
		r = -1;
	return r;
}

struct base_ids {
	int u64, u32, u64_ptr, list;
};

/* The kernel's structures the discovery reads; MISSING leaves out amd_iommu.features. */
static struct btf *base_btf(bool missing, struct base_ids *id)
{
	struct btf *b = btf__new_empty();
	int u16, chr, list_ptr, seg, seg_ptr, iommu, names, kobj;

	if (!b)
		return NULL;
	/* Fields attach to the structure added last, so pointers come first. */
	id->u64 = btf__add_int(b, "long long unsigned int", 8, 0);
	id->u32 = btf__add_int(b, "unsigned int", 4, 0);
	u16 = btf__add_int(b, "short unsigned int", 2, 0);
	id->u64_ptr = btf__add_ptr(b, id->u64);
	list_ptr = btf__add_ptr(b, u16 + 3);	/* the list_head added next */
	id->list = btf__add_struct(b, "list_head", 16);
	btf__add_field(b, "next", list_ptr, 0, 0);
	btf__add_field(b, "prev", list_ptr, 64, 0);
	seg = btf__add_struct(b, "amd_iommu_pci_seg", SEG_SIZE);
	btf__add_field(b, "dev_table", id->u64_ptr, SEG_DEV_TABLE * 8, 0);
	btf__add_field(b, "dev_table_size", id->u32, SEG_DEV_TABLE_SIZE * 8, 0);
	seg_ptr = btf__add_ptr(b, seg);
	iommu = btf__add_struct(b, "amd_iommu", IOMMU_SIZE);
	btf__add_field(b, "list", id->list, 0, 0);
	btf__add_field(b, "mmio_phys", id->u64, IOMMU_MMIO_PHYS * 8, 0);
	if (!missing)
		btf__add_field(b, "features", id->u64, IOMMU_FEATURES * 8, 0);
	btf__add_field(b, "index", u16, IOMMU_INDEX * 8, 0);
	btf__add_field(b, "pci_seg", seg_ptr, IOMMU_PCI_SEG * 8, 0);
	/* What the SMMUv3 discovery reads: the IOMMU device list, modules, module BTF. */
	chr = btf__add_int(b, "char", 1, BTF_INT_SIGNED);
	names = btf__add_array(b, id->u32, chr, 56);
	btf__add_struct(b, "iommu_device", 40);
	btf__add_field(b, "list", id->list, 0, 0);
	btf__add_field(b, "ops", id->u64_ptr, 16 * 8, 0);
	btf__add_field(b, "dev", id->u64_ptr, 24 * 8, 0);
	kobj = btf__add_struct(b, "kobject", 16);
	btf__add_field(b, "name", id->u64_ptr, 0, 0);
	btf__add_struct(b, "device", 32);
	btf__add_field(b, "kobj", kobj, 8 * 8, 0);
	btf__add_struct(b, "module", MODULE_SIZE);
	btf__add_field(b, "list", id->list, 0, 0);
	btf__add_field(b, "name", names, MODULE_NAME * 8, 0);
	btf__add_field(b, "kallsyms", id->u64_ptr, MODULE_KALLSYMS * 8, 0);
	btf__add_struct(b, "mod_kallsyms", 32);
	btf__add_field(b, "symtab", id->u64_ptr, 0, 0);
	btf__add_field(b, "num_symtab", id->u32, 8 * 8, 0);
	btf__add_field(b, "strtab", id->u64_ptr, 16 * 8, 0);
	btf__add_struct(b, "btf_module", 32);
	btf__add_field(b, "list", id->list, 0, 0);
	btf__add_field(b, "module", id->u64_ptr, 16 * 8, 0);
	btf__add_field(b, "btf", id->u64_ptr, 24 * 8, 0);
	btf__add_struct(b, "btf", 16);
	btf__add_field(b, "data", id->u64_ptr, 0, 0);
	btf__add_field(b, "data_size", id->u32, 8 * 8, 0);
	if (id->list != list_ptr + 1 || iommu < 0 || btf__find_by_name(b, "btf") < 0) {
		btf__free(b);
		return NULL;
	}
	return b;
}

/* Linux 6.1's struct arm_smmu_strtab_cfg, added to B. */
static int add_strtab_cfg_6_1(struct btf *b, const struct base_ids *id)
{
	int cfg = btf__add_struct(b, "arm_smmu_strtab_cfg", 48);

	btf__add_field(b, "strtab", id->u64_ptr, 0, 0);
	btf__add_field(b, "strtab_dma", id->u64, 64, 0);
	btf__add_field(b, "l1_desc", id->u64_ptr, 128, 0);
	btf__add_field(b, "num_l1_ents", id->u32, 192, 0);
	btf__add_field(b, "strtab_base", id->u64, 256, 0);
	btf__add_field(b, "strtab_base_cfg", id->u32, 320, 0);
	return cfg;
}

/* The driver's structures as Linux 6.12 (or LINUX_6_1, 6.1) lays them out, added to B (BASE: the kernel's types). */
static int add_smmu_types(struct btf *b, const struct btf *base, const struct base_ids *id,
			  bool linux_6_1)
{
	int linear, l2, tables, cfg;

	if (linux_6_1) {
		cfg = add_strtab_cfg_6_1(b, id);
		goto device;
	}
	linear = btf__add_struct(b, NULL, 24);
	btf__add_field(b, "table", id->u64_ptr, 0, 0);
	btf__add_field(b, "ste_dma", id->u64, 64, 0);
	btf__add_field(b, "num_ents", id->u32, 128, 0);
	l2 = btf__add_struct(b, NULL, 32);
	btf__add_field(b, "l1tab", id->u64_ptr, 0, 0);
	btf__add_field(b, "l2ptrs", id->u64_ptr, 64, 0);
	btf__add_field(b, "l1_dma", id->u64, 128, 0);
	btf__add_field(b, "num_l1_ents", id->u32, 192, 0);
	tables = btf__add_union(b, NULL, 32);
	btf__add_field(b, "linear", linear, 0, 0);
	btf__add_field(b, "l2", l2, 0, 0);
	cfg = btf__add_struct(b, "arm_smmu_strtab_cfg", 48);
	btf__add_field(b, NULL, tables, 0, 0);
device:
	btf__add_struct(b, "arm_smmu_device", SMMU_IOMMU + 48);
	btf__add_field(b, "features", id->u32, 0, 0);
	btf__add_field(b, "sid_bits", id->u32, 4 * 8, 0);
	btf__add_field(b, "ssid_bits", id->u32, 8 * 8, 0);
	btf__add_field(b, "asid_bits", id->u32, 12 * 8, 0);
	btf__add_field(b, "vmid_bits", id->u32, 16 * 8, 0);
	btf__add_field(b, "oas", id->u64, 24 * 8, 0);
	btf__add_field(b, "pgsize_bitmap", id->u64, 32 * 8, 0);
	btf__add_field(b, "strtab_cfg", cfg, SMMU_STRTAB_CFG * 8, 0);
	return btf__add_field(b, "iommu", btf__find_by_name_kind(base, "iommu_device", BTF_KIND_STRUCT),
			      SMMU_IOMMU * 8, 0);
}

/* The module's split BTF into the module's memory. */
static int write_module_btf(struct btf *base, const struct base_ids *id, bool linux_6_1)
{
	struct btf *b = btf__new_empty_split(base);
	const void *raw;
	uint32_t size;

	raw = b && add_smmu_types(b, base, id, linux_6_1) == 0 ? btf__raw_data(b, &size) : NULL;
	if (!raw || size > SMMU_BTF_MAX) {
		btf__free(b);
		return -1;
	}
	memcpy(mem + SMMU_BTF_DATA, raw, size);
	put32(SMMU_BTF + 8, size);
	btf__free(b);
	return 0;
}

static int write_core(const char *path)
{
	static const char x86_info[] = "OSRELEASE=6.1.0-synthetic\n"
				       "PAGESIZE=4096\n"
				       "SYMBOL(init_top_pgt)=ffffffff80001000\n"
				       "NUMBER(phys_base)=0\n"
				       "KERNELOFFSET=0\n"
				       "NUMBER(pgtable_l5_enabled)=0\n";
	/* arch/arm64/kernel/vmcore_info.c writes these numbers in hexadecimal. */
	static const char arm_info[] = "OSRELEASE=6.12.0-synthetic-arm64\n"
				       "PAGESIZE=4096\n"
				       "SYMBOL(swapper_pg_dir)=ffff800008001000\n"
				       "SYMBOL(_stext)=ffff800008010000\n"
				       "NUMBER(VA_BITS)=48\n"
				       "NUMBER(kimage_voffset)=0xffff800008000000\n"
				       "NUMBER(PHYS_OFFSET)=0x0\n"
				       "NUMBER(TCR_EL1_T1SZ)=0x10\n"
				       "KERNELOFFSET=0\n";
	const char *info = arm64 ? arm_info : x86_info;
	size_t info_len = strlen(info);
	struct core_header {
		Elf64_Ehdr eh;
		Elf64_Phdr ph[2];
		Elf64_Nhdr nh;
		char name[12];	/* "VMCOREINFO", padded to 4 */
		char desc[(sizeof(arm_info) + 3) & ~3u];
	} h;
	const off_t data = 4096;
	int fd, r = -1;

	memset(&h, 0, sizeof(h));
	memcpy(h.eh.e_ident, ELFMAG, SELFMAG);
	h.eh.e_ident[EI_CLASS] = ELFCLASS64;
	h.eh.e_ident[EI_DATA] = ELFDATA2LSB;
	h.eh.e_ident[EI_VERSION] = EV_CURRENT;
	h.eh.e_type = ET_CORE;
	h.eh.e_machine = arm64 ? EM_AARCH64 : EM_X86_64;
	h.eh.e_version = EV_CURRENT;
	h.eh.e_phoff = offsetof(struct core_header, ph);
	h.eh.e_ehsize = sizeof(Elf64_Ehdr);
	h.eh.e_phentsize = sizeof(Elf64_Phdr);
	h.eh.e_phnum = 2;
	h.ph[0].p_type = PT_NOTE;
	h.ph[0].p_offset = offsetof(struct core_header, nh);
	h.ph[0].p_filesz = offsetof(struct core_header, desc) - offsetof(struct core_header, nh) +
			   ((info_len + 3) & ~(size_t)3);
	h.ph[1].p_type = PT_LOAD;
	h.ph[1].p_offset = data;
	h.ph[1].p_filesz = h.ph[1].p_memsz = MEM_SIZE;
	h.ph[1].p_align = 4096;
	h.nh.n_namesz = sizeof("VMCOREINFO");
	h.nh.n_descsz = (Elf64_Word)info_len;
	memcpy(h.name, "VMCOREINFO", sizeof("VMCOREINFO"));
	memcpy(h.desc, info, info_len);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd >= 0 && pwrite(fd, &h, sizeof(h), 0) == (ssize_t)sizeof(h) &&
	    pwrite(fd, mem, MEM_SIZE, data) == (ssize_t)MEM_SIZE)
		r = 0;
	if (fd >= 0 && close(fd) != 0)
		r = -1;
	return r;
}

static int write_symbols(const char *path)
{
	FILE *f = fopen(path, "wx");
	int r;

	if (!f)
		return -1;
	if (arm64)
		r = fprintf(f, "%016llx D iommu_device_list\n%016llx D modules\n%016llx D btf_modules\n",
			    kernel_map + SMMU_DEVICES, kernel_map + SMMU_MODULES,
			    kernel_map + SMMU_BTF_MODULES) < 0 ? -1 : 0;
	else
		r = fprintf(f, "%016llx D amd_iommu_list\n", kernel_map + LIST_HEAD) < 0 ? -1 : 0;
	return fclose(f) != 0 ? -1 : r;
}

int main(int argc, char **argv)
{
	static const char *const cases[] = { "good", "cycle", "long", "null", "unmapped", "missing",
					     "smmu", "smmu-noops", "smmu-builtin", "smmu-6.1", "smmu-nobtf",
					     "smmu-noname", "smmu-modcycle" };
	struct base_ids ids;
	struct btf *base = NULL;
	char path[4096] = "";
	bool known = false;

	for (size_t i = 0; argc == 3 && i < sizeof(cases) / sizeof(cases[0]); i++)
		known |= strcmp(argv[1], cases[i]) == 0;
	if (!known) {
		fprintf(stderr, "usage: mkkernel good|cycle|long|null|unmapped|missing|smmu|smmu-noops|smmu-builtin|smmu-6.1|smmu-nobtf|smmu-noname|smmu-modcycle DIR\n");
		return 64;
	}
	arm64 = strncmp(argv[1], "smmu", 4) == 0;
	direct_map = arm64 ? ARM_DIRECT_MAP : X86_DIRECT_MAP;
	kernel_map = arm64 ? ARM_KERNEL_MAP : X86_KERNEL_MAP;
	base = base_btf(strcmp(argv[1], "missing") == 0, &ids);
	if (!base)
		goto fail;
	if (arm64 && (build_smmu_memory(argv[1]) < 0 ||
		      (strcmp(argv[1], "smmu-builtin") == 0
			       ? add_smmu_types(base, base, &ids, false)
			       : write_module_btf(base, &ids, strcmp(argv[1], "smmu-6.1") == 0)) < 0))
		goto fail;
	if (!arm64)
		build_memory(argv[1]);
	snprintf(path, sizeof(path), "%s/vmcore", argv[2]);
	if (write_core(path) < 0)
		goto fail;
	snprintf(path, sizeof(path), "%s/btf", argv[2]);
	if (write_raw_btf(path, base) < 0)
		goto fail;
	snprintf(path, sizeof(path), "%s/System.map", argv[2]);
	if (write_symbols(path) < 0)
		goto fail;
	btf__free(base);
	return 0;
fail:
	btf__free(base);
	fprintf(stderr, "mkkernel: cannot write '%s'\n", path[0] ? path : argv[2]);
	return 73;
}
