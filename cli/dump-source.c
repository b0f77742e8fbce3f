// SPDX-License-Identifier: MIT
/* Opening a dump and its root table pointer for translate, walk and fault. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump-source.h"

void format_bdf(char *buf, size_t size, uint16_t segment, uint16_t sid)
{
	snprintf(buf, size, "%04x:%02x:%02x.%x", segment, sid >> 8, (sid >> 3) & 0x1f, sid & 7);
}

void format_size(char *buf, size_t size, uint64_t bytes)
{
	static const char units[] = "KMGTPE";
	unsigned int u = 0;

	if (!bytes || bytes % 1024) {
		snprintf(buf, size, "%llu", (unsigned long long)bytes);
		return;
	}
	bytes /= 1024;
	while (bytes % 1024 == 0 && u < 5) {
		bytes /= 1024;
		u++;
	}
	snprintf(buf, size, "%llu%c", (unsigned long long)bytes, units[u]);
}

void format_perm(char *buf, size_t size, unsigned int perm)
{
	snprintf(buf, size, "%c%c%s", perm & IOMMU_PERM_READ ? 'r' : '-',
		 perm & IOMMU_PERM_WRITE ? 'w' : '-', perm & IOMMU_PERM_USER ? "u" : "");
}

error_t dump_opts_parse(struct dump_opts *o, int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case OPT_DUMP_FILE:
		o->dump = arg;
		break;
	case OPT_REGISTERS:
		o->registers = arg;
		break;
	case OPT_UNIT:
		o->unit = arg;
		break;
	case OPT_STRICT:
		o->strict = true;
		break;
	case OPT_TABLES:
		o->tables = arg;
		break;
	case OPT_SYMBOLS:
		o->symbols = arg;
		break;
	case OPT_BTF:
		o->btf = arg;
		break;
	case OPT_STRTAB: {
		char *comma = strchr(arg, ',');

		if (comma)
			*comma = 0;
		if (iommu_parse_hex(arg, &o->strtab) < 0 ||
		    (comma && iommu_parse_hex(comma + 1, &o->strtab_cfg) < 0))
			argp_error(state, "'%s' is not STRTAB_BASE[,STRTAB_BASE_CFG] (hexadecimal)", arg);
		o->have_strtab = true;
		o->have_strtab_cfg = comma != NULL;
		break;
	}
	case OPT_DEV_TABLE:
		if (iommu_parse_hex(arg, &o->dev_table) < 0)
			argp_error(state, "'%s' is not a hexadecimal value", arg);
		o->have_dev_table = true;
		break;
	case OPT_RTADDR:
	case OPT_CAP:
	case OPT_ECAP:
	case OPT_BASE: {
		uint64_t *v = key == OPT_RTADDR ? &o->rtaddr : key == OPT_CAP ? &o->cap
							   : key == OPT_ECAP ? &o->ecap : &o->base;

		if (iommu_parse_hex(arg, v) < 0)
			argp_error(state, "'%s' is not a hexadecimal value", arg);
		*(key == OPT_RTADDR ? &o->have_rtaddr : key == OPT_CAP ? &o->have_cap
			: key == OPT_ECAP ? &o->have_ecap : &o->have_base) = true;
		break;
	}
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

/* The registers that point at a unit's tables: one of them makes a unit walkable. */
static bool has_pointer(const struct iommu_regs *regs, size_t unit)
{
	static const char *const pointers[] = { "RTADDR", "STRTAB_BASE", "DEV_TABLE_BASE" };
	uint64_t v;

	for (size_t i = 0; i < sizeof(pointers) / sizeof(pointers[0]); i++)
		if (iommu_regs_get(regs, unit, pointers[i], &v) == 0)
			return true;
	return false;
}

