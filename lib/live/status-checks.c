// SPDX-License-Identifier: MIT
/*
 * The checks of iommutool status that do not decide the verdict: how DMA is
 * translated (and by what means: lib/live/status-translation.c), a virtual IOMMU, interrupt remapping, x2APIC and posted
 * interrupts, VFIO's unsafe knobs and fake groups, DMA protection, faults,
 * the command-line lint, the log lines that are not evidence, and what root
 * would add.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "live/live.h"

static bool x86(const struct iommu_status *st)
{
	return st->vendor == IOMMU_VENDOR_INTEL || st->vendor == IOMMU_VENDOR_AMD;
}

static const char *config_default_mode(const struct status_facts *f)
{
	static const char *const symbols[] = { "IOMMU_DEFAULT_DMA_STRICT", "IOMMU_DEFAULT_DMA_LAZY",
					       "IOMMU_DEFAULT_PASSTHROUGH" };

	for (size_t i = 0; f->config && i < ARRAY_SIZE(symbols); i++)
		if (kconfig_get(f->config, symbols[i]) == 'y')
			return symbols[i];
	return NULL;
}

/* The group types, what set them, and the log lines that say otherwise. */
static void check_mode(struct iommu_status *st, const struct status_facts *f)
{
	struct iommu_status_check *c;
	const char *config = config_default_mode(f);

	switch (st->mode) {
	case IOMMU_MODE_STRICT:
		c = status_check(st, "dma.mode", IOMMU_RESULT_PASS,
				 "DMA is translated, the IOTLB invalidated at every unmap (strict)");
		break;
	case IOMMU_MODE_LAZY:
		c = status_check(st, "dma.mode", IOMMU_RESULT_PASS,
				 "DMA is translated, invalidations batched (lazy): a freed buffer stays reachable for a few milliseconds");
		status_hint(st, c, "iommu.strict=1 on the kernel command line makes it strict, at some cost in throughput");
		break;
	/*
	 * Passthrough (iommu=pt) is a supported choice, common on VFIO hosts: the
	 * IOMMU is on and isolates what VFIO is given.  Information, not a warning.
	 */
	case IOMMU_MODE_PASSTHROUGH:
		c = status_check(st, "dma.mode", IOMMU_RESULT_PASS,
				 "DMA is not translated (passthrough): the host's own drivers reach all memory; VFIO still isolates the devices it is given");
		status_hint(st, c, st->vendor == IOMMU_VENDOR_AMD ?
			    "to isolate the host's own devices too, remove iommu=pt or iommu.passthrough=1 from the kernel command line (SEV-SNP hosts need translation)" :
			    "to isolate the host's own devices too, remove iommu=pt or iommu.passthrough=1 from the kernel command line");
		break;
	case IOMMU_MODE_MIXED:
		c = status_check(st, "dma.mode", IOMMU_RESULT_PASS, "groups of different types%s",
				 f->ntype_identity ? ": some devices are not translated (identity)" : "");
		break;
	case IOMMU_MODE_UNKNOWN:
		c = status_check(st, "dma.mode", IOMMU_RESULT_UNKNOWN,
				 "the groups do not show their type (Linux 5.11 and later do)");
		break;
	case IOMMU_MODE_NONE:
	default:
		status_check(st, "dma.mode", IOMMU_RESULT_SKIP, "no IOMMU: DMA is not translated");
		return;
	}
	if (f->ntype_dma)
		status_evidence(st, c, "/sys/kernel/iommu_groups/*/type", "DMA (translated, strict): %zu group%s",
				f->ntype_dma, f->ntype_dma == 1 ? "" : "s");
	if (f->ntype_fq)
		status_evidence(st, c, "/sys/kernel/iommu_groups/*/type", "DMA-FQ (translated, lazy): %zu group%s",
				f->ntype_fq, f->ntype_fq == 1 ? "" : "s");
	if (f->ntype_identity)
		status_evidence(st, c, "/sys/kernel/iommu_groups/*/type", "identity (passthrough): %zu group%s",
				f->ntype_identity, f->ntype_identity == 1 ? "" : "s");
	if (f->ntype_other)
		status_evidence(st, c, "/sys/kernel/iommu_groups/*/type", "other types: %zu group%s",
				f->ntype_other, f->ntype_other == 1 ? "" : "s");
	if (f->set.passthrough.token)
		status_evidence(st, c, "/proc/cmdline", "%s", f->set.passthrough.token);
	if (f->set.strict.token)
		status_evidence(st, c, "/proc/cmdline", "%s", f->set.strict.token);
	if (config)
		status_evidence(st, c, kconfig_source(f->config), "CONFIG_%s=y: the built-in default", config);
}

