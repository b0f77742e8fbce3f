/* SPDX-License-Identifier: MIT */
/*
 * What the dump commands (translate, walk, fault) share: the options that
 * name a dump and its table pointer, opening them, parsing devices and
 * addresses, and rendering a translation.
 */
#ifndef IOMMUTOOL_DUMP_SOURCE_H
#define IOMMUTOOL_DUMP_SOURCE_H

#include "iommutool.h"

enum {
	OPT_DUMP_FILE = 0x300,
	OPT_RTADDR,
	OPT_REGISTERS,
	OPT_UNIT,
	OPT_CAP,
	OPT_ECAP,
	OPT_BASE,
	OPT_STRICT,
	OPT_STRTAB,
	OPT_DEV_TABLE,
	OPT_TABLES,
	OPT_SYMBOLS,
	OPT_BTF,
};

/* The options naming a dump, in every dump command's option list. */
#define DUMP_OPTIONS                                                                          \
	{ "dump", OPT_DUMP_FILE, "FILE", 0,                                                   \
	  "Memory dump: raw image, ELF core (/proc/vmcore, QEMU) or kdump-compressed", 0 },  \
	{ "rtaddr", OPT_RTADDR, "VALUE", 0,                                                   \
	  "RTADDR_REG value (hex), translation-table mode bits included", 0 },              \
	{ "strtab", OPT_STRTAB, "BASE[,CFG]", 0,                                              \
	  "SMMUv3 STRTAB_BASE and STRTAB_BASE_CFG values (hex)", 0 },                       \
	{ "dev-table", OPT_DEV_TABLE, "VALUE", 0,                                             \
	  "AMD-Vi Device Table Base Address Register value (hex), size field included", 0 }, \
	{ "tables", OPT_TABLES, "FILE", 0,                                                    \
	  "ACPI tables (file, acpidump text or directory) for IORT/IVRS device ids", 0 },    \
	{ "registers", OPT_REGISTERS, "FILE", 0,                                              \
	  "Register values: NAME VALUE lines, or the kernel's debugfs iommu_regset", 0 },    \
	{ "unit", OPT_UNIT, "UNIT", 0,                                                        \
	  "With --registers holding several units: its name, register base or index", 0 },  \
	{ "cap", OPT_CAP, "VALUE", 0, "CAP_REG value (hex): bounds widths and page sizes", 0 }, \
	{ "ecap", OPT_ECAP, "VALUE", 0, "ECAP_REG value (hex): bounds the features used", 0 }, \
	{ "base", OPT_BASE, "ADDR", 0, "The dump is a raw memory image starting at ADDR", 0 },  \
	{ "strict", OPT_STRICT, NULL, 0,                                                      \
	  "Fault on reserved bits that kernels are known to set, instead of noting them", 0 }, \
	{ "symbols", OPT_SYMBOLS, "FILE", 0,                                                  \
	  "The dump's kernel symbols (System.map, /proc/kallsyms) instead of its kallsyms", 0 }, \
	{ "btf", OPT_BTF, "FILE", 0,                                                          \
	  "The dump's kernel types (its /sys/kernel/btf/vmlinux) instead of its BTF", 0 }

struct dump_opts {
	const char *dump;
	const char *registers;
	const char *unit;
	uint64_t rtaddr, cap, ecap, base;
	bool have_rtaddr, have_cap, have_ecap, have_base, strict;
	uint64_t strtab, strtab_cfg, dev_table;
	bool have_strtab, have_strtab_cfg, have_dev_table;
	const char *tables;
	const char *symbols, *btf;
	bool no_discovery;		/* scan: tables by their shape, never through the kernel */
};

/* Handle one of DUMP_OPTIONS; ARGP_ERR_UNKNOWN for any other key. */
error_t dump_opts_parse(struct dump_opts *o, int key, char *arg, struct argp_state *state);

/* The request's PASID or SubstreamID, and a StreamID or device id, as translate and walk take them. */
enum { OPT_PASID = 'p', OPT_SID = 0x380, OPT_SSID };
struct requester_opts {
	uint32_t pasid, stream;
	bool have_pasid, have_stream;
};
/* --pasid, --ssid (0 to 0xfffff) and --sid (32 bits); ARGP_ERR_UNKNOWN for any other key. */
error_t requester_opts_parse(struct requester_opts *r, int key, char *arg,
			     struct argp_state *state);