/* The unit --unit names (name, register base, or index), or the only one with a table pointer. */
static int choose_unit(const struct cli *cli, const struct dump_opts *o, struct dump_source *src)
{
	size_t n = iommu_regs_get_unit_count(src->regs), found = n;
	uint64_t v;

	if (o->unit) {
		for (size_t i = 0; i < n; i++) {
			const char *name = iommu_regs_get_unit_name(src->regs, i);
			char index[24];

			snprintf(index, sizeof(index), "%zu", i);
			if ((name && strcmp(name, o->unit) == 0) || strcmp(index, o->unit) == 0 ||
			    (iommu_parse_hex(o->unit, &v) == 0 &&
			     v == iommu_regs_get_unit_base(src->regs, i))) {
				src->unit = i;
				return EXIT_CLEAN;
			}
		}
		cli_error(cli, 0, "no unit '%s' in %s (%zu unit%s)", o->unit, src->regs_source, n,
			  n == 1 ? "" : "s");
		return EXIT_USAGE;
	}
	for (size_t i = 0; i < n; i++) {
		if (!has_pointer(src->regs, i))
			continue;
		if (found != n) {
			cli_error(cli, 0, "%s holds several units with table pointers (RTADDR_REG, STRTAB_BASE, device table base); choose one with --unit",
				  src->regs_source);
			return EXIT_USAGE;
		}
		found = i;
	}
	src->unit = found == n ? 0 : found;
	return EXIT_CLEAN;
}

static int open_registers(const struct cli *cli, const struct dump_opts *o, struct dump_source *src)
{
	int r = iommu_regs_load(cli->ctx, o->registers, &src->regs);

	if (r == -EBADMSG) {
		cli_error(cli, 0, "no register values in '%s' (NAME VALUE lines, or debugfs iommu_regset text)",
			  o->registers);
		return EXIT_DATAERR;
	}
	if (r < 0)
		return cli_error(cli, r, "cannot read '%s'", o->registers);
	src->regs_source = o->registers;
	return choose_unit(cli, o, src);
}

/* The SMMUv3 unit: STRTAB_BASE (and _CFG) from the options or registers, IDR0-5 when all are there. */
static int open_smmuv3(const struct cli *cli, const struct dump_opts *o, struct dump_source *src)
{
	uint64_t base = o->strtab, cfg = o->strtab_cfg, v;
	uint32_t idr[6];
	bool have_idr = true;
	int r;

	if (!o->have_strtab)
		dump_source_reg(src, "STRTAB_BASE", &base);
	if (!o->have_strtab_cfg && dump_source_reg(src, "STRTAB_BASE_CFG", &cfg) < 0) {
		cli_error(cli, 0, "no STRTAB_BASE_CFG: give --strtab BASE,CFG, or --registers FILE with both");
		return EXIT_USAGE;
	}
	r = iommu_smmuv3_new(src->dump, base, cfg, &src->smmu);
	if (r < 0)
		return cli_error(cli, r, "cannot set up the SMMUv3");
	for (unsigned int i = 0; i < 6 && have_idr; i++) {
		char name[8];

		snprintf(name, sizeof(name), "IDR%u", i);
		have_idr = dump_source_reg(src, name, &v) == 0;
		idr[i] = (uint32_t)v;
	}
	if (have_idr)
		iommu_smmuv3_set_idr(src->smmu, idr);
	return EXIT_CLEAN;
}

/* The AMD-Vi unit: the device table base from the option or registers, EFR when there. */
static int open_amdvi(const struct cli *cli, const struct dump_opts *o, struct dump_source *src)
{
	uint64_t reg = o->dev_table, efr;
	int r;

	if (!o->have_dev_table)
		dump_source_reg(src, "DEV_TABLE_BASE", &reg);
	r = iommu_amdvi_new(src->dump, reg, &src->amdvi);
	if (r < 0)
		return cli_error(cli, r, "cannot set up the AMD-Vi unit");
	if (dump_source_reg(src, "EFR", &efr) == 0)
		iommu_amdvi_set_efr(src->amdvi, efr);
	return EXIT_CLEAN;
}

/* The VT-d unit: RTADDR and, bounding it, CAP and ECAP. */
static int open_vtd(const struct cli *cli, const struct dump_opts *o, struct dump_source *src)
{
	uint64_t rtaddr = o->rtaddr, cap = o->cap, ecap = o->ecap;
	bool have_cap = o->have_cap, have_ecap = o->have_ecap;
	int r;

	if (!o->have_rtaddr)
		dump_source_reg(src, "RTADDR", &rtaddr);
	if (!have_cap)
		have_cap = dump_source_reg(src, "CAP", &cap) == 0;
	if (!have_ecap)
		have_ecap = dump_source_reg(src, "ECAP", &ecap) == 0;
	r = iommu_vtd_new(src->dump, rtaddr, &src->vtd);
	if (r < 0)
		return cli_error(cli, r, "cannot set up the VT-d unit");
	/* Without both, widths and features are not bounded. */
	if (have_cap && have_ecap)
		iommu_vtd_set_caps(src->vtd, cap, ecap);
	else if (have_cap || have_ecap)
		cli_warn(cli, "CAP_REG and ECAP_REG are used together; with only one, neither bounds the walk");
	iommu_vtd_set_strict(src->vtd, o->strict);
	return EXIT_CLEAN;
}

