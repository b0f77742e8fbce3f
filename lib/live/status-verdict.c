// SPDX-License-Identifier: MIT
/*
 * The state model of iommutool status, in the order the facts decide it:
 * units or groups mean enabled; else Xen owns it; else no firmware table
 * (off in the firmware, or a VM given no virtual IOMMU); else no driver in
 * the kernel; else turned off on the command line; else a failure in the
 * log; else (Intel) off by the kernel's default; else cannot tell.  Each
 * step leaves a check with its evidence, so the verdict can be followed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "live/live.h"

static const char *vendor_table(enum iommu_vendor v)
{
	switch (v) {
	case IOMMU_VENDOR_INTEL:
		return "DMAR";
	case IOMMU_VENDOR_AMD:
		return "IVRS";
	case IOMMU_VENDOR_ARM:
		return "IORT";
	case IOMMU_VENDOR_VIRTIO:
		return "VIOT";
	case IOMMU_VENDOR_UNKNOWN:
		break;
	}
	return "DMAR, IVRS or IORT";
}

/* The Kconfig symbol of the vendor's driver. */
static const char *vendor_config(enum iommu_vendor v)
{
	switch (v) {
	case IOMMU_VENDOR_INTEL:
		return "INTEL_IOMMU";
	case IOMMU_VENDOR_AMD:
		return "AMD_IOMMU";
	case IOMMU_VENDOR_ARM:
		return "ARM_SMMU_V3";
	case IOMMU_VENDOR_VIRTIO:
		return "VIRTIO_IOMMU";
	case IOMMU_VENDOR_UNKNOWN:
		break;
	}
	return NULL;
}

/* What the firmware setup calls the switch, per vendor. */
static const char *firmware_hint(enum iommu_vendor v)
{
	switch (v) {
	case IOMMU_VENDOR_INTEL:
		return "enable \"VT-d\" (\"Intel Virtualization Technology for Directed I/O\") in the firmware setup; \"VT-x\" alone is not it. Some machines need a firmware update before VT-d works";
	case IOMMU_VENDOR_AMD:
		return "enable \"IOMMU\" (some boards say \"AMD-Vi\"; often under AMD CBS / NBIO) in the firmware setup; \"SVM\" alone is not it";
	case IOMMU_VENDOR_ARM:
		return "enable the SMMU in the firmware setup (servers often call it \"SMMU\" or \"IOMMU\"); the firmware must publish an IORT table that describes it";
	case IOMMU_VENDOR_VIRTIO:
	case IOMMU_VENDOR_UNKNOWN:
		break;
	}
	return "enable the IOMMU (\"VT-d\" on Intel, \"IOMMU\"/\"AMD-Vi\" on AMD, \"SMMU\" on Arm) in the firmware setup";
}

static const char guest_hint[] =
	"give the VM an IOMMU: QEMU -device intel-iommu,intremap=on with -machine q35,kernel-irqchip=split "
	"(or -device amd-iommu, or -device virtio-iommu-pci); libvirt <iommu model='intel'/> (or "
	"'virtio'); most cloud instances offer none";

/* 1 built (y or m), 0 not, -1 unknown. */
static int driver_built(const struct status_facts *f, enum iommu_vendor v)
{
	const char *symbol = vendor_config(v);
	char value;

	if (!f->config || !symbol)
		return -1;
	if (kconfig_get(f->config, "IOMMU_SUPPORT") == 'n')
		return 0;
	value = kconfig_get(f->config, symbol);
	/* SMMUv1/v2 is a driver of its own. */
	if (v == IOMMU_VENDOR_ARM && value != 'y' && value != 'm')
		value = kconfig_get(f->config, "ARM_SMMU");
	return value == 'y' || value == 'm' ? 1 : value == 'n' ? 0 : -1;
}

/* The word that turns the vendor's driver off, or NULL. */
static const char *disabling_token(const struct status_facts *f, enum iommu_vendor v)
{
	if (v == IOMMU_VENDOR_INTEL && f->set.intel.token && f->set.intel.value == 0)
		return f->set.intel.token;
	if (v == IOMMU_VENDOR_AMD && f->set.amd_off.token)
		return f->set.amd_off.token;
	if ((v == IOMMU_VENDOR_INTEL || v == IOMMU_VENDOR_AMD) && f->set.iommu_off.token)
		return f->set.iommu_off.token;
	return NULL;
}

