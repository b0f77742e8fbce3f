// SPDX-License-Identifier: MIT
/*
 * A small program that uses libiommu through its public header only: list
 * the ACPI tables of this machine (or of a snapshot given as the argument)
 * and say which describe an IOMMU.
 *
 *   cc example.c $(pkg-config --cflags --libs libiommu)
 */
#include <stdio.h>
#include <string.h>

#include <libiommu.h>

int main(int argc, char **argv)
{
	struct iommu_tables *tables = NULL;
	struct iommu_table *t;
	struct iommu_ctx *ctx;
	int r;

	r = iommu_ctx_new(&ctx);
	if (r < 0) {
		fprintf(stderr, "example: %s\n", strerror(-r));
		return 1;
	}
	if (argc > 1)
		iommu_ctx_set_sysroot(ctx, argv[1]);
	r = iommu_tables_new(ctx, &tables);
	if (r == 0)
		r = iommu_tables_load_sysroot(tables);
	if (r < 0)
		fprintf(stderr, "example: reading the ACPI tables: %s\n", strerror(-r));
	if (tables) {
		iommu_tables_foreach(tables, t)
			printf("%-6s %6u bytes%s\n", iommu_table_get_name(t),
			       iommu_table_get_length(t),
			       iommu_table_is_iommu(t) ? "  (describes an IOMMU)" : "");
	}
	iommu_tables_unref(tables);
	iommu_ctx_unref(ctx);
	return r < 0 ? 1 : 0;
}
