// SPDX-License-Identifier: MIT
/*
 * The kernel configuration: /proc/config.gz inflated through zlib, else
 * /boot/config-RELEASE with the release from /proc/sys/kernel/osrelease or
 * /proc/version, in a sysroot made here.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "live/live.h"
#include "unit.h"

static const char config[] =
	"#\n# Automatically generated file; DO NOT EDIT.\n#\n"
	"CONFIG_IOMMU_API=y\n"
	"CONFIG_INTEL_IOMMU=y\n"
	"# CONFIG_INTEL_IOMMU_DEFAULT_ON is not set\n"
	"CONFIG_INTEL_IOMMU_DEFAULT_ON_INTGPU_OFF=y\n"
	"CONFIG_VFIO=m\n"
	"CONFIG_NR_CPUS=8192\n"
	"# CONFIG_AMD_IOMMU_V2 is not set\n";

static void write_file(const char *root, const char *name, const char *text)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s%s", root, name);
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void check_symbols(const struct kconfig *k)
{
	CHECK_EQ(kconfig_get(k, "IOMMU_API"), 'y');
	CHECK_EQ(kconfig_get(k, "INTEL_IOMMU"), 'y');
	CHECK_EQ(kconfig_get(k, "INTEL_IOMMU_DEFAULT_ON"), 'n');
	CHECK_EQ(kconfig_get(k, "INTEL_IOMMU_DEFAULT_ON_INTGPU_OFF"), 'y');
	CHECK_EQ(kconfig_get(k, "VFIO"), 'm');
	CHECK_EQ(kconfig_get(k, "NR_CPUS"), 'v');
	CHECK_EQ(kconfig_get(k, "AMD_IOMMU_V2"), 'n');
	/* Not mentioned at all; and a prefix of a real symbol is not that symbol. */
	CHECK_EQ(kconfig_get(k, "AMD_IOMMU"), 0);
	CHECK_EQ(kconfig_get(k, "IOMMU"), 0);
}

int main(void)
{
	char root[] = "/tmp/test-kconfig.XXXXXX", path[4096];
	struct iommu_ctx *ctx;
	struct kconfig *k;
	gzFile gz;

	CHECK(mkdtemp(root) != NULL);
	snprintf(path, sizeof(path), "%s/proc", root);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/proc/sys", root);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/proc/sys/kernel", root);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/boot", root);
	mkdir(path, 0755);
	CHECK(iommu_ctx_new(&ctx) == 0);
	CHECK(iommu_ctx_set_sysroot(ctx, root) == 0);

	/* Nothing there. */
	CHECK(kconfig_load(ctx, &k) == -ENOENT);

	/* /boot/config-RELEASE, the release from /proc/version. */
	write_file(root, "/proc/version", "Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) #1 SMP\n");
	write_file(root, "/boot/config-6.1.0-56-amd64", config);
	CHECK(kconfig_load(ctx, &k) == 0);
	if (k) {
		CHECK_STR(kconfig_source(k), "/boot/config-6.1.0-56-amd64");
		check_symbols(k);
		kconfig_free(k);
	}

	/* osrelease is asked first. */
	write_file(root, "/proc/sys/kernel/osrelease", "6.12.9\n");
	CHECK(kconfig_load(ctx, &k) == -ENOENT);

	/* /proc/config.gz wins over /boot. */
	snprintf(path, sizeof(path), "%s/proc/config.gz", root);
	gz = gzopen(path, "wb");
	CHECK(gz != NULL);
	if (gz) {
		gzputs(gz, config);
		gzclose(gz);
	}
	k = NULL;
	CHECK(kconfig_load(ctx, &k) == 0);
	if (k) {
		CHECK_STR(kconfig_source(k), "/proc/config.gz");
		check_symbols(k);
		kconfig_free(k);
	}

	/* A damaged config.gz is an error of its own when /boot has nothing. */
	write_file(root, "/proc/config.gz", "not gzip at all");
	CHECK(kconfig_load(ctx, &k) == -EBADMSG);

	iommu_ctx_unref(ctx);
	snprintf(path, sizeof(path), "rm -rf '%s'", root);
	CHECK(system(path) == 0);
	return unit_report("kconfig");
}
