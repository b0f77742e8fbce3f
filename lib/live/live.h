/* SPDX-License-Identifier: MIT */
/*
 * Private declarations of the live-system readers: the status verdict, the
 * kernel command line, the kernel configuration, the kernel log, groups,
 * devices and snapshots.  Nothing here is public API.
 */
#ifndef LIBIOMMU_LIVE_H
#define LIBIOMMU_LIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"

/* ---- snapshots (lib/live/snapshot-record.c, lib/live/snapshot-write.c) --- */

struct snapshot_note {
	char *path;			/* as on the inspected machine */
	enum sysroot_note_kind kind;
};

/* A file with no path of its own on the machine: the kernel log. */
struct snapshot_content {
	char *name;			/* relative to the snapshot's top */
	char *data;
	size_t size;
};

struct iommu_snapshot {
	int refcount;
	struct iommu_ctx *ctx;
	struct snapshot_note *notes;
	size_t count, alloc;
	struct snapshot_content *contents;
	size_t ncontents;
	int error;			/* first allocation failure while recording */
	size_t files, links, dirs;	/* written */
};

/* Keep DATA as the snapshot's file NAME (e.g. "dmesg.txt"); no-op when not recording. */
int snapshot_note_content(struct iommu_ctx *ctx, const char *name, const char *data, size_t size);

/* ---- the kernel command line (lib/live/cmdline.c) ------------------------ */

struct cmdline_param {
	char *text;			/* the word as written */
	char *key;			/* without quotes, '-' as '_': "vfio_iommu_type1.allow_unsafe_interrupts" */
	char *value;			/* after '=' (inside KEY's buffer), or NULL */
	unsigned int index;
};

struct cmdline {
	struct cmdline_param *params;
	size_t count;
};

/* Split as the kernel does; stops at "--" (what follows is init's). */
int cmdline_parse(const char *text, struct cmdline *ret);
void cmdline_free(struct cmdline *c);

/* What the line asks of the IOMMU drivers after the kernel's own rules; TOKEN NULL: not asked. */
struct cmdline_setting {
	const char *token;		/* the word that decided it (inside the cmdline) */
	int value;
};

struct cmdline_settings {
	struct cmdline_setting intel;		/* intel_iommu=on 1, off 0 */
	struct cmdline_setting intel_sm;	/* intel_iommu=sm_on 1, sm_off 0 */
	struct cmdline_setting amd_pgtbl;	/* amd_iommu=pgtbl_v1 1, pgtbl_v2 2 */
	struct cmdline_setting amd_off;		/* amd_iommu=off */
	struct cmdline_setting amd_force_enable;
	struct cmdline_setting iommu_off;	/* iommu=off (x86: every IOMMU driver) */
	struct cmdline_setting passthrough;	/* iommu=pt 1, iommu=nopt 0, iommu.passthrough= */
	struct cmdline_setting strict;		/* iommu.strict=, intel_iommu=strict, amd_iommu=fullflush */
	struct cmdline_setting intremap;	/* intremap=on 1, off 0, nointremap 0 */
	struct cmdline_setting nopost;		/* intremap=nopost */
	struct cmdline_setting igfx_off;	/* intel_iommu=igfx_off (or Debian's intgpu_off) */
	struct cmdline_setting tboot_noforce;
	struct cmdline_setting nox2apic;
	struct cmdline_setting acpi_off;	/* acpi=off: no ACPI tables at all */
	struct cmdline_setting noats;		/* pci=noats */
	struct cmdline_setting acs_override;	/* pcie_acs_override= (out of tree) */
	struct cmdline_setting unsafe_interrupts;	/* vfio_iommu_type1/iommufd.allow_unsafe_interrupts */
	struct cmdline_setting unsafe_noiommu;	/* vfio.enable_unsafe_noiommu_mode */
};

