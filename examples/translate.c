// SPDX-License-Identifier: MIT
/*
 * A small program that uses libiommu through its public header only: open
 * a memory dump, find the IOMMU unit a register file points at (VT-d,
 * SMMUv3 or AMD-Vi), and translate device addresses as the unit would.
 *
 *   cc translate.c $(pkg-config --cflags --libs libiommu)
 *   ./translate vmcore registers.txt 0x100 0x10000000
 *
 * REQUESTER is the id the unit sees: bus << 8 | devfn (VT-d, AMD-Vi), or a
 * StreamID (SMMUv3).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libiommu.h>

struct unit {
	const struct iommu_regs *regs;
	size_t index;
};

static int get_register(const char *name, uint64_t *ret_value, void *userdata)
{
	const struct unit *u = userdata;

	return iommu_regs_get(u->regs, u->index, name, ret_value);
}

static void print_translation(const struct iommu_xlate *x, uint64_t iova)
{
	switch (iommu_xlate_get_status(x)) {
	case IOMMU_XLATE_OK:
		printf("0x%llx -> 0x%llx (%s, %llu-byte page)\n", (unsigned long long)iova,
		       (unsigned long long)iommu_xlate_get_phys(x), iommu_xlate_get_mode(x),
		       (unsigned long long)iommu_xlate_get_page_size(x));
		break;
	case IOMMU_XLATE_FAULT:
		printf("0x%llx: fault 0x%x: %s\n", (unsigned long long)iova,
		       iommu_xlate_get_fault_reason(x), iommu_xlate_get_detail(x));
		break;
	case IOMMU_XLATE_NOT_IN_DUMP:
		printf("0x%llx: the table at 0x%llx is not in the dump\n", (unsigned long long)iova,
		       (unsigned long long)iommu_xlate_get_missing(x));
		break;
	default:
		printf("0x%llx: %s\n", (unsigned long long)iova,
		       iommu_xlate_status_name(iommu_xlate_get_status(x)));
		break;
	}
}

int main(int argc, char **argv)
{
	struct iommu_translator *translator = NULL;
	struct iommu_regs *regs = NULL;
	struct iommu_dump *dump = NULL;
	struct iommu_xlate *x = NULL;
	struct iommu_ctx *ctx = NULL;
	struct unit unit = { 0 };
	const char *what = "setting up";
	int r;

	if (argc < 5) {
		fprintf(stderr, "usage: %s DUMP REGISTER-FILE REQUESTER IOVA...\n", argv[0]);
		return 2;
	}
	r = iommu_ctx_new(&ctx);
	if (r == 0 && (what = "reading the dump", r = iommu_dump_open(ctx, argv[1], &dump, NULL)) == 0 &&
	    (what = "reading the registers", r = iommu_regs_load(ctx, argv[2], &regs)) == 0 &&
	    (what = "choosing the unit", r = iommu_regs_find_unit(regs, NULL, &unit.index)) == 0) {
		unit.regs = regs;
		what = "finding the unit's tables";
		r = iommu_translator_new_registers(dump, get_register, &unit, &translator, NULL);
	}
	if (r == 0)
		r = iommu_xlate_new(&x);
	for (int i = 4; r == 0 && i < argc; i++) {
		uint64_t iova = strtoull(argv[i], NULL, 0);

		r = iommu_translator_translate(translator, (uint32_t)strtoul(argv[3], NULL, 0),
					       IOMMU_NO_PASID, iova, IOMMU_ACCESS_READ, 0, x);
		what = "translating";
		if (r == 0)
			print_translation(x, iova);
	}
	if (r < 0)
		fprintf(stderr, "translate: %s: %s\n", what, strerror(-r));
	iommu_xlate_unref(x);
	iommu_translator_unref(translator);
	iommu_regs_unref(regs);
	iommu_dump_unref(dump);
	iommu_ctx_unref(ctx);
	return r < 0 ? 1 : 0;
}