/* 1: Intel VT-d is on unless told otherwise; 0: off unless told; -1: unknown. */
static int intel_default_on(const struct status_facts *f)
{
	char on, intgpu;

	if (!f->config)
		return -1;
	on = kconfig_get(f->config, "INTEL_IOMMU_DEFAULT_ON");
	intgpu = kconfig_get(f->config, "INTEL_IOMMU_DEFAULT_ON_INTGPU_OFF");
	if (on == 'y' || intgpu == 'y')
		return 1;
	return on == 'n' ? 0 : -1;
}

/* The first log line with all of WHAT, of the vendor (or of any). */
static const char *log_line(const struct status_facts *f, enum iommu_vendor v, unsigned int what,
			    const struct klog_pattern **ret_pattern)
{
	if (!f->log)
		return NULL;
	for (size_t i = 0; i < klog_count(f->log); i++) {
		const char *line = klog_line(f->log, i);
		const struct klog_pattern *p = klog_line_pattern(f->log, i);

		if (p && (p->what & what) == what &&
		    (p->vendor == IOMMU_VENDOR_UNKNOWN || p->vendor == v)) {
			if (ret_pattern)
				*ret_pattern = p;
			return line;
		}
	}
	return NULL;
}

/* 1 when the IORT describes an SMMU, 0 when it describes none (only the ITS), -1 unknown. */
static int iort_has_smmu(const struct status_facts *f)
{
	struct iommu_iort *iort;
	int found = 0;

	if (!f->table[TABLE_IORT] || iommu_iort_new(f->table[TABLE_IORT], &iort) < 0)
		return -1;
	for (size_t i = 0; i < iommu_iort_get_node_count(iort); i++) {
		unsigned int type = iommu_iort_node_get_type(iommu_iort_get_node(iort, i));

		found |= type == IOMMU_IORT_SMMU_V1V2 || type == IOMMU_IORT_SMMU_V3;
	}
	iommu_iort_unref(iort);
	return found;
}

/* ---- the checks that decide ---------------------------------------------- */

static void check_platform(struct iommu_status *st, const struct status_facts *f)
{
	struct iommu_status_check *c;

	if (!f->have_cpuinfo) {
		status_check(st, "platform", IOMMU_RESULT_UNKNOWN, "the CPU is not known (no /proc/cpuinfo)");
		return;
	}
	c = status_check(st, "platform", IOMMU_RESULT_PASS, "%s CPU%s%s",
			 f->cpu_vendor[0] ? f->cpu_vendor : "unknown", st->guest ? ", virtual machine" : "",
			 f->xen_dom0 ? ", Xen dom0" : "");
	if (f->cpu_vendor[0])
		status_evidence(st, c, "/proc/cpuinfo", "%s%s", f->cpu_vendor,
				st->vendor != f->cpu_iommu && st->vendor != IOMMU_VENDOR_UNKNOWN ?
				" (the firmware's tables, not the CPU, say which IOMMU there is)" : "");
	if (f->hypervisor_flag)
		status_evidence(st, c, "/proc/cpuinfo", "flag \"hypervisor\": running in a virtual machine");
	if (f->hypervisor_type)
		status_evidence(st, c, "/sys/hypervisor/type", "%s", f->hypervisor_type);
	if (f->xen_dom0)
		status_evidence(st, c, "/proc/xen/capabilities", "control_d: this is Xen's dom0");
	if (f->dmi_vm)
		status_evidence(st, c, "/sys/class/dmi/id", "%s: a virtual machine", f->dmi_vm);
}

static size_t acpi_table_count(const struct status_facts *f)
{
	const struct iommu_table *t;
	const struct iommu_problem *p;
	size_t n = 0;

	iommu_tables_foreach(f->tables, t)
		n++;
	iommu_tables_foreach_problem(f->tables, p)
		n += iommu_problem_get_error(p) == -EACCES;
	return n;
}

/* DMAR Flags (VT-d 4.1 §8.1): INTR_REMAP, X2APIC_OPT_OUT, DMA_CTRL_PLATFORM_OPT_IN. */
static void dmar_flags_evidence(struct iommu_status *st, struct iommu_status_check *c,
				const struct status_facts *f)
{
	size_t size;
	const uint8_t *data = iommu_table_get_data(f->table[TABLE_DMAR], &size);
	uint8_t flags;

	if (size <= 37)
		return;
	flags = data[37];
	status_evidence(st, c, "/sys/firmware/acpi/tables/DMAR", "Flags 0x%02x:%s%s%s%s", flags,
			flags & 1 ? " INTR_REMAP" : " no INTR_REMAP (interrupt remapping not offered)",
			flags & 2 ? " X2APIC_OPT_OUT" : "",
			flags & 4 ? " DMA_CTRL_PLATFORM_OPT_IN" : "", (flags & ~7) ? " (reserved bits set)" : "");
}