static bool unit_bit(const struct iommu_unit *u, const char *reg, const char *key)
{
	const struct iommu_dnode *n;

	if (!u->registers)
		return false;
	iommu_dnode_foreach_child(u->registers, n)
		if (strcmp(iommu_dnode_get_kind(n), reg) == 0)
			return dnode_get_u64(n, key, 0) != 0;
	return false;
}

/* VT-d 4.1 §11.4.2: CAP_REG.CM set means an emulated unit that must be told of every map. */
static void check_virtual(struct iommu_status *st, const struct status_facts *f)
{
	struct iommu_status_check *c = NULL;
	const char *line = NULL;

	for (const struct iommu_unit *u = st->units; u; u = u->next) {
		char path[280];

		if (!unit_bit(u, "cap", VTD_REG_KEY(cm)))
			continue;
		if (!c)
			c = status_check(st, "iommu.virtual", IOMMU_RESULT_PASS,
					 "a virtual VT-d: this VM's IOMMU is emulated by the hypervisor (Caching Mode)");
		snprintf(path, sizeof(path), "/sys/class/iommu/%s/intel-iommu/cap", u->name);
		status_evidence(st, c, path, "0x%llx: CM (bit 7) set", (unsigned long long)u->cap);
	}
	if (f->table_present[TABLE_VIOT]) {
		if (!c)
			c = status_check(st, "iommu.virtual", IOMMU_RESULT_PASS,
					 "a virtio-iommu: this VM's IOMMU is provided by the hypervisor");
		status_evidence(st, c, "/sys/firmware/acpi/tables/VIOT", "present");
	}
	for (size_t i = 0; c && f->log && i < klog_count(f->log) && !line; i++) {
		const struct klog_pattern *p = klog_line_pattern(f->log, i);

		if (p && (p->what & KLOG_VIRTUAL))
			line = klog_line(f->log, i);
	}
	if (line)
		status_evidence(st, c, "kernel log", "\"%s\": %s", line, klog_classify(line)->meaning);
}

static void chips_evidence(struct iommu_status *st, struct iommu_status_check *c,
			   const struct status_facts *f)
{
	char text[512] = "";
	size_t pos = 0;

	for (size_t i = 0; i < f->nchips && pos + 48 < sizeof(text); i++)
		pos += (size_t)snprintf(text + pos, sizeof(text) - pos, "%s%s (%u)", i ? ", " : "",
					f->chips[i].name, f->chips[i].count);
	if (pos)
		status_evidence(st, c, f->irq_source, "%s", text);
}

/* The first log line with any bit of WHAT. */
static const char *log_first(const struct status_facts *f, unsigned int what)
{
	for (size_t i = 0; f->log && i < klog_count(f->log); i++) {
		const struct klog_pattern *p = klog_line_pattern(f->log, i);

		if (p && (p->what & what))
			return klog_line(f->log, i);
	}
	return NULL;
}

static void log_evidence(struct iommu_status *st, struct iommu_status_check *c, const char *line)
{
	if (line)
		status_evidence(st, c, "kernel log", "\"%s\": %s", line, klog_classify(line)->meaning);
}

