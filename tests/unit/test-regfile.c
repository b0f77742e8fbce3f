// SPDX-License-Identifier: MIT
/* Register files: NAME VALUE lines, wider tables, and the kernel's debugfs iommu_regset text. */
#include <errno.h>

#include "libiommu.h"
#include "unit.h"

static struct iommu_ctx *ctx;

static struct iommu_regs *parse(const char *text)
{
	struct iommu_regs *r = NULL;

	CHECK(iommu_regs_parse(ctx, text, strlen(text), &r) == 0);
	return r;
}

static uint64_t get(const struct iommu_regs *r, size_t unit, const char *name)
{
	uint64_t v = 0xdead;

	CHECK(iommu_regs_get(r, unit, name, &v) == 0);
	return v;
}

/* A table with address, offset and size columns: the value is the last; a comment names the unit. */
static void test_table(void)
{
	struct iommu_regs *r = parse(
		"# name\taddress\toffset\tsize\tvalue\n"
		"## vtd unit at 0xfed90000 (DMAR DRHD segment 0 flags 0x0)\n"
		"VER_REG\t0xfed90000\t+0x0\t4\t0x00000010\n"
		"CAP_REG\t0xfed90008\t+0x8\t8\t0x00d2008c22260286\r\n"
		"RTADDR_REG\t0xfed90020\t+0x20\t8\t0x000000000601f000\n");
	uint64_t v;

	if (!r)
		return;
	CHECK_EQ(iommu_regs_get_unit_count(r), 1);
	CHECK_EQ(iommu_regs_get_unit_base(r, 0), 0xfed90000);
	CHECK(iommu_regs_get_unit_name(r, 0) == NULL);
	CHECK_EQ(get(r, 0, "RTADDR"), 0x601f000);
	CHECK_EQ(get(r, 0, "rtaddr_reg"), 0x601f000);
	CHECK_EQ(get(r, 0, "CAP"), 0x00d2008c22260286ULL);
	CHECK_EQ(iommu_regs_get(r, 0, "ECAP", &v), -ENOENT);
	CHECK_EQ(iommu_regs_get(r, 1, "CAP", &v), -ENOENT);
	iommu_regs_unref(r);
}

/* drivers/iommu/intel/debugfs.c iommu_regset_show(): two units, a failed one in between. */
static void test_debugfs(void)
{
	struct iommu_regs *r = parse(
		"IOMMU: dmar0 Register Base Address: fed90000\n"
		"Name\t\t\tOffset\t\tContents\n"
		"VER             \t0x00\t\t0x0000000000000010\n"
		"CAP             \t0x08\t\t0x00d2008c22260286\n"
		"RTADDR          \t0x20\t\t0x000000000601f000\n"
		"\n"
		"IOMMU: Invalid base address\n"
		"\n"
		"IOMMU: dmar1 Register Base Address: fed91000\n"
		"Name\t\t\tOffset\t\tContents\n"
		"RTADDR          \t0x20\t\t0x0000000103027400\n"
		"IQA             \t0x90\t\t0x0000000104000800\n");

	if (!r)
		return;
	CHECK_EQ(iommu_regs_get_unit_count(r), 2);
	CHECK_STR(iommu_regs_get_unit_name(r, 0), "dmar0");
	CHECK_STR(iommu_regs_get_unit_name(r, 1), "dmar1");
	CHECK_EQ(iommu_regs_get_unit_base(r, 1), 0xfed91000);
	CHECK_EQ(get(r, 0, "RTADDR"), 0x601f000);
	CHECK_EQ(get(r, 1, "RTADDR"), 0x103027400);
	CHECK_EQ(get(r, 1, "IQA"), 0x104000800);
	iommu_regs_unref(r);
}

static void test_plain(void)
{
	struct iommu_regs *r = parse("  rtaddr 601f000   # from the boot log\n"
				     "cap 0xd2008c22260286\n"
				     "this line means nothing\n"
				     "RTADDR 0x2000\n");
	struct iommu_regs *none = NULL;

	if (r) {
		/* A register met again starts the next unit. */
		CHECK_EQ(iommu_regs_get_unit_count(r), 2);
		CHECK_EQ(get(r, 0, "RTADDR"), 0x601f000);
		CHECK_EQ(get(r, 0, "CAP"), 0xd2008c22260286ULL);
		CHECK_EQ(get(r, 1, "RTADDR"), 0x2000);
		CHECK_EQ(iommu_regs_get_unit_base(r, 0), IOMMU_NO_ADDR);
	}
	iommu_regs_unref(r);
	CHECK_EQ(iommu_regs_parse(ctx, "nothing here\n# at all\n", 22, &none), -EBADMSG);
	CHECK_EQ(iommu_regs_parse(ctx, "RTADDR 0x1ffffffffffffffff\n", 27, &none), -EBADMSG);
	CHECK_EQ(iommu_regs_load(ctx, "/nonexistent/registers", &none), -ENOENT);
}

int main(void)
{
	if (iommu_ctx_new(&ctx) < 0)
		return 1;
	test_table();
	test_debugfs();
	test_plain();
	iommu_ctx_unref(ctx);
	return unit_report("regfile");
}
