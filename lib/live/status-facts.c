// SPDX-License-Identifier: MIT
/*
 * The evidence of iommutool status, read and not yet judged: the CPU and
 * hypervisor (/proc/cpuinfo, /sys/hypervisor, /proc/xen, DMI), the ACPI
 * tables, the kernel command line, configuration and log, the units and
 * groups, the interrupt chips (/proc/interrupts), VFIO's module parameters
 * and Thunderbolt's DMA protection.  Everything that needs no root is read
 * without it; what cannot be read is remembered as an error.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "live/live.h"

const char *const status_table_names[IOMMU_TABLES] = { "DMAR", "IVRS", "IORT", "VIOT" };

static const enum iommu_vendor table_vendors[IOMMU_TABLES] = {
	IOMMU_VENDOR_INTEL, IOMMU_VENDOR_AMD, IOMMU_VENDOR_ARM, IOMMU_VENDOR_VIRTIO,
};

/* The value of the first "KEY\t: value" line, without the newline; NULL when none. */
static char *cpuinfo_value(const char *text, const char *key)
{
	size_t len = strlen(key);

	for (const char *line = text; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		const char *colon;

		if (strncmp(line, key, len) != 0 || (line[len] != ' ' && line[len] != '\t' && line[len] != ':'))
			continue;
		colon = strchr(line, ':');
		if (!colon || colon > line + strcspn(line, "\n"))
			continue;
		colon++;
		colon += strspn(colon, " \t");
		return strndup(colon, strcspn(colon, "\n"));
	}
	return NULL;
}

static bool has_word(const char *list, const char *word)
{
	size_t len = strlen(word);

	for (const char *p = strstr(list, word); p; p = strstr(p + 1, word))
		if ((p == list || p[-1] == ' ') && (p[len] == ' ' || p[len] == 0))
			return true;
	return false;
}

/* vendor_id decides the vendor, not vmx/svm: those vanish when the firmware locks VT-x/AMD-V off. */
static void read_cpuinfo(struct status_facts *f)
{
	char *text, *vendor, *flags;

	if (sysroot_read_file(f->ctx, "/proc/cpuinfo", 16 << 20, &text, NULL) < 0)
		return;
	f->have_cpuinfo = true;
	vendor = cpuinfo_value(text, "vendor_id");
	if (vendor) {
		snprintf(f->cpu_vendor, sizeof(f->cpu_vendor), "%s", vendor);
		if (strcmp(vendor, "GenuineIntel") == 0)
			f->cpu_iommu = IOMMU_VENDOR_INTEL;
		else if (strcmp(vendor, "AuthenticAMD") == 0 || strcmp(vendor, "HygonGenuine") == 0)
			f->cpu_iommu = IOMMU_VENDOR_AMD;
		free(vendor);
	} else if ((vendor = cpuinfo_value(text, "CPU implementer"))) {
		snprintf(f->cpu_vendor, sizeof(f->cpu_vendor), "Arm (CPU implementer %s)", vendor);
		f->cpu_iommu = IOMMU_VENDOR_ARM;
		free(vendor);
	}
	flags = cpuinfo_value(text, "flags");
	if (flags) {
		f->hypervisor_flag = has_word(flags, "hypervisor");
		free(flags);
	}
	free(text);
}

static char *read_line_or_null(struct iommu_ctx *ctx, const char *path)
{
	char *line;

	if (sysroot_read_line(ctx, path, &line) < 0)
		return NULL;
	if (!*line) {
		free(line);
		return NULL;
	}
	return line;
}

/* DMI strings that name a hypervisor rather than a machine. */
static bool dmi_is_vm(const char *vendor, const char *product)
{
	static const char *const vendors[] = { "QEMU", "VMware, Inc.", "innotek GmbH", "Xen",
					       "Parallels Software International Inc." };
	static const char *const products[] = { "KVM", "Virtual Machine", "VirtualBox", "HVM domU" };

	for (size_t i = 0; vendor && i < ARRAY_SIZE(vendors); i++)
		if (strcmp(vendor, vendors[i]) == 0)
			return true;
	for (size_t i = 0; product && i < ARRAY_SIZE(products); i++)
		if (strcmp(product, products[i]) == 0)
			return true;
	return false;
}

static void read_platform(struct status_facts *f)
{
	char *vendor, *product, *caps, *bios_vendor, *bios_version, *bios_date;

	f->hypervisor_type = read_line_or_null(f->ctx, "/sys/hypervisor/type");
	caps = read_line_or_null(f->ctx, "/proc/xen/capabilities");
	f->xen_dom0 = caps && strstr(caps, "control_d");
	free(caps);
	vendor = read_line_or_null(f->ctx, "/sys/class/dmi/id/sys_vendor");
	product = read_line_or_null(f->ctx, "/sys/class/dmi/id/product_name");
	if (dmi_is_vm(vendor, product) &&
	    asprintf(&f->dmi_vm, "%s%s%s", vendor ? vendor : "", vendor && product ? " " : "",
		     product ? product : "") < 0)
		f->dmi_vm = NULL;
	bios_vendor = read_line_or_null(f->ctx, "/sys/class/dmi/id/bios_vendor");
	bios_version = read_line_or_null(f->ctx, "/sys/class/dmi/id/bios_version");
	bios_date = read_line_or_null(f->ctx, "/sys/class/dmi/id/bios_date");
	if ((bios_vendor || bios_version) &&
	    asprintf(&f->bios, "%s%s%s%s%s", bios_vendor ? bios_vendor : "",
		     bios_version ? " " : "", bios_version ? bios_version : "",
		     bios_date ? " of " : "", bios_date ? bios_date : "") < 0)
		f->bios = NULL;
	free(vendor);
	free(product);
	free(bios_vendor);
	free(bios_version);
	free(bios_date);
	f->devicetree = sysroot_exists(f->ctx, "/sys/firmware/devicetree/base");
}