/* Interrupt remapping is on when the I/O APIC and MSI chips are "IR-" ones. */
static void check_remapping(struct iommu_status *st, const struct status_facts *f, bool enabled)
{
	struct iommu_status_check *c;

	if (!f->irq_source) {
		status_check(st, "interrupts.remapping", IOMMU_RESULT_UNKNOWN, "no /proc/interrupts to read");
		return;
	}
	if (!f->irqs_remapped && !f->irqs_plain) {
		c = status_check(st, "interrupts.remapping", IOMMU_RESULT_SKIP,
				 "no I/O APIC, MSI or HPET interrupts to remap%s",
				 st->vendor == IOMMU_VENDOR_ARM ? " (on Arm the GIC ITS isolates MSIs)" : "");
	} else if (!f->irqs_plain) {
		c = status_check(st, "interrupts.remapping", IOMMU_RESULT_PASS,
				 "interrupt remapping is on: all %zu I/O APIC and MSI interrupts go through it",
				 f->irqs_remapped);
	} else if (f->irqs_remapped) {
		c = status_check(st, "interrupts.remapping", IOMMU_RESULT_WARN,
				 "interrupt remapping covers %zu interrupts, %zu others bypass it",
				 f->irqs_remapped, f->irqs_plain);
	} else {
		c = status_check(st, "interrupts.remapping", enabled ? IOMMU_RESULT_WARN : IOMMU_RESULT_SKIP,
				 "interrupt remapping is off: a device given to a VM could inject interrupts, so VFIO refuses it unless told allow_unsafe_interrupts");
		if (enabled && f->set.intremap.token && !f->set.intremap.value)
			status_hint(st, c, "remove '%s' from the kernel command line", f->set.intremap.token);
		else if (enabled && st->guest)
			status_hint(st, c, "give the VM interrupt remapping (QEMU: -device intel-iommu,intremap=on with kernel-irqchip=split)");
		else if (enabled)
			status_hint(st, c, "check the firmware offers it (DMAR INTR_REMAP flag, an IVRS listing every I/O APIC) and update the firmware");
	}
	chips_evidence(st, c, f);
	log_evidence(st, c, log_first(f, KLOG_IR_ON | KLOG_IR_OFF));
	if (f->set.intremap.token)
		status_evidence(st, c, "/proc/cmdline", "%s", f->set.intremap.token);
}

static void check_x2apic(struct iommu_status *st, const struct status_facts *f)
{
	const char *x2 = log_first(f, KLOG_X2APIC), *x = log_first(f, KLOG_XAPIC);
	const struct klog_pattern *p = x ? klog_classify(x) : NULL;
	struct iommu_status_check *c;

	if (!x86(st))
		return;
	if (x2)
		c = status_check(st, "interrupts.x2apic", IOMMU_RESULT_PASS, "the APIC runs in x2APIC mode");
	else if (x && (p->what & KLOG_FW_BUG))
		c = status_check(st, "interrupts.x2apic", IOMMU_RESULT_WARN,
				 "x2APIC is off because the firmware opted out");
	else if (x)
		c = status_check(st, "interrupts.x2apic", IOMMU_RESULT_PASS, "the APIC runs in xAPIC mode");
	else
		c = status_check(st, "interrupts.x2apic", IOMMU_RESULT_UNKNOWN,
				 "the APIC mode is only in the kernel log%s", f->log ? ", which does not say" : "");
	log_evidence(st, c, x2 ? x2 : x);
	if (x && !x2 && (p->what & KLOG_FW_BUG))
		status_hint(st, c, "intremap=no_x2apic_optout overrides the firmware's opt-out");
	if (f->set.nox2apic.token)
		status_evidence(st, c, "/proc/cmdline", "%s: x2APIC off", f->set.nox2apic.token);
}