/* An opened dump with its register values and, when there is a table pointer, the unit. */
struct dump_source {
	struct iommu_dump *dump;
	struct iommu_regs *regs;	/* NULL without --registers */
	size_t unit;
	struct iommu_translator *translator;	/* the unit's tables, or NULL */
	enum iommu_vendor kind;			/* the translator's, or IOMMU_VENDOR_UNKNOWN */
	struct iommu_tables *tables;	/* --tables, or the --sysroot's: IORT, IVRS; else NULL */
	struct iommu_kernel *kernel;	/* the dump's kernel, when it was asked */
	const char *regs_source;	/* where regs came from: the file, or the dump's kernel */
	bool discovered;		/* regs are the kernel's */
};

/* Open what O names; NEED_UNIT: a table pointer is required.  Returns an exit code. */
int dump_source_open(const struct cli *cli, const struct dump_opts *o, bool need_unit,
		     struct dump_source *src);
/*
 * The id the unit sees for requester SEGMENT:RID: the StreamID the IORT
 * maps it to (SMMUv3), the IVRS alias (AMD-Vi), or the requester id itself
 * without tables.  Prints how it got there with -v.  Returns an exit code.
 */
int dump_source_requester(struct cli *cli, const struct dump_source *src, uint16_t segment,
			  uint16_t rid, uint32_t *ret_id);
void dump_source_close(struct dump_source *src);
/*
 * Back from a StreamID to the requesters the IORT maps to it on the unit's
 * SMMUv3 (the one at the register file's base, else the IORT's only one),
 * those whose own look-up (dump_source_requester) names this unit and StreamID.
 */
struct stream_requesters {
	struct iommu_iort *iort;	/* NULL: no IORT, or it does not say which SMMUv3 */
	const struct iommu_iort_node *smmu;
	struct iommu_requesters *requesters;	/* forward: the SMMU must be the first on the way */
};
void stream_requesters_open(const struct dump_source *src, struct stream_requesters *sr);
/* "0000:00:03.0", a named component's name, several joined by ","; false when none. */
bool stream_requester(const struct stream_requesters *sr, uint32_t sid, char *buf, size_t size);
void stream_requesters_close(struct stream_requesters *sr);
/* A register of the chosen unit: 0 and its value, or -ENOENT. */
int dump_source_reg(const struct dump_source *src, const char *name, uint64_t *ret);
/* The unit's name as the kernel's debugfs gives it: the register file's, else dmar and its index. */
const char *dump_source_unit_name(const struct dump_source *src, char *buf, size_t size);
/* "root table", "stream table", "device table": what the unit's table pointer points at. */
const char *dump_source_table_name(const struct dump_source *src);
/* Header lines (text) and fields (JSON) naming the unit, root table and dump. */
void dump_source_describe(struct cli *cli, const struct dump_source *src);
/* -v: how the dump was read (pages decompressed, cache hits). */
void dump_source_stats(struct cli *cli, const struct dump_source *src);

/*
 * The dump's own kernel (cli/dump-kernel.c): its units as the register set
 * (exit code; no register set when the dump has no VMCOREINFO), its copy checked against --registers (warnings), and what
 * walk opens with.
 */
int dump_kernel_discover(const struct cli *cli, const struct dump_opts *o, struct dump_source *src);
void dump_kernel_compare(const struct cli *cli, const struct dump_opts *o, struct dump_source *src);
void dump_kernel_describe(struct cli *cli, const struct dump_source *src);
/* No --dump: the running kernel's /proc/kcore, when there is one and root may read it; exit code. */
int dump_kernel_live(const struct cli *cli, const char **ret_path);
/* A dump that does not open, /proc/kcore named with its reasons (no CONFIG_PROC_KCORE, root, lockdown). */
int dump_kernel_open_error(const struct cli *cli, const char *path, int error);
/* The dump's kernel has no unit to walk: says so, returns the exit code. */
int dump_kernel_no_unit(const struct cli *cli, const struct dump_source *src);

/* "0000:00:04.0" */
void format_bdf(char *buf, size_t size, uint16_t segment, uint16_t sid);
/* "4K", "2M", "1G", "512G" or the byte count. */
void format_size(char *buf, size_t size, uint64_t bytes);
/* "rw", "r-", "-w", with "u" for user-accessible first-stage pages. */
void format_perm(char *buf, size_t size, unsigned int perm);

/*
 * One translation by SRC's unit (cli/dump-render.c): a line of text or a
 * JSON object with its walk.  SID is the requester (VT-d), StreamID
 * (SMMUv3) or device id (AMD-Vi) the unit saw; a StreamID that is no
 * requester id is shown as a number.
 */