/*
 * A machine booted with a device tree and no IOMMU ACPI table: the device tree's
 * iommus/iommu-map properties describe the IOMMU, and a unit the kernel runs came from
 * them, so it is proof enough.  Returns whether the firmware describes an IOMMU.
 */
static bool check_devicetree(struct iommu_status *st)
{
	size_t n = status_unit_count(st);
	struct iommu_status_check *c;

	if (!n) {
		c = status_check(st, "firmware.table", IOMMU_RESULT_UNKNOWN,
				 "no ACPI IOMMU table; the device tree may describe one");
		status_evidence(st, c, "/sys/firmware/devicetree/base",
				"a device-tree system: an SMMU there shows up only once its driver binds");
		return false;
	}
	c = status_check(st, "firmware.table", IOMMU_RESULT_PASS,
			 "the IOMMU is described by the device tree (no ACPI IOMMU table)");
	status_evidence(st, c, "/sys/firmware/devicetree/base",
			"present: the kernel runs %zu IOMMU unit%s described there", n, n == 1 ? "" : "s");
	return true;
}

/* Returns whether the firmware describes an IOMMU (or may: unreadable). */
static bool check_firmware(struct iommu_status *st, const struct status_facts *f, enum iommu_vendor v)
{
	struct iommu_status_check *c;
	bool any = false;

	for (int t = 0; t < IOMMU_TABLES; t++)
		any |= f->table_present[t];
	if (!any && f->devicetree)
		return check_devicetree(st);
	if (f->acpi_error < 0) {
		c = status_check(st, "firmware.table", IOMMU_RESULT_FAIL, "no ACPI tables to read");
		status_evidence(st, c, "/sys/firmware/acpi/tables", "%s", strerror(-f->acpi_error));
		if (f->set.acpi_off.token)
			status_evidence(st, c, "/proc/cmdline", "%s: ACPI is off", f->set.acpi_off.token);
		return false;
	}
	if (!any) {
		c = status_check(st, "firmware.table", IOMMU_RESULT_FAIL,
				 "the firmware describes no IOMMU: no DMAR, IVRS, IORT or VIOT table");
		status_evidence(st, c, "/sys/firmware/acpi/tables",
				"%zu ACPI tables, none of them DMAR, IVRS, IORT or VIOT", acpi_table_count(f));
		if (f->set.intel.token && f->set.intel.value)
			status_evidence(st, c, "/proc/cmdline", "%s: does nothing without a DMAR table",
					f->set.intel.token);
		status_hint(st, c, "%s", st->guest ? guest_hint : firmware_hint(v));
		return false;
	}
	c = status_check(st, "firmware.table", IOMMU_RESULT_PASS, "the firmware describes %s (%s table)",
			 vendor_title(v), vendor_table(v));
	for (int t = 0; t < IOMMU_TABLES; t++) {
		char path[64];

		if (!f->table_present[t])
			continue;
		snprintf(path, sizeof(path), "/sys/firmware/acpi/tables/%s", status_table_names[t]);
		if (f->table[t])
			status_evidence(st, c, path, "present, %u bytes",
					iommu_table_get_length(f->table[t]));
		else
			status_evidence(st, c, path, "present; its contents %s",
					f->table_error[t] == -EACCES ? "need root" : "could not be read");
	}
	if (f->table[TABLE_DMAR])
		dmar_flags_evidence(st, c, f);
	if (v == IOMMU_VENDOR_ARM && iort_has_smmu(f) == 0) {
		c->result = IOMMU_RESULT_FAIL;
		free(c->summary);
		c->summary = strdup("the IORT table describes no SMMU (only interrupt translation)");
		status_hint(st, c, "%s", firmware_hint(v));
		return false;
	}
	return true;
}

