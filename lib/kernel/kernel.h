/* SPDX-License-Identifier: MIT */
/*
 * The kernel inside a dump, as the kernel describes itself: VMCOREINFO
 * (vmcoreinfo.c), its virtual addresses through libkdumpfile's addrxlat
 * (kvaddr.c), its symbols from kallsyms or a System.map (kallsyms.c), its
 * types from BTF through libbpf (btf.c), and what they find: the IOMMU
 * units (units.c; SMMUv3 in units-smmuv3.c) and the kernel log (printk.c).
 * Everything read from the dump is bounded and checked; a failure leaves a
 * sentence in k->problem naming the symbol, field or address and why.
 */
#ifndef LIBIOMMU_KERNEL_H
#define LIBIOMMU_KERNEL_H

#include "internal.h"

/* Longest list the walks follow, and longest object they read. */
#define KERNEL_MAX_LIST 4096
#define KERNEL_MAX_OBJECT (1u << 20)

#define KSYM_NAME_LEN 512

struct ksym {
	uint32_t name;		/* offset into names: the name, or its kallsyms token bytes */
	uint32_t hash;		/* of the name (without the type) */
	uint64_t addr;		/* from a symbol file; kallsyms reads kallsyms_offsets on lookup */
};

struct ktokens;
typedef int ksyms_read_fn(void *data, uint64_t addr, void *buf, size_t size);

struct ksyms {
	char *names;		/* NUL-terminated names one after the other, or kallsyms_names' bytes */
	size_t names_size, names_cap;
	struct ksym *syms;	/* in the table's order */
	size_t nsyms, cap;
	uint32_t *index;	/* hash of the names: symbol number + 1, 0 empty */
	size_t index_mask;
	const char *source;	/* "kallsyms" or the file's path */
	/* kallsyms: the tokens names expand to, and where addresses are read */
	struct ktokens *tokens;
	ksyms_read_fn *read;
	void *data;
	uint64_t offsets, base;
	bool relative;
};

struct kvaddr;
struct btf;

struct iommu_kernel {
	int refcount;
	struct iommu_ctx *ctx;
	struct iommu_dump *dump;
	char *vmcoreinfo;		/* the note's text, NUL-terminated */
	size_t vmcoreinfo_size;
	char release[65];
	enum { KERNEL_X86_64, KERNEL_ARM64 } arch;
	struct kvaddr *xlat;
	struct ksyms syms;
	bool syms_loaded;
	char *symbols_path;		/* --symbols FILE */
	char *btf_path;			/* --btf FILE */
	struct btf *btf;
	struct {
		char name[64];
		int32_t id;		/* or -ENOENT */
	} structs[32];			/* the structures looked up in btf (btf.c) */
	size_t nstructs;
	struct btf *btf_base;		/* the kernel's, when btf is a module's split over it */
	char problem[256];
};

/* A sentence for the caller (iommu_kernel_get_problem); returns ERROR. */
int kernel_problem(struct iommu_kernel *k, int error, const char *format, ...) PRINTF_FMT(3, 4);

/* ---- VMCOREINFO (vmcoreinfo.c) ------------------------------------------- */
/* The note's text from the dump (ELF note or kdump header); -ENOENT without one. */
int vmcoreinfo_read(struct iommu_dump *dump, char **ret_text, size_t *ret_size);
/* The value of KEY ("OSRELEASE", "SYMBOL(prb)") in TEXT, copied into BUF; false when absent or too long. */
bool vmcoreinfo_value(const char *text, size_t size, const char *key, char *buf, size_t bufsize);
/* KEY's value as a number: SYMBOL(), KERNELOFFSET and "0x..." hexadecimal, others decimal (may be negative). */
bool vmcoreinfo_number(const char *text, size_t size, const char *key, uint64_t *ret);

/* ---- kernel virtual addresses (kvaddr.c) -------------------------------- */
int kvaddr_new(struct iommu_kernel *k, struct kvaddr **ret);
void kvaddr_free(struct kvaddr *x);
/* Physical address of kernel virtual ADDR; -EFAULT when not mapped. */
int kernel_phys(struct iommu_kernel *k, uint64_t addr, uint64_t *ret_phys);
/* Copy SIZE bytes at kernel virtual ADDR; -EFAULT unmapped, -ENODATA not in the dump (problem set). */
int kernel_read(struct iommu_kernel *k, uint64_t addr, void *buf, size_t size, const char *what);
int kernel_read_u64(struct iommu_kernel *k, uint64_t addr, uint64_t *ret, const char *what);

/* ---- symbols (kallsyms.c) ------------------------------------------------ */
/*
 * Read the kallsyms tables at the given addresses from the bytes READ gives
 * (kernel_read on a dump; a buffer in the fuzzer), checking every name;
 * lookups read through READ again (DATA must outlive S).  STEXT, when not
 * 0, is _stext's address: it decides how offsets are relative.
 */