void render_xlate(struct cli *cli, const char *key, const struct iommu_xlate *x,
		  const struct dump_source *src, uint16_t segment, uint32_t sid, uint32_t pasid,
		  uint64_t iova);
/*
 * The mapping listing (walk --mappings, --reverse) of a UNIT: its header,
 * and one row; REQUESTER: the IORT's requester for an SMMUv3 StreamID, or NULL.
 */
void render_mapping_header(struct cli *cli, enum iommu_vendor unit);
void render_mapping(struct cli *cli, enum iommu_vendor unit, const char *requester,
		    const struct iommu_mapping *m);
/*
 * fault: where the logged request's walk in the dump ends now, and whether
 * that is the logged fault (SAME) (cli/dump-render.c).
 */
void render_logged_walk(struct cli *cli, const struct iommu_xlate *x, bool same,
			const struct dump_source *src, uint16_t segment, uint32_t id, uint32_t pasid,
			uint64_t addr);
/*
 * A fault or event (cli/render-fault.c): its code, name and fields; DETAIL 1
 * adds the meaning, 2 the meaning and likely causes on lines of their own.
 */
void render_fault_code(struct cli *cli, const struct iommu_fault *f, int detail);
/* One logged fault, found at LINE; walked when SRC holds a unit of its kind. */
void render_fault(struct cli *cli, const struct iommu_fault *f, size_t line,
		  const struct dump_source *src, struct iommu_xlate *x);
/* What walk asks of a unit's tables (cli/cmd-walk.c). */
struct walk_request {
	bool mappings, leaves, have_reverse, have_id, have_pasid;
	bool all;			/* the summary lists entries that refuse everything too */
	uint64_t reverse;
	uint32_t id, pasid;		/* --device/--sid and --pasid/--ssid filters */
};
/* The space passes the --device/--sid and --pasid/--ssid filters. */
bool walk_wanted(const struct walk_request *rq, const struct iommu_space *sp);
/*
 * The columns the VT-d and AMD-Vi walk summaries open with, in this order;
 * each unit's own columns follow from WALK_COLS_COMMON.  walk_space_cells()
 * fills them for one address space (cli/dump-render.c).
 */
enum { WALK_COL_DEVICE, WALK_COL_PASID, WALK_COL_MODE, WALK_COL_DOMAIN, WALK_COL_LEVELS,
       WALK_COL_TABLE, WALK_COL_STATUS, WALK_COLS_COMMON };
void walk_space_cells(struct out_table *t, const struct iommu_space *sp);
/* "0000:00:04.0 PASID 5: TEXT": a line about the space under the table (text). */
void walk_space_note(struct out_table *t, const struct iommu_space *sp, const char *text);
/*
 * What walk's summary lists of one kind of unit: a table of its spaces, a
 * row a space that passes the filters (cli/dump-vtd.c, -smmuv3.c, -amdvi.c).
 */
struct walk_summary {
	const char *key;		/* the table's JSON key */
	const char *rows;		/* its rows in words: "address spaces" */
	const struct out_column *cols;
	size_t ncols;
	/* The cells of SP's row, and notes under the table; USERDATA: walk_summary()'s. */
	void (*row)(struct out_table *t, const struct iommu_space *sp, void *userdata);
	/* A space not listed unless --all or its id asks for it, only counted; NULL: none. */
	bool (*unused)(const struct iommu_space *sp);
	const char *unused_one, *unused_many;	/* how many such there are: "1 more ...", "%llu more ..." */
	const char *no_match, *no_rows;		/* after "no ": no space passes the filters; none at all */
};
/*
 * List SRC's spaces as WS says (cli/cmd-walk.c); TABLE: the address of the
 * unit's table, for when it is not in the dump.  Returns an exit code and
 * the rows listed in *RET_LISTED.
 */
int walk_summary(struct cli *cli, const struct walk_request *rq, struct dump_source *src,
		 const struct walk_summary *ws, uint64_t table, void *userdata, size_t *ret_listed);
/* The summary of every space, for each kind of unit (cli/dump-vtd.c, -smmuv3.c, -amdvi.c). */
int walk_vtd(struct cli *cli, const struct walk_request *rq, struct dump_source *src);
int walk_smmuv3(struct cli *cli, const struct walk_request *rq, struct dump_source *src);
int walk_amdvi(struct cli *cli, const struct walk_request *rq, struct dump_source *src);
/* --format=debugfs: what the kernel's debugfs files print of a VT-d unit's tables. */
int walk_vtd_debugfs(struct cli *cli, const struct walk_request *rq, struct dump_source *src);

#endif