static void check_config(struct iommu_status *st, const struct status_facts *f, enum iommu_vendor v,
			 bool firmware)
{
	static const char *const shown[] = {
		"INTEL_IOMMU", "INTEL_IOMMU_DEFAULT_ON", "INTEL_IOMMU_DEFAULT_ON_INTGPU_OFF", "AMD_IOMMU",
		"ARM_SMMU_V3", "ARM_SMMU", "VIRTIO_IOMMU", "IRQ_REMAP", "IOMMU_DEFAULT_DMA_STRICT",
		"IOMMU_DEFAULT_DMA_LAZY", "IOMMU_DEFAULT_PASSTHROUGH", "VFIO", "VFIO_NOIOMMU",
	};
	const char *symbol = vendor_config(v), *source;
	struct iommu_status_check *c;
	int built = driver_built(f, v);

	if (!f->config) {
		char *boot = kconfig_boot_path(f->ctx);

		c = status_check(st, "kernel.config", IOMMU_RESULT_UNKNOWN,
				 "the kernel's configuration is not readable");
		status_evidence(st, c, "/proc/config.gz", "not there (only kernels built with CONFIG_IKCONFIG_PROC have it)");
		status_evidence(st, c, boot ? boot : "/boot/config-*", "%s", strerror(-f->config_error));
		free(boot);
		return;
	}
	source = kconfig_source(f->config);
	if (built == 0)
		c = status_check(st, "kernel.config", firmware ? IOMMU_RESULT_FAIL : IOMMU_RESULT_WARN,
				 "this kernel has no %s driver (CONFIG_%s is not set)", vendor_title(v), symbol);
	else if (built == 1)
		c = status_check(st, "kernel.config", IOMMU_RESULT_PASS, "this kernel has the %s driver",
				 vendor_title(v));
	else
		c = status_check(st, "kernel.config", IOMMU_RESULT_UNKNOWN,
				 "the configuration does not say whether the %s driver is built", vendor_title(v));
	for (size_t i = 0; i < ARRAY_SIZE(shown); i++) {
		char value = kconfig_get(f->config, shown[i]);

		if (value == 'y' || value == 'm')
			status_evidence(st, c, source, "CONFIG_%s=%c", shown[i], value);
		else if (value == 'n' && (symbol && strncmp(shown[i], symbol, strlen(symbol)) == 0))
			status_evidence(st, c, source, "CONFIG_%s is not set", shown[i]);
	}
	if (built == 0)
		status_hint(st, c, "use a kernel built with CONFIG_%s=y (distribution kernels have it)%s",
			    symbol, st->guest && v != IOMMU_VENDOR_VIRTIO ?
			    "; a VM given virtio-iommu needs CONFIG_VIRTIO_IOMMU" : "");
	if (v == IOMMU_VENDOR_INTEL && kconfig_get(f->config, "INTEL_IOMMU_DEFAULT_ON_INTGPU_OFF") == 'y')
		status_hint(st, c, "Debian's default leaves the integrated GPU outside the IOMMU; intel_iommu=on translates it too");
}

/* The IOMMU words of the command line, each with what it does. */
static void cmdline_evidence(struct iommu_status *st, struct iommu_status_check *c,
			     const struct status_facts *f)
{
	const struct cmdline_settings *s = &f->set;

	if (s->intel.token)
		status_evidence(st, c, "/proc/cmdline", "%s: VT-d %s", s->intel.token,
				s->intel.value ? "on" : "off");
	if (s->amd_off.token)
		status_evidence(st, c, "/proc/cmdline", "%s: AMD-Vi off", s->amd_off.token);
	if (s->iommu_off.token)
		status_evidence(st, c, "/proc/cmdline", "%s: every x86 IOMMU driver off", s->iommu_off.token);
	if (s->passthrough.token)
		status_evidence(st, c, "/proc/cmdline", "%s: DMA %s by default", s->passthrough.token,
				s->passthrough.value ? "passed through (not translated)" : "translated");
	if (s->strict.token)
		status_evidence(st, c, "/proc/cmdline", "%s: %s IOTLB invalidation", s->strict.token,
				s->strict.value ? "strict" : "lazy");
	if (s->intremap.token)
		status_evidence(st, c, "/proc/cmdline", "%s: interrupt remapping %s", s->intremap.token,
				s->intremap.value ? "on" : "off");
	if (s->igfx_off.token)
		status_evidence(st, c, "/proc/cmdline", "%s: the integrated GPU is not translated",
				s->igfx_off.token);
	if (s->acpi_off.token)
		status_evidence(st, c, "/proc/cmdline", "%s: no ACPI tables, so no IOMMU tables",
				s->acpi_off.token);
}

