// SPDX-License-Identifier: MIT
/*
 * How each unit translates DMA, for the first screen of iommutool status:
 * VT-d in scalable or legacy mode, AMD-Vi with v1 or v2 page tables, SMMUv3
 * with stage 1 or stage 2.  What the hardware cannot do is known from its
 * registers, and what the kernel chose is known when its log says so; the
 * rest is inferred from the command line and the kernel's configuration as
 * the driver would decide, and marked as inferred.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "live/live.h"
#include "text.h"

/* The bits of iommu_unit_get_stages(). */
#define S1 (1u << IOMMU_STAGE_1)
#define S2 (1u << IOMMU_STAGE_2)

static void decide(struct iommu_status *st, struct iommu_unit *u, const char *mode, bool inferred,
		   const char *format, ...) PRINTF_FMT(5, 6);
static void decide(struct iommu_status *st, struct iommu_unit *u, const char *mode, bool inferred,
		   const char *format, ...)
{
	va_list args;

	u->translation = mode;
	u->translation_inferred = inferred;
	va_start(args, format);
	if (vasprintf(&u->translation_basis, format, args) < 0) {
		u->translation_basis = NULL;
		st->error = -ENOMEM;
	}
	va_end(args);
}

/* The first kernel log line PATTERN matches anywhere in ('*': any run), or NULL. */
static const char *log_find(const struct status_facts *f, const char *pattern)
{
	for (size_t i = 0; f->log && i < klog_count(f->log); i++)
		if (klog_line_matches(klog_line(f->log, i), pattern))
			return klog_line(f->log, i);
	return NULL;
}

/*
 * VT-d 4.1 §11.4.3: ECAP_REG.SMTS (bit 43), scalable mode translation.  Linux runs a
 * unit in scalable mode when SMTS is set and intel_iommu_sm is on: sm_supported() in
 * drivers/iommu/intel/iommu.h; intel_iommu_sm comes from intel_iommu=sm_on/sm_off,
 * else intel_iommu_sm = IS_ENABLED(CONFIG_INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON) (iommu.c, 6.x).
 */
static void vtd_mode(struct iommu_status *st, struct iommu_unit *u, const struct status_facts *f)
{
	const struct cmdline_setting *sm = &f->set.intel_sm;
	char config = f->config ? kconfig_get(f->config, "INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON") : 0;
	const char *line;

	if (!u->have_ecap) {
		decide(st, u, NULL, false, "its extended capabilities (intel-iommu/ecap) are not readable");
		return;
	}
	if (!((u->ecap >> 43) & 1)) {
		decide(st, u, "legacy", false,
		       "the hardware has no scalable mode (ECAP 0x%llx: SMTS, bit 43, clear)",
		       (unsigned long long)u->ecap);
		return;
	}
	/* register_pasid_allocator() (the 6.1 fixture's log has it): Caching Mode, not scalable. */
	line = log_find(f, "DMAR: VT-d Scalable Mode not enabled, no PASID allocation");
	if (line && u->have_cap && ((u->cap >> 7) & 1)) {
		decide(st, u, "legacy", false, "the kernel log says so: \"%s\"", line);
		return;
	}
	if (sm->token && !sm->value)
		decide(st, u, "legacy", false, "'%s' on the kernel command line keeps scalable mode off",
		       sm->token);
	else if (sm->token)
		decide(st, u, "scalable", true, "the hardware has it (ECAP.SMTS) and '%s' asks for it",
		       sm->token);
	else if (config == 'y')
		decide(st, u, "scalable", true,
		       "the hardware has it (ECAP.SMTS) and CONFIG_INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON=y turns it on by default");
	else if (config == 'n')
		decide(st, u, "legacy", true,
		       "the hardware has scalable mode (ECAP.SMTS), but CONFIG_INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON is not set and nothing on the command line asks for it");
	else
		decide(st, u, NULL, false,
		       "the hardware has scalable mode (ECAP.SMTS); whether the kernel uses it depends on CONFIG_INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON, which %s",
		       f->config ? "its configuration does not mention" : "is not readable");
}

/* AMD IOMMU 3.10 §3.4.12 EFR: v2 page tables for DMA need GTSup (bit 4) and GIoSup (bit 48). */
#define AMD_EFR_GT_SUP (1ull << 4)
#define AMD_EFR_GIO_SUP (1ull << 48)

/*
 * drivers/iommu/amd/init.c (6.x): amd_iommu_pgtable is v1 unless amd_iommu=pgtbl_v2 (or
 * pgtbl_v1) says otherwise; v2 falls back to v1 without GTSup and GIoSup ("Cannot enable v2
 * page table for DMA-API"), some releases force v1 for SEV-SNP ("Forc... v1 page table due
 * to SNP"), and print_iommu_info() logs "V2 page table enabled" in recent ones.
 */