/* Posted interrupts: VT-d CAP_REG.PI (§11.4.2); AMD-Vi EFR GASup with GAMSup vAPIC (48882 §3.4.12). */
static void check_posted(struct iommu_status *st, const struct status_facts *f)
{
	struct iommu_status_check *c = NULL;

	if (!st->units || !x86(st))
		return;
	for (const struct iommu_unit *u = st->units; u; u = u->next) {
		bool pi = u->vendor == IOMMU_VENDOR_INTEL
				  ? unit_bit(u, "cap", VTD_REG_KEY(pi))
				  : unit_bit(u, "efr", AMD_REG_KEY(ga_sup)) &&
				    unit_bit(u, "efr", AMD_REG_KEY(gam_sup));
		char path[280];

		if (!pi)
			continue;
		if (!c)
			c = status_check(st, "interrupts.posted", IOMMU_RESULT_PASS,
					 "posted interrupts are supported: device interrupts can reach a VM without exits");
		snprintf(path, sizeof(path), "/sys/class/iommu/%s/%s", u->name,
			 u->vendor == IOMMU_VENDOR_INTEL ? "intel-iommu/cap" : "amd-iommu/features");
		status_evidence(st, c, path, "%s", u->vendor == IOMMU_VENDOR_INTEL ? "PI (bit 59) set"
										  : "GASup and GAMSup vAPIC set");
	}
	if (!c)
		c = status_check(st, "interrupts.posted", IOMMU_RESULT_SKIP,
				 "no unit supports posted interrupts");
	log_evidence(st, c, log_first(f, KLOG_POSTED));
	if (f->set.nopost.token)
		status_evidence(st, c, "/proc/cmdline", "%s: posted interrupts off", f->set.nopost.token);
}

static void check_vfio(struct iommu_status *st, const struct status_facts *f)
{
	struct iommu_status_check *c;
	bool unsafe = f->unsafe_type1 == 1 || f->unsafe_iommufd == 1;
	const char *taint = log_first(f, KLOG_NOIOMMU);

	if (f->unsafe_type1 < 0 && f->unsafe_iommufd < 0)
		c = status_check(st, "vfio.unsafe_interrupts", IOMMU_RESULT_SKIP, "VFIO is not loaded");
	else if (unsafe)
		c = status_check(st, "vfio.unsafe_interrupts", IOMMU_RESULT_WARN,
				 "VFIO accepts devices without interrupt remapping: a VM can inject interrupts into the host");
	else
		c = status_check(st, "vfio.unsafe_interrupts", IOMMU_RESULT_PASS,
				 "VFIO insists on interrupt remapping");
	if (f->unsafe_type1 >= 0)
		status_evidence(st, c, "/sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts",
				"%s", f->unsafe_type1 ? "Y" : "N");
	if (f->unsafe_iommufd >= 0)
		status_evidence(st, c, "/sys/module/iommufd/parameters/allow_unsafe_interrupts", "%s",
				f->unsafe_iommufd ? "Y" : "N");
	if (unsafe)
		status_hint(st, c, "fix interrupt remapping and drop allow_unsafe_interrupts");

	if (f->unsafe_noiommu == 1 || f->nnoiommu || taint) {
		c = status_check(st, "vfio.noiommu", IOMMU_RESULT_WARN,
				 "VFIO's no-IOMMU mode is %s: devices driven that way can reach all memory",
				 f->nnoiommu ? "in use" : "allowed");
		status_hint(st, c, "use it only for devices trusted with all of memory; a real IOMMU needs none of it");
	} else {
		c = status_check(st, "vfio.noiommu", f->unsafe_noiommu < 0 ? IOMMU_RESULT_SKIP : IOMMU_RESULT_PASS,
				 f->unsafe_noiommu < 0 ? "VFIO offers no no-IOMMU mode here (not loaded, or built without it)"
						       : "VFIO's unsafe no-IOMMU mode is off");
	}
	if (f->unsafe_noiommu >= 0)
		status_evidence(st, c, "/sys/module/vfio/parameters/enable_unsafe_noiommu_mode", "%s",
				f->unsafe_noiommu ? "Y" : "N");
	if (f->nnoiommu)
		status_evidence(st, c, "/sys/kernel/iommu_groups/*/name", "vfio-noiommu: %zu group%s",
				f->nnoiommu, f->nnoiommu == 1 ? "" : "s");
	log_evidence(st, c, taint);
}