static void check_cmdline(struct iommu_status *st, const struct status_facts *f, enum iommu_vendor v)
{
	const char *token = disabling_token(f, v);
	struct iommu_status_check *c;

	if (!f->cmdline_text) {
		status_check(st, "kernel.cmdline", IOMMU_RESULT_UNKNOWN, "the kernel command line is not readable");
		return;
	}
	if (!token && f->set.acpi_off.token)
		token = f->set.acpi_off.token;
	if (token) {
		c = status_check(st, "kernel.cmdline", IOMMU_RESULT_FAIL,
				 "'%s' on the kernel command line turns %s off", token, vendor_title(v));
		status_hint(st, c, "remove '%s' from the kernel command line (GRUB: GRUB_CMDLINE_LINUX in /etc/default/grub, then update-grub)",
			    token);
	} else {
		c = status_check(st, "kernel.cmdline", IOMMU_RESULT_PASS,
				 "nothing on the kernel command line turns the IOMMU off");
	}
	cmdline_evidence(st, c, f);
}

static void check_units(struct iommu_status *st)
{
	size_t n = status_unit_count(st);
	struct iommu_status_check *c;

	if (!n) {
		c = status_check(st, "kernel.units", IOMMU_RESULT_FAIL, "no IOMMU unit is running");
		status_evidence(st, c, "/sys/class/iommu", "empty: the kernel registered no IOMMU");
		return;
	}
	c = status_check(st, "kernel.units", IOMMU_RESULT_PASS, "%zu IOMMU unit%s running", n,
			 n == 1 ? " is" : "s are");
	for (const struct iommu_unit *u = st->units; u; u = u->next) {
		char path[280], where[40] = "";

		snprintf(path, sizeof(path), "/sys/class/iommu/%s", u->name);
		if (u->address != IOMMU_NO_ADDRESS)
			snprintf(where, sizeof(where), " at 0x%llx%s", (unsigned long long)u->address,
				 u->address_from_ivrs ? " (IVRS)" : "");
		status_evidence(st, c, path, "%s%s, %zu device%s", u->model, where, u->ndevices,
				u->ndevices == 1 ? "" : "s");
	}
}

static void check_groups(struct iommu_status *st, const struct status_facts *f)
{
	struct iommu_status_check *c;

	if (f->groups_error < 0) {
		c = status_check(st, "kernel.groups", IOMMU_RESULT_FAIL, "no IOMMU groups");
		status_evidence(st, c, "/sys/kernel/iommu_groups", "%s: the kernel has no IOMMU support",
				strerror(-f->groups_error));
		return;
	}
	if (f->ngroups)
		c = status_check(st, "kernel.groups", IOMMU_RESULT_PASS, "%zu IOMMU group%s", f->ngroups,
				 f->ngroups == 1 ? "" : "s");
	else
		c = status_check(st, "kernel.groups", IOMMU_RESULT_FAIL, "no IOMMU groups");
	if (!f->ngroups)
		status_evidence(st, c, "/sys/kernel/iommu_groups",
				"empty (the directory exists on every kernel with the IOMMU API: its existence proves nothing)");
	else
		status_evidence(st, c, "/sys/kernel/iommu_groups", "%zu groups", f->ngroups);
	if (f->nnoiommu)
		status_evidence(st, c, "/sys/kernel/iommu_groups",
				"%zu more are VFIO's no-IOMMU groups (name vfio-noiommu): no isolation, not counted",
				f->nnoiommu);
}