static void amd_page_table(struct iommu_status *st, struct iommu_unit *u,
			   const struct status_facts *f)
{
	const struct cmdline_setting *pgtbl = &f->set.amd_pgtbl;
	const char *line;

	if ((line = log_find(f, "AMD-Vi: V2 page table enabled*"))) {
		decide(st, u, "v2", false, "the kernel log says so: \"%s\"", line);
		return;
	}
	if ((line = log_find(f, "AMD-Vi: Cannot enable v2 page table for DMA-API*")) ||
	    (line = log_find(f, "AMD-Vi: Forc* v1 page table due to SNP*"))) {
		decide(st, u, "v1", false, "the kernel log says so: \"%s\"", line);
		return;
	}
	if ((line = log_find(f, "AMD-Vi: Host Address Translation is not supported*"))) {
		decide(st, u, NULL, false,
		       "the firmware says the unit has no v1 (host) translation (\"%s\"), and the log does not say v2 page tables were enabled",
		       line);
		return;
	}
	if (pgtbl->token && pgtbl->value == 2) {
		/* amd_iommu_v2_pgtbl_supported() in drivers/iommu/amd/amd_iommu.h */
		if (u->have_efr && (~u->efr & (AMD_EFR_GT_SUP | AMD_EFR_GIO_SUP)))
			decide(st, u, "v1", true,
			       "'%s' asks for v2, but the EFR (0x%llx) lacks %s, so the kernel falls back to v1",
			       pgtbl->token, (unsigned long long)u->efr,
			       !(u->efr & AMD_EFR_GT_SUP) ? "GTSup (bit 4)" : "GIoSup (bit 48)");
		else
			decide(st, u, "v2", true, "'%s' on the kernel command line asks for them",
			       pgtbl->token);
	} else if (pgtbl->token) {
		decide(st, u, "v1", true, "'%s' on the kernel command line asks for them", pgtbl->token);
	} else {
		decide(st, u, "v1", true,
		       "the kernel's default: nothing on the command line asks for v2 (amd_iommu=pgtbl_v2)");
	}
}

/* "arm-smmu-v3 arm-smmu-v3.0.auto: ias 48-bit, ..." names the device UNIT's link runs through. */
static bool line_names_unit(const char *line, const struct iommu_unit *u)
{
	const char *start = strchr(line, ' '), *colon;
	char needle[128];

	if (!start || !u->target)
		return false;
	start++;
	colon = strstr(start, ": ias ");
	if (!colon || colon - start <= 0 || colon - start >= (long)sizeof(needle) - 2)
		return false;
	snprintf(needle, sizeof(needle), "/%.*s/", (int)(colon - start), start);
	return strstr(u->target, needle) != NULL;
}

/*
 * Arm IHI 0070 §6.3.1 SMMU_IDR0.S1P/S2P, which arm_smmu_device_hw_probe() logs as
 * "ias N-bit, oas N-bit (features 0x...)" with ARM_SMMU_FEAT_TRANS_S1 (bit 9) and
 * ARM_SMMU_FEAT_TRANS_S2 (bit 10) (drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3.h, 4.x-6.x).
 * DMA domains get stage 1 when the unit has both (arm_smmu_domain_finalise()).
 */
static void smmu_stages(struct iommu_status *st, struct iommu_unit *u, const struct status_facts *f,
			size_t nsmmu)
{
	const char *named = NULL, *only = NULL, *line, *p;
	uint64_t features;
	size_t nlines = 0;

	for (size_t i = 0; f->log && i < klog_count(f->log); i++) {
		const char *l = klog_line(f->log, i);

		if (!klog_line_matches(l, "arm-smmu-v3 *: ias *-bit, oas *-bit (features 0x*)"))
			continue;
		nlines++;
		only = l;
		if (!named && line_names_unit(l, u))
			named = l;
	}
	/* Without the device in its link, the one line of the one SMMUv3 is its own. */
	line = named ? named : nsmmu == 1 && nlines == 1 ? only : NULL;
	if (!line) {
		decide(st, u, NULL, false, "%s",
		       f->log ? "the kernel log has no \"ias ..., oas ... (features ...)\" line of the driver for it"
			      : "the stages are in the driver's kernel log line, and the log is not readable");
		return;
	}
	p = strstr(line, "(features ") + strlen("(features ");
	if (!text_hex(p, line + strlen(line), &features)) {
		decide(st, u, NULL, false, "the driver's line does not give its features: \"%s\"", line);
		return;
	}
	u->stages = ((features >> 9) & 1 ? S1 : 0) | ((features >> 10) & 1 ? S2 : 0);
	if (!u->stages)
		decide(st, u, NULL, false, "features 0x%08llx name neither stage (\"%s\")",
		       (unsigned long long)features, line);
	else if (u->stages == (S1 | S2))
		decide(st, u, "stage1", true,
		       "features 0x%08llx: stage 1 and stage 2; Linux gives DMA domains stage 1 when the unit has it",
		       (unsigned long long)features);
	else
		decide(st, u, u->stages == S1 ? "stage1" : "stage2", false,
		       "features 0x%08llx: stage %d only", (unsigned long long)features,
		       u->stages == S1 ? 1 : 2);
}

