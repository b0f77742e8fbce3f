// SPDX-License-Identifier: MIT
/*
 * A dump that explains itself: with no register value given, the units come
 * from the dump's own kernel (its symbols and BTF), as the register set a
 * --registers file gives; with one given, the kernel's copy is checked
 * against it.  And what walk says first: the kernel and its units.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "dump-source.h"

/* Every register the kernel's structures give, for the comparison with a file. */
static const char *const kernel_registers[] = { "RTADDR", "CAP", "ECAP", "IRTA", "IQA",
						"DEV_TABLE_BASE", "EFR", "STRTAB_BASE",
						"STRTAB_BASE_CFG" };

#define KCORE "/proc/kcore"

int dump_kernel_live(const struct cli *cli, const char **ret_path)
{
	if (!iommu_ctx_is_live(cli->ctx)) {
		cli_error(cli, 0, "no dump: give --dump FILE (a snapshot holds no running kernel)");
		return EXIT_USAGE;
	}
	if (access(KCORE, F_OK) < 0) {
		cli_error(cli, 0, "no dump given, and this kernel has no %s to read itself from (CONFIG_PROC_KCORE off): give --dump FILE",
			  KCORE);
		return EXIT_NOINPUT;
	}
	if (geteuid() != 0) {
		cli_error(cli, 0, "no dump given; reading the running kernel through %s needs root: run as root, or give --dump FILE",
			  KCORE);
		return EXIT_NOPERM;
	}
	*ret_path = KCORE;
	return EXIT_CLEAN;
}

int dump_kernel_open_error(const struct cli *cli, const char *path, int error)
{
	if (strcmp(path, KCORE) != 0)
		return cli_error(cli, error, "cannot open the dump '%s'", path);
	if (error == -ENOENT)
		cli_error(cli, 0, "this kernel has no %s (CONFIG_PROC_KCORE off): give --dump FILE", KCORE);
	else if (error == -EPERM || error == -EACCES)
		cli_error(cli, 0, "cannot read %s: %s (it needs root, and kernel lockdown forbids it)",
			  KCORE, strerror(-error));
	else
		return cli_error(cli, error, "cannot read %s", KCORE);
	return exit_code_for_error(error);
}

static int open_kernel(const struct cli *cli, const struct dump_opts *o, struct dump_source *src)
{
	int r = iommu_kernel_new(src->dump, &src->kernel);

	if (r >= 0 && o->symbols)
		r = iommu_kernel_set_symbols_file(src->kernel, o->symbols);
	if (r >= 0 && o->btf)
		r = iommu_kernel_set_btf_file(src->kernel, o->btf);
	if (r < 0)
		return cli_error(cli, r, "cannot read the dump's kernel");
	return EXIT_CLEAN;
}

int dump_kernel_discover(const struct cli *cli, const struct dump_opts *o, struct dump_source *src)
{
	int code = open_kernel(cli, o, src), r;

	if (code)
		return code;
	/* A dump without VMCOREINFO (a raw image, QEMU without vmcoreinfo) has no kernel to ask. */
	r = iommu_kernel_load(src->kernel);
	if (r == -ENOENT) {
		src->kernel = iommu_kernel_unref(src->kernel);
		return EXIT_CLEAN;
	}
	if (r >= 0)
		r = iommu_kernel_find_units(src->kernel, &src->regs);
	if (r < 0) {
		cli_error(cli, 0, "cannot find the IOMMU units in '%s': %s", o->dump,
			  iommu_kernel_get_problem(src->kernel));
		if (r == -ENOENT)
			cli_warn(cli, "without them, give the unit's registers: --registers FILE, or --rtaddr, --strtab, --dev-table (iommutool scan finds candidates)");
		return r == -ENODATA || r == -EFAULT ? EXIT_DATAERR : exit_code_for_error(r);
	}
	src->regs_source = o->symbols ? (o->btf ? "the dump's kernel (symbols and BTF from the files given)"
					       : "the dump's kernel (symbols from the file given, BTF)")
				      : (o->btf ? "the dump's kernel (kallsyms, BTF from the file given)"
					       : "the dump's kernel (kallsyms and BTF)");
	src->discovered = true;
	return EXIT_CLEAN;
}

void dump_kernel_compare(const struct cli *cli, const struct dump_opts *o, struct dump_source *src)
{
	struct iommu_regs *found = NULL;
	uint64_t base = iommu_regs_get_unit_base(src->regs, src->unit);
	size_t n;

	if (open_kernel(cli, o, src) || iommu_kernel_find_units(src->kernel, &found) < 0) {
		iommu_regs_unref(found);
		return;
	}
	n = iommu_regs_get_unit_count(found);
	for (size_t u = 0; u < n; u++) {
		if (n > 1 && iommu_regs_get_unit_base(found, u) != base)
			continue;
		for (size_t i = 0; i < sizeof(kernel_registers) / sizeof(kernel_registers[0]); i++) {
			uint64_t file, kernel;

			if (dump_source_reg(src, kernel_registers[i], &file) < 0 ||
			    iommu_regs_get(found, u, kernel_registers[i], &kernel) < 0 || file == kernel)
				continue;
			cli_warn(cli, "%s: %s is 0x%llx in '%s', 0x%llx in the dump's kernel",
				 iommu_regs_get_unit_name(found, u) ? iommu_regs_get_unit_name(found, u) : "unit",
				 kernel_registers[i], (unsigned long long)file, o->registers,
				 (unsigned long long)kernel);
		}
	}
	iommu_regs_unref(found);
}