/* Which IOMMU tables exist (a listing needs no root) and which could be read (root). */
static int read_tables(struct status_facts *f)
{
	struct iommu_problem *p;
	char **names;
	size_t count;
	int r;

	f->acpi_error = sysroot_list_dir(f->ctx, "/sys/firmware/acpi/tables", &names, &count);
	if (f->acpi_error < 0)
		return 0;
	for (size_t i = 0; i < count; i++)
		for (int t = 0; t < IOMMU_TABLES; t++)
			if (strcmp(names[i], status_table_names[t]) == 0)
				f->table_present[t] = true;
	strv_free(names, count);
	r = iommu_tables_new(f->ctx, &f->tables);
	if (r < 0)
		return r;
	r = iommu_tables_load_sysroot(f->tables);
	if (r == -ENOMEM)
		return r;
	for (int t = 0; t < IOMMU_TABLES; t++)
		f->table[t] = iommu_tables_find(f->tables, status_table_names[t]);
	iommu_tables_foreach_problem(f->tables, p) {
		const char *source = iommu_problem_get_source(p), *base = strrchr(source, '/');

		base = base ? base + 1 : source;
		for (int t = 0; t < IOMMU_TABLES; t++)
			if (strcmp(base, status_table_names[t]) == 0)
				f->table_error[t] = iommu_problem_get_error(p);
	}
	return 0;
}

/* The platform's IOMMU: its firmware table, else a unit the kernel has, else the CPU's kind. */
enum iommu_vendor status_platform_vendor(const struct iommu_status *st, const struct status_facts *f)
{
	for (int t = 0; t < IOMMU_TABLES; t++)
		if (f->table_present[t])
			return table_vendors[t];
	for (const struct iommu_unit *u = st->units; u; u = u->next)
		if (u->vendor != IOMMU_VENDOR_UNKNOWN)
			return u->vendor;
	return f->cpu_iommu;
}

static int read_cmdline(struct status_facts *f, enum iommu_vendor vendor)
{
	int r;

	if (sysroot_read_line(f->ctx, "/proc/cmdline", &f->cmdline_text) < 0) {
		f->cmdline_text = NULL;
		return 0;
	}
	r = cmdline_parse(f->cmdline_text, &f->cmdline);
	if (r == 0)
		r = cmdline_lint(&f->cmdline, vendor, &f->set, &f->issues, &f->nissues);
	return r;
}

static int read_groups(struct status_facts *f)
{
	const struct iommu_group *g;

	f->groups_error = iommu_groups_new(f->ctx, &f->groups);
	if (f->groups_error == -ENOMEM)
		return -ENOMEM;
	if (f->groups_error < 0)
		return 0;
	iommu_groups_foreach(f->groups, g) {
		const char *type = iommu_group_get_type(g);

		if (iommu_group_is_noiommu(g)) {
			f->nnoiommu++;
			continue;
		}
		f->ngroups++;
		if (!type)
			f->ntype_unknown++;
		else if (strcmp(type, "DMA") == 0)
			f->ntype_dma++;
		else if (strcmp(type, "DMA-FQ") == 0)
			f->ntype_fq++;
		else if (strcmp(type, "identity") == 0)
			f->ntype_identity++;
		else
			f->ntype_other++;
	}
	return 0;
}

/* "IR-PCI-MSIX-0000:00:03.0" is "IR-PCI-MSIX": newer kernels name MSI domains after the device. */
static void chip_kind(const char *chip, char *buf, size_t size)
{
	const char *colon = strchr(chip, ':');
	size_t len = strlen(chip);

	if (colon) {
		const char *dash = colon;

		while (dash > chip && dash[-1] != '-')
			dash--;
		if (dash > chip)
			len = (size_t)(dash - 1 - chip);
	}
	snprintf(buf, size, "%.*s", (int)len, chip);
}

static void count_chip(struct status_facts *f, const char *kind)
{
	struct irq_chip_count *bigger;

	for (size_t i = 0; i < f->nchips; i++)
		if (strcmp(f->chips[i].name, kind) == 0) {
			f->chips[i].count++;
			return;
		}
	bigger = reallocarray(f->chips, f->nchips + 1, sizeof(*bigger));
	if (!bigger)
		return;
	f->chips = bigger;
	snprintf(f->chips[f->nchips].name, sizeof(f->chips[0].name), "%s", kind);
	f->chips[f->nchips++].count = 1;
}

