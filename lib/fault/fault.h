/* SPDX-License-Identifier: MIT */
/*
 * Faults and events inside libiommu: one record type (lib/fault/fault.c)
 * over each vendor's catalogue, record layout and kernel log formats
 * (fault-vtd.c, fault-smmu.c, fault-amd.c).
 */
#ifndef LIBIOMMU_FAULT_H
#define LIBIOMMU_FAULT_H

#include "internal.h"

/* iommu_fault_has() bits: 1 << enum iommu_fault_field, and what only the parsers need. */
#define FAULT_HAS(field) (1u << (field))
#define FAULT_HAS_PASID (1u << 16)	/* the record's PASID field is the request's */

/* One code of a vendor's catalogue. */
struct fault_code {
	unsigned int code;
	const char *name;		/* the specification's name or condition code */
	const char *meaning;
	const char *causes;
	const char *kernel;		/* what Linux prints, when not NAME */
	bool qualified;			/* VT-d: fault-processing-disable can suppress it */
};

struct iommu_fault {
	const struct fault_vendor *v;
	const struct fault_code *desc;	/* NULL: a code the specification does not define */
	uint64_t record[4];
	unsigned int has;		/* FAULT_HAS() */
	/* Decoded from the record (and HAS) by the vendor's decode(). */
	unsigned int code;
	uint32_t source_id, pasid;
	uint64_t address, ipa, fetch_address;
	enum iommu_access access;
	bool privileged, exec, interrupt, stage2;
	const char *class;		/* SMMUv3 */
	int domain;			/* AMD-Vi */
	unsigned int flags;		/* AMD-Vi */
	char flag_names[48];		/* AMD-Vi */
	/* From a log only. */
	uint16_t segment;
	const char *format;
	char *client;			/* SMMUv3, AMD-Vi: the device the kernel named */
	char *logged_text;		/* VT-d: the reason text on the line */
};

/* What each vendor brings: its record layout, its catalogue, its log lines. */
struct fault_vendor {
	enum iommu_vendor vendor;
	size_t words;			/* of a record */
	const struct fault_code *codes;
	size_t ncodes;
	/* A record holding CODE and nothing else, and what that says (FAULT_HAS()). */
	unsigned int (*record_of_code)(uint64_t *record, unsigned int code);
	/* What a record holds (FAULT_HAS()), as the hardware writes it. */
	unsigned int (*fields)(const uint64_t *record);
	/* The decoded fields from f->record and f->has. */
	void (*decode)(struct iommu_fault *f);
	/* What Linux prints for CODE when it is not the catalogue's name; NULL: the name. */
	const char *(*kernel_name)(unsigned int code);
	/*
	 * The fault at the start of [text, end) into F (record, has, segment,
	 * client, text, format): the start of what follows it; NULL when there is
	 * none, with *ret_error set when an allocation failed.
	 */
	const char *(*parse)(const char *text, const char *end, struct iommu_fault *f, int *ret_error);
};

extern const struct fault_vendor fault_vtd, fault_smmuv3, fault_amdvi;

/* The catalogue entry for CODE, or NULL. */
const struct fault_code *fault_code_find(const struct fault_vendor *v, unsigned int code);
/* The code named NAME (LEN bytes) in V's catalogue, or -1. */
int fault_code_by_name(const struct fault_vendor *v, const char *name, size_t len);

#endif