/* A unit as the kernel set it up: its kind and mode, from the registers it has. */
static void describe_unit(struct out *o, const struct iommu_regs *regs, size_t u)
{
	const char *name = iommu_regs_get_unit_name(regs, u);
	uint64_t rtaddr, cap, ecap, efr, devtab, strtab, cfg, idr0;
	bool vtd = iommu_regs_get(regs, u, "CAP", &cap) == 0;

	out_begin_object(o, NULL);
	out_str(o, "name", "  %-8s", name ? name : "-");
	out_hex(o, "register_base", "  0x%-10llx", iommu_regs_get_unit_base(regs, u));
	if (vtd) {
		out_str(o, "kind", "  %s", "VT-d");
		if (iommu_regs_get(regs, u, "RTADDR", &rtaddr) == 0) {
			out_str(o, "mode", "  %-10s", (rtaddr >> 10 & 3) == 1 ? "scalable" : "legacy");
			out_hex(o, "rtaddr", "  RTADDR 0x%llx", rtaddr);
		} else {
			out_str(o, "mode", "  %-10s", "no root table");
		}
		out_hex(o, "cap", "  CAP 0x%016llx", cap);
		if (iommu_regs_get(regs, u, "ECAP", &ecap) == 0)
			out_hex(o, "ecap", "  ECAP 0x%016llx", ecap);
	} else if (iommu_regs_get(regs, u, "STRTAB_BASE", &strtab) == 0 &&
		   iommu_regs_get(regs, u, "STRTAB_BASE_CFG", &cfg) == 0) {
		out_str(o, "kind", "  %s", "SMMUv3");
		out_str(o, "mode", "  %-10s", cfg >> 16 & 3 ? "2-level" : "linear");
		out_hex(o, "strtab_base", "  STRTAB_BASE 0x%llx", strtab);
		out_hex(o, "strtab_base_cfg", "  STRTAB_BASE_CFG 0x%llx", cfg);
		if (iommu_regs_get(regs, u, "IDR0", &idr0) == 0)
			out_hex(o, "idr0", "  IDR0 0x%08llx", idr0);
	} else {
		out_str(o, "kind", "  %s", "AMD-Vi");
		if (iommu_regs_get(regs, u, "DEV_TABLE_BASE", &devtab) == 0) {
			out_str(o, "mode", "  %-10s", "translating");
			out_hex(o, "dev_table_base", "  DEV_TABLE_BASE 0x%llx", devtab);
		} else {
			out_str(o, "mode", "  %-10s", "no device table");
		}
		if (iommu_regs_get(regs, u, "EFR", &efr) == 0)
			out_hex(o, "efr", "  EFR 0x%016llx", efr);
	}
	out_text(o, "\n");
	out_end_object(o);
}

int dump_kernel_no_unit(const struct cli *cli, const struct dump_source *src)
{
	size_t n = iommu_regs_get_unit_count(src->regs);

	if (!n)
		cli_error(cli, 0, "the kernel %s in '%s' has no IOMMU unit (dmar_drhd_units, amd_iommu_list and its SMMUv3s on iommu_device_list are empty)",
			  iommu_kernel_get_release(src->kernel), iommu_dump_get_path(src->dump));
	else
		cli_error(cli, 0, "the kernel %s in '%s' set up no translation table on its %zu IOMMU unit%s (DMA remapping off)",
			  iommu_kernel_get_release(src->kernel), iommu_dump_get_path(src->dump), n,
			  n == 1 ? "" : "s");
	return EXIT_NOINPUT;
}

void dump_kernel_describe(struct cli *cli, const struct dump_source *src)
{
	struct out *out = cli->out;
	size_t n = iommu_regs_get_unit_count(src->regs);
	char *cmdline = NULL;

	out_begin_object(out, "kernel");
	out_str(out, "release", "kernel %s\n", iommu_kernel_get_release(src->kernel));
	if (iommu_kernel_get_cmdline(src->kernel, &cmdline) == 0)
		out_str(out, "cmdline", "command line: %s\n", cmdline);
	else
		out_null(out, "cmdline", NULL);
	free(cmdline);
	out_uint(out, "unit_count", n == 1 ? "%llu IOMMU unit" : "%llu IOMMU units", n);
	out_str(out, "found_in", ", found in %s\n", src->regs_source);
	out_begin_array(out, "units");
	for (size_t u = 0; u < n; u++)
		describe_unit(out, src->regs, u);
	out_end_array(out);
	out_end_object(out);
}
