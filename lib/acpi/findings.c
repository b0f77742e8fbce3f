// SPDX-License-Identifier: MIT
/* Findings: what a decoder or validator has to say about a table. */
#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

/* One occurrence of a check folded into a finding. */
struct finding_item {
	uint64_t offset;
	char *message;
};

struct iommu_finding {
	struct iommu_finding *next;
	enum iommu_severity severity;
	uint64_t offset;
	char *id;
	char *table;
	char *message;
	char *reference;
	/* Folded: every occurrence, this one first; none when it stands alone. */
	struct finding_item *items;
	size_t nitems;
};

struct iommu_findings {
	int refcount;
	size_t count;
	struct iommu_finding *head, **tail;
};

struct iommu_findings *findings_new(void)
{
	struct iommu_findings *list = calloc(1, sizeof(*list));

	if (!list)
		return NULL;
	list->refcount = 1;
	list->tail = &list->head;
	return list;
}

IOMMU_EXPORT struct iommu_findings *iommu_findings_ref(struct iommu_findings *list)
{
	if (list)
		list->refcount++;
	return list;
}

static void finding_free(struct iommu_finding *f)
{
	for (size_t i = 0; i < f->nitems; i++)
		free(f->items[i].message);
	free(f->items);
	free(f->id);
	free(f->table);
	free(f->message);
	free(f->reference);
	free(f);
}

IOMMU_EXPORT struct iommu_findings *iommu_findings_unref(struct iommu_findings *list)
{
	struct iommu_finding *f, *next;

	if (!list || --list->refcount > 0)
		return NULL;
	for (f = list->head; f; f = next) {
		next = f->next;
		finding_free(f);
	}
	free(list);
	return NULL;
}

static int findings_push(struct iommu_findings *list, const char *id, enum iommu_severity severity,
			 const char *table, uint64_t offset, const char *reference, char *message)
{
	struct iommu_finding *f = calloc(1, sizeof(*f));

	if (!f || !message) {
		free(f);
		free(message);
		return -ENOMEM;
	}
	f->message = message;
	f->severity = severity;
	f->offset = offset;
	f->id = strdup(id);
	f->table = table ? strdup(table) : NULL;
	f->reference = reference ? strdup(reference) : NULL;
	if (!f->id || (table && !f->table) || (reference && !f->reference)) {
		finding_free(f);
		return -ENOMEM;
	}
	*list->tail = f;
	list->tail = &f->next;
	list->count++;
	return 0;
}

int findings_add(struct iommu_findings *list, const char *id, enum iommu_severity severity,
		 const char *table, uint64_t offset, const char *reference, const char *format, ...)
{
	char *message;
	va_list args;
	int n;

	va_start(args, format);
	n = vasprintf(&message, format, args);
	va_end(args);
	return findings_push(list, id, severity, table, offset, reference, n < 0 ? NULL : message);
}

static struct iommu_finding *findings_last(struct iommu_findings *list)
{
	return (void *)((char *)list->tail - offsetof(struct iommu_finding, next));
}

static int items_copy(struct iommu_finding *dst, const struct iommu_finding *src)
{
	if (!src->nitems)
		return 0;
	dst->items = calloc(src->nitems, sizeof(*dst->items));
	if (!dst->items)
		return -ENOMEM;
	for (; dst->nitems < src->nitems; dst->nitems++) {
		dst->items[dst->nitems].offset = src->items[dst->nitems].offset;
		dst->items[dst->nitems].message = strdup(src->items[dst->nitems].message);
		if (!dst->items[dst->nitems].message)
			return -ENOMEM;
	}
	return 0;
}

static size_t occurrences(const struct iommu_finding *f)
{
	return f->nitems ? f->nitems : 1;
}

static bool id_in(const char *id, const char *const *ids)
{
	for (; ids && *ids; ids++)
		if (strcmp(id, *ids) == 0)
			return true;
	return false;
}

size_t findings_count_ids(const struct iommu_findings *list, const char *const *ids)
{
	size_t n = 0;

	for (const struct iommu_finding *f = list->head; f; f = f->next)
		n += id_in(f->id, ids) ? occurrences(f) : 0;
	return n;
}

int findings_append(struct iommu_findings *dst, const struct iommu_findings *src,
		    const char *const *skip)
{
	for (const struct iommu_finding *f = src->head; f; f = f->next) {
		int r;

		if (id_in(f->id, skip))
			continue;
		r = findings_push(dst, f->id, f->severity, f->table, f->offset, f->reference,
				      strdup(f->message));
		if (r == 0)
			r = items_copy(findings_last(dst), f);
		if (r < 0)
			return r;
	}
	return 0;
}

/* ---- folding: a check that fires again and again is said once ------------ */

struct fold_entry {
	struct iommu_finding *f;
	size_t index;			/* in the list */
};

/* The same check about the same table. */
static int group_cmp(const struct iommu_finding *a, const struct iommu_finding *b)
{
	int c = strcmp(a->id, b->id);

	return c ? c : strcmp(a->table ? a->table : "", b->table ? b->table : "");
}