enum cmdline_issue_kind {
	CMDLINE_NOOP,			/* accepted, but does nothing for this IOMMU */
	CMDLINE_UNKNOWN,		/* not an option of the parameter, or not a parameter */
	CMDLINE_OTHER_VENDOR,		/* the other vendor's parameter */
	CMDLINE_DEPRECATED,
	CMDLINE_OVERRIDDEN,		/* a later word undoes it */
	CMDLINE_UNSAFE,			/* VFIO without isolation */
	CMDLINE_ACS_OVERRIDE,		/* pcie_acs_override= */
	CMDLINE_ISSUE_KINDS,
};

struct cmdline_issue {
	enum cmdline_issue_kind kind;
	const char *token;		/* the word (inside the cmdline) */
	char *message;
	const char *hint;
};

/* VENDOR: the platform's IOMMU, for "the other vendor's" words; UNKNOWN to skip that test. */
int cmdline_lint(const struct cmdline *c, enum iommu_vendor vendor, struct cmdline_settings *ret,
		 struct cmdline_issue **ret_issues, size_t *ret_count);
void cmdline_issues_free(struct cmdline_issue *issues, size_t count);

/* ---- the kernel's build configuration (lib/live/kconfig.c) --------------- */

struct kconfig;

/* /proc/config.gz, else /boot/config-RELEASE; -ENOENT when neither is there. */
int kconfig_load(struct iommu_ctx *ctx, struct kconfig **ret_config);
void kconfig_free(struct kconfig *config);
/* "/boot/config-RELEASE" for the running kernel, or NULL when its release is unknown. */
char *kconfig_boot_path(struct iommu_ctx *ctx);
/* The file it came from, as a path on the inspected machine. */
const char *kconfig_source(const struct kconfig *config);
/* NAME without "CONFIG_": 'y', 'm', 'n' (not set), 'v' (another value), 0 (not mentioned). */
char kconfig_get(const struct kconfig *config, const char *name);

/* ---- the kernel log (lib/live/klog.c, lib/live/klog-patterns.c) ---------- */

struct klog;

/*
 * The snapshot's /dmesg.txt, or on the live system the ring buffer through
 * klogctl (recorded into a snapshot as dmesg.txt).  -ENOENT: not captured;
 * -EPERM: kernel.dmesg_restrict and no privilege.
 */
int klog_load(struct iommu_ctx *ctx, struct klog **ret_log);
void klog_free(struct klog *log);
size_t klog_count(const struct klog *log);
/* The message, without priority and time stamp. */
const char *klog_line(const struct klog *log, size_t index);
/* The first pattern of klog_patterns it matches (klog_classify()), or NULL. */
const struct klog_pattern *klog_line_pattern(const struct klog *log, size_t index);

/* What a line says (bits). */
#define KLOG_SUCCESS	(1u << 0)	/* the driver initialised */
#define KLOG_FAILURE	(1u << 1)	/* the driver failed or was kept off */
#define KLOG_FW_BUG	(1u << 2)	/* caused by the firmware: a BIOS update is the fix */
#define KLOG_MISLEADING	(1u << 3)	/* looks like evidence, is not */
#define KLOG_IR_ON	(1u << 4)
#define KLOG_IR_OFF	(1u << 5)
#define KLOG_X2APIC	(1u << 6)
#define KLOG_XAPIC	(1u << 7)
#define KLOG_POSTED	(1u << 8)
#define KLOG_FAULT	(1u << 9)
#define KLOG_VIRTUAL	(1u << 10)	/* a virtual IOMMU */
#define KLOG_NOIOMMU	(1u << 11)	/* VFIO's unsafe no-IOMMU mode was used */
#define KLOG_INFO	(1u << 12)	/* worth quoting */

struct klog_pattern {
	const char *match;		/* '*' matches any run of characters */
	enum iommu_vendor vendor;	/* UNKNOWN: any */
	unsigned int what;		/* KLOG_* */
	const char *meaning;
};

/* Ends with a NULL match. */
extern const struct klog_pattern klog_patterns[];
/* The first pattern LINE matches, or NULL. */
const struct klog_pattern *klog_classify(const char *line);
bool klog_line_matches(const char *line, const char *pattern);

/* ---- groups (lib/live/groups.c) ------------------------------------------ */

