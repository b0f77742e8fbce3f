/* SPDX-License-Identifier: MIT */
/*
 * AMD-Vi translation structures inside libiommu: the device table, the v1
 * host page tables as a walker format, the GCR3 tables leading to v2 guest
 * tables (the x86-64 format, as VT-d's first stage), and the event log
 * entries the IOMMU writes (AMD IOMMU 48882 §2.2, §2.5).
 */
#ifndef LIBIOMMU_AMDVI_H
#define LIBIOMMU_AMDVI_H

#include "unit/unit.h"

/* The v1 host page table format (lib/pt/amd-v1.c). */
extern const struct pt_format amdvi_v1_format;
void amdvi_v1_walk(struct iommu_dump *d, const struct pt_cfg *cfg, uint64_t in, unsigned int req,
		   struct walk_trace *t, struct pt_out *o);
void amdvi_v1_enum(struct pt_enum *e, uint64_t table, unsigned int level, uint64_t base,
		   unsigned int perm);
/* A PT_RESERVED stop that is a page size the level cannot hold (no RZ flag). */
bool amdvi_v1_bad_size(const struct pt_out *o);

/* What a device's entries do. */
enum amd_mode {
	AMD_NONE,		/* unusable: see the status */
	AMD_UNTRANSLATED,	/* DTE.V clear: no translation, no checks */
	AMD_PASSTHROUGH,	/* Mode 0: no translation, DTE.IR/IW checked */
	AMD_V1,			/* host tables */
	AMD_V2,			/* guest tables through GCR3 */
	AMD_NESTED,		/* guest tables, their addresses through the host tables */
};

/* The outcome of a resolution or a walk. */
struct amd_result {
	enum iommu_xlate_status status;
	unsigned int code;		/* IOMMU_AMDVI_* event code */
	unsigned int flags;		/* IOMMU_AMDVI_FLAG_* */
	uint64_t missing;
	bool suppressed;		/* DTE.SA */
	char detail[192];
};

struct amd_space {
	struct iommu_space head;
	uint16_t devid;
	uint32_t pasid;			/* the GCR3 entry's PASID, or IOMMU_NO_PASID */
	uint32_t pasid_req;		/* cache: the request it was resolved for */
	bool valid;			/* cache */
	enum amd_mode mode;
	int domain;
	bool dte_ok;			/* the DTE passed its checks */
	bool sa;			/* DTE.SA: IO_PAGE_FAULTs not logged */
	bool grants_nothing;		/* DTE.IR and IW clear: every request faults */
	unsigned int dte_perm;		/* DTE.IR/IW as IOMMU_PERM_* */
	struct pt_cfg host, guest;	/* levels 0: not used */
	uint64_t dte[4], gcr3;
	struct amd_result res;
	struct walk_trace trace;
};

struct amd_unit {
	struct iommu_translator head;
	struct iommu_dump *dump;
	uint64_t dev_table;		/* the register: base 51:12, size 8:0 */
	uint64_t efr;
	bool have_efr;
	struct amd_space *cached;
};

/* The unit's operations (lib/unit/amdvi-device.c, amdvi-translate.c; the table in amdvi-enum.c). */
void amd_free(struct iommu_translator *t);
struct iommu_dump *amd_dump(const struct iommu_translator *t);
int amd_translate(struct iommu_translator *t, uint32_t devid, uint32_t pasid, uint64_t iova,
		  enum iommu_access access, unsigned int flags, struct iommu_xlate *x);

void amd_resolve(struct amd_unit *amd, uint16_t devid, uint32_t pasid,
		 struct amd_space *sp);
void amd_fault(struct amd_result *r, unsigned int code, unsigned int flags, const char *fmt, ...)
	PRINTF_FMT(4, 5);
void amd_missing(struct amd_result *r, uint64_t addr, const char *what);
/* Host tables of SP for GPA (nested: table addresses); PT_OK or where the walk stopped. */
void amd_host_walk(struct amd_unit *amd, const struct amd_space *sp, uint64_t gpa,
		   unsigned int req, struct walk_trace *t, struct pt_out *o);
const char *amd_mode_name(enum amd_mode mode);
/* The DTE's IR/IW refuse REQ (IOMMU_PERM_*; 0: any access): both clear refuse everything. */
bool amd_dte_denies(const struct amd_space *sp, unsigned int req);
/* DTE GCR3 Table Root Pointer: bits 14:12 in 60:58, 30:15 in 95:80, 51:31 in 127:107. */
uint64_t amd_gcr3_root(const uint64_t *dte);
/* IOMMU_AMDVI_* record of an event (2 words). */
void amd_event_record(const struct amd_result *r, uint16_t devid, int domain, uint32_t pasid,
		      uint64_t addr, uint64_t record[2]);

#endif
