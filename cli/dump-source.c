// SPDX-License-Identifier: MIT
/* Opening a dump and its root table pointer for translate, walk and fault. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump-source.h"

bool parse_hex64(const char *s, uint64_t *ret)
{
	uint64_t v = 0;
	int digits = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	for (; *s; s++, digits++) {
		int c = tolower((unsigned char)*s);

		if (!isxdigit(c) || digits >= 16)
			return false;
		v = v << 4 | (uint64_t)(isdigit(c) ? c - '0' : c - 'a' + 10);
	}
	*ret = v;
	return digits > 0;
}

bool parse_bdf(const char *s, uint16_t *ret_segment, uint16_t *ret_sid)
{
	unsigned int seg = 0, bus, dev, fn;
	int n = -1;

	if (sscanf(s, "%x:%x:%x.%x%n", &seg, &bus, &dev, &fn, &n) == 4 && n == (int)strlen(s)) {
		if (seg > 0xffff)
			return false;
	} else if (seg = 0, n = -1,
		   !(sscanf(s, "%x:%x.%x%n", &bus, &dev, &fn, &n) == 3 && n == (int)strlen(s))) {
		return false;
	}
	if (bus > 0xff || dev > 0x1f || fn > 7 || !isxdigit((unsigned char)s[0]))
		return false;
	*ret_segment = (uint16_t)seg;
	*ret_sid = (uint16_t)(bus << 8 | dev << 3 | fn);
	return true;
}

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
	case OPT_RTADDR:
	case OPT_CAP:
	case OPT_ECAP:
	case OPT_BASE: {
		uint64_t *v = key == OPT_RTADDR ? &o->rtaddr : key == OPT_CAP ? &o->cap
							   : key == OPT_ECAP ? &o->ecap : &o->base;

		if (!parse_hex64(arg, v))
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

/* The unit --unit names (name, register base, or index), or the only one with RTADDR. */
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
			    (parse_hex64(o->unit, &v) && v == iommu_regs_get_unit_base(src->regs, i))) {
				src->unit = i;
				return EXIT_CLEAN;
			}
		}
		cli_error(cli, 0, "no unit '%s' in '%s' (%zu unit%s)", o->unit, o->registers, n,
			  n == 1 ? "" : "s");
		return EXIT_USAGE;
	}
	for (size_t i = 0; i < n; i++) {
		if (iommu_regs_get(src->regs, i, "RTADDR", &v) < 0)
			continue;
		if (found != n) {
			cli_error(cli, 0, "'%s' holds several units with RTADDR_REG; choose one with --unit",
				  o->registers);
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
	return choose_unit(cli, o, src);
}

int dump_source_open(const struct cli *cli, const struct dump_opts *o, bool need_vtd,
		     struct dump_source *src)
{
	uint64_t rtaddr = o->rtaddr, cap = o->cap, ecap = o->ecap;
	bool have_rtaddr = o->have_rtaddr, have_cap = o->have_cap, have_ecap = o->have_ecap;
	const char *reason = NULL;
	int r, code;

	memset(src, 0, sizeof(*src));
	if (!o->dump) {
		cli_error(cli, 0, "no dump: give --dump FILE");
		return EXIT_USAGE;
	}
	if (o->registers) {
		code = open_registers(cli, o, src);
		if (code)
			return code;
		if (!have_rtaddr)
			have_rtaddr = iommu_regs_get(src->regs, src->unit, "RTADDR", &rtaddr) == 0;
		if (!have_cap)
			have_cap = iommu_regs_get(src->regs, src->unit, "CAP", &cap) == 0;
		if (!have_ecap)
			have_ecap = iommu_regs_get(src->regs, src->unit, "ECAP", &ecap) == 0;
	}
	if (need_vtd && !have_rtaddr) {
		cli_error(cli, 0, "no root table pointer: give --rtaddr VALUE, or --registers FILE with RTADDR_REG");
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
		return cli_error(cli, r, "cannot open the dump '%s'", o->dump);
	if (have_rtaddr) {
		r = iommu_vtd_new(src->dump, rtaddr, &src->vtd);
		if (r < 0)
			return cli_error(cli, r, "cannot set up the VT-d unit");
		/* Without both, widths and features are not bounded. */
		if (have_cap && have_ecap)
			iommu_vtd_set_caps(src->vtd, cap, ecap);
		else if (have_cap || have_ecap)
			cli_warn(cli, "CAP_REG and ECAP_REG are used together; with only one, neither bounds the walk");
		iommu_vtd_set_strict(src->vtd, o->strict);
	}
	return EXIT_CLEAN;
}

void dump_source_close(struct dump_source *src)
{
	iommu_vtd_unref(src->vtd);
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
	if (!src->vtd)
		return;
	out_begin_object(o, "unit");
	if (name)
		out_str(o, "name", "unit %s", name);
	if (base != IOMMU_NO_ADDR)
		out_hex(o, "register_base", name ? " at 0x%llx" : "unit at 0x%llx", base);
	if (name || base != IOMMU_NO_ADDR)
		out_text(o, "\n");
	out_hex(o, "rtaddr", "root table 0x%llx", iommu_vtd_get_rtaddr(src->vtd) & ~0xfffULL);
	out_str(o, "mode", ", %s mode\n", iommu_vtd_ttm_name(iommu_vtd_get_ttm(src->vtd)));
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
