/* SPDX-License-Identifier: MIT */
/*
 * Arm SMMUv3 translation structures inside libiommu: the stream table and
 * context descriptors (Arm IHI 0070 chapter 5), the VMSAv8-64 translation
 * table formats of stages 1 and 2 (Arm DDI 0487 D8.3) as walker formats,
 * and the events the unit records (IHI 0070 §7.3).
 */
#ifndef LIBIOMMU_SMMUV3_H
#define LIBIOMMU_SMMUV3_H

#include "unit/unit.h"

/* Event numbers (IHI 0070 §7.3). */
enum {
	EVT_F_UUT = 0x01,
	EVT_C_BAD_STREAMID = 0x02,
	EVT_F_STE_FETCH = 0x03,
	EVT_C_BAD_STE = 0x04,
	EVT_F_BAD_ATS_TREQ = 0x05,
	EVT_F_STREAM_DISABLED = 0x06,
	EVT_F_TRANSL_FORBIDDEN = 0x07,
	EVT_C_BAD_SUBSTREAMID = 0x08,
	EVT_F_CD_FETCH = 0x09,
	EVT_C_BAD_CD = 0x0a,
	EVT_F_WALK_EABT = 0x0b,
	EVT_F_TRANSLATION = 0x10,
	EVT_F_ADDR_SIZE = 0x11,
	EVT_F_ACCESS = 0x12,
	EVT_F_PERMISSION = 0x13,
	EVT_F_TLB_CONFLICT = 0x20,
	EVT_F_CFG_CONFLICT = 0x21,
	EVT_E_PAGE_REQUEST = 0x24,
	EVT_F_VMS_FETCH = 0x25,
};

/* Event record CLASS (IHI 0070 §7.3): what was being done when the fault happened. */
enum { EVT_CLASS_CD = 0, EVT_CLASS_TTD = 1, EVT_CLASS_IN = 2 };

/* Granules as log2 of the page: 12, 14, 16. */
enum vmsa_granule { VMSA_4K, VMSA_16K, VMSA_64K, VMSA_GRANULES };

/* Format-specific walk flags (struct pt_cfg.flags), beside walk.h's. */
#define PT_VMSA_AF_FAULT	(1u << 8)	/* AF clear faults (no AFFD, no HTTU) */
#define PT_VMSA_HAD		(1u << 9)	/* hierarchical attributes disabled */
#define PT_VMSA_WIDE		(1u << 10)	/* 52-bit descriptors: DS (4K, 16K) or LPA (64K) */

/* The VMSAv8-64 formats by stage (0: stage 1, 1: stage 2), granule and 52-bit layout. */
const struct pt_format *vmsa_format(unsigned int stage, enum vmsa_granule g, bool wide);
/* The granule of a format, and its page shift. */
unsigned int vmsa_granule_shift(enum vmsa_granule g);
void vmsa_walk(const struct pt_format *f, struct iommu_dump *d, const struct pt_cfg *cfg,
	       uint64_t in, unsigned int req, struct pt_nest *nest, bool ha, struct walk_trace *t,
	       struct pt_out *o);
pt_enum_fn vmsa_enum_fn(const struct pt_format *f);
/* Blocks each granule permits, as pt_cfg.block_levels. */
uint8_t vmsa_block_levels(enum vmsa_granule g, bool wide);
/* Entries of a contiguous-hint range at walker LEVEL (Arm level 4 - LEVEL). */
unsigned int vmsa_contig_entries(enum vmsa_granule g, unsigned int level);

/* What a stream's configuration does. */
enum smmu_mode {
	SMMU_NONE,		/* unusable: see the status */
	SMMU_ABORT,		/* Config 0b0xx: abort, no event */
	SMMU_BYPASS,		/* Config 0b100 (or S1DSS bypass without stage 2) */
	SMMU_S1,
	SMMU_S2,
	SMMU_NESTED,
};

/* One translation table of stage 1 (TTB0/TTB1) or stage 2. */
struct vmsa_tt {
	struct pt_cfg cfg;		/* levels 0: not in use */
	enum vmsa_granule granule;
	uint8_t in_bits;		/* 64 - TxSZ */
	bool disabled;			/* EPDx */
	bool tbi;
};

/* Block and page descriptor bit 52: the Contiguous hint (Arm DDI 0487 D8.6.1). */
#define VMSA_CONTIGUOUS (1ULL << 52)