struct ksyms_layout {
	uint64_t names, token_table, token_index, offsets, relative_base, num_syms, stext;
};
int ksyms_decode(struct ksyms *s, const struct ksyms_layout *l, ksyms_read_fn *read, void *data,
		 char *problem, size_t problem_size);
/* "ADDR TYPE NAME [module]" lines (System.map, /proc/kallsyms); SHIFT added to each address. */
int ksyms_parse_text(struct ksyms *s, const char *text, size_t size, uint64_t shift);
void ksyms_free(struct ksyms *s);
/* NAME's address: -ENOENT when there is no such symbol, or READ's error for its kallsyms_offsets entry. */
int ksyms_lookup(const struct ksyms *s, const char *name, uint64_t *ret);
/* Symbol I's name (I < nsyms), expanded into BUF when it is kallsyms'. */
const char *ksyms_name(const struct ksyms *s, size_t i, char buf[KSYM_NAME_LEN + 1]);
/* Load the symbols now (kernel_symbol does on first use): --symbols FILE, else kallsyms. */
int kernel_symbols_load(struct iommu_kernel *k);
/* Symbols loaded on first use: --symbols FILE, else kallsyms. */
int kernel_symbol(struct iommu_kernel *k, const char *name, uint64_t *ret);

/* ---- types (btf.c) ------------------------------------------------------- */
/* A structure member: byte offset and size; its BTF type id. */
struct kfield {
	uint32_t offset, size;
	int32_t type;
};
enum kfield_kind { KF_POINTER, KF_INT, KF_CHARS, KF_STRUCT };
int kernel_btf(struct iommu_kernel *k);
/* A module's split BTF (SOURCE names it), loaded over the kernel's: its types join the lookups. */
int kernel_btf_add_split(struct iommu_kernel *k, const void *data, size_t size, const char *source);
/* STRUCT's size; -ENOENT (problem set) when BTF has no such structure. */
int kernel_struct(struct iommu_kernel *k, const char *name, uint32_t *ret_size);
/* STRUCT.MEMBER (anonymous members searched; "a.b" a member's member), of KIND; -ENOENT/-EBADMSG with the problem set. */
int kernel_field(struct iommu_kernel *k, const char *structure, const char *member,
		 enum kfield_kind kind, struct kfield *ret);
/* The integer or pointer in OBJ (a copy of the structure) at F, zero-extended. */
uint64_t kfield_get(const uint8_t *obj, const struct kfield *f);

/* ---- the kernel log (printk.c) ------------------------------------------ */
/* Where the printk ring buffer lies and how it is laid out (VMCOREINFO), and how to read it. */
struct prb_layout {
	uint64_t prb;			/* the address of the variable prb (a pointer) */
	uint64_t desc_ring, text_data_ring;
	uint64_t desc_ring_count_bits, desc_ring_descs, desc_ring_infos, desc_ring_head_id,
		desc_ring_tail_id;
	uint64_t desc_size, desc_state_var, desc_text_blk_lpos, lpos_begin, lpos_next;
	uint64_t info_size, info_ts_nsec, info_text_len;
	uint64_t data_ring_size_bits, data_ring_data;
	uint64_t atomic_counter;
	ksyms_read_fn *read;
	void *data;
};
/* The records as dmesg lines, at most MAX_TEXT bytes of them; the count in *RET_RECORDS. */
int printk_decode(const struct prb_layout *l, size_t max_text, char **ret_text, size_t *ret_records,
		  char *problem, size_t problem_size);

/* ---- units (units.c) ----------------------------------------------------- */
/*
 * Follow the list_head at kernel address HEAD: call FN with each entry's
 * address (the list_head's address minus LINK_OFFSET).  Bounded, cycles
 * detected (-ELOOP), every pointer checked (problem set).
 */
typedef int kernel_list_fn(struct iommu_kernel *k, uint64_t entry, void *data);
int kernel_list_walk(struct iommu_kernel *k, const char *what, uint64_t head,
		     uint32_t link_offset, kernel_list_fn *fn, void *data);
/* An object of STRUCT at ADDR, copied into *RET_OBJ (freed by the caller). */
int kernel_object(struct iommu_kernel *k, const char *structure, uint64_t addr, uint8_t **ret_obj);
/* The member NAME of OBJ (a copy of STRUCT), of KIND; a problem naming it when it is not. */
int kernel_member(struct iommu_kernel *k, const uint8_t *obj, const char *structure,
		  const char *name, enum kfield_kind kind, uint64_t *ret);
/* A kernel pointer's physical address, or a problem naming the pointer (WHAT). */
int kernel_pointer_phys(struct iommu_kernel *k, uint64_t ptr, const char *what, uint64_t *ret);
/* The Arm SMMUv3 units on the kernel's IOMMU device list (units-smmuv3.c), added to REGS. */
int kernel_find_smmuv3(struct iommu_kernel *k, struct iommu_regs *regs);

#endif
