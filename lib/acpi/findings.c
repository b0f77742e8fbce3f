// SPDX-License-Identifier: MIT
/* Findings: what a decoder or validator has to say about a table. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

struct iommu_finding {
	struct iommu_finding *next;
	enum iommu_severity severity;
	uint64_t offset;
	char *id;
	char *table;
	char *message;
	char *reference;
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

int findings_append(struct iommu_findings *dst, const struct iommu_findings *src)
{
	for (const struct iommu_finding *f = src->head; f; f = f->next) {
		int r = findings_push(dst, f->id, f->severity, f->table, f->offset, f->reference,
				      strdup(f->message));
		if (r < 0)
			return r;
	}
	return 0;
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
