// SPDX-License-Identifier: MIT
/*
 * The live-system readers over a synthetic sysroot built from the input:
 * status (firmware tables, kernel config, command line, units, groups, the
 * kernel log), groups and devices read every sysfs and procfs file the way
 * they read a real machine's.  The input is a list of entries separated by
 * NUL bytes, each "PATH\nCONTENT" (a file) or "PATH -> TARGET" (a symbolic
 * link), PATH relative to the sysroot ("proc/cmdline",
 * "sys/kernel/iommu_groups/0/type").  Paths and link targets that would
 * leave the sysroot are dropped, so nothing outside it is ever read.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"

#define MAX_ENTRIES 512
#define MAX_DEPTH 16

/* Letters, digits and the punctuation sysfs and procfs names use. */
static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       strchr("._-:,+@", c) != NULL;
}

/*
 * Whether P (LEN bytes) is a relative path of at most MAX_DEPTH plain names;
 * with DOTS, ".." may appear as long as it never climbs above DEPTH levels.
 * Returns its depth (number of names) or -1.
 */
static int check_path(const char *p, size_t len, bool dots, int depth)
{
	int names = 0, level = depth;
	size_t i = 0;

	if (len == 0 || p[0] == '/')
		return -1;
	while (i < len) {
		size_t start = i;

		while (i < len && p[i] != '/')
			if (!name_char(p[i++]))
				return -1;
		if (i == start || (i - start == 1 && p[start] == '.'))
			return -1;
		if (i - start == 2 && p[start] == '.' && p[start + 1] == '.') {
			if (!dots || --level < 0)
				return -1;
		} else {
			level++;
		}
		if (++names > MAX_DEPTH)
			return -1;
		i++;
	}
	return names;
}

