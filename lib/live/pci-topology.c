// SPDX-License-Identifier: MIT
/* The sysroot's PCI functions through libpci's sysfs back end (pciutils' -O sysfs.path). */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <pci/pci.h>

#include "internal.h"
#include "live/pci-topology.h"

/* PCI Local Bus 3.0 §6.1 configuration header offsets */
#define CFG_PROG_IF		0x09
#define CFG_HEADER_TYPE		0x0e
#define CFG_SECONDARY_BUS	0x19
#define CFG_SUBORDINATE_BUS	0x1a

struct pci_topology {
	struct pci_function *functions;
	size_t count;
};

/*
 * libpci's error callback must not return (it "writes an error message and
 * quits"); a load escapes through this jump instead, so a broken snapshot
 * is an error, not an exit.
 */
static __thread jmp_buf *libpci_escape;

static void __attribute__((noreturn)) libpci_error(char *msg, ...)
{
	(void)msg;
	if (libpci_escape)
		longjmp(*libpci_escape, 1);
	abort();
}

static void libpci_quiet(char *msg, ...)
{
	(void)msg;
}

static int compare_functions(const void *a, const void *b)
{
	const struct pci_function *x = a, *y = b;
	uint64_t kx = (uint64_t)x->segment << 16 | x->bus << 8 | x->dev << 3 | x->fn;
	uint64_t ky = (uint64_t)y->segment << 16 | y->bus << 8 | y->dev << 3 | y->fn;

	return kx < ky ? -1 : kx > ky;
}

/* A name from pci.ids only (no udev hwdb, no network), NULL when it has none. */
static char *lookup_name(struct pci_access *pacc, int flags, int id, int sub)
{
	char buf[256], *name;

	name = pci_lookup_name(pacc, buf, sizeof(buf),
			       flags | PCI_LOOKUP_NO_NUMBERS | PCI_LOOKUP_NO_HWDB, id, sub);
	return name ? strdup(name) : NULL;
}

/* 1 with the extended capability ID (its offset in *RET_AT), 0 without, -EACCES unreadable. */
static int find_ext_cap(struct pci_dev *d, const struct pci_function *f, unsigned int id,
			unsigned int *ret_at)
{
	struct pci_cap *cap;

	/* Without root the kernel gives 64 bytes; 256 means no extended space at all. */
	if (f->config_size < 256)
		return -EACCES;
	if (f->config_size == 256)
		return 0;
	cap = pci_find_cap(d, id, PCI_CAP_EXTENDED);
	if (!cap)
		return 0;
	*ret_at = cap->addr;
	return 1;
}

/* What the kernel lets us read of the configuration space, and the snapshot's copy of it. */
static uint16_t config_size(struct iommu_ctx *ctx, const char *name)
{
	char path[64], *buf;
	size_t size;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config", name);
	if (sysroot_read_file(ctx, path, 4096, &buf, &size) < 0)
		return 0;
	free(buf);
	return (uint16_t)size;
}

static void fill_function(struct iommu_ctx *ctx, struct pci_access *pacc,
			  struct pci_function *f, struct pci_dev *d, bool names)
{
	unsigned int at;

	pci_fill_info(d, PCI_FILL_IDENT | PCI_FILL_CLASS | PCI_FILL_EXT_CAPS);
	f->segment = (uint16_t)d->domain;
	f->bus = d->bus;
	f->dev = d->dev;
	f->fn = d->func;
	f->vendor = d->vendor_id;
	f->device = d->device_id;
	f->class_code = (uint32_t)d->device_class << 8 | pci_read_byte(d, CFG_PROG_IF);
	f->header_type = pci_read_byte(d, CFG_HEADER_TYPE) & 0x7f;
	f->is_bridge = f->header_type == 1 || f->header_type == 2;
	if (f->is_bridge) {
		f->secondary_bus = pci_read_byte(d, CFG_SECONDARY_BUS);
		f->subordinate_bus = pci_read_byte(d, CFG_SUBORDINATE_BUS);
	}
	/* The kernel's name: a VMD domain (10000 and up) does not fit the 16-bit ACPI segment. */
	snprintf(f->name, sizeof(f->name), "%04x:%02x:%02x.%x", (unsigned int)d->domain, f->bus,
		 f->dev, f->fn);
	f->vmd_domain = d->domain > 0xffff;
	if (names) {
		f->vendor_name = lookup_name(pacc, PCI_LOOKUP_VENDOR, f->vendor, 0);
		f->device_name = lookup_name(pacc, PCI_LOOKUP_DEVICE, f->vendor, f->device);
		f->class_name = lookup_name(pacc, PCI_LOOKUP_CLASS, d->device_class, 0);
	}
	f->config_size = config_size(ctx, f->name);
	f->acs = find_ext_cap(d, f, PCI_EXT_CAP_ID_ACS, &at);
	if (f->acs > 0) {
		f->acs_cap = pci_read_word(d, (int)at + PCI_ACS_CAP);
		f->acs_ctrl = pci_read_word(d, (int)at + PCI_ACS_CTRL);
	}
	f->ats = find_ext_cap(d, f, PCI_EXT_CAP_ID_ATS, &at);
}

