// SPDX-License-Identifier: MIT
/*
 * The running kernel's build configuration: /proc/config.gz (gzip, only
 * with CONFIG_IKCONFIG_PROC) or /boot/config-RELEASE (sysroot_kernel_release()).
 * Lines are Kconfig's "CONFIG_X=y|m|value" and "# CONFIG_X is not set".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <zlib.h>

#include "live/live.h"

#define MAX_CONFIG_GZ (4u << 20)
#define MAX_CONFIG (16u << 20)

struct kconfig {
	char *text;		/* starts with '\n' so every line can be found as "\nCONFIG_..." */
	char *source;
};

/* gzip (RFC 1952) through zlib, bounded. */
static int gunzip(const char *in, size_t in_size, char **ret_out, size_t *ret_size)
{
	z_stream zs = { 0 };
	size_t alloc = 256 * 1024, size = 1;
	char *out = malloc(alloc + 1);
	int r;

	if (!out)
		return -ENOMEM;
	out[0] = '\n';
	if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
		free(out);
		return -ENOMEM;
	}
	zs.next_in = (Bytef *)(uintptr_t)in;
	zs.avail_in = (uInt)in_size;
	do {
		if (size == alloc) {
			char *bigger;

			if (alloc >= MAX_CONFIG) {
				r = Z_BUF_ERROR;
				break;
			}
			alloc *= 2;
			bigger = realloc(out, alloc + 1);
			if (!bigger) {
				r = Z_MEM_ERROR;
				break;
			}
			out = bigger;
		}
		zs.next_out = (Bytef *)out + size;
		zs.avail_out = (uInt)(alloc - size);
		r = inflate(&zs, Z_NO_FLUSH);
		size = alloc - zs.avail_out;
	} while (r == Z_OK);
	inflateEnd(&zs);
	if (r != Z_STREAM_END) {
		free(out);
		return r == Z_MEM_ERROR ? -ENOMEM : -EBADMSG;
	}
	out[size] = 0;
	*ret_out = out;
	*ret_size = size;
	return 0;
}

char *kconfig_boot_path(struct iommu_ctx *ctx)
{
	char *release = sysroot_kernel_release(ctx), *path;

	if (!release || strchr(release, '/') || asprintf(&path, "/boot/config-%s", release) < 0)
		path = NULL;
	free(release);
	return path;
}

static int load_boot_config(struct iommu_ctx *ctx, struct kconfig *k)
{
	char *path = kconfig_boot_path(ctx), *text;
	size_t size;
	int r;

	if (!path)
		return -ENOENT;
	r = sysroot_read_file(ctx, path, MAX_CONFIG, &text, &size);
	if (r < 0) {
		free(path);
		return r;
	}
	k->text = malloc(size + 2);
	if (!k->text) {
		free(text);
		free(path);
		return -ENOMEM;
	}
	k->text[0] = '\n';
	memcpy(k->text + 1, text, size + 1);
	free(text);
	k->source = path;
	return 0;
}

int kconfig_load(struct iommu_ctx *ctx, struct kconfig **ret_config)
{
	struct kconfig *k = calloc(1, sizeof(*k));
	char *gz;
	size_t size;
	int r;

	if (!k)
		return -ENOMEM;
	r = sysroot_read_file(ctx, "/proc/config.gz", MAX_CONFIG_GZ, &gz, &size);
	if (r == 0) {
		r = gunzip(gz, size, &k->text, &size);
		free(gz);
		if (r == 0) {
			k->source = strdup("/proc/config.gz");
			r = k->source ? 0 : -ENOMEM;
		}
	}
	if (r < 0 && r != -ENOMEM) {
		int boot = load_boot_config(ctx, k);

		/* Say why config.gz failed when /boot has nothing either. */
		r = boot == -ENOENT && r != -ENOENT ? r : boot;
	}
	if (r < 0) {
		kconfig_free(k);
		return r;
	}
	*ret_config = k;
	return 0;
}

void kconfig_free(struct kconfig *config)
{
	if (!config)
		return;
	free(config->text);
	free(config->source);
	free(config);
}

const char *kconfig_source(const struct kconfig *config)
{
	return config->source;
}

char kconfig_get(const struct kconfig *config, const char *name)
{
	char needle[128];
	const char *p;

	snprintf(needle, sizeof(needle), "\nCONFIG_%s=", name);
	p = strstr(config->text, needle);
	if (p) {
		p += strlen(needle);
		return *p == 'y' || *p == 'm' || *p == 'n' ? *p : 'v';
	}
	snprintf(needle, sizeof(needle), "\n# CONFIG_%s is not set", name);
	p = strstr(config->text, needle);
	if (p && (p[strlen(needle)] == '\n' || p[strlen(needle)] == 0))
		return 'n';
	return 0;
}
