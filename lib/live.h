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

/* ---- snapshots (lib/snapshot-record.c, lib/snapshot-write.c) ------------- */

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

/* ---- the kernel command line (lib/cmdline.c) ----------------------------- */

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

/* ---- the kernel's build configuration (lib/kconfig.c) -------------------- */

struct kconfig;

/* /proc/config.gz, else /boot/config-RELEASE; -ENOENT when neither is there. */
int kconfig_load(struct iommu_ctx *ctx, struct kconfig **ret_config);
void kconfig_free(struct kconfig *config);
/* The file it came from, as a path on the inspected machine. */
const char *kconfig_source(const struct kconfig *config);
/* NAME without "CONFIG_": 'y', 'm', 'n' (not set), 'v' (another value), 0 (not mentioned). */
char kconfig_get(const struct kconfig *config, const char *name);

/* ---- the kernel log (lib/klog.c, lib/klog-patterns.c) -------------------- */

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

#endif