/* libpci reads these behind the sysroot layer's back; a snapshot needs them. */
static void note_libpci_reads(struct iommu_ctx *ctx, const struct pci_function *f)
{
	static const char *const attrs[] = { "vendor", "device", "class", "config" };

	for (size_t i = 0; i < ARRAY_SIZE(attrs); i++) {
		char path[80];

		snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/%s", f->name, attrs[i]);
		sysroot_note(ctx, SYSROOT_NOTE_FILE, path);
	}
}

static void scan(struct iommu_ctx *ctx, struct pci_access *pacc, struct pci_topology *t,
		 bool names)
{
	size_t alloc = 0;

	pci_init(pacc);
	pci_scan_bus(pacc);
	for (struct pci_dev *d = pacc->devices; d; d = d->next) {
		if (t->count == alloc) {
			struct pci_function *bigger;

			alloc = alloc ? 2 * alloc : 64;
			bigger = reallocarray(t->functions, alloc, sizeof(*bigger));
			if (!bigger)
				return;
			t->functions = bigger;
		}
		memset(&t->functions[t->count], 0, sizeof(t->functions[0]));
		fill_function(ctx, pacc, &t->functions[t->count], d, names);
		note_libpci_reads(ctx, &t->functions[t->count++]);
	}
}

static int pci_topology_load_any(struct iommu_ctx *ctx, bool names,
				 struct pci_topology **ret_topology)
{
	struct pci_topology *t;
	struct pci_access *pacc;
	jmp_buf escape;
	char *path;

	if (!sysroot_exists(ctx, "/sys/bus/pci/devices"))
		return -ENOENT;
	path = sysroot_path(ctx, "/sys/bus/pci");
	t = calloc(1, sizeof(*t));
	pacc = pci_alloc();
	if (!path || !t || !pacc)
		goto nomem;
	pacc->error = libpci_error;
	pacc->warning = libpci_quiet;
	pacc->debug = libpci_quiet;
	pacc->method = PCI_ACCESS_SYS_BUS_PCI;
	if (pci_set_param(pacc, (char *)"sysfs.path", path) < 0)
		goto nomem;
	libpci_escape = &escape;
	if (setjmp(escape)) {
		libpci_escape = NULL;
		err(ctx, "libpci cannot read %s\n", path);
		free(path);
		pci_topology_free(t);
		return -EIO;	/* pacc is left as it was: libpci cannot be unwound safely here */
	}
	sysroot_note(ctx, SYSROOT_NOTE_DIR, "/sys/bus/pci/devices");
	scan(ctx, pacc, t, names);
	libpci_escape = NULL;
	pci_cleanup(pacc);
	free(path);
	if (t->count)
		qsort(t->functions, t->count, sizeof(*t->functions), compare_functions);
	*ret_topology = t;
	return 0;
nomem:
	free(path);
	free(t);
	if (pacc)
		pci_cleanup(pacc);
	return -ENOMEM;
}

int pci_topology_load(struct iommu_ctx *ctx, struct pci_topology **ret_topology)
{
	return pci_topology_load_any(ctx, false, ret_topology);
}

int pci_topology_load_with_names(struct iommu_ctx *ctx, struct pci_topology **ret_topology)
{
	return pci_topology_load_any(ctx, true, ret_topology);
}

void pci_topology_free(struct pci_topology *topology)
{
	if (!topology)
		return;
	for (size_t i = 0; i < topology->count; i++) {
		free(topology->functions[i].vendor_name);
		free(topology->functions[i].device_name);
		free(topology->functions[i].class_name);
	}
	free(topology->functions);
	free(topology);
}

size_t pci_topology_count(const struct pci_topology *topology)
{
	return topology->count;
}

const struct pci_function *pci_topology_get(const struct pci_topology *topology, size_t index)
{
	return index < topology->count ? &topology->functions[index] : NULL;
}

const struct pci_function *pci_topology_find(const struct pci_topology *topology, uint16_t segment,
					     uint8_t bus, uint8_t dev, uint8_t fn)
{
	struct pci_function key = { .segment = segment, .bus = bus, .dev = dev, .fn = fn };

	if (!topology->count)
		return NULL;
	return bsearch(&key, topology->functions, topology->count, sizeof(key), compare_functions);
}

const struct pci_function *pci_topology_find_parent(const struct pci_topology *topology,
						    const struct pci_function *function)
{
	for (size_t i = 0; i < topology->count; i++) {
		const struct pci_function *b = &topology->functions[i];

		if (b->is_bridge && b->segment == function->segment &&
		    b->secondary_bus == function->bus && b != function)
			return b;
	}
	return NULL;
}

int pci_topology_resolve_path(const struct pci_topology *topology, uint16_t segment,
			      uint8_t start_bus, const struct pci_path_hop *hops, size_t nhops,
			      const struct pci_function **ret_function, size_t *ret_hop)
{
	const struct pci_function *f = NULL;
	uint8_t bus = start_bus;

	for (size_t i = 0; i < nhops; i++) {
		*ret_hop = i;
		f = pci_topology_find(topology, segment, bus, hops[i].dev, hops[i].fn);
		if (!f)
			return -ENODEV;
		if (i + 1 < nhops) {
			if (!f->is_bridge)
				return -ENOTDIR;
			bus = f->secondary_bus;
		}
	}
	if (!f)
		return -ENODEV;
	*ret_function = f;
	return 0;
}
