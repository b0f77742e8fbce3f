// SPDX-License-Identifier: MIT
/*
 * What the host itself runs on: the device under the root file system
 * (/proc/self/mountinfo, then /sys/dev/block or /sys/class/block, through
 * device-mapper and md "slaves") and under the default route's interface
 * (/proc/net/route, /proc/net/ipv6_route, then /sys/class/net, through
 * bridges' "brif" and stacked devices' "lower_*").  All of it is sysfs and
 * procfs, so a snapshot replays it; a group holding such a device must not
 * be handed to a VM.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "live/live.h"

#define MAX_DEPTH 4		/* dm on md on partitions, bond on bridge: deeper is not real */

struct uses {
	struct host_use *list;
	size_t count;
	int error;
};

static void add_use(struct uses *u, const char *target, const char *what, const char *name)
{
	struct host_use *bigger = reallocarray(u->list, u->count + 1, sizeof(*bigger));
	struct host_use *h;

	if (!bigger) {
		u->error = -ENOMEM;
		return;
	}
	u->list = bigger;
	h = &u->list[u->count];
	h->path = strdup(target);
	if (!h->path || asprintf(&h->what, "%s (%s)", what, name) < 0) {
		free(h->path);
		u->error = -ENOMEM;
		return;
	}
	u->count++;
}

/* A block device and what it is built on: dm and md list theirs in "slaves". */
static void block_device(struct iommu_ctx *ctx, struct uses *u, const char *name, const char *what,
			 int depth)
{
	char path[256], *target, **slaves;
	size_t count;

	if (depth > MAX_DEPTH || strchr(name, '/'))
		return;
	snprintf(path, sizeof(path), "/sys/class/block/%s", name);
	if (sysroot_readlink(ctx, path, &target) < 0)
		return;
	add_use(u, target, what, name);
	free(target);
	snprintf(path, sizeof(path), "/sys/class/block/%s/slaves", name);
	if (sysroot_list_dir(ctx, path, &slaves, &count) < 0)
		return;
	for (size_t i = 0; i < count; i++)
		block_device(ctx, u, slaves[i], what, depth + 1);
	strv_free(slaves, count);
}

/* The block device name of the root file system, from its MAJ:MIN or its source. */
static char *root_block_name(struct iommu_ctx *ctx)
{
	char *text, *line, *save = NULL, *found = NULL;
	char devnum[32] = "", source[256] = "";

	if (sysroot_read_file(ctx, "/proc/self/mountinfo", 1 << 20, &text, NULL) < 0)
		return NULL;
	/* "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [TAGS...] - FSTYPE SOURCE SUPER"; the last "/" wins. */
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char num[32], mountpoint[256], *dash = strstr(line, " - ");

		if (sscanf(line, "%*u %*u %31s %*s %255s", num, mountpoint) != 2 ||
		    strcmp(mountpoint, "/") != 0 || !dash)
			continue;
		memcpy(devnum, num, sizeof(num));
		if (sscanf(dash + 3, "%*s %255s", source) != 1)
			source[0] = 0;
	}
	free(text);
	if (devnum[0] && strncmp(devnum, "0:", 2) != 0) {
		char path[64], *target;

		snprintf(path, sizeof(path), "/sys/dev/block/%s", devnum);
		if (sysroot_readlink(ctx, path, &target) == 0) {
			const char *base = strrchr(target, '/');

			found = strdup(base ? base + 1 : target);
			free(target);
		}
	} else if (strncmp(source, "/dev/", 5) == 0) {
		/* btrfs and others have an anonymous device number: the source names the device. */
		found = strdup(strrchr(source, '/') + 1);
	}
	return found;
}

/* A network interface and what it sits on: bridge ports, bond and VLAN lower devices. */
static void net_device(struct iommu_ctx *ctx, struct uses *u, const char *name, int depth)
{
	char path[256], *target, **entries;
	size_t count;

	if (depth > MAX_DEPTH || strchr(name, '/') || strcmp(name, "lo") == 0)
		return;
	snprintf(path, sizeof(path), "/sys/class/net/%s", name);
	if (sysroot_readlink(ctx, path, &target) < 0)
		return;
	add_use(u, target, "default route", name);
	free(target);
	if (sysroot_list_dir(ctx, path, &entries, &count) == 0) {
		for (size_t i = 0; i < count; i++)
			if (strncmp(entries[i], "lower_", 6) == 0)
				net_device(ctx, u, entries[i] + 6, depth + 1);
		strv_free(entries, count);
	}
	snprintf(path, sizeof(path), "/sys/class/net/%s/brif", name);
	if (sysroot_list_dir(ctx, path, &entries, &count) == 0) {
		for (size_t i = 0; i < count; i++)
			net_device(ctx, u, entries[i], depth + 1);
		strv_free(entries, count);
	}
}

/* Interfaces of default routes: IPv4 destination and mask 0, IPv6 ::/0. */
static void default_routes(struct iommu_ctx *ctx, struct uses *u)
{
	char *text, *line, *save = NULL;

	if (sysroot_read_file(ctx, "/proc/net/route", 1 << 20, &text, NULL) == 0) {
		for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			char iface[64], dest[16], mask[16];

			if (sscanf(line, "%63s %15s %*s %*s %*s %*s %*s %15s", iface, dest, mask) == 3 &&
			    strcmp(dest, "00000000") == 0 && strcmp(mask, "00000000") == 0)
				net_device(ctx, u, iface, 0);
		}
		free(text);
	}
	save = NULL;
	if (sysroot_read_file(ctx, "/proc/net/ipv6_route", 1 << 20, &text, NULL) == 0) {
		for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			char dest[40], len[4], iface[64];

			if (sscanf(line, "%39s %3s %*s %*s %*s %*s %*s %*s %*s %63s", dest, len, iface) == 3 &&
			    strspn(dest, "0") == 32 && strcmp(len, "00") == 0)
				net_device(ctx, u, iface, 0);
		}
		free(text);
	}
}

int host_uses_find(struct iommu_ctx *ctx, struct host_use **ret_uses, size_t *ret_count)
{
	struct uses u = { 0 };
	char *root = root_block_name(ctx);

	if (root)
		block_device(ctx, &u, root, "root file system", 0);
	free(root);
	default_routes(ctx, &u);
	if (u.error) {
		host_uses_free(u.list, u.count);
		return u.error;
	}
	*ret_uses = u.list;
	*ret_count = u.count;
	return 0;
}

void host_uses_free(struct host_use *uses, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(uses[i].path);
		free(uses[i].what);
	}
	free(uses);
}

/* The first use whose device path runs through DEVICE (a whole path component). */
const char *host_use_of(const struct host_use *uses, size_t count, const char *device)
{
	size_t len = strlen(device);

	for (size_t i = 0; i < count; i++)
		for (const char *p = strstr(uses[i].path, device); p; p = strstr(p + 1, device))
			if ((p == uses[i].path || p[-1] == '/') && (p[len] == '/' || p[len] == 0))
				return uses[i].what;
	return NULL;
}
