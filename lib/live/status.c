// SPDX-License-Identifier: MIT
/*
 * iommu_status: is the IOMMU on, and if not, why.  The evidence is gathered
 * (lib/live/status-facts.c, lib/live/status-units.c), then the state model decides
 * and writes its checks (lib/live/status-verdict.c, lib/live/status-checks.c).  This
 * file holds the object, the check list and the accessors.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "live/live.h"

static char *vformat(struct iommu_status *st, const char *format, va_list args)
	__attribute__((format(printf, 2, 0)));
static char *vformat(struct iommu_status *st, const char *format, va_list args)
{
	char *text;

	if (vasprintf(&text, format, args) < 0) {
		st->error = -ENOMEM;
		return NULL;
	}
	return text;
}

struct iommu_status_check *status_check(struct iommu_status *st, const char *id,
					enum iommu_result result, const char *format, ...)
{
	struct iommu_status_check *c = calloc(1, sizeof(*c));
	va_list args;

	if (!c) {
		st->error = -ENOMEM;
		return NULL;
	}
	c->id = id;
	c->result = result;
	va_start(args, format);
	c->summary = vformat(st, format, args);
	va_end(args);
	if (st->last_check)
		st->last_check->next = c;
	else
		st->first_check = c;
	st->last_check = c;
	return c;
}

void status_hint(struct iommu_status *st, struct iommu_status_check *check, const char *format, ...)
{
	va_list args;

	if (!check)
		return;
	free(check->hint);
	va_start(args, format);
	check->hint = vformat(st, format, args);
	va_end(args);
}

void status_evidence(struct iommu_status *st, struct iommu_status_check *check, const char *source,
		     const char *format, ...)
{
	struct iommu_evidence *e;
	va_list args;

	if (!check)
		return;
	e = calloc(1, sizeof(*e));
	if (!e || !(e->source = strdup(source))) {
		free(e);
		st->error = -ENOMEM;
		return;
	}
	va_start(args, format);
	e->text = vformat(st, format, args);
	va_end(args);
	if (check->last)
		check->last->next = e;
	else
		check->first = e;
	check->last = e;
}

void status_set_verdict(struct iommu_status *st, enum iommu_verdict verdict, const char *hint,
			const char *format, ...)
{
	va_list args;

	st->verdict = verdict;
	free(st->summary);
	va_start(args, format);
	st->summary = vformat(st, format, args);
	va_end(args);
	free(st->hint);
	st->hint = NULL;
	if (hint && !(st->hint = strdup(hint)))
		st->error = -ENOMEM;
}

IOMMU_EXPORT int iommu_status_new(struct iommu_ctx *ctx, struct iommu_status **ret_status)
{
	struct iommu_status *st = calloc(1, sizeof(*st));
	struct status_facts facts;
	int r;

	if (!st)
		return -ENOMEM;
	st->refcount = 1;
	r = status_facts_gather(ctx, st, &facts);
	if (r == 0)
		status_decide(st, &facts);
	status_facts_free(&facts);
	r = r ? r : st->error;
	if (r < 0) {
		iommu_status_unref(st);
		return r;
	}
	*ret_status = st;
	return 0;
}

IOMMU_EXPORT struct iommu_status *iommu_status_ref(struct iommu_status *status)
{
	if (status)
		status->refcount++;
	return status;
}

IOMMU_EXPORT struct iommu_status *iommu_status_unref(struct iommu_status *status)
{
	if (!status || --status->refcount > 0)
		return NULL;
	while (status->first_check) {
		struct iommu_status_check *c = status->first_check;

		status->first_check = c->next;
		while (c->first) {
			struct iommu_evidence *e = c->first;

			c->first = e->next;
			free(e->source);
			free(e->text);
			free(e);
		}
		free(c->summary);
		free(c->hint);
		free(c);
	}
	status_units_free(status->units);
	free(status->summary);
	free(status->hint);
	free(status);
	return NULL;
}

IOMMU_EXPORT enum iommu_verdict iommu_status_get_verdict(const struct iommu_status *status)
{
	return status->verdict;
}

IOMMU_EXPORT const char *iommu_status_get_summary(const struct iommu_status *status)
{
	return status->summary;
}

IOMMU_EXPORT const char *iommu_status_get_hint(const struct iommu_status *status)
{
	return status->hint;
}

IOMMU_EXPORT enum iommu_vendor iommu_status_get_vendor(const struct iommu_status *status)
{
	return status->vendor;
}

IOMMU_EXPORT enum iommu_mode iommu_status_get_mode(const struct iommu_status *status)
{
	return status->mode;
}

IOMMU_EXPORT bool iommu_status_is_guest(const struct iommu_status *status)
{
	return status->guest;
}

IOMMU_EXPORT enum iommu_result iommu_status_get_worst_result(const struct iommu_status *status)
{
	enum iommu_result worst = IOMMU_RESULT_PASS;

	for (const struct iommu_status_check *c = status->first_check; c; c = c->next)
		if (c->result == IOMMU_RESULT_FAIL ||
		    (c->result == IOMMU_RESULT_WARN && worst == IOMMU_RESULT_PASS))
			worst = c->result;
	return worst;
}

IOMMU_EXPORT const char *iommu_verdict_name(enum iommu_verdict verdict)
{
	static const char *const names[] = {
		[IOMMU_VERDICT_ENABLED] = "enabled",
		[IOMMU_VERDICT_NO_FIRMWARE] = "no_firmware_table",
		[IOMMU_VERDICT_GUEST_NO_VIOMMU] = "guest_without_iommu",
		[IOMMU_VERDICT_NO_DRIVER] = "no_kernel_driver",
		[IOMMU_VERDICT_DISABLED_CMDLINE] = "disabled_by_cmdline",
		[IOMMU_VERDICT_DISABLED_DEFAULT] = "disabled_by_default",
		[IOMMU_VERDICT_INIT_FAILED] = "init_failed",
		[IOMMU_VERDICT_HYPERVISOR] = "owned_by_hypervisor",
		[IOMMU_VERDICT_UNKNOWN] = "unknown",
	};

	return (unsigned int)verdict < ARRAY_SIZE(names) ? names[verdict] : "unknown";
}

IOMMU_EXPORT const char *iommu_mode_name(enum iommu_mode mode)
{
	static const char *const names[] = {
		[IOMMU_MODE_NONE] = "none",
		[IOMMU_MODE_STRICT] = "strict",
		[IOMMU_MODE_LAZY] = "lazy",
		[IOMMU_MODE_PASSTHROUGH] = "passthrough",
		[IOMMU_MODE_MIXED] = "mixed",
		[IOMMU_MODE_UNKNOWN] = "unknown",
	};

	return (unsigned int)mode < ARRAY_SIZE(names) ? names[mode] : "unknown";
}

IOMMU_EXPORT const char *iommu_vendor_name(enum iommu_vendor vendor)
{
	static const char *const names[] = {
		[IOMMU_VENDOR_UNKNOWN] = "unknown",
		[IOMMU_VENDOR_INTEL] = "intel",
		[IOMMU_VENDOR_AMD] = "amd",
		[IOMMU_VENDOR_ARM] = "arm",
		[IOMMU_VENDOR_VIRTIO] = "virtio",
	};

	return (unsigned int)vendor < ARRAY_SIZE(names) ? names[vendor] : "unknown";
}

const char *vendor_title(enum iommu_vendor vendor)
{
	switch (vendor) {
	case IOMMU_VENDOR_INTEL:
		return "Intel VT-d";
	case IOMMU_VENDOR_AMD:
		return "AMD-Vi";
	case IOMMU_VENDOR_ARM:
		return "Arm SMMU";
	case IOMMU_VENDOR_VIRTIO:
		return "virtio-iommu";
	case IOMMU_VENDOR_UNKNOWN:
		break;
	}
	return "the IOMMU";
}

IOMMU_EXPORT const char *iommu_result_name(enum iommu_result result)
{
	static const char *const names[] = {
		[IOMMU_RESULT_PASS] = "pass",
		[IOMMU_RESULT_WARN] = "warn",
		[IOMMU_RESULT_FAIL] = "fail",
		[IOMMU_RESULT_SKIP] = "skip",
		[IOMMU_RESULT_UNKNOWN] = "unknown",
	};

	return (unsigned int)result < ARRAY_SIZE(names) ? names[result] : "unknown";
}

IOMMU_EXPORT struct iommu_status_check *iommu_status_get_first_check(const struct iommu_status *status)
{
	return status->first_check;
}

IOMMU_EXPORT struct iommu_status_check *iommu_status_check_get_next(const struct iommu_status_check *check)
{
	return check->next;
}

IOMMU_EXPORT const char *iommu_status_check_get_id(const struct iommu_status_check *check)
{
	return check->id;
}

IOMMU_EXPORT enum iommu_result iommu_status_check_get_result(const struct iommu_status_check *check)
{
	return check->result;
}

IOMMU_EXPORT const char *iommu_status_check_get_summary(const struct iommu_status_check *check)
{
	return check->summary;
}

IOMMU_EXPORT const char *iommu_status_check_get_hint(const struct iommu_status_check *check)
{
	return check->hint;
}

IOMMU_EXPORT struct iommu_evidence *
iommu_status_check_get_first_evidence(const struct iommu_status_check *check)
{
	return check->first;
}

IOMMU_EXPORT struct iommu_evidence *iommu_evidence_get_next(const struct iommu_evidence *evidence)
{
	return evidence->next;
}

IOMMU_EXPORT const char *iommu_evidence_get_source(const struct iommu_evidence *evidence)
{
	return evidence->source;
}

IOMMU_EXPORT const char *iommu_evidence_get_text(const struct iommu_evidence *evidence)
{
	return evidence->text;
}