/* The firmware's DMA-protection opt-in (DMAR DMA_CTRL_PLATFORM_OPT_IN) and Thunderbolt's. */
static void check_protection(struct iommu_status *st, const struct status_facts *f)
{
	const char *forced = NULL;
	struct iommu_status_check *c;
	size_t size;
	const uint8_t *dmar = f->table[TABLE_DMAR] ? iommu_table_get_data(f->table[TABLE_DMAR], &size) : NULL;
	bool opt_in = dmar && size > 37 && (dmar[37] & 4);

	if (!opt_in && !f->tb_domains)
		return;
	for (size_t i = 0; f->log && i < klog_count(f->log) && !forced; i++)
		if (klog_line_matches(klog_line(f->log, i), "DMAR: Intel-IOMMU force enabled due to platform opt in"))
			forced = klog_line(f->log, i);
	if (f->tb_domains && f->tb_protected < f->tb_domains)
		c = status_check(st, "dma.protection", IOMMU_RESULT_WARN,
				 "Thunderbolt devices are not kept out of memory by the IOMMU");
	else
		c = status_check(st, "dma.protection", IOMMU_RESULT_PASS,
				 "the firmware asks for protection from external devices' DMA%s",
				 f->tb_domains ? ", and Thunderbolt has it" : "");
	if (opt_in)
		status_evidence(st, c, "/sys/firmware/acpi/tables/DMAR",
				"DMA_CTRL_PLATFORM_OPT_IN: the kernel turns VT-d on for external ports");
	if (f->tb_domains)
		status_evidence(st, c, "/sys/bus/thunderbolt/devices/domain*/iommu_dma_protection",
				"%zu of %zu domains protected", f->tb_protected, f->tb_domains);
	log_evidence(st, c, forced);
}

static void check_faults(struct iommu_status *st, const struct status_facts *f)
{
	struct iommu_status_check *c;
	size_t n = 0, quoted = 0;

	for (size_t i = 0; f->log && i < klog_count(f->log); i++) {
		const struct klog_pattern *p = klog_line_pattern(f->log, i);

		n += p && (p->what & KLOG_FAULT);
	}
	if (!n)
		return;
	c = status_check(st, "dma.faults", IOMMU_RESULT_WARN,
			 "%zu IOMMU fault line%s in the kernel log: a device used an address it was not given",
			 n, n == 1 ? "" : "s");
	for (size_t i = 0; i < klog_count(f->log) && quoted < 3; i++) {
		const struct klog_pattern *p = klog_line_pattern(f->log, i);

		if (p && (p->what & KLOG_FAULT)) {
			status_evidence(st, c, "kernel log", "\"%s\"", klog_line(f->log, i));
			quoted++;
		}
	}
	status_hint(st, c, "iommutool fault decodes them; update the device's driver and the firmware%s rather than turning the IOMMU off",
		    st->vendor == IOMMU_VENDOR_INTEL ? " (intel_iommu=igfx_off for an integrated GPU)" : "");
}

