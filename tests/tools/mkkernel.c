// SPDX-License-Identifier: MIT
/*
 * mkkernel CASE DIR: a synthetic x86-64 kernel for the discovery's tests,
 * written as DIR/vmcore (an ELF core: a VMCOREINFO note and one PT_LOAD of
 * physical memory), DIR/btf (raw BTF made with libbpf's writer) and
 * DIR/System.map.  Its page tables map the direct map (0xffff888000000000)
 * and the kernel image (0xffffffff80000000) onto physical 0 with 1 GiB
 * pages; amd_iommu_list holds struct amd_iommu entries, laid out as the BTF
 * says.  CASE shapes the list or the types:
 *   good      one unit (ivhd0 at 0xfeb80000, EFR 0x123, a 4 KiB device table)
 *   cycle     two entries that point at each other, never back at the head
 *   long      4097 entries, one more than any walk follows
 *   null      an entry whose next pointer is NULL
 *   unmapped  an entry whose next pointer lies beyond the page tables
 *   missing   the BTF's struct amd_iommu has no member 'features'
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

#define DIRECT_MAP 0xffff888000000000ull
#define KERNEL_MAP 0xffffffff80000000ull
#define MEM_SIZE 0x60000u
#define PGD 0x1000u		/* init_top_pgt */
#define PUD_DIRECT 0x2000u
#define PUD_KERNEL 0x3000u
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

static uint8_t mem[MEM_SIZE];

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

static uint64_t direct(uint32_t phys)
{
	return DIRECT_MAP + phys;
}

static void build_memory(const char *kase)
{
	uint64_t head = KERNEL_MAP + LIST_HEAD;
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
		put64(ENTRIES, DIRECT_MAP + (1ull << 30));	/* PUD_DIRECT maps only the first GiB */
}

/* The structures the AMD-Vi discovery reads, as raw BTF; MISSING leaves out amd_iommu.features. */
static int write_btf(const char *path, bool missing)
{
	struct btf *b = btf__new_empty();
	int u64, u32, u16, u64_ptr, list, list_ptr, seg, seg_ptr, iommu, r = -1;
	const void *raw;
	uint32_t size;
	FILE *f;

	if (!b)
		return -1;
	/* Fields attach to the structure added last, so pointers come first. */
	u64 = btf__add_int(b, "long long unsigned int", 8, 0);
	u32 = btf__add_int(b, "unsigned int", 4, 0);
	u16 = btf__add_int(b, "short unsigned int", 2, 0);
	u64_ptr = btf__add_ptr(b, u64);
	list_ptr = btf__add_ptr(b, u16 + 3);	/* the list_head added next */
	list = btf__add_struct(b, "list_head", 16);
	btf__add_field(b, "next", list_ptr, 0, 0);
	btf__add_field(b, "prev", list_ptr, 64, 0);
	seg = btf__add_struct(b, "amd_iommu_pci_seg", SEG_SIZE);
	btf__add_field(b, "dev_table", u64_ptr, SEG_DEV_TABLE * 8, 0);
	btf__add_field(b, "dev_table_size", u32, SEG_DEV_TABLE_SIZE * 8, 0);
	seg_ptr = btf__add_ptr(b, seg);
	iommu = btf__add_struct(b, "amd_iommu", IOMMU_SIZE);
	btf__add_field(b, "list", list, 0, 0);
	btf__add_field(b, "mmio_phys", u64, IOMMU_MMIO_PHYS * 8, 0);
	if (!missing)
		btf__add_field(b, "features", u64, IOMMU_FEATURES * 8, 0);
	btf__add_field(b, "index", u16, IOMMU_INDEX * 8, 0);
	btf__add_field(b, "pci_seg", seg_ptr, IOMMU_PCI_SEG * 8, 0);
	raw = list != list_ptr + 1 || iommu < 0 ? NULL : btf__raw_data(b, &size);
	f = raw ? fopen(path, "wx") : NULL;
	if (f && fwrite(raw, 1, size, f) == size)
		r = 0;
	if (f && fclose(f) != 0)
		r = -1;
	btf__free(b);
	return r;
}

static int write_core(const char *path)
{
	static const char info[] = "OSRELEASE=6.1.0-synthetic\n"
				   "PAGESIZE=4096\n"
				   "SYMBOL(init_top_pgt)=ffffffff80001000\n"
				   "NUMBER(phys_base)=0\n"
				   "KERNELOFFSET=0\n"
				   "NUMBER(pgtable_l5_enabled)=0\n";
	struct core_header {
		Elf64_Ehdr eh;
		Elf64_Phdr ph[2];
		Elf64_Nhdr nh;
		char name[12];	/* "VMCOREINFO", padded to 4 */
		char desc[(sizeof(info) + 3) & ~3u];
	} h;
	const off_t data = 4096;
	int fd, r = -1;

	memset(&h, 0, sizeof(h));
	memcpy(h.eh.e_ident, ELFMAG, SELFMAG);
	h.eh.e_ident[EI_CLASS] = ELFCLASS64;
	h.eh.e_ident[EI_DATA] = ELFDATA2LSB;
	h.eh.e_ident[EI_VERSION] = EV_CURRENT;
	h.eh.e_type = ET_CORE;
	h.eh.e_machine = EM_X86_64;
	h.eh.e_version = EV_CURRENT;
	h.eh.e_phoff = offsetof(struct core_header, ph);
	h.eh.e_ehsize = sizeof(Elf64_Ehdr);
	h.eh.e_phentsize = sizeof(Elf64_Phdr);
	h.eh.e_phnum = 2;
	h.ph[0].p_type = PT_NOTE;
	h.ph[0].p_offset = offsetof(struct core_header, nh);
	h.ph[0].p_filesz = sizeof(h) - offsetof(struct core_header, nh);
	h.ph[1].p_type = PT_LOAD;
	h.ph[1].p_offset = data;
	h.ph[1].p_filesz = h.ph[1].p_memsz = MEM_SIZE;
	h.ph[1].p_align = 4096;
	h.nh.n_namesz = sizeof("VMCOREINFO");
	h.nh.n_descsz = sizeof(info) - 1;
	memcpy(h.name, "VMCOREINFO", sizeof("VMCOREINFO"));
	memcpy(h.desc, info, sizeof(info) - 1);
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
	r = fprintf(f, "%016llx D amd_iommu_list\n", KERNEL_MAP + LIST_HEAD) < 0 ? -1 : 0;
	return fclose(f) != 0 ? -1 : r;
}

int main(int argc, char **argv)
{
	static const char *const cases[] = { "good", "cycle", "long", "null", "unmapped", "missing" };
	char path[4096];
	bool known = false;

	for (size_t i = 0; argc == 3 && i < sizeof(cases) / sizeof(cases[0]); i++)
		known |= strcmp(argv[1], cases[i]) == 0;
	if (!known) {
		fprintf(stderr, "usage: mkkernel good|cycle|long|null|unmapped|missing DIR\n");
		return 64;
	}
	build_memory(argv[1]);
	snprintf(path, sizeof(path), "%s/vmcore", argv[2]);
	if (write_core(path) < 0)
		goto fail;
	snprintf(path, sizeof(path), "%s/btf", argv[2]);
	if (write_btf(path, strcmp(argv[1], "missing") == 0) < 0)
		goto fail;
	snprintf(path, sizeof(path), "%s/System.map", argv[2]);
	if (write_symbols(path) < 0)
		goto fail;
	return 0;
fail:
	fprintf(stderr, "mkkernel: cannot write '%s'\n", path);
	return 73;
}
