// SPDX-License-Identifier: MIT
/*
 * One fault record for every unit: made from the words the hardware writes,
 * from a code alone, or from kernel log lines (each vendor's parser tried in
 * turn); the accessors read what the vendor's decode() found in the record.
 */
#include <errno.h>
#include <stdlib.h>

#include "fault/fault.h"

static const struct fault_vendor *const vendors[] = { &fault_vtd, &fault_smmuv3, &fault_amdvi };

static const struct fault_vendor *vendor_of(enum iommu_vendor vendor)
{
	for (size_t i = 0; i < ARRAY_SIZE(vendors); i++)
		if (vendors[i]->vendor == vendor)
			return vendors[i];
	return NULL;
}

const struct fault_code *fault_code_find(const struct fault_vendor *v, unsigned int code)
{
	for (size_t i = 0; i < v->ncodes; i++)
		if (v->codes[i].code == code)
			return &v->codes[i];
	return NULL;
}

int fault_code_by_name(const struct fault_vendor *v, const char *name, size_t len)
{
	for (size_t i = 0; i < v->ncodes; i++)
		if (v->codes[i].name && strlen(v->codes[i].name) == len &&
		    memcmp(v->codes[i].name, name, len) == 0)
			return (int)v->codes[i].code;
	return -1;
}

static struct iommu_fault *fault_alloc(const struct fault_vendor *v)
{
	struct iommu_fault *f = calloc(1, sizeof(*f));

	if (f)
		f->v = v;
	return f;
}

/* The fields from the record and what it holds. */
static void fault_decode(const struct fault_vendor *v, struct iommu_fault *f)
{
	f->pasid = IOMMU_NO_PASID;
	f->domain = -1;
	f->access = IOMMU_ACCESS_ANY;
	v->decode(f);
	f->desc = fault_code_find(v, f->code);
}

IOMMU_EXPORT int iommu_fault_new_record(enum iommu_vendor vendor, const uint64_t *record,
					size_t words, struct iommu_fault **ret_fault)
{
	const struct fault_vendor *v = vendor_of(vendor);
	struct iommu_fault *f;

	if (!v || words != v->words)
		return -EINVAL;
	f = fault_alloc(v);
	if (!f)
		return -ENOMEM;
	memcpy(f->record, record, words * sizeof(*record));
	f->has = v->fields(f->record);
	fault_decode(v, f);
	*ret_fault = f;
	return 0;
}

IOMMU_EXPORT int iommu_fault_new(enum iommu_vendor vendor, unsigned int code,
				 struct iommu_fault **ret_fault)
{
	const struct fault_vendor *v = vendor_of(vendor);
	struct iommu_fault *f;

	if (!v)
		return -EINVAL;
	f = fault_alloc(v);
	if (!f)
		return -ENOMEM;
	f->has = v->record_of_code(f->record, code);
	fault_decode(v, f);
	*ret_fault = f;
	return 0;
}

IOMMU_EXPORT int iommu_fault_parse(const char *text, size_t size, struct iommu_fault **ret_fault,
				   size_t *ret_used)
{
	for (size_t i = 0; i < ARRAY_SIZE(vendors); i++) {
		struct iommu_fault parsed = { .v = vendors[i] }, *f;
		const char *next;
		int error = 0;

		next = vendors[i]->parse(text, text + size, &parsed, &error);
		f = next ? malloc(sizeof(*f)) : NULL;
		if (!f) {
			free(parsed.client);
			free(parsed.logged_text);
			if (error || next)
				return error ?: -ENOMEM;
			continue;
		}
		*f = parsed;
		fault_decode(vendors[i], f);
		*ret_fault = f;
		if (ret_used)
			*ret_used = (size_t)(next - text);
		return 0;
	}
	return -ENOMSG;
}

IOMMU_EXPORT struct iommu_fault *iommu_fault_unref(struct iommu_fault *fault)
{
	if (fault) {
		free(fault->client);
		free(fault->logged_text);
		free(fault);
	}
	return NULL;
}

IOMMU_EXPORT enum iommu_vendor iommu_fault_get_vendor(const struct iommu_fault *fault)
{
	return fault->v->vendor;
}

IOMMU_EXPORT bool iommu_fault_has(const struct iommu_fault *fault, enum iommu_fault_field field)
{
	return (unsigned int)field < 16 && (fault->has & FAULT_HAS(field));
}

