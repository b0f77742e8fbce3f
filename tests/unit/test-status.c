// SPDX-License-Identifier: MIT
/*
 * The status state model through the public API, one test sysroot per verdict
 * (the descriptions in tests/sysroots): verdict, vendor, mode, exit-relevant worst result and the
 * checks that decide; then the snapshot recorder: what a reader reads is written, links
 * stay links (absolute ones made relative), listed directories keep their names, and the
 * kernel log handed over is dmesg.txt.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libiommu.h"
#include "unit.h"

static char tmp[] = "/tmp/test-status.XXXXXX";

static struct iommu_status *status_of(const char *desc)
{
	struct iommu_status *st = NULL;
	struct iommu_ctx *ctx;
	char cmd[512], root[256];

	snprintf(root, sizeof(root), "%s/%s", tmp, desc);
	snprintf(cmd, sizeof(cmd), "tests/sysroots/make-sysroot.sh tests/sysroots/%s.desc %s", desc, root);
	CHECK(system(cmd) == 0);
	CHECK(iommu_ctx_new(&ctx) == 0);
	CHECK(iommu_ctx_set_sysroot(ctx, root) == 0);
	CHECK(iommu_status_new(ctx, &st) == 0);
	iommu_ctx_unref(ctx);
	return st;
}

static const struct iommu_status_check *check(const struct iommu_status *st, const char *id)
{
	const struct iommu_status_check *c;

	iommu_status_foreach_check(st, c)
		if (strcmp(iommu_status_check_get_id(c), id) == 0)
			return c;
	return NULL;
}

static enum iommu_result result(const struct iommu_status *st, const char *id)
{
	const struct iommu_status_check *c = check(st, id);

	return c ? iommu_status_check_get_result(c) : (enum iommu_result)-1;
}

static void test_verdicts(void)
{
	static const struct {
		const char *desc;
		enum iommu_verdict verdict;
		enum iommu_vendor vendor;
		enum iommu_mode mode;
		enum iommu_result worst;
		const char *deciding;	/* the check that fails, or that passes for an enabled IOMMU */
	} cases[] = {
		{ "intel-enabled", IOMMU_VERDICT_ENABLED, IOMMU_VENDOR_INTEL, IOMMU_MODE_LAZY,
		  IOMMU_RESULT_PASS, "kernel.units" },
		{ "amd-enabled", IOMMU_VERDICT_ENABLED, IOMMU_VENDOR_AMD, IOMMU_MODE_PASSTHROUGH,
		  IOMMU_RESULT_WARN, "kernel.units" },
		{ "arm-enabled", IOMMU_VERDICT_ENABLED, IOMMU_VENDOR_ARM, IOMMU_MODE_STRICT,
		  IOMMU_RESULT_PASS, "kernel.units" },
		{ "virtio-guest", IOMMU_VERDICT_ENABLED, IOMMU_VENDOR_VIRTIO, IOMMU_MODE_LAZY,
		  IOMMU_RESULT_WARN, "iommu.virtual" },
		{ "no-firmware", IOMMU_VERDICT_NO_FIRMWARE, IOMMU_VENDOR_INTEL, IOMMU_MODE_NONE,
		  IOMMU_RESULT_FAIL, "firmware.table" },
		{ "guest-no-iommu", IOMMU_VERDICT_GUEST_NO_VIOMMU, IOMMU_VENDOR_AMD, IOMMU_MODE_NONE,
		  IOMMU_RESULT_FAIL, "firmware.table" },
		{ "no-driver", IOMMU_VERDICT_NO_DRIVER, IOMMU_VENDOR_AMD, IOMMU_MODE_NONE,
		  IOMMU_RESULT_FAIL, "kernel.config" },
		{ "disabled-cmdline", IOMMU_VERDICT_DISABLED_CMDLINE, IOMMU_VENDOR_INTEL,
		  IOMMU_MODE_NONE, IOMMU_RESULT_FAIL, "kernel.cmdline" },
		{ "disabled-default", IOMMU_VERDICT_DISABLED_DEFAULT, IOMMU_VENDOR_INTEL,
		  IOMMU_MODE_NONE, IOMMU_RESULT_FAIL, "kernel.units" },
		{ "init-failed", IOMMU_VERDICT_INIT_FAILED, IOMMU_VENDOR_INTEL, IOMMU_MODE_NONE,
		  IOMMU_RESULT_FAIL, "kernel.log" },
		{ "xen-dom0", IOMMU_VERDICT_HYPERVISOR, IOMMU_VENDOR_INTEL, IOMMU_MODE_NONE,
		  IOMMU_RESULT_FAIL, "kernel.units" },
		{ "unknown", IOMMU_VERDICT_UNKNOWN, IOMMU_VENDOR_AMD, IOMMU_MODE_NONE,
		  IOMMU_RESULT_FAIL, "kernel.units" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct iommu_status *st = status_of(cases[i].desc);
		enum iommu_result deciding = cases[i].verdict == IOMMU_VERDICT_ENABLED ? IOMMU_RESULT_PASS
											: IOMMU_RESULT_FAIL;

		if (!st)
			continue;
		if (iommu_status_get_verdict(st) != cases[i].verdict)
			fprintf(stderr, "%s: verdict %s\n", cases[i].desc,
				iommu_verdict_name(iommu_status_get_verdict(st)));
		CHECK_EQ(iommu_status_get_verdict(st), cases[i].verdict);
		CHECK_EQ(iommu_status_get_vendor(st), cases[i].vendor);
		CHECK_EQ(iommu_status_get_mode(st), cases[i].mode);
		CHECK_EQ(iommu_status_get_worst_result(st), cases[i].worst);
		CHECK_EQ(result(st, cases[i].deciding), deciding);
		CHECK((iommu_status_get_hint(st) != NULL) == (cases[i].verdict != IOMMU_VERDICT_ENABLED));
		iommu_status_unref(st);
	}
}