static void check_log(struct iommu_status *st, const struct status_facts *f, enum iommu_vendor v,
		      bool enabled)
{
	const char *success = log_line(f, v, KLOG_SUCCESS, NULL);
	const struct klog_pattern *p = NULL;
	const char *failure = log_line(f, v, KLOG_FAILURE, &p);
	struct iommu_status_check *c;

	if (!f->log) {
		c = status_check(st, "kernel.log", IOMMU_RESULT_UNKNOWN,
				 f->log_error == -EPERM ? "the kernel log is restricted to root (kernel.dmesg_restrict = 1)"
							: "the kernel log is not available");
		if (f->log_error == -ENOENT)
			status_evidence(st, c, "/dmesg.txt", "not in this snapshot");
		else
			status_evidence(st, c, "kernel log", "%s", strerror(-f->log_error));
		if (f->log_error == -EPERM)
			status_hint(st, c, "run as root to read the kernel log");
		return;
	}
	if (failure) {
		c = status_check(st, "kernel.log", IOMMU_RESULT_FAIL, "the driver logged a failure");
		status_evidence(st, c, "kernel log", "\"%s\": %s", failure, p->meaning);
		if (p->what & KLOG_FW_BUG)
			status_hint(st, c, "a firmware bug: update the firmware%s%s%s", f->bios ? " (now " : "",
				    f->bios ? f->bios : "", f->bios ? ")" : "");
	} else if (success) {
		c = status_check(st, "kernel.log", IOMMU_RESULT_PASS, "the driver logged its start");
	} else {
		c = status_check(st, "kernel.log", enabled ? IOMMU_RESULT_PASS : IOMMU_RESULT_SKIP,
				 "the kernel log has no line from the %s driver%s", vendor_title(v),
				 enabled ? "" : " (it may have rotated)");
	}
	if (success)
		status_evidence(st, c, "kernel log", "\"%s\": %s", success, klog_classify(success)->meaning);
}

/* ---- the verdict -------------------------------------------------------- */

static const char *mode_text(enum iommu_mode mode)
{
	switch (mode) {
	case IOMMU_MODE_STRICT:
		return "DMA translated, strict invalidation";
	case IOMMU_MODE_LAZY:
		return "DMA translated, lazy invalidation";
	case IOMMU_MODE_PASSTHROUGH:
		return "DMA not translated (passthrough)";
	case IOMMU_MODE_MIXED:
		return "groups of different types";
	case IOMMU_MODE_UNKNOWN:
	case IOMMU_MODE_NONE:
		break;
	}
	return "translation mode not shown by this kernel";
}

static enum iommu_mode mode_of(const struct status_facts *f)
{
	size_t kinds = !!f->ntype_dma + !!f->ntype_fq + !!f->ntype_identity + !!f->ntype_other;

	if (!f->ngroups || f->ntype_unknown == f->ngroups)
		return IOMMU_MODE_UNKNOWN;
	if (kinds > 1 || f->ntype_other)
		return IOMMU_MODE_MIXED;
	return f->ntype_dma ? IOMMU_MODE_STRICT : f->ntype_fq ? IOMMU_MODE_LAZY : IOMMU_MODE_PASSTHROUGH;
}

static void enabled_verdict(struct iommu_status *st, const struct status_facts *f)
{
	size_t n = status_unit_count(st);
	char units[200] = "";
	size_t pos = 0;

	size_t shown = 0;

	/* Four names say which kind; a server's forty would drown the line. */
	for (const struct iommu_unit *u = st->units; u && shown < 4; u = u->next, shown++)
		pos += (size_t)snprintf(units + pos, sizeof(units) - pos, "%s%s", pos ? ", " : "", u->name);
	if (n > shown)
		snprintf(units + pos, sizeof(units) - pos, ", ...");
	st->mode = mode_of(f);
	status_set_verdict(st, IOMMU_VERDICT_ENABLED, NULL, "IOMMU enabled: %s, %zu unit%s%s%s%s; %s",
			   vendor_title(st->vendor), n, n == 1 ? "" : "s", n ? " (" : "", units,
			   n ? ")" : "", mode_text(st->mode));
}