IOMMU_EXPORT uint32_t iommu_fault_get_source_id(const struct iommu_fault *fault)
{
	return fault->source_id;
}

IOMMU_EXPORT uint16_t iommu_fault_get_segment(const struct iommu_fault *fault)
{
	return fault->segment;
}

IOMMU_EXPORT const char *iommu_fault_get_client(const struct iommu_fault *fault)
{
	return fault->client;
}

IOMMU_EXPORT uint32_t iommu_fault_get_pasid(const struct iommu_fault *fault)
{
	return fault->pasid;
}

IOMMU_EXPORT uint64_t iommu_fault_get_address(const struct iommu_fault *fault)
{
	return fault->address;
}

IOMMU_EXPORT enum iommu_access iommu_fault_get_access(const struct iommu_fault *fault)
{
	return fault->access;
}

IOMMU_EXPORT bool iommu_fault_is_privileged(const struct iommu_fault *fault)
{
	return fault->privileged;
}

IOMMU_EXPORT bool iommu_fault_is_exec(const struct iommu_fault *fault)
{
	return fault->exec;
}

IOMMU_EXPORT bool iommu_fault_is_interrupt(const struct iommu_fault *fault)
{
	return fault->interrupt;
}

IOMMU_EXPORT unsigned int iommu_fault_get_code(const struct iommu_fault *fault)
{
	return fault->code;
}

IOMMU_EXPORT const char *iommu_fault_get_name(const struct iommu_fault *fault)
{
	return fault->desc ? fault->desc->name : NULL;
}

IOMMU_EXPORT const char *iommu_fault_get_kernel_name(const struct iommu_fault *fault)
{
	if (fault->v->kernel_name)
		return fault->v->kernel_name(fault->code);
	return fault->desc ? fault->desc->name : "UNKNOWN";
}

IOMMU_EXPORT const char *iommu_fault_get_meaning(const struct iommu_fault *fault)
{
	return fault->desc ? fault->desc->meaning : "";
}

IOMMU_EXPORT const char *iommu_fault_get_causes(const struct iommu_fault *fault)
{
	return fault->desc ? fault->desc->causes : "";
}

IOMMU_EXPORT const uint64_t *iommu_fault_get_record(const struct iommu_fault *fault,
						    size_t *ret_words)
{
	if (ret_words)
		*ret_words = fault->v->words;
	return fault->record;
}

IOMMU_EXPORT const char *iommu_fault_get_format(const struct iommu_fault *fault)
{
	return fault->format;
}

IOMMU_EXPORT const char *iommu_fault_get_logged_text(const struct iommu_fault *fault)
{
	return fault->logged_text;
}

IOMMU_EXPORT bool iommu_fault_is_qualified(const struct iommu_fault *fault)
{
	return fault->desc && fault->desc->qualified;
}

IOMMU_EXPORT bool iommu_fault_is_stage2(const struct iommu_fault *fault)
{
	return fault->stage2;
}

IOMMU_EXPORT const char *iommu_fault_get_class(const struct iommu_fault *fault)
{
	return fault->class;
}

IOMMU_EXPORT uint64_t iommu_fault_get_ipa(const struct iommu_fault *fault)
{
	return fault->ipa;
}

IOMMU_EXPORT uint64_t iommu_fault_get_fetch_address(const struct iommu_fault *fault)
{
	return fault->fetch_address;
}

IOMMU_EXPORT int iommu_fault_get_domain(const struct iommu_fault *fault)
{
	return fault->domain;
}

IOMMU_EXPORT unsigned int iommu_fault_get_flags(const struct iommu_fault *fault)
{
	return fault->flags;
}

IOMMU_EXPORT const char *iommu_fault_get_flag_names(const struct iommu_fault *fault)
{
	return fault->flag_names;
}

IOMMU_EXPORT int iommu_fault_code_at(enum iommu_vendor vendor, size_t index)
{
	const struct fault_vendor *v = vendor_of(vendor);

	return v && index < v->ncodes ? (int)v->codes[index].code : -1;
}

IOMMU_EXPORT const char *iommu_fault_code_name(enum iommu_vendor vendor, unsigned int code)
{
	const struct fault_vendor *v = vendor_of(vendor);
	const struct fault_code *c = v ? fault_code_find(v, code) : NULL;

	return c ? c->name : NULL;
}