/* Interrupts that interrupt remapping would carry: I/O APIC, MSI and HPET ones. */
static bool remappable(const char *kind)
{
	if (strncmp(kind, "IR-", 3) == 0)
		kind += 3;
	return strncmp(kind, "IO-APIC", 7) == 0 || strncmp(kind, "PCI-MSI", 7) == 0 ||
	       strncmp(kind, "HPET", 4) == 0;
}

/*
 * /proc/interrupts: "NN: <one count per CPU> CHIP HWIRQ-TYPE ACTIONS".  The
 * IOMMU's own interrupts (chip DMAR-MSI, action AMD-Vi) are never remapped
 * and do not count.
 */
static void read_interrupts(struct status_facts *f)
{
	char *text, *line, *save = NULL;
	unsigned int ncpus = 0;

	if (sysroot_read_file(f->ctx, "/proc/interrupts", 16 << 20, &text, NULL) < 0)
		return;
	f->irq_source = "/proc/interrupts";
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *p = line, chip[64], kind[32];
		unsigned int i;

		if (!ncpus) {
			for (char *c = strstr(line, "CPU"); c; c = strstr(c + 3, "CPU"))
				ncpus++;
			continue;
		}
		p += strspn(p, " ");
		if (!isdigit((unsigned char)*p))
			continue;	/* NMI:, LOC:, ... are not device interrupts */
		p = strchr(p, ':');
		if (!p)
			continue;
		p++;
		for (i = 0; i < ncpus; i++) {
			p += strspn(p, " ");
			if (!isdigit((unsigned char)*p))
				break;
			p += strspn(p, "0123456789");
		}
		if (i < ncpus || sscanf(p, "%63s", chip) != 1)
			continue;
		chip_kind(chip, kind, sizeof(kind));
		if (strncmp(kind, "DMAR-MSI", 8) == 0 || strstr(p, "AMD-Vi"))
			continue;
		count_chip(f, kind);
		if (!remappable(kind))
			continue;
		if (strncmp(kind, "IR-", 3) == 0)
			f->irqs_remapped++;
		else
			f->irqs_plain++;
	}
	free(text);
}

/* A VFIO module parameter: -1 when the module is not loaded, else 0 or 1. */
static int module_bool(struct iommu_ctx *ctx, const char *path)
{
	char *line = read_line_or_null(ctx, path);
	int v;

	if (!line)
		return -1;
	v = line[0] == 'Y' || line[0] == 'y' || line[0] == '1';
	free(line);
	return v;
}

static void read_thunderbolt(struct status_facts *f)
{
	char **names;
	size_t count;

	if (sysroot_list_dir(f->ctx, "/sys/bus/thunderbolt/devices", &names, &count) < 0)
		return;
	for (size_t i = 0; i < count; i++) {
		char path[256], *line;

		if (strncmp(names[i], "domain", 6) != 0)
			continue;
		f->tb_domains++;
		snprintf(path, sizeof(path), "/sys/bus/thunderbolt/devices/%s/iommu_dma_protection",
			 names[i]);
		line = read_line_or_null(f->ctx, path);
		f->tb_protected += line && line[0] == '1';
		free(line);
	}
	strv_free(names, count);
}

int status_facts_gather(struct iommu_ctx *ctx, struct iommu_status *st, struct status_facts *f)
{
	int r;

	memset(f, 0, sizeof(*f));
	f->ctx = ctx;
	read_cpuinfo(f);
	read_platform(f);
	r = read_tables(f);
	if (r < 0)
		return r;
	r = status_units_read(ctx, st);
	if (r == -ENOMEM)
		return r;
	r = status_units_locate_amd(st, f->table[TABLE_IVRS]);
	if (r < 0)
		return r;
	r = read_cmdline(f, status_platform_vendor(st, f));
	if (r < 0)
		return r;
	f->config_error = kconfig_load(ctx, &f->config);
	f->log_error = klog_load(ctx, &f->log);
	if (f->config_error == -ENOMEM || f->log_error == -ENOMEM)
		return -ENOMEM;
	r = read_groups(f);
	if (r < 0)
		return r;
	read_interrupts(f);
	f->unsafe_type1 = module_bool(ctx, "/sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts");
	f->unsafe_iommufd = module_bool(ctx, "/sys/module/iommufd/parameters/allow_unsafe_interrupts");
	f->unsafe_noiommu = module_bool(ctx, "/sys/module/vfio/parameters/enable_unsafe_noiommu_mode");
	read_thunderbolt(f);
	return 0;
}

void status_facts_free(struct status_facts *f)
{
	free(f->hypervisor_type);
	free(f->dmi_vm);
	free(f->bios);
	iommu_tables_unref(f->tables);
	cmdline_issues_free(f->issues, f->nissues);
	cmdline_free(&f->cmdline);
	free(f->cmdline_text);
	kconfig_free(f->config);
	klog_free(f->log);
	iommu_groups_unref(f->groups);
	free(f->chips);
}
