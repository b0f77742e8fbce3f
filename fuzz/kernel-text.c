// SPDX-License-Identifier: MIT
/*
 * What status reads as text from the kernel: the command line (split as the
 * kernel splits it, then linted for each vendor), the kernel log (a
 * snapshot's dmesg.txt split into lines, each classified against the log
 * patterns) and the build configuration, the
 * input given both as /boot/config-RELEASE and as /proc/config.gz (gzip,
 * inflated within its bound) of a sysroot of its own.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "internal.h"
#include "live/live.h"

static void write_file(const char *dir, const char *name, const void *data, size_t size)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		abort();
}

/* A sysroot whose kernel release is "fuzz", with directories for both configuration files. */
static struct iommu_ctx *config_ctx(void)
{
	static char root[] = "/tmp/iommutool-fuzz-kconfig.XXXXXX";
	static struct iommu_ctx *ctx;
	char path[256];

	if (ctx)
		return ctx;
	if (!mkdtemp(root))
		abort();
	snprintf(path, sizeof(path), "%s/proc", root);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/proc/sys", root);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/proc/sys/kernel", root);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/boot", root);
	mkdir(path, 0755);
	write_file(root, "proc/sys/kernel/osrelease", "fuzz\n", 5);
	if (iommu_ctx_new(&ctx) < 0 || iommu_ctx_set_sysroot(ctx, root) < 0)
		abort();
	return ctx;
}

static void kconfig(const uint8_t *data, size_t size, bool gz)
{
	static const char *const names[] = { "INTEL_IOMMU", "AMD_IOMMU", "ARM_SMMU_V3",
					     "IOMMU_DEFAULT_PASSTHROUGH", "INTEL_IOMMU_DEFAULT_ON",
					     "VIRTIO_IOMMU", "IRQ_REMAP" };
	struct iommu_ctx *ctx = config_ctx();
	const char *root = iommu_ctx_get_sysroot(ctx);
	struct kconfig *k;
	char path[256];

	snprintf(path, sizeof(path), "%s/proc/config.gz", root);
	unlink(path);
	snprintf(path, sizeof(path), "%s/boot/config-fuzz", root);
	unlink(path);
	write_file(root, gz ? "proc/config.gz" : "boot/config-fuzz", data, size);
	if (kconfig_load(ctx, &k) < 0)
		return;
	fuzz_touch_string(kconfig_source(k));
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		fuzz_fold((uint64_t)kconfig_get(k, names[i]));
	kconfig_free(k);
}

static void cmdline(const char *text)
{
	static const enum iommu_vendor vendors[] = { IOMMU_VENDOR_UNKNOWN, IOMMU_VENDOR_INTEL,
						     IOMMU_VENDOR_AMD, IOMMU_VENDOR_ARM,
						     IOMMU_VENDOR_VIRTIO };
	struct cmdline c;

	if (cmdline_parse(text, &c) < 0)
		return;
	for (size_t i = 0; i < c.count; i++) {
		fuzz_touch_string(c.params[i].text);
		fuzz_touch_string(c.params[i].key);
		fuzz_touch_string(c.params[i].value);
	}
	for (size_t v = 0; v < sizeof(vendors) / sizeof(vendors[0]); v++) {
		struct cmdline_settings settings;
		struct cmdline_issue *issues;
		size_t count;

		if (cmdline_lint(&c, vendors[v], &settings, &issues, &count) < 0)
			continue;
		fuzz_touch_string(settings.intel.token);
		fuzz_touch_string(settings.passthrough.token);
		fuzz_touch_string(settings.strict.token);
		for (size_t i = 0; i < count; i++) {
			fuzz_touch_string(issues[i].token);
			fuzz_touch_string(issues[i].message);
			fuzz_touch_string(issues[i].hint);
		}
		cmdline_issues_free(issues, count);
	}
	cmdline_free(&c);
}

/* The input as the snapshot's dmesg.txt: split as status reads it, each line classified. */
static void klog(const uint8_t *data, size_t size)
{
	struct iommu_ctx *ctx = config_ctx();
	struct klog *log;

	write_file(iommu_ctx_get_sysroot(ctx), "dmesg.txt", data, size);
	if (klog_load(ctx, &log) < 0)
		return;
	for (size_t i = 0; i < klog_count(log); i++) {
		const struct klog_pattern *p = klog_classify(klog_line(log, i));

		if (p)
			fuzz_touch_string(p->meaning);
	}
	klog_free(log);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = 0;
	cmdline(text);
	free(text);
	klog(data, size);
	kconfig(data, size, false);
	kconfig(data, size, true);
	return 0;
}
