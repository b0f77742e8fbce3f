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
};

/* The options naming a dump, in every dump command's option list. */
#define DUMP_OPTIONS                                                                          \
	{ "dump", OPT_DUMP_FILE, "FILE", 0,                                                   \
	  "Memory dump: raw image, ELF core (/proc/vmcore, QEMU) or kdump-compressed", 0 },  \
	{ "rtaddr", OPT_RTADDR, "VALUE", 0,                                                   \
	  "RTADDR_REG value (hex), translation-table mode bits included", 0 },              \
	{ "registers", OPT_REGISTERS, "FILE", 0,                                              \
	  "Register values: NAME VALUE lines, or the kernel's debugfs iommu_regset", 0 },    \
	{ "unit", OPT_UNIT, "UNIT", 0,                                                        \
	  "With --registers holding several units: its name, register base or index", 0 },  \
	{ "cap", OPT_CAP, "VALUE", 0, "CAP_REG value (hex): bounds widths and page sizes", 0 }, \
	{ "ecap", OPT_ECAP, "VALUE", 0, "ECAP_REG value (hex): bounds the features used", 0 }, \
	{ "base", OPT_BASE, "ADDR", 0, "The dump is a raw memory image starting at ADDR", 0 },  \
	{ "strict", OPT_STRICT, NULL, 0,                                                      \
	  "Fault on reserved bits that kernels are known to set, instead of noting them", 0 }

struct dump_opts {
	const char *dump;
	const char *registers;
	const char *unit;
	uint64_t rtaddr, cap, ecap, base;
	bool have_rtaddr, have_cap, have_ecap, have_base, strict;
};

/* Handle one of DUMP_OPTIONS; ARGP_ERR_UNKNOWN for any other key. */
error_t dump_opts_parse(struct dump_opts *o, int key, char *arg, struct argp_state *state);

/* An opened dump with its register values and, when there is a root table pointer, the unit. */
struct dump_source {
	struct iommu_dump *dump;
	struct iommu_regs *regs;	/* NULL without --registers */
	size_t unit;
	struct iommu_vtd *vtd;		/* NULL without RTADDR */
};

/* Open what O names; NEED_VTD: a root table pointer is required.  Returns an exit code. */
int dump_source_open(const struct cli *cli, const struct dump_opts *o, bool need_vtd,
		     struct dump_source *src);
void dump_source_close(struct dump_source *src);
/* A register of the chosen unit: 0 and its value, or -ENOENT. */
int dump_source_reg(const struct dump_source *src, const char *name, uint64_t *ret);
/* Header lines (text) and fields (JSON) naming the unit, root table and dump. */
void dump_source_describe(struct cli *cli, const struct dump_source *src);
/* -v: how the dump was read (pages decompressed, cache hits). */
void dump_source_stats(struct cli *cli, const struct dump_source *src);

/* "[SSSS:]BB:DD.F" (hex) -> source id; false when malformed. */
bool parse_bdf(const char *s, uint16_t *ret_segment, uint16_t *ret_sid);
/* Hexadecimal, "0x" optional. */
bool parse_hex64(const char *s, uint64_t *ret);
/* "0000:00:04.0" */
void format_bdf(char *buf, size_t size, uint16_t segment, uint16_t sid);
/* "4K", "2M", "1G", "512G" or the byte count. */
void format_size(char *buf, size_t size, uint64_t bytes);
/* "rw", "r-", "-w", with "u" for user-accessible first-stage pages. */
void format_perm(char *buf, size_t size, unsigned int perm);

/* One translation (cli/dump-render.c): a line of text or a JSON object with its walk. */
void render_xlate(struct cli *cli, const char *key, const struct iommu_xlate *x, bool scalable,
		  uint16_t segment, uint16_t sid, uint32_t pasid, uint64_t iova);
/* A fault reason's number, condition, kernel text, meaning and causes. */
void render_fault_reason(struct cli *cli, unsigned int fr, bool verbose);

#endif