static int make_parents(int root, char *path)
{
	for (char *slash = strchr(path, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = 0;
		if (mkdirat(root, path, 0755) < 0 && errno != EEXIST) {
			*slash = '/';
			return -1;
		}
		*slash = '/';
	}
	return 0;
}

/* One entry: a file or a link below ROOT. */
static void make_entry(int root, const char *entry, size_t len)
{
	const char *nl = memchr(entry, '\n', len), *arrow;
	size_t path_len = nl ? (size_t)(nl - entry) : len;
	char path[512], target[512];
	ssize_t written;
	int depth, fd;

	arrow = memmem(entry, path_len, " -> ", 4);
	if (arrow) {
		size_t target_len = path_len - (size_t)(arrow - entry) - 4;

		path_len = (size_t)(arrow - entry);
		depth = check_path(entry, path_len, false, 0);
		if (depth < 1 || path_len >= sizeof(path) || target_len >= sizeof(target) ||
		    check_path(arrow + 4, target_len, true, depth - 1) < 0)
			return;
		memcpy(path, entry, path_len);
		path[path_len] = 0;
		memcpy(target, arrow + 4, target_len);
		target[target_len] = 0;
		if (make_parents(root, path) == 0)
			symlinkat(target, root, path);
		return;
	}
	if (check_path(entry, path_len, false, 0) < 1 || path_len >= sizeof(path))
		return;
	memcpy(path, entry, path_len);
	path[path_len] = 0;
	if (make_parents(root, path) < 0)
		return;
	fd = openat(root, path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	/* A file cut short by a failed write is an input like any other. */
	if (nl)
		written = write(fd, nl + 1, len - path_len - 1);
	(void)written;
	close(fd);
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static void walk_status(struct iommu_ctx *ctx)
{
	const struct iommu_status_check *c;
	const struct iommu_evidence *e;
	const struct iommu_unit *u;
	struct iommu_status *st;

	if (iommu_status_new(ctx, &st) < 0)
		return;
	fuzz_touch_string(iommu_status_get_summary(st));
	fuzz_touch_string(iommu_status_get_hint(st));
	fuzz_touch_string(iommu_verdict_name(iommu_status_get_verdict(st)));
	fuzz_touch_string(iommu_mode_name(iommu_status_get_mode(st)));
	fuzz_touch_string(iommu_vendor_name(iommu_status_get_vendor(st)));
	fuzz_touch_string(iommu_result_name(iommu_status_get_worst_result(st)));
	iommu_status_foreach_check(st, c) {
		fuzz_touch_string(iommu_status_check_get_id(c));
		fuzz_touch_string(iommu_status_check_get_summary(c));
		fuzz_touch_string(iommu_status_check_get_hint(c));
		iommu_status_check_foreach_evidence(c, e) {
			fuzz_touch_string(iommu_evidence_get_source(e));
			fuzz_touch_string(iommu_evidence_get_text(e));
		}
	}
	iommu_status_foreach_unit(st, u) {
		fuzz_touch_string(iommu_unit_get_name(u));
		fuzz_touch_string(iommu_unit_get_model(u));
		fuzz_fold(iommu_unit_get_address(u) ^ iommu_unit_get_device_count(u) ^
			  iommu_unit_get_stages(u) ^ iommu_unit_translation_is_inferred(u));
		fuzz_touch_string(iommu_unit_get_translation(u));
		fuzz_touch_string(iommu_unit_get_translation_basis(u));
		fuzz_walk_dnode(iommu_unit_get_registers(u));
	}
	iommu_status_unref(st);
}

static void walk_groups(struct iommu_ctx *ctx)
{
	const struct iommu_group *g;
	struct iommu_groups *groups;

	if (iommu_groups_new(ctx, &groups) < 0)
		return;
	iommu_groups_foreach(groups, g) {
		const struct iommu_member *m;
		const struct iommu_region *r;
		const struct iommu_port *p;
		uint16_t cap, ctrl;

		fuzz_touch_string(iommu_group_get_type(g));
		fuzz_fold(iommu_group_get_id(g) ^ iommu_group_is_noiommu(g) ^
			  iommu_group_is_viable(g) ^ iommu_group_is_critical(g));
		iommu_group_foreach_member(g, m) {
			fuzz_touch_string(iommu_member_get_name(m));
			fuzz_touch_string(iommu_member_get_bus(m));
			fuzz_touch_string(iommu_member_get_driver(m));
			fuzz_touch_string(iommu_member_get_blocker(m));
			fuzz_touch_string(iommu_member_get_host_use(m));
		}
		iommu_group_foreach_region(g, r) {
			fuzz_touch_string(iommu_region_get_type(r));
			fuzz_fold(iommu_region_get_start(r) ^ iommu_region_get_end(r));
		}
		iommu_group_foreach_port(g, p) {
			fuzz_touch_string(iommu_port_get_name(p));
			if (iommu_port_get_acs(p, &cap, &ctrl) > 0)
				fuzz_fold(cap ^ ctrl);
		}
	}
	iommu_groups_unref(groups);
}

static void walk_devices(struct iommu_ctx *ctx)
{
	const struct iommu_device *d;
	struct iommu_devices *devices;

	if (iommu_devices_new(ctx, &devices) < 0)
		return;
	iommu_devices_foreach(devices, d) {
		const char *unit = NULL;

		fuzz_touch_string(iommu_device_get_name(d));
		fuzz_touch_string(iommu_device_get_bus(d));
		fuzz_touch_string(iommu_device_get_vendor_name(d));
		fuzz_touch_string(iommu_device_get_device_name(d));
		fuzz_touch_string(iommu_device_get_class_name(d));
		fuzz_touch_string(iommu_device_get_parent(d));
		fuzz_touch_string(iommu_device_get_driver(d));
		fuzz_touch_string(iommu_device_get_kernel_unit(d));
		if (iommu_device_get_firmware_unit(d, &unit) == 0)
			fuzz_touch_string(unit);
		fuzz_fold(iommu_device_get_vendor_id(d) ^ iommu_device_get_device_id(d) ^
			  iommu_device_get_class(d) ^ (uint64_t)iommu_device_get_group(d) ^
			  iommu_device_units_disagree(d) ^ (uint64_t)iommu_device_get_ats(d) ^
			  iommu_device_is_pci(d) ^ iommu_device_is_bridge(d));
	}
	iommu_devices_unref(devices);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char dir[] = "/tmp/iommutool-fuzz-sysroot.XXXXXX";
	const char *p = (const char *)data, *end = p + size;
	struct iommu_ctx *ctx;
	int root, entries = 0;

	if (!mkdtemp(dir))
		abort();
	root = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (root < 0)
		abort();
	while (p < end && entries++ < MAX_ENTRIES) {
		const char *nul = memchr(p, 0, (size_t)(end - p));
		size_t len = nul ? (size_t)(nul - p) : (size_t)(end - p);

		make_entry(root, p, len);
		p += len + 1;
	}
	close(root);
	if (iommu_ctx_new(&ctx) == 0) {
		if (iommu_ctx_set_sysroot(ctx, dir) == 0) {
			walk_status(ctx);
			walk_groups(ctx);
			walk_devices(ctx);
		}
		iommu_ctx_unref(ctx);
	}
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
