// SPDX-License-Identifier: MIT
/*
 * Snapshots, the recording half: while a snapshot is attached to the
 * context, every successful sysroot read notes its path here (the hook in
 * lib/live/sysroot.c), and readers with content of their own (the kernel log read
 * through klogctl) hand it over.  lib/live/snapshot-write.c writes it all out.
 */
#include <errno.h>
#include <stdlib.h>

#include "internal.h"
#include "live/live.h"

IOMMU_EXPORT int iommu_snapshot_new(struct iommu_ctx *ctx, struct iommu_snapshot **ret_snapshot)
{
	struct iommu_snapshot *snap;

	if (ctx_get_recording(ctx))
		return -EBUSY;
	snap = calloc(1, sizeof(*snap));
	if (!snap)
		return -ENOMEM;
	snap->refcount = 1;
	snap->ctx = iommu_ctx_ref(ctx);
	ctx_set_recording(ctx, snap);
	*ret_snapshot = snap;
	return 0;
}

IOMMU_EXPORT struct iommu_snapshot *iommu_snapshot_ref(struct iommu_snapshot *snapshot)
{
	if (snapshot)
		snapshot->refcount++;
	return snapshot;
}

IOMMU_EXPORT struct iommu_snapshot *iommu_snapshot_unref(struct iommu_snapshot *snapshot)
{
	if (!snapshot || --snapshot->refcount > 0)
		return NULL;
	if (ctx_get_recording(snapshot->ctx) == snapshot)
		ctx_set_recording(snapshot->ctx, NULL);
	for (size_t i = 0; i < snapshot->count; i++)
		free(snapshot->notes[i].path);
	free(snapshot->notes);
	for (size_t i = 0; i < snapshot->ncontents; i++) {
		free(snapshot->contents[i].name);
		free(snapshot->contents[i].data);
	}
	free(snapshot->contents);
	iommu_ctx_unref(snapshot->ctx);
	free(snapshot);
	return NULL;
}

void sysroot_note(struct iommu_ctx *ctx, enum sysroot_note_kind kind, const char *path)
{
	struct iommu_snapshot *snap = ctx_get_recording(ctx);
	char *copy;

	if (!snap || path[0] != '/')
		return;
	if (snap->count == snap->alloc) {
		size_t alloc = snap->alloc ? 2 * snap->alloc : 256;
		struct snapshot_note *bigger = reallocarray(snap->notes, alloc, sizeof(*bigger));

		if (!bigger) {
			snap->error = -ENOMEM;
			return;
		}
		snap->notes = bigger;
		snap->alloc = alloc;
	}
	copy = strdup(path);
	if (!copy) {
		snap->error = -ENOMEM;
		return;
	}
	snap->notes[snap->count++] = (struct snapshot_note){ copy, kind };
}

int snapshot_note_content(struct iommu_ctx *ctx, const char *name, const char *data, size_t size)
{
	struct iommu_snapshot *snap = ctx_get_recording(ctx);
	struct snapshot_content *bigger, *c;

	if (!snap)
		return 0;
	for (size_t i = 0; i < snap->ncontents; i++)
		if (strcmp(snap->contents[i].name, name) == 0)
			return 0;	/* the first read is the one the output came from */
	bigger = reallocarray(snap->contents, snap->ncontents + 1, sizeof(*bigger));
	if (!bigger)
		return snap->error = -ENOMEM;
	snap->contents = bigger;
	c = &snap->contents[snap->ncontents];
	c->name = strdup(name);
	c->data = malloc(size ? size : 1);
	if (!c->name || !c->data) {
		free(c->name);
		free(c->data);
		return snap->error = -ENOMEM;
	}
	memcpy(c->data, data, size);
	c->size = size;
	snap->ncontents++;
	return 0;
}

IOMMU_EXPORT size_t iommu_snapshot_get_file_count(const struct iommu_snapshot *snapshot)
{
	return snapshot->files;
}

IOMMU_EXPORT size_t iommu_snapshot_get_link_count(const struct iommu_snapshot *snapshot)
{
	return snapshot->links;
}

IOMMU_EXPORT size_t iommu_snapshot_get_dir_count(const struct iommu_snapshot *snapshot)
{
	return snapshot->dirs;
}