/* The fields of the event a failed configuration or walk records (IHI 0070 §7.3). */
struct smmu_event {
	unsigned int id;
	bool s2;			/* stage 2 fault */
	unsigned int class;		/* EVT_CLASS_* */
	uint64_t ipa;			/* stage 2 faults: the IPA */
	bool ttd_write;			/* the fault was on a write of a table entry (HTTU) */
};

/* Where a configuration or walk outcome goes: a space's, or a translation's. */
struct smmu_result {
	enum iommu_xlate_status status;
	struct smmu_event ev;
	uint64_t missing;
	bool suppressed;		/* CD.R / STE.S2R clear: not recorded */
	char detail[192];
};

void smmu_fault(struct smmu_result *r, unsigned int id, const char *fmt, ...)
	PRINTF_FMT(3, 4);
void smmu_missing(struct smmu_result *r, uint64_t addr, const char *what);

struct smmu_space {
	struct iommu_space head;
	uint32_t sid;
	uint32_t ssid;			/* the CD's SubstreamID, or IOMMU_NO_PASID */
	uint32_t ssid_req;		/* cache: the request it was resolved for */
	bool valid;			/* cache: holds a resolution */
	enum smmu_mode mode;
	unsigned int config;		/* STE.Config */
	unsigned int strw;		/* STE.STRW */
	int asid, vmid;			/* -1 when not used */
	bool s1_bypass;			/* no SSID and S1DSS says bypass */
	bool ssid0_reserved;		/* S1DSS 0b10: SubstreamID 0 is the no-SSID stream's */
	bool cd_present;		/* the CD was read (stage 1 translates) */
	struct vmsa_tt tt[2];		/* stage 1: TTB0, TTB1 */
	struct vmsa_tt s2;
	uint8_t ips, s2ps;		/* effective output sizes of stage 1 and 2 */
	bool pan, affd, ha, record, s2affd, s2ha, s2record;
	uint64_t ste[8], cd[8];
	struct smmu_result res;
	struct walk_trace trace;	/* the structure entries read */
};

struct smmu_unit {
	struct iommu_translator head;
	struct iommu_dump *dump;
	uint64_t strtab_base, strtab_cfg;
	uint32_t idr[6];
	bool have_idr;
	struct smmu_space *cached;
};

/* IDR-derived limits (IHI 0070 §6.3); without IDRs, everything the fields express. */
unsigned int smmu_sid_bits(const struct smmu_unit *smmu);
unsigned int smmu_ssid_bits(const struct smmu_unit *smmu);
unsigned int smmu_oas(const struct smmu_unit *smmu);

/* The unit's operations (lib/unit/smmuv3-config.c, smmuv3-translate.c; the table in smmuv3-enum.c). */
void smmu_free(struct iommu_translator *t);
struct iommu_dump *smmu_dump(const struct iommu_translator *t);
int smmu_translate(struct iommu_translator *t, uint32_t sid, uint32_t ssid, uint64_t iova,
		   enum iommu_access access, unsigned int flags, struct iommu_xlate *x);

/* Resolve the stream SID (with SSID or IOMMU_NO_PASID) (lib/unit/smmuv3-config.c). */
void smmu_resolve(struct smmu_unit *smmu, uint32_t sid, uint32_t ssid,
		  struct smmu_space *sp);
/*
 * Stage 2 of SP for IPA: 0 and the physical address, or -1 with the fault
 * (CLASS says what the access was for: CD fetch, table walk, the input) in R.
 */
int smmu_s2_translate(struct smmu_unit *smmu, const struct smmu_space *sp,
		      uint64_t ipa, unsigned int req, unsigned int class, struct walk_trace *t,
		      struct smmu_result *r, struct pt_out *ret_out);
/* The event a PT_RESERVED stop of format F means: F_TRANSLATION, F_ADDR_SIZE or F_ACCESS. */
unsigned int vmsa_reserved_event(const struct pt_format *f, const struct pt_cfg *cfg,
				 const struct pt_out *o);
const char *smmu_mode_name(enum smmu_mode mode);
/* "4K", "16K", "64K". */
const char *vmsa_granule_name(enum vmsa_granule g);
/* The output address size coded as IPS/PS (0..7), in bits. */
unsigned int vmsa_ps_bits(unsigned int ps);

/* Encode EVENT for stream SID/SSID as the event queue record (4 words). */
void smmu_event_record(const struct smmu_event *ev, uint32_t sid, uint32_t ssid, uint64_t iova,
		       enum iommu_access access, bool priv, uint64_t record[4]);

#endif