static void check_lint(struct iommu_status *st, const struct status_facts *f)
{
	static const struct {
		const char *id;
		enum iommu_result result;
		const char *summary;
	} kinds[CMDLINE_ISSUE_KINDS] = {
		[CMDLINE_NOOP] = { "cmdline.noop", IOMMU_RESULT_WARN, "words that do nothing" },
		[CMDLINE_UNKNOWN] = { "cmdline.unknown", IOMMU_RESULT_WARN, "words the kernel does not know" },
		[CMDLINE_OTHER_VENDOR] = { "cmdline.other_vendor", IOMMU_RESULT_WARN,
					   "words for the other vendor's IOMMU" },
		[CMDLINE_DEPRECATED] = { "cmdline.deprecated", IOMMU_RESULT_WARN, "deprecated words" },
		[CMDLINE_OVERRIDDEN] = { "cmdline.overridden", IOMMU_RESULT_WARN,
					 "words undone by later ones" },
		[CMDLINE_UNSAFE] = { "cmdline.unsafe", IOMMU_RESULT_WARN, "words that make VFIO unsafe" },
		[CMDLINE_ACS_OVERRIDE] = { "cmdline.acs_override", IOMMU_RESULT_WARN,
					   "the out-of-tree ACS override: groups no longer tell the truth" },
	};

	if (!f->cmdline_text)
		return;
	if (!f->nissues) {
		status_check(st, "cmdline.lint", IOMMU_RESULT_PASS,
			     "the IOMMU words on the kernel command line are all valid and effective");
		return;
	}
	for (int k = 0; k < CMDLINE_ISSUE_KINDS; k++) {
		struct iommu_status_check *c = NULL;

		for (size_t i = 0; i < f->nissues; i++) {
			if ((int)f->issues[i].kind != k)
				continue;
			if (!c)
				c = status_check(st, kinds[k].id, kinds[k].result, "%s", kinds[k].summary);
			status_evidence(st, c, "/proc/cmdline", "%s", f->issues[i].message);
			if (!c->hint)
				status_hint(st, c, "%s", f->issues[i].hint);
		}
	}
}

static void check_misleading(struct iommu_status *st, const struct status_facts *f)
{
	struct iommu_status_check *c = NULL;

	for (size_t i = 0; f->log && i < klog_count(f->log); i++) {
		const char *line = klog_line(f->log, i);
		const struct klog_pattern *p = klog_line_pattern(f->log, i);

		if (!p || !(p->what & KLOG_MISLEADING))
			continue;
		if (!c)
			c = status_check(st, "log.misleading", IOMMU_RESULT_SKIP,
					 "kernel log lines that look like evidence and are not");
		status_evidence(st, c, "kernel log", "\"%s\": %s", line, p->meaning);
	}
}

static void check_privilege(struct iommu_status *st, const struct status_facts *f)
{
	struct iommu_status_check *c = NULL;

	for (int t = 0; t < IOMMU_TABLES; t++) {
		char path[64];

		if (f->table_error[t] != -EACCES)
			continue;
		if (!c)
			c = status_check(st, "privilege", IOMMU_RESULT_UNKNOWN, "some evidence needs root");
		snprintf(path, sizeof(path), "/sys/firmware/acpi/tables/%s", status_table_names[t]);
		status_evidence(st, c, path, "root only: its flags and units were not read");
	}
	if (f->log_error == -EPERM) {
		if (!c)
			c = status_check(st, "privilege", IOMMU_RESULT_UNKNOWN, "some evidence needs root");
		status_evidence(st, c, "kernel log", "root only (kernel.dmesg_restrict): driver successes and failures were not read");
	}
	status_hint(st, c, "run as root to read them, or take a snapshot as root");
}

void status_more_checks(struct iommu_status *st, const struct status_facts *f)
{
	bool enabled = st->verdict == IOMMU_VERDICT_ENABLED;

	check_mode(st, f);
	status_translation_check(st, f);
	if (enabled)
		check_virtual(st, f);
	check_remapping(st, f, enabled);
	check_x2apic(st, f);
	check_posted(st, f);
	check_vfio(st, f);
	check_protection(st, f);
	check_faults(st, f);
	check_lint(st, f);
	check_misleading(st, f);
	check_privilege(st, f);
}