/* Each unit's translation (left unset for a virtio-iommu: the question does not apply). */
static void decide_units(struct iommu_status *st, const struct status_facts *f)
{
	size_t nsmmu = 0;

	for (const struct iommu_unit *u = st->units; u; u = u->next)
		nsmmu += strncmp(u->name, "smmu3.", 6) == 0;
	for (struct iommu_unit *u = st->units; u; u = u->next) {
		if (u->vendor == IOMMU_VENDOR_INTEL)
			vtd_mode(st, u, f);
		else if (u->vendor == IOMMU_VENDOR_AMD)
			amd_page_table(st, u, f);
		else if (strncmp(u->name, "smmu3.", 6) == 0)
			smmu_stages(st, u, f, nsmmu);
		else if (u->vendor == IOMMU_VENDOR_ARM)
			decide(st, u, NULL, false, "not worked out for SMMUv1/v2 units");
		else if (u->vendor == IOMMU_VENDOR_UNKNOWN)
			decide(st, u, NULL, false, "the unit's kind is not known");
	}
}

/* "legacy mode", or as a predicate "runs in legacy mode"; "unknown" for NULL. */
static const char *mode_text(const char *mode, bool predicate)
{
	static const struct {
		const char *mode, *noun, *predicate;
	} texts[] = {
		{ "legacy", "legacy mode", "runs in legacy mode" },
		{ "scalable", "scalable mode", "runs in scalable mode" },
		{ "v1", "v1 page tables", "uses v1 page tables" },
		{ "v2", "v2 page tables", "uses v2 page tables" },
		{ "stage1", "stage 1", "translates with stage 1" },
		{ "stage2", "stage 2", "translates with stage 2" },
	};

	for (size_t i = 0; mode && i < ARRAY_SIZE(texts); i++)
		if (strcmp(mode, texts[i].mode) == 0)
			return predicate ? texts[i].predicate : texts[i].noun;
	return "unknown";
}

static const char *stages_text(unsigned int stages)
{
	switch (stages) {
	case S1 | S2:
		return "; stages 1 and 2 available";
	case S1:
		return "; only stage 1 available";
	case S2:
		return "; only stage 2 available";
	}
	return "";
}

/* The check: one line for the platform when its units agree, the units' own lines below. */
void status_translation_check(struct iommu_status *st, const struct status_facts *f)
{
	const struct iommu_unit *first = NULL;
	struct iommu_status_check *c;
	bool same = true, unknown = false;

	decide_units(st, f);
	for (const struct iommu_unit *u = st->units; u; u = u->next) {
		if (!u->translation_basis)
			continue;
		if (!first)
			first = u;
		unknown |= !u->translation;
		same &= u->vendor == first->vendor && u->translation_inferred == first->translation_inferred &&
			u->stages == first->stages &&
			(u->translation && first->translation ? strcmp(u->translation, first->translation) == 0
							      : u->translation == first->translation);
	}
	if (!first)
		return;
	if (same && first->translation)
		c = status_check(st, "iommu.translation", IOMMU_RESULT_PASS, "%s %s%s%s",
				 first->model, mode_text(first->translation, true),
				 first->translation_inferred ? " (inferred)" : "", stages_text(first->stages));
	else if (same)
		c = status_check(st, "iommu.translation", IOMMU_RESULT_UNKNOWN,
				 "how %s translates is not known", first->model);
	else
		c = status_check(st, "iommu.translation", unknown ? IOMMU_RESULT_UNKNOWN : IOMMU_RESULT_PASS,
				 "the units translate differently");
	for (const struct iommu_unit *u = st->units; u; u = u->next) {
		char path[280];

		if (!u->translation_basis)
			continue;
		snprintf(path, sizeof(path), "/sys/class/iommu/%s", u->name);
		status_evidence(st, c, path, "%s%s: %s", mode_text(u->translation, false),
				u->translation && u->translation_inferred ? " (inferred)" : "",
				u->translation_basis);
	}
}

IOMMU_EXPORT const char *iommu_unit_get_translation(const struct iommu_unit *unit)
{
	return unit->translation;
}

IOMMU_EXPORT bool iommu_unit_translation_is_inferred(const struct iommu_unit *unit)
{
	return unit->translation_inferred;
}

IOMMU_EXPORT const char *iommu_unit_get_translation_basis(const struct iommu_unit *unit)
{
	return unit->translation_basis;
}

IOMMU_EXPORT unsigned int iommu_unit_get_stages(const struct iommu_unit *unit)
{
	return unit->stages;
}