/* Which unit the options, or else the registers, point at. */
static enum dump_unit unit_kind(const struct dump_opts *o, const struct dump_source *src)
{
	uint64_t v;

	if (o->have_rtaddr || (!o->have_strtab && !o->have_dev_table &&
			       dump_source_reg(src, "RTADDR", &v) == 0))
		return UNIT_VTD;
	if (o->have_strtab || (!o->have_dev_table && dump_source_reg(src, "STRTAB_BASE", &v) == 0))
		return UNIT_SMMUV3;
	if (o->have_dev_table || dump_source_reg(src, "DEV_TABLE_BASE", &v) == 0)
		return UNIT_AMDVI;
	return UNIT_NONE;
}

/* --tables FILE, or the --sysroot's tables: where IORT and IVRS come from. */
static int open_tables(const struct cli *cli, const struct dump_opts *o, struct dump_source *src)
{
	int r;

	if (!o->tables && iommu_ctx_is_live(cli->ctx))
		return EXIT_CLEAN;
	r = iommu_tables_new(cli->ctx, &src->tables);
	if (r < 0)
		return cli_error(cli, r, "cannot load tables");
	r = o->tables ? iommu_tables_load_path(src->tables, o->tables)
		      : iommu_tables_load_sysroot(src->tables);
	if (r < 0 && o->tables)
		return cli_error(cli, r, "cannot read the tables '%s'", o->tables);
	return EXIT_CLEAN;
}

/* Without register values, the units come from the dump's own kernel (not for scan, nor a raw image). */
static bool wants_kernel(const struct dump_opts *o)
{
	return !o->no_discovery && !o->registers && !o->have_rtaddr && !o->have_strtab &&
	       !o->have_dev_table && !o->have_base;
}

int dump_source_open(const struct cli *cli, const struct dump_opts *o, bool need_unit,
		     struct dump_source *src)
{
	const char *reason = NULL;
	struct dump_opts live;
	int r, code;

	memset(src, 0, sizeof(*src));
	if (!o->dump && o->no_discovery) {
		cli_error(cli, 0, "no dump: give --dump FILE");
		return EXIT_USAGE;
	}
	/* No dump: the running kernel, as root may read it. */
	if (!o->dump) {
		live = *o;
		code = dump_kernel_live(cli, &live.dump);
		if (code)
			return code;
		o = &live;
	}
	if (o->registers) {
		code = open_registers(cli, o, src);
		if (code)
			return code;
	}
	if (o->have_rtaddr + o->have_strtab + o->have_dev_table > 1) {
		cli_error(cli, 0, "--rtaddr, --strtab and --dev-table each name a unit: give one");
		return EXIT_USAGE;
	}
	r = o->have_base ? iommu_dump_open_raw(cli->ctx, o->dump, o->base, &src->dump)
			 : iommu_dump_open(cli->ctx, o->dump, &src->dump, &reason);
	if (r == -EBADMSG) {
		cli_error(cli, 0, "cannot read the dump '%s': %s", o->dump,
			  reason ? reason : "damaged or unknown format");
		return EXIT_DATAERR;
	}
	if (r < 0)
		return dump_kernel_open_error(cli, o->dump, r);
	if (wants_kernel(o)) {
		code = dump_kernel_discover(cli, o, src);
		if (!code && src->regs)
			code = choose_unit(cli, o, src);
		if (code)
			return code;
	} else if (o->registers && !o->no_discovery) {
		dump_kernel_compare(cli, o, src);
	}
	src->kind = unit_kind(o, src);
	if (need_unit && src->kind == UNIT_NONE) {
		if (src->discovered)
			return dump_kernel_no_unit(cli, src);
		cli_error(cli, 0, "no table pointer: give --rtaddr (VT-d), --strtab (SMMUv3) or --dev-table (AMD-Vi), or --registers FILE with one of them; without register values, 'iommutool scan --dump %s' finds the tables in the dump and the option to give",
			  o->dump);
		return EXIT_USAGE;
	}
	code = open_tables(cli, o, src);
	if (code)
		return code;
	switch (src->kind) {
	case UNIT_VTD:
		return open_vtd(cli, o, src);
	case UNIT_SMMUV3:
		return open_smmuv3(cli, o, src);
	case UNIT_AMDVI:
		return open_amdvi(cli, o, src);
	case UNIT_NONE:
		break;
	}
	return EXIT_CLEAN;
}