/* The last component of the target of link PATH ("../../bus/pci" gives "pci"), or NULL. */
char *link_name(struct iommu_ctx *ctx, const char *path);

/* ---- what the host runs on (lib/live/groups-hostuse.c) ------------------- */

struct host_use {
	char *path;			/* the sysfs device path (a link target) of the disk or interface */
	char *what;			/* "root file system (nvme0n1p2)", "default route (eth0)" */
};

int host_uses_find(struct iommu_ctx *ctx, struct host_use **ret_uses, size_t *ret_count);
void host_uses_free(struct host_use *uses, size_t count);
/* What DEVICE ("0000:01:00.0") is to the host, or NULL: the first use whose path runs through it. */
const char *host_use_of(const struct host_use *uses, size_t count, const char *device);

/* ---- status (lib/status*.c) ---------------------------------------------- */

struct iommu_evidence {
	struct iommu_evidence *next;
	char *source, *text;
};

struct iommu_status_check {
	struct iommu_status_check *next;
	const char *id;
	enum iommu_result result;
	char *summary, *hint;
	struct iommu_evidence *first, *last;
};

struct iommu_unit {
	struct iommu_unit *next;
	char *name;
	char *target;			/* its /sys/class/iommu link */
	enum iommu_vendor vendor;
	const char *model;
	uint64_t address;		/* IOMMU_NO_ADDRESS when unknown */
	bool address_from_ivrs;		/* the kernel does not say: the IVRS did */
	size_t ndevices;
	bool have_cap, have_ecap;	/* VT-d CAP_REG, ECAP_REG */
	uint64_t cap, ecap;
	bool have_efr;			/* AMD-Vi EFR (and EFR2) */
	uint64_t efr, efr2;
	struct iommu_dnode *registers;
	/* how it translates (lib/live/status-translation.c); no basis: does not apply */
	const char *translation;	/* "legacy", "scalable", "v1", "v2", "stage1", "stage2"; NULL unknown */
	bool translation_inferred;
	char *translation_basis;
	unsigned int stages;		/* SMMUv3: 1u << IOMMU_STAGE_1 | 1u << IOMMU_STAGE_2 it implements */
};

struct iommu_status {
	int refcount;
	enum iommu_verdict verdict;
	enum iommu_vendor vendor;
	enum iommu_mode mode;
	bool guest;
	char *summary, *hint;
	struct iommu_status_check *first_check, *last_check;
	struct iommu_unit *units;
	int error;			/* first allocation failure */
};

/* The IOMMU tables, in the order a platform's own IOMMU is preferred. */
enum { TABLE_DMAR, TABLE_IVRS, TABLE_IORT, TABLE_VIOT, IOMMU_TABLES };
extern const char *const status_table_names[IOMMU_TABLES];

struct irq_chip_count {
	char name[32];			/* "IR-PCI-MSI", without a device suffix */
	unsigned int count;
};

/* What was read: the evidence before any decision. */
struct status_facts {
	struct iommu_ctx *ctx;
	/* the CPU (/proc/cpuinfo) */
	bool have_cpuinfo;
	char cpu_vendor[48];		/* "GenuineIntel", "AuthenticAMD", "Arm implementer 0x41" */
	enum iommu_vendor cpu_iommu;	/* the IOMMU such a platform comes with */
	bool hypervisor_flag;
	/* virtual machines and Xen */
	char *hypervisor_type;		/* /sys/hypervisor/type */
	bool xen_dom0;			/* /proc/xen/capabilities: control_d */
	char *dmi_vm;			/* a DMI string naming a hypervisor */
	/* firmware */
	int acpi_error;			/* listing /sys/firmware/acpi/tables */
	bool table_present[IOMMU_TABLES];
	int table_error[IOMMU_TABLES];	/* reading it (-EACCES without root) */
	struct iommu_table *table[IOMMU_TABLES];
	struct iommu_tables *tables;
	bool devicetree;
	char *bios;			/* "vendor version date" from DMI, for firmware-bug hints */
	/* the kernel */
	char *cmdline_text;
	struct cmdline cmdline;
	struct cmdline_settings set;
	struct cmdline_issue *issues;
	size_t nissues;
	struct kconfig *config;
	int config_error;
	struct klog *log;
	int log_error;
	/* what the kernel made of it */
	struct iommu_groups *groups;
	int groups_error;
	size_t ngroups, nnoiommu;	/* real groups; VFIO's fake ones */
	size_t ntype_dma, ntype_fq, ntype_identity, ntype_other, ntype_unknown;
	/* interrupts */
	const char *irq_source;
	struct irq_chip_count *chips;
	size_t nchips;
	size_t irqs_remapped, irqs_plain;	/* I/O APIC, MSI and HPET interrupts */
	/* VFIO module parameters: -1 module not loaded, 0 N, 1 Y */
	int unsafe_type1, unsafe_iommufd, unsafe_noiommu;
	/* Thunderbolt */
	size_t tb_domains, tb_protected;
};