static int fold_cmp(const void *a, const void *b)
{
	const struct fold_entry *x = a, *y = b;
	int c = group_cmp(x->f, y->f);

	return c ? c : x->index < y->index ? -1 : x->index > y->index;
}

/* Every occurrence in F, then those of G; G is left empty. */
static int fold_into(struct iommu_finding *f, struct iommu_finding *g)
{
	size_t n = occurrences(f) + occurrences(g);
	struct finding_item *items = realloc(f->items, n * sizeof(*items));

	if (!items)
		return -ENOMEM;
	f->items = items;
	if (!f->nitems) {
		items[0] = (struct finding_item){ f->offset, strdup(f->message) };
		f->nitems = 1;
		if (!items[0].message)
			return -ENOMEM;
	}
	if (g->nitems) {
		memcpy(items + f->nitems, g->items, g->nitems * sizeof(*items));
		f->nitems += g->nitems;
		g->nitems = 0;
		return 0;
	}
	items[f->nitems] = (struct finding_item){ g->offset, g->message };
	f->nitems++;
	g->message = NULL;
	return 0;
}

int findings_fold(struct iommu_findings *list)
{
	struct fold_entry *e = calloc(list->count ? list->count : 1, sizeof(*e));
	struct iommu_finding *f, **link;
	size_t n = 0;
	int r = 0;

	if (!e)
		return -ENOMEM;
	for (f = list->head; f; f = f->next, n++)
		e[n] = (struct fold_entry){ f, n };
	qsort(e, n, sizeof(*e), fold_cmp);
	for (size_t i = 0, j; i < n && r == 0; i = j) {
		size_t total = 0;

		for (j = i; j < n && !group_cmp(e[i].f, e[j].f); j++)
			total += occurrences(e[j].f);
		if (total < FINDINGS_FOLD_MIN || j - i < 2)
			continue;
		for (size_t k = i + 1; k < j && r == 0; k++)
			r = fold_into(e[i].f, e[k].f);
		for (size_t k = i + 1; k < j; k++)
			e[k].f->nitems = SIZE_MAX;	/* folded away */
		if (r == 0) {
			const char *text = check_summary(e[i].f->id);
			char *copy = text ? strdup(text) : NULL;

			if (copy) {
				free(e[i].f->message);
				e[i].f->message = copy;
			} else if (text) {
				r = -ENOMEM;
			}
		}
	}
	free(e);
	for (link = &list->head; (f = *link);) {
		if (f->nitems != SIZE_MAX) {
			link = &f->next;
			continue;
		}
		*link = f->next;
		f->nitems = 0;
		finding_free(f);
		list->count--;
	}
	list->tail = link;
	return r;
}

IOMMU_EXPORT struct iommu_finding *iommu_findings_get_first(const struct iommu_findings *list)
{
	return list ? list->head : NULL;
}

IOMMU_EXPORT struct iommu_finding *iommu_finding_get_next(const struct iommu_finding *finding)
{
	return finding->next;
}

IOMMU_EXPORT size_t iommu_findings_count(const struct iommu_findings *list)
{
	return list ? list->count : 0;
}

IOMMU_EXPORT int iommu_findings_get_max_severity(const struct iommu_findings *list)
{
	int max = -1;

	for (const struct iommu_finding *f = list ? list->head : NULL; f; f = f->next)
		if ((int)f->severity > max)
			max = (int)f->severity;
	return max;
}

IOMMU_EXPORT const char *iommu_finding_get_id(const struct iommu_finding *finding)
{
	return finding->id;
}

IOMMU_EXPORT enum iommu_severity iommu_finding_get_severity(const struct iommu_finding *finding)
{
	return finding->severity;
}

IOMMU_EXPORT const char *iommu_finding_get_table(const struct iommu_finding *finding)
{
	return finding->table;
}

IOMMU_EXPORT uint64_t iommu_finding_get_offset(const struct iommu_finding *finding)
{
	return finding->offset;
}

IOMMU_EXPORT const char *iommu_finding_get_message(const struct iommu_finding *finding)
{
	return finding->message;
}

IOMMU_EXPORT const char *iommu_finding_get_reference(const struct iommu_finding *finding)
{
	return finding->reference;
}

IOMMU_EXPORT size_t iommu_finding_get_count(const struct iommu_finding *finding)
{
	return occurrences(finding);
}

IOMMU_EXPORT uint64_t iommu_finding_get_item_offset(const struct iommu_finding *finding,
						    size_t index)
{
	if (!finding->nitems)
		return index ? IOMMU_NO_OFFSET : finding->offset;
	return index < finding->nitems ? finding->items[index].offset : IOMMU_NO_OFFSET;
}

IOMMU_EXPORT const char *iommu_finding_get_item_message(const struct iommu_finding *finding,
							size_t index)
{
	if (!finding->nitems)
		return index ? NULL : finding->message;
	return index < finding->nitems ? finding->items[index].message : NULL;
}

IOMMU_EXPORT const char *iommu_severity_name(enum iommu_severity severity)
{
	switch (severity) {
	case IOMMU_SEVERITY_INFO:
		return "info";
	case IOMMU_SEVERITY_WARNING:
		return "warning";
	case IOMMU_SEVERITY_ERROR:
		return "error";
	}
	return "unknown";
}