static void not_enabled_verdict(struct iommu_status *st, const struct status_facts *f, bool firmware)
{
	enum iommu_vendor v = st->vendor;
	const struct klog_pattern *p = NULL;
	const char *token = disabling_token(f, v), *failure = log_line(f, v, KLOG_FAILURE, &p);
	const char *symbol = vendor_config(v);
	char hint[512];
	int built = driver_built(f, v), default_on = intel_default_on(f);

	if (f->xen_dom0) {
		status_set_verdict(st, IOMMU_VERDICT_HYPERVISOR,
				   "Xen runs the IOMMU below this dom0: check it with 'xl dmesg | grep -i -e iommu -e vt-d -e amd-vi'; Xen's own iommu= option goes on the Xen command line",
				   "IOMMU not visible here: Xen owns it (this is Xen's dom0)");
	} else if (f->set.acpi_off.token && f->acpi_error < 0) {
		snprintf(hint, sizeof(hint), "remove '%s' from the kernel command line", f->set.acpi_off.token);
		status_set_verdict(st, IOMMU_VERDICT_DISABLED_CMDLINE, hint,
				   "IOMMU not enabled: '%s' on the kernel command line hides the firmware tables",
				   f->set.acpi_off.token);
	} else if (!firmware && f->acpi_error < 0) {
		status_set_verdict(st, IOMMU_VERDICT_UNKNOWN,
				   "on a device-tree system check that the device tree has the SMMU and its driver is built; otherwise run as root",
				   "cannot tell whether the IOMMU is enabled: no ACPI tables, and no unit is running");
	} else if (!firmware) {
		if (st->guest)
			status_set_verdict(st, IOMMU_VERDICT_GUEST_NO_VIOMMU, guest_hint,
					   "IOMMU not enabled: this virtual machine was given no virtual IOMMU");
		else
			status_set_verdict(st, IOMMU_VERDICT_NO_FIRMWARE, firmware_hint(v),
					   "IOMMU not enabled: the firmware describes none (no %s table)",
					   vendor_table(v));
	} else if (built == 0 && symbol) {
		snprintf(hint, sizeof(hint), "use a kernel built with CONFIG_%s=y (distribution kernels have it)",
			 symbol);
		status_set_verdict(st, IOMMU_VERDICT_NO_DRIVER, hint,
				   "IOMMU not enabled: the firmware describes %s, but this kernel has no driver for it (CONFIG_%s is not set)",
				   vendor_title(v), symbol);
	} else if (token) {
		snprintf(hint, sizeof(hint), "remove '%s' from the kernel command line", token);
		status_set_verdict(st, IOMMU_VERDICT_DISABLED_CMDLINE, hint,
				   "IOMMU not enabled: '%s' on the kernel command line turns it off", token);
	} else if (failure) {
		if (!(p->what & KLOG_FW_BUG))
			snprintf(hint, sizeof(hint), "the quoted line says why: %s", p->meaning);
		else if (f->bios)
			snprintf(hint, sizeof(hint), "a firmware bug: update the firmware (now %s)", f->bios);
		else
			snprintf(hint, sizeof(hint), "a firmware bug: update the firmware");
		status_set_verdict(st, IOMMU_VERDICT_INIT_FAILED, hint,
				   "IOMMU not enabled: the %s driver failed: \"%s\"", vendor_title(v), failure);
	} else if (v == IOMMU_VENDOR_INTEL && !(f->set.intel.token && f->set.intel.value) &&
		   default_on != 1) {
		if (default_on == 0)
			status_set_verdict(st, IOMMU_VERDICT_DISABLED_DEFAULT,
					   "add intel_iommu=on to the kernel command line",
					   "IOMMU not enabled: this kernel leaves VT-d off unless told (CONFIG_INTEL_IOMMU_DEFAULT_ON is not set)");
		else
			status_set_verdict(st, IOMMU_VERDICT_DISABLED_DEFAULT,
					   "add intel_iommu=on to the kernel command line",
					   "IOMMU not enabled: most likely this kernel leaves VT-d off unless told (its configuration is not readable, and nothing else explains it)");
	} else if (!f->log) {
		status_set_verdict(st, IOMMU_VERDICT_UNKNOWN, "run as root: the kernel log says why the driver did not start",
				   "cannot tell why %s is not running: the firmware describes it, nothing turns it off, and the kernel log is not readable",
				   vendor_title(v));
	} else {
		status_set_verdict(st, IOMMU_VERDICT_INIT_FAILED,
				   "look for IOMMU lines in the whole kernel log (journalctl -k -b), and try a firmware update",
				   "IOMMU not enabled: the %s driver did not start, and the log does not say why",
				   vendor_title(v));
	}
}

void status_decide(struct iommu_status *st, const struct status_facts *f)
{
	bool enabled, firmware;

	st->vendor = status_platform_vendor(st, f);
	st->guest = f->hypervisor_flag || f->dmi_vm ||
		    (f->hypervisor_type && strcmp(f->hypervisor_type, "xen") == 0 && !f->xen_dom0);
	enabled = st->units || f->ngroups;
	check_platform(st, f);
	firmware = check_firmware(st, f, st->vendor);
	check_config(st, f, st->vendor, firmware);
	check_cmdline(st, f, st->vendor);
	check_units(st);
	check_groups(st, f);
	check_log(st, f, st->vendor, enabled);
	if (enabled)
		enabled_verdict(st, f);
	else
		not_enabled_verdict(st, f, firmware);
	status_more_checks(st, f);
}
