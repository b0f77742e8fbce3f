/* SPDX-License-Identifier: MIT */
/* Intel VT-d translation structures inside libiommu. */
#ifndef LIBIOMMU_VTD_H
#define LIBIOMMU_VTD_H

#include "unit/unit.h"

/* Fault reasons (FRCD.FR), VT-d 4.1 §7.1.3 tables; the condition codes name them. */
enum {
	FR_LRT_2 = 0x01,	/* root entry not present */
	FR_LCT_2 = 0x02,	/* context entry not present */
	FR_LCT_4 = 0x03,	/* invalid context entry (TT, AW) */
	FR_LGN_1 = 0x04,	/* address beyond the address width */
	FR_LGN_2 = 0x05,	/* write not permitted */
	FR_LGN_3 = 0x06,	/* read not permitted */
	FR_LSL_1 = 0x07,	/* error reading a paging entry */
	FR_LRT_1 = 0x08,
	FR_LCT_1 = 0x09,
	FR_LRT_3 = 0x0a,	/* root entry reserved bits */
	FR_LCT_3 = 0x0b,	/* context entry reserved bits */
	FR_LSL_2 = 0x0c,	/* paging entry reserved bits */
	FR_LCT_5 = 0x0d,
	FR_LGN_4 = 0x0e,	/* output address in the interrupt range */
	FR_RTA_1 = 0x30,	/* invalid root table address (TTM) */
	FR_RTA_2 = 0x31,
	FR_SRT_2 = 0x39,	/* SM root entry not present */
	FR_SRT_3 = 0x3a,
	FR_SCT_2 = 0x41,	/* SM context entry not present */
	FR_SCT_3 = 0x42,
	FR_SCT_4 = 0x43,
	FR_SCT_6 = 0x45,	/* PASID request, PASIDE clear */
	FR_SCT_7 = 0x46,	/* PASID beyond the directory */
	FR_SPD_2 = 0x51,
	FR_SPD_3 = 0x52,
	FR_SPT_2 = 0x59,
	FR_SPT_3 = 0x5a,
	FR_SPT_4 = 0x5b,	/* invalid PASID entry (PGTT, AW, FSPM) */
	FR_SPT_6 = 0x5d,	/* supervisor request, SRE clear */
	FR_SFL_2 = 0x71,	/* first-stage entry not present */
	FR_SFL_3 = 0x72,
	FR_SFL_5 = 0x74,	/* nested: first-stage table address beyond the second stage */
	FR_SFL_6 = 0x75,	/* nested: first-stage root table not readable */
	FR_SFL_7 = 0x76,	/* nested: first-stage table not readable */
	FR_SFL_8 = 0x77,	/* nested: first-stage table not writable for A/D */
	FR_SSL_2 = 0x79,	/* second-stage entry R and W clear */
	FR_SSL_3 = 0x7a,
	FR_SGN_1 = 0x80,	/* not canonical */
	FR_SGN_2 = 0x81,	/* user request, U/S clear */
	FR_SGN_4 = 0x83,	/* address beyond MGAW */
	FR_SGN_5 = 0x84,	/* address beyond the second-stage width */
	FR_SGN_6 = 0x85,	/* write not permitted */
	FR_SGN_7 = 0x86,	/* read not permitted */
	FR_SGN_8 = 0x87,	/* output address in the interrupt range */
};

/* CAP_REG and ECAP_REG fields this walker uses (VT-d 4.1 §11.4.2, §11.4.3; as lib/unit/vtd-regs.c). */
#define CAP_SAGAW(c)	(((c) >> 8) & 0x1f)
#define CAP_MGAW(c)	((unsigned int)(((c) >> 16) & 0x3f) + 1)
#define CAP_SLLPS(c)	(((c) >> 34) & 0xf)
#define CAP_FL1GP(c)	(((c) >> 56) & 1)
#define CAP_FL5LP(c)	(((c) >> 60) & 1)
#define ECAP_DT(e)	(((e) >> 2) & 1)
#define ECAP_PT(e)	(((e) >> 6) & 1)
#define ECAP_SC(e)	(((e) >> 7) & 1)
#define ECAP_NEST(e)	(((e) >> 26) & 1)
#define ECAP_SMTS(e)	(((e) >> 43) & 1)
#define ECAP_SSTS(e)	(((e) >> 46) & 1)
#define ECAP_FSTS(e)	(((e) >> 47) & 1)
#define ECAP_ADMS(e)	(((e) >> 52) & 1)