void dump_source_close(struct dump_source *src)
{
	iommu_vtd_unref(src->vtd);
	iommu_smmuv3_unref(src->smmu);
	iommu_amdvi_unref(src->amdvi);
	iommu_tables_unref(src->tables);
	iommu_kernel_unref(src->kernel);
	iommu_dump_unref(src->dump);
	iommu_regs_unref(src->regs);
	memset(src, 0, sizeof(*src));
}

int dump_source_reg(const struct dump_source *src, const char *name, uint64_t *ret)
{
	return src->regs ? iommu_regs_get(src->regs, src->unit, name, ret) : -ENOENT;
}

void dump_source_describe(struct cli *cli, const struct dump_source *src)
{
	struct out *o = cli->out;
	const char *name = src->regs ? iommu_regs_get_unit_name(src->regs, src->unit) : NULL;
	uint64_t base = src->regs ? iommu_regs_get_unit_base(src->regs, src->unit) : IOMMU_NO_ADDR;
	uint64_t start, end;
	size_t ranges = 0;

	out_begin_object(o, "dump");
	out_str(o, "file", "dump %s", iommu_dump_get_path(src->dump));
	out_str(o, "format", " (%s", iommu_dump_format_name(iommu_dump_get_format(src->dump)));
	while (iommu_dump_get_range(src->dump, ranges, &start, &end) == 0)
		ranges++;
	if (ranges)
		out_uint(o, "ranges", ranges == 1 ? ", %llu range" : ", %llu ranges", ranges);
	out_text(o, ")\n");
	out_end_object(o);
	if (src->discovered)
		dump_kernel_describe(cli, src);
	if (src->kind == UNIT_NONE)
		return;
	out_begin_object(o, "unit");
	if (name)
		out_str(o, "name", "unit %s", name);
	if (base != IOMMU_NO_ADDR)
		out_hex(o, "register_base", name ? " at 0x%llx" : "unit at 0x%llx", base);
	if (name || base != IOMMU_NO_ADDR)
		out_text(o, "\n");
	if (src->vtd) {
		out_hex(o, "rtaddr", "root table 0x%llx", iommu_vtd_get_rtaddr(src->vtd) & ~0xfffULL);
		out_str(o, "mode", ", %s mode\n", iommu_vtd_ttm_name(iommu_vtd_get_ttm(src->vtd)));
	} else if (src->smmu) {
		uint64_t cfg = iommu_smmuv3_get_strtab_base_cfg(src->smmu);

		out_hex(o, "strtab_base", "stream table 0x%llx",
			iommu_smmuv3_get_strtab_base(src->smmu) & 0x000fffffffffffc0ULL);
		out_str(o, "format", ", %s", (cfg >> 16 & 3) == 1 ? "2-level" : "linear");
		out_uint(o, "log2size", ", 2^%llu StreamIDs", cfg & 0x3f);
		if ((cfg >> 16 & 3) == 1)
			out_uint(o, "split", ", split %llu", cfg >> 6 & 0x1f);
		out_text(o, "\n");
	} else {
		uint64_t reg = iommu_amdvi_get_dev_table_base(src->amdvi);

		out_hex(o, "dev_table", "device table 0x%llx", reg & 0x000ffffffffff000ULL);
		out_uint(o, "entries", ", %llu entries\n", ((reg & 0x1ff) + 1) * 128);
	}
	out_end_object(o);
}

void dump_source_stats(struct cli *cli, const struct dump_source *src)
{
	struct out *o = cli->out;

	if (iommu_dump_get_format(src->dump) != IOMMU_DUMP_KDUMP)
		return;
	out_begin_object(o, "dump_stats");
	out_uint(o, "pages_decompressed", "dump: %llu pages decompressed",
		 iommu_dump_get_pages_loaded(src->dump));
	out_uint(o, "cache_hits", ", %llu loads from the page cache",
		 iommu_dump_get_cache_hits(src->dump));
	out_uint(o, "cache_bytes", ", %llu bytes cached\n", iommu_dump_get_cache_size(src->dump));
	out_end_object(o);
}
