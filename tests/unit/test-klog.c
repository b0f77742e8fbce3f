// SPDX-License-Identifier: MIT
/*
 * The kernel log: the fixtures' dmesg.txt read through a sysroot, prefixes
 * stripped, and lines classified (success, misleading, interrupt
 * remapping); the matcher's '*'.
 */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "live/live.h"
#include "unit.h"

static void test_matcher(void)
{
	CHECK(klog_line_matches("DMAR: dmar0: Using Queued invalidation", "DMAR: dmar*: Using Queued invalidation"));
	CHECK(klog_line_matches("x DMAR: dmar12: Using Queued invalidation y", "dmar*: Using Q"));
	CHECK(!klog_line_matches("DMAR: dmar0: Using", "dmar*: Using Queued"));
	CHECK(klog_line_matches("arm-smmu-v3 arm-smmu-v3.0.auto: ias 48-bit, oas 48-bit (features 0x00001fef)",
				"arm-smmu-v3 *: ias *-bit, oas *-bit (features 0x*)"));
	CHECK(klog_line_matches("abc", "*"));
	CHECK(klog_line_matches("aab", "a*b"));
	CHECK(!klog_line_matches("", "a"));
	/* "[Firmware Bug]" brackets are plain characters here. */
	CHECK(klog_line_matches("[Firmware Bug]: AMD-Vi: IOAPIC[9] not in IVRS table", "*: IOAPIC[*] not in IVRS table"));
}

static size_t count_what(const struct klog *log, unsigned int what)
{
	size_t n = 0;

	for (size_t i = 0; i < klog_count(log); i++) {
		const struct klog_pattern *p = klog_classify(klog_line(log, i));

		n += p && (p->what & what);
	}
	return n;
}

int main(void)
{
	const char *fixtures = getenv("FIXTURES");
	struct iommu_ctx *ctx;
	struct klog *log;
	char root[4096], empty[4096];

	test_matcher();
	snprintf(root, sizeof(root), "%s/q35-vtd-legacy", fixtures ? fixtures : "");
	if (!fixtures || access(root, F_OK) != 0) {
		printf("no fixture sysroot (needs ../shared)\n");
		return unit_report("klog");
	}
	CHECK(iommu_ctx_new(&ctx) == 0);
	CHECK(iommu_ctx_set_sysroot(ctx, root) == 0);
	CHECK(klog_load(ctx, &log) == 0);
	if (log) {
		CHECK_EQ(klog_count(log), 418);
		CHECK_STR(klog_line(log, 0), "Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) "
			  "(gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) "
			  "#1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2 (2026-11-16)");
		/* "DMAR: No RMRR/ATSR/SATC found", "Using Queued invalidation", the VT-d banner. */
		CHECK_EQ(count_what(log, KLOG_SUCCESS), 5);
		CHECK_EQ(count_what(log, KLOG_IR_ON), 1);
		CHECK_EQ(count_what(log, KLOG_VIRTUAL), 1);
		/* "DMAR: IOMMU enabled", the two iommu: lines, IOMMUv2, Host address width, DRHD base. */
		CHECK_EQ(count_what(log, KLOG_MISLEADING), 6);
		CHECK_EQ(count_what(log, KLOG_FAILURE | KLOG_FAULT), 0);
		klog_free(log);
	}
	snprintf(root, sizeof(root), "%s/q35-no-iommu", fixtures);
	CHECK(iommu_ctx_set_sysroot(ctx, root) == 0);
	CHECK(klog_load(ctx, &log) == 0);
	if (log) {
		CHECK_EQ(count_what(log, KLOG_SUCCESS | KLOG_IR_ON | KLOG_FAILURE), 0);
		CHECK_EQ(count_what(log, KLOG_MISLEADING), 3);
		klog_free(log);
	}
	CHECK(iommu_ctx_set_sysroot(ctx, unit_empty_sysroot(empty)) == 0);
	CHECK(klog_load(ctx, &log) == -ENOENT);
	unit_empty_sysroot_remove(empty);
	iommu_ctx_unref(ctx);
	return unit_report("klog");
}
