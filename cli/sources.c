// SPDX-License-Identifier: MIT
/* Where ACPI tables come from: FILE arguments, or the sysroot. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iommutool.h"

int table_sources_add(struct table_sources *src, char *file)
{
	char **bigger = reallocarray(src->files, (size_t)src->nfiles + 1, sizeof(*bigger));

	if (!bigger)
		return ENOMEM;
	src->files = bigger;
	src->files[src->nfiles++] = file;
	return 0;
}

void render_table_position(struct out *o, const struct iommu_table *t)
{
	if (iommu_table_source_is_text(t))
		out_uint(o, "source_line", NULL, iommu_table_get_source_offset(t));
	else
		out_hex(o, "source_offset", NULL, iommu_table_get_source_offset(t));
}

void table_sources_cleanup(void *opts)
{
	struct table_sources *src = opts;

	free(src->files);
	src->files = NULL;
	src->nfiles = 0;
}

static int worse(int a, int b)
{
	/* Exit codes of input errors: the more fundamental one wins. */
	return a > b ? a : b;
}

/*
 * Report every input problem; tables that need root to read are named in one
 * message.  Returns the worst exit code.
 */
static int report_problems(const struct cli *cli, const struct iommu_tables *tables)
{
	struct iommu_problem *p;
	int code = EXIT_CLEAN, denied = 0;
	char *names = NULL;
	size_t names_size = 0;
	FILE *list = open_memstream(&names, &names_size);

	iommu_tables_foreach_problem(tables, p) {
		uint64_t offset = iommu_problem_get_offset(p);
		const char *source = iommu_problem_get_source(p);
		int error = iommu_problem_get_error(p);

		if (error == -EACCES && list) {
			const char *base = strrchr(source, '/');

			fprintf(list, "%s%s", denied++ ? ", " : "", base ? base + 1 : source);
			continue;
		}
		if (error == 0) {
			cli_warn(cli, "'%s': %s", source, iommu_problem_get_message(p));
			continue;
		}
		if (error != -EBADMSG)
			cli_error(cli, 0, "cannot read '%s': %s", source, iommu_problem_get_message(p));
		else if (offset == IOMMU_NO_OFFSET)
			cli_error(cli, 0, "'%s': %s", source, iommu_problem_get_message(p));
		else if (iommu_problem_offset_is_line(p))
			cli_error(cli, 0, "'%s', line %llu: %s", source, (unsigned long long)offset,
				  iommu_problem_get_message(p));
		else
			cli_error(cli, 0, "'%s', offset 0x%llx: %s", source, (unsigned long long)offset,
				  iommu_problem_get_message(p));
		code = worse(code, exit_code_for_error(error));
	}
	if (list)
		fclose(list);
	if (denied)
		code = worse(code, cli_error(cli, -EACCES, "cannot read %d ACPI table%s (%s)", denied,
					     denied == 1 ? "" : "s", names ? names : ""));
	free(names);
	return code;
}

int table_sources_load(const struct cli *cli, const struct table_sources *src,
		       struct iommu_tables **ret_tables)
{
	struct iommu_tables *tables;
	int r = iommu_tables_new(cli->ctx, &tables);

	if (r < 0)
		return cli_error(cli, r, "cannot load tables");
	if (src->nfiles == 0) {
		r = iommu_tables_load_sysroot(tables);
		if (r == -ENOENT || r == -ENOTDIR) {
			/* No ACPI: a normal answer on device-tree machines and in snapshots without tables. */
			*ret_tables = tables;
			return EXIT_CLEAN;
		}
		if (r < 0 && !iommu_tables_get_first_problem(tables)) {
			iommu_tables_unref(tables);
			return cli_error(cli, r, "cannot list the ACPI tables in '%s/sys/firmware/acpi/tables'",
					 iommu_ctx_is_live(cli->ctx) ? "" : iommu_ctx_get_sysroot(cli->ctx));
		}
	} else {
		for (int i = 0; i < src->nfiles; i++)
			iommu_tables_load_path(tables, src->files[i]);
	}
	*ret_tables = tables;
	return report_problems(cli, tables);
}