/* What the verdicts rest on, beyond the verdict itself. */
static void test_details(void)
{
	struct iommu_status *st = status_of("amd-enabled");
	const struct iommu_status_check *c;
	const struct iommu_unit *u;

	if (st) {
		CHECK_EQ(result(st, "dma.mode"), IOMMU_RESULT_PASS);	/* iommu=pt: told, not warned about */
		CHECK_EQ(result(st, "interrupts.remapping"), IOMMU_RESULT_WARN);
		CHECK_EQ(result(st, "vfio.unsafe_interrupts"), IOMMU_RESULT_WARN);
		CHECK_EQ(result(st, "cmdline.unknown"), IOMMU_RESULT_WARN);
		CHECK_EQ(result(st, "dma.faults"), IOMMU_RESULT_WARN);
		CHECK_EQ(result(st, "cmdline.lint"), (enum iommu_result)-1);
		u = iommu_status_get_first_unit(st);
		CHECK_STR(u ? iommu_unit_get_name(u) : NULL, "ivhd0");
		CHECK(u && iommu_unit_get_registers(u) != NULL);
		CHECK_EQ(u ? iommu_unit_get_address(u) : 0, 0xfd200000);	/* sysfs does not say: the IVRS does */
		iommu_status_unref(st);
	}
	/* VFIO's fake group is no IOMMU; the misleading "DMAR: IOMMU enabled" is named as such. */
	st = status_of("no-firmware");
	if (st) {
		CHECK_EQ(result(st, "kernel.groups"), IOMMU_RESULT_FAIL);
		CHECK_EQ(result(st, "vfio.noiommu"), IOMMU_RESULT_WARN);
		c = check(st, "log.misleading");
		CHECK(c && strstr(iommu_evidence_get_text(iommu_status_check_get_first_evidence(c)),
				  "only echoes intel_iommu=on"));
		iommu_status_unref(st);
	}
	st = status_of("disabled-cmdline");
	if (st) {
		CHECK(strstr(iommu_status_get_summary(st), "'intel_iommu=off'") != NULL);
		CHECK_EQ(result(st, "cmdline.overridden"), IOMMU_RESULT_WARN);
		iommu_status_unref(st);
	}
	st = status_of("init-failed");
	if (st) {
		CHECK(strstr(iommu_status_get_hint(st), "Dell Inc. 1.2.3 of 07/01/2019") != NULL);
		iommu_status_unref(st);
	}
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* The recorder and writer on a tiny hand-made tree. */
static void test_snapshot(void)
{
	char src[300], out[300], path[2048], target[64];
	struct iommu_snapshot *snap = NULL;
	struct iommu_status *st = NULL;
	struct iommu_ctx *ctx;
	struct stat sb;
	ssize_t n;
	int dirfd;

	snprintf(src, sizeof(src), "%s/src", tmp);
	snprintf(out, sizeof(out), "%s/out", tmp);
	snprintf(path, sizeof(path), "mkdir -p %s/proc/1 %s/sys/devices/virtual/iommu/dmar0/intel-iommu "
		 "%s/sys/class/iommu %s/sys/kernel/iommu_groups/0 %s/unrelated %s", src, src, src, src, src, out);
	CHECK(system(path) == 0);
	snprintf(path, sizeof(path), "%s/sys/devices/virtual/iommu/dmar0/intel-iommu/cap", src);
	write_file(path, "d2008c22260286\n");
	snprintf(path, sizeof(path), "%s/sys/kernel/iommu_groups/0/type", src);
	write_file(path, "DMA\n");
	snprintf(path, sizeof(path), "%s/sys/kernel/iommu_groups/never-read", src);
	write_file(path, "x\n");
	snprintf(path, sizeof(path), "%s/unrelated/secret", src);
	write_file(path, "not for a snapshot\n");
	snprintf(path, sizeof(path), "%s/proc/1/mountinfo", src);
	write_file(path, "22 1 0:21 / / rw - tmpfs none rw\n");
	snprintf(path, sizeof(path), "%s/sys/class/iommu/dmar0", src);
	CHECK(symlink("../../devices/virtual/iommu/dmar0", path) == 0);
	snprintf(path, sizeof(path), "%s/proc/self", src);
	CHECK(symlink("/proc/1", path) == 0);

	CHECK(iommu_ctx_new(&ctx) == 0);
	CHECK(iommu_ctx_set_sysroot(ctx, src) == 0);
	CHECK(iommu_snapshot_new(ctx, &snap) == 0);
	CHECK(iommu_snapshot_new(ctx, &(struct iommu_snapshot *){ NULL }) == -EBUSY);
	CHECK(iommu_status_new(ctx, &st) == 0);
	iommu_status_unref(st);
	dirfd = open(out, O_RDONLY | O_DIRECTORY);
	CHECK(dirfd >= 0);
	CHECK(iommu_snapshot_write(snap, dirfd) == 0);
	close(dirfd);
	CHECK(iommu_snapshot_get_file_count(snap) > 0);

	/* The unit: a link kept as a link, its attribute copied through it. */
	snprintf(path, sizeof(path), "%s/sys/class/iommu/dmar0", out);
	n = readlink(path, target, sizeof(target) - 1);
	CHECK(n > 0);
	target[n > 0 ? n : 0] = 0;
	CHECK_STR(target, "../../devices/virtual/iommu/dmar0");
	snprintf(path, sizeof(path), "%s/sys/devices/virtual/iommu/dmar0/intel-iommu/cap", out);
	CHECK(stat(path, &sb) == 0 && sb.st_size == 15);
	/* A listed directory keeps its names; what was not read is an empty file of mode 0. */
	snprintf(path, sizeof(path), "%s/sys/kernel/iommu_groups/never-read", out);
	CHECK(lstat(path, &sb) == 0 && sb.st_size == 0 && (sb.st_mode & 07777) == 0);
	snprintf(path, sizeof(path), "%s/sys/kernel/iommu_groups/0/type", out);
	CHECK(lstat(path, &sb) == 0 && sb.st_size == 4);
	/* An absolute link is made relative: a replay must not leave the snapshot. */
	snprintf(path, sizeof(path), "%s/proc/self", out);
	n = readlink(path, target, sizeof(target) - 1);
	target[n > 0 ? n : 0] = 0;
	CHECK_STR(target, "../proc/1");
	snprintf(path, sizeof(path), "%s/proc/1/mountinfo", out);
	CHECK(stat(path, &sb) == 0 && sb.st_size == 33);
	/* Nothing unread outside the listings. */
	snprintf(path, sizeof(path), "%s/unrelated", out);
	CHECK(lstat(path, &sb) < 0 && errno == ENOENT);

	iommu_snapshot_unref(snap);
	iommu_ctx_unref(ctx);
}

int main(void)
{
	char cmd[128];

	CHECK(mkdtemp(tmp) != NULL);
	test_verdicts();
	test_details();
	test_snapshot();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
	CHECK(system(cmd) == 0);
	return unit_report("status");
}
