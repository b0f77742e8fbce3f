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

error_t requester_opts_parse(struct requester_opts *r, int key, char *arg,
			     struct argp_state *state)
{
	char *end;

	switch (key) {
	case OPT_PASID:
	case OPT_SSID: {
		unsigned long v;

		errno = 0;
		v = strtoul(arg, &end, 0);
		if (errno || *end || !*arg || *arg == '-' || v > 0xfffff)
			argp_error(state, "'%s' is not a %s (0 to 0xfffff)", arg,
				   key == OPT_SSID ? "SubstreamID" : "PASID");
		r->pasid = (uint32_t)v;
		r->have_pasid = true;
		break;
	}
	case OPT_SID: {
		unsigned long long v;

		errno = 0;
		v = strtoull(arg, &end, 0);
		if (errno || *end || !*arg || *arg == '-' || v > 0xffffffffULL)
			argp_error(state, "'%s' is not a StreamID (0 to 0xffffffff)", arg);
		r->stream = (uint32_t)v;
		r->have_stream = true;
		break;
	}
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

/* The unit --unit names (name, register base, or index), or the only one with a table pointer. */
static int choose_unit(const struct cli *cli, const struct dump_opts *o, struct dump_source *src)
{
	size_t n = iommu_regs_get_unit_count(src->regs);
	int r = iommu_regs_find_unit(src->regs, o->unit, &src->unit);

	if (r == -ENOENT) {
		cli_error(cli, 0, "no unit '%s' in %s (%zu unit%s)", o->unit, src->regs_source, n,
			  n == 1 ? "" : "s");
		return EXIT_USAGE;
	}
	if (r < 0) {
		cli_error(cli, 0, "%s holds several units with table pointers (RTADDR_REG, STRTAB_BASE, device table base); choose one with --unit",
			  src->regs_source);
		return EXIT_USAGE;
	}
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

struct register_lookup {
	const struct dump_opts *o;
	const struct dump_source *src;
};

/*
 * A register from its option, else from the register file; a table pointer
 * given as an option hides the file's other pointers.
 */
static int option_or_register(const char *name, uint64_t *ret, void *userdata)
{
	const struct register_lookup *l = userdata;
	const struct dump_opts *o = l->o;
	const struct {
		const char *name;
		bool have;
		uint64_t value;
		bool pointer;
	} options[] = {
		{ "RTADDR", o->have_rtaddr, o->rtaddr, true },
		{ "STRTAB_BASE", o->have_strtab, o->strtab, true },
		{ "DEV_TABLE_BASE", o->have_dev_table, o->dev_table, true },
		{ "STRTAB_BASE_CFG", o->have_strtab_cfg, o->strtab_cfg, false },
		{ "CAP", o->have_cap, o->cap, false },
		{ "ECAP", o->have_ecap, o->ecap, false },
	};
	bool pointer_option = o->have_rtaddr || o->have_strtab || o->have_dev_table;

	for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
		if (strcmp(name, options[i].name))
			continue;
		if (options[i].have) {
			*ret = options[i].value;
			return 0;
		}
		if (options[i].pointer && pointer_option)
			return -ENOENT;
	}
	return dump_source_reg(l->src, name, ret);
}

/* Whether the options or the registers name a unit's tables. */
static bool has_table_pointer(const struct dump_opts *o, const struct dump_source *src)
{
	static const char *const pointers[] = { "RTADDR", "STRTAB_BASE", "DEV_TABLE_BASE" };
	struct register_lookup lookup = { o, src };
	uint64_t v;

	for (size_t i = 0; i < sizeof(pointers) / sizeof(pointers[0]); i++)
		if (option_or_register(pointers[i], &v, &lookup) == 0)
			return true;
	return false;
}

/* The unit the options, or else the registers, point at. */
static int open_unit(const struct cli *cli, const struct dump_opts *o, struct dump_source *src)
{
	struct register_lookup lookup = { o, src };
	const char *note = NULL;
	int r;

	r = iommu_translator_new_registers(src->dump, option_or_register, &lookup, &src->translator,
					   &note);
	if (r == -ENOENT)
		return EXIT_CLEAN;
	if (r == -EINVAL) {
		cli_error(cli, 0, "no STRTAB_BASE_CFG: give --strtab BASE,CFG, or --registers FILE with both");
		return EXIT_USAGE;
	}
	if (r < 0)
		return cli_error(cli, r, "cannot set up the unit");
	if (note)
		cli_warn(cli, "%s", note);
	src->kind = iommu_translator_get_vendor(src->translator);
	iommu_vtd_set_strict(src->translator, o->strict);
	return EXIT_CLEAN;
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
	if (need_unit && !has_table_pointer(o, src)) {
		if (src->discovered)
			return dump_kernel_no_unit(cli, src);
		cli_error(cli, 0, "no table pointer: give --rtaddr (VT-d), --strtab (SMMUv3) or --dev-table (AMD-Vi), or --registers FILE with one of them; without register values, 'iommutool scan --dump %s' finds the tables in the dump and the option to give",
			  o->dump);
		return EXIT_USAGE;
	}
	code = open_tables(cli, o, src);
	if (code)
		return code;
	return open_unit(cli, o, src);
}

void dump_source_close(struct dump_source *src)
{
	iommu_translator_unref(src->translator);
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

const char *dump_source_unit_name(const struct dump_source *src, char *buf, size_t size)
{
	const char *name = src->regs ? iommu_regs_get_unit_name(src->regs, src->unit) : NULL;

	if (name)
		return name;
	snprintf(buf, size, "dmar%zu", src->unit);
	return buf;
}

const char *dump_source_table_name(const struct dump_source *src)
{
	switch (src->kind) {
	case IOMMU_VENDOR_ARM:
		return "stream table";
	case IOMMU_VENDOR_AMD:
		return "device table";
	default:
		return "root table";
	}
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
	if (src->kind == IOMMU_VENDOR_UNKNOWN)
		return;
	out_begin_object(o, "unit");
	if (name)
		out_str(o, "name", "unit %s", name);
	if (base != IOMMU_NO_ADDR)
		out_hex(o, "register_base", name ? " at 0x%llx" : "unit at 0x%llx", base);
	if (name || base != IOMMU_NO_ADDR)
		out_text(o, "\n");
	if (src->kind == IOMMU_VENDOR_INTEL) {
		out_hex(o, "rtaddr", "root table 0x%llx",
			iommu_vtd_get_rtaddr(src->translator) & ~0xfffULL);
		out_str(o, "mode", ", %s mode\n",
			iommu_vtd_ttm_name(iommu_vtd_get_ttm(src->translator)));
	} else if (src->kind == IOMMU_VENDOR_ARM) {
		uint64_t cfg = iommu_smmuv3_get_strtab_base_cfg(src->translator);

		out_hex(o, "strtab_base", "stream table 0x%llx",
			iommu_smmuv3_get_strtab_base(src->translator) & 0x000fffffffffffc0ULL);
		out_str(o, "format", ", %s", (cfg >> 16 & 3) == 1 ? "2-level" : "linear");
		out_uint(o, "log2size", ", 2^%llu StreamIDs", cfg & 0x3f);
		if ((cfg >> 16 & 3) == 1)
			out_uint(o, "split", ", split %llu", cfg >> 6 & 0x1f);
		out_text(o, "\n");
	} else {
		uint64_t reg = iommu_amdvi_get_dev_table_base(src->translator);

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