/* The interrupt address range an output address must not fall in (LGN.4, SGN.8). */
#define VTD_INTR_BASE 0xfee00000ULL
#define VTD_INTR_SIZE 0x00100000ULL

struct vtd_unit {
	struct iommu_translator head;
	struct iommu_dump *dump;
	uint64_t rtaddr;
	uint64_t cap, ecap;
	bool have_caps;
	bool strict;
	/* The last address space resolved, for the next request of the same requester. */
	struct vtd_space *cached;
};

enum space_mode {
	SPACE_NONE,		/* not usable: see the status */
	SPACE_LEGACY,		/* legacy context entry, second-level tables */
	SPACE_PASSTHROUGH,
	SPACE_SECOND,
	SPACE_FIRST,
	SPACE_NESTED,
};

#define SPACE_STEPS 4

struct vtd_space {
	struct iommu_space head;
	uint16_t sid;
	uint32_t pasid;			/* IOMMU_NO_PASID in legacy mode */
	uint32_t pasid_req;		/* the request's PASID it was resolved for */
	bool rid_pasid;
	bool valid;			/* cache: holds a resolution */
	enum space_mode mode;
	int did;
	bool fpd;
	bool priv;			/* RID_PRIV: requests without PASID are privileged */
	bool sre, wpe;			/* first stage: supervisor requests, write protect */
	struct pt_cfg ss, fs;		/* levels 0: stage not used */
	uint8_t in_bits;		/* input address width of the second stage */
	enum iommu_xlate_status status;
	unsigned int fr;
	uint64_t missing;
	const char *note;
	char detail[160];
	struct walk_step steps[SPACE_STEPS];
	unsigned int nsteps;
};

/* Formats (lib/pt/vtd-pgtable.c). */
extern const struct pt_format vtd_ss_format, vtd_fs_format;

/* Walks and enumerations instantiated for each format. */
void vtd_ss_walk(struct iommu_dump *d, const struct pt_cfg *cfg, uint64_t in, unsigned int req,
		 struct walk_trace *t, struct pt_out *o);
/* N (<= 64) second-stage walks at once, their loads overlapped. */
void vtd_ss_walk_many(struct iommu_dump *d, const struct pt_cfg *cfg, const uint64_t *in,
		      unsigned int n, unsigned int req, struct pt_out *o);
void vtd_fs_walk(struct iommu_dump *d, const struct pt_cfg *cfg, uint64_t in, unsigned int req,
		 struct pt_nest *nest, struct walk_trace *t, struct pt_out *o);
void vtd_ss_enum(struct pt_enum *e, uint64_t table, unsigned int level, uint64_t base,
		 unsigned int perm);
void vtd_fs_enum(struct pt_enum *e, uint64_t table, unsigned int level, uint64_t base,
		 unsigned int perm);

/* The unit's operations (lib/unit/vtd-context.c, vtd-translate.c; the table in vtd-enum.c). */
void vtd_free(struct iommu_translator *t);
struct iommu_dump *vtd_dump(const struct iommu_translator *t);
int vtd_translate(struct iommu_translator *t, uint32_t sid, uint32_t pasid, uint64_t iova,
		  enum iommu_access access, unsigned int flags, struct iommu_xlate *x);

/* Resolve the address space for (SID, PASID) (lib/unit/vtd-context.c). */
void vtd_resolve(struct vtd_unit *vtd, uint16_t sid, uint32_t pasid, struct vtd_space *sp);
/* Second-stage configuration from an address-width code (AW, levels AW + 2). */
bool vtd_ss_config(const struct vtd_unit *vtd, unsigned int aw, uint64_t root, bool legacy,
		   struct pt_cfg *cfg, uint8_t *ret_in_bits);
const char *vtd_mode_name(enum space_mode mode);

/* Fault reasons (lib/fault/fault-vtd.c): whether FPD can suppress FR. */
bool vtd_fault_qualified(unsigned int fr);

#endif
