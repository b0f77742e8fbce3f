// SPDX-License-Identifier: MIT
/* The library context: sysroot, logging, user data. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "internal.h"

struct iommu_ctx {
	int refcount;
	char *sysroot;		/* "/" or a directory without trailing slash */
	iommu_log_fn log_fn;
	int log_priority;
	void *userdata;
	struct iommu_snapshot *recording;	/* records every read for a snapshot, or NULL */
};

IOMMU_EXPORT int iommu_ctx_new(struct iommu_ctx **ret_ctx)
{
	struct iommu_ctx *ctx = calloc(1, sizeof(*ctx));

	if (!ctx)
		return -ENOMEM;
	ctx->sysroot = strdup("/");
	if (!ctx->sysroot) {
		free(ctx);
		return -ENOMEM;
	}
	ctx->refcount = 1;
	ctx->log_priority = LOG_ERR;
	*ret_ctx = ctx;
	return 0;
}

IOMMU_EXPORT struct iommu_ctx *iommu_ctx_ref(struct iommu_ctx *ctx)
{
	if (ctx)
		ctx->refcount++;
	return ctx;
}

IOMMU_EXPORT struct iommu_ctx *iommu_ctx_unref(struct iommu_ctx *ctx)
{
	if (!ctx || --ctx->refcount > 0)
		return NULL;
	free(ctx->sysroot);
	free(ctx);
	return NULL;
}

/* A directory holding sys/ or proc/, as the running system and snapshots do. */
static int sysroot_usable(const char *dir)
{
	static const char *const below[] = { "sys", "proc" };
	struct stat st;

	if (stat(dir, &st) < 0)
		return -errno;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	for (size_t i = 0; i < sizeof(below) / sizeof(below[0]); i++) {
		char path[PATH_MAX];

		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, below[i]) < sizeof(path) &&
		    stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			return 0;
	}
	return -ENOENT;
}

IOMMU_EXPORT int iommu_ctx_set_sysroot(struct iommu_ctx *ctx, const char *dir)
{
	size_t len;
	char *copy;
	int r;

	if (!dir || !*dir)
		return -EINVAL;
	r = sysroot_usable(dir);
	if (r < 0)
		return r;
	len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/')
		len--;
	copy = strndup(dir, len);
	if (!copy)
		return -ENOMEM;
	free(ctx->sysroot);
	ctx->sysroot = copy;
	return 0;
}

IOMMU_EXPORT const char *iommu_ctx_get_sysroot(const struct iommu_ctx *ctx)
{
	return ctx->sysroot;
}

IOMMU_EXPORT bool iommu_ctx_is_live(const struct iommu_ctx *ctx)
{
	return strcmp(ctx->sysroot, "/") == 0;
}

IOMMU_EXPORT void iommu_ctx_set_log_fn(struct iommu_ctx *ctx, iommu_log_fn fn)
{
	ctx->log_fn = fn;
}

IOMMU_EXPORT void iommu_ctx_set_log_priority(struct iommu_ctx *ctx, int priority)
{
	ctx->log_priority = priority;
}

IOMMU_EXPORT int iommu_ctx_get_log_priority(const struct iommu_ctx *ctx)
{
	return ctx->log_fn ? ctx->log_priority : -1;
}

IOMMU_EXPORT void iommu_ctx_set_userdata(struct iommu_ctx *ctx, void *userdata)
{
	ctx->userdata = userdata;
}

IOMMU_EXPORT void *iommu_ctx_get_userdata(const struct iommu_ctx *ctx)
{
	return ctx->userdata;
}

struct iommu_snapshot *ctx_get_recording(const struct iommu_ctx *ctx)
{
	return ctx->recording;
}

void ctx_set_recording(struct iommu_ctx *ctx, struct iommu_snapshot *snapshot)
{
	ctx->recording = snapshot;
}

void iommu_log(struct iommu_ctx *ctx, int priority, const char *file, int line,
	       const char *fn, const char *format, ...)
{
	va_list args;

	if (!ctx->log_fn)
		return;
	va_start(args, format);
	ctx->log_fn(ctx, priority, file, line, fn, format, args);
	va_end(args);
}