int status_facts_gather(struct iommu_ctx *ctx, struct iommu_status *st, struct status_facts *f);
void status_facts_free(struct status_facts *f);
/* The platform's IOMMU: its firmware table's, else a unit's, else the CPU's kind. */
enum iommu_vendor status_platform_vendor(const struct iommu_status *st, const struct status_facts *f);
/* Read /sys/class/iommu into ST's units. */
int status_units_read(struct iommu_ctx *ctx, struct iommu_status *st);
/* The AMD-Vi units' register bases, which sysfs does not show, from the IVRS (may be NULL). */
int status_units_locate_amd(struct iommu_status *st, struct iommu_table *ivrs);
void status_units_free(struct iommu_unit *units);
size_t status_unit_count(const struct iommu_status *st);
/* The state model: the verdict, its summary and hint, and every check. */
void status_decide(struct iommu_status *st, const struct status_facts *f);
/* The checks that do not decide the verdict (lib/live/status-checks.c). */
void status_more_checks(struct iommu_status *st, const struct status_facts *f);
/* Each unit's translation (mode, page tables, stages) and the check that shows them. */
void status_translation_check(struct iommu_status *st, const struct status_facts *f);

/* The vendor's IOMMU in a sentence: "Intel VT-d", "AMD-Vi", "Arm SMMU", "virtio-iommu", "the IOMMU". */
const char *vendor_title(enum iommu_vendor vendor);
struct iommu_status_check *status_check(struct iommu_status *st, const char *id,
					enum iommu_result result, const char *format, ...)
	PRINTF_FMT(4, 5);
void status_hint(struct iommu_status *st, struct iommu_status_check *check, const char *format, ...)
	PRINTF_FMT(3, 4);
void status_evidence(struct iommu_status *st, struct iommu_status_check *check, const char *source,
		     const char *format, ...) PRINTF_FMT(4, 5);
void status_set_verdict(struct iommu_status *st, enum iommu_verdict verdict, const char *hint,
			const char *format, ...) PRINTF_FMT(4, 5);

/* ---- the unit the firmware names for a PCI function (lib/live/devices-firmware.c) */

struct firmware_units;
struct pci_function;

/* The sysroot's DMAR, IVRS or IORT, decoded; a machine without one loads fine. */
int firmware_units_load(struct iommu_ctx *ctx, struct firmware_units **ret);
void firmware_units_free(struct firmware_units *fw);
/*
 * 0 with the unit's name in BUF and the ID it sees for F in *RET_ID (DMAR source-id, IVRS
 * requester ID after aliases, IORT StreamID); -ENOENT: the tables name no unit;
 * -EOPNOTSUPP: no table to tell.
 */
int firmware_unit_of(const struct firmware_units *fw, const struct pci_function *f, char *buf,
		     size_t size, uint32_t *ret_id);
/*
 * Whether the kernel attaches a device to the unit these tables name only when a driver
 * probes it: so with an IORT (ACPI on Arm, iort_iommu_configure() from dma_configure()).
 */
bool firmware_units_attach_at_probe(const struct firmware_units *fw);

#endif
