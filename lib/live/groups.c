// SPDX-License-Identifier: MIT
/*
 * IOMMU groups as the kernel shows them (Documentation/ABI/testing/
 * sysfs-kernel-iommu_groups): /sys/kernel/iommu_groups/N/{type,name,
 * reserved_regions,devices/}.  Each member with its bus, driver and what
 * keeps the group from VFIO; the PCI ports above the members with their
 * ACS; the members the host itself runs on.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "live/live.h"
#include "live/pci-topology.h"

#define GROUPS_DIR "/sys/kernel/iommu_groups"

struct iommu_region {
	struct iommu_region *next;
	uint64_t start, end;
	char type[24];
};

struct iommu_member {
	struct iommu_member *next;
	char *name, *bus, *driver, *blocker;
	const char *host_use;		/* in the groups' host-use list */
	bool bridge;
};

struct iommu_port {
	struct iommu_port *next;
	char name[16];
	int acs;
	uint16_t cap, ctrl;
};

struct iommu_group {
	struct iommu_group *next;
	unsigned int id;
	char *type;
	bool noiommu;
	struct iommu_member *members;
	struct iommu_region *regions;
	struct iommu_port *ports;
};

struct iommu_groups {
	int refcount;
	struct iommu_group *first;
	struct host_use *uses;
	size_t nuses;
};

char *link_name(struct iommu_ctx *ctx, const char *path)
{
	char *target, *base;

	if (sysroot_readlink(ctx, path, &target) < 0)
		return NULL;
	base = strrchr(target, '/');
	base = strdup(base ? base + 1 : target);
	free(target);
	return base;
}

/* "pci" from the member's "subsystem" link ("../../../bus/pci"). */
static char *member_link(struct iommu_ctx *ctx, unsigned int id, const char *member, const char *link)
{
	char path[512];

	snprintf(path, sizeof(path), GROUPS_DIR "/%u/devices/%s/%s", id, member, link);
	return link_name(ctx, path);
}

/* Drivers VFIO can live with (driver_managed_dma in Linux 6.x): its own, pci-stub, PCIe ports. */
static bool driver_allows_vfio(const char *driver)
{
	return strstr(driver, "vfio") || strcmp(driver, "pci-stub") == 0 ||
	       strcmp(driver, "pcieport") == 0;
}

static bool pci_class_is_bridge(struct iommu_ctx *ctx, unsigned int id, const char *member)
{
	char path[512], *line;
	bool bridge;

	snprintf(path, sizeof(path), GROUPS_DIR "/%u/devices/%s/class", id, member);
	if (sysroot_read_line(ctx, path, &line) < 0)
		return false;
	bridge = (strtoul(line, NULL, 16) >> 8) == 0x0604;
	free(line);
	return bridge;
}

static int add_member(struct iommu_ctx *ctx, struct iommu_groups *groups, struct iommu_group *g,
		      struct iommu_member ***tail, const char *name)
{
	struct iommu_member *m = calloc(1, sizeof(*m));

	if (!m)
		return -ENOMEM;
	**tail = m;
	*tail = &m->next;
	m->name = strdup(name);
	if (!m->name)
		return -ENOMEM;
	m->bus = member_link(ctx, g->id, name, "subsystem");
	m->driver = member_link(ctx, g->id, name, "driver");
	m->bridge = m->bus && strcmp(m->bus, "pci") == 0 && pci_class_is_bridge(ctx, g->id, name);
	m->host_use = host_use_of(groups->uses, groups->nuses, name);
	if (m->driver && !driver_allows_vfio(m->driver) &&
	    asprintf(&m->blocker, "bound to %s", m->driver) < 0) {
		m->blocker = NULL;
		return -ENOMEM;
	}
	return 0;
}

/* "0x00000000fee00000 0x00000000feefffff msi" lines. */
static int read_regions(struct iommu_ctx *ctx, struct iommu_group *g)
{
	struct iommu_region **tail = &g->regions;
	char path[128], *text, *line, *save = NULL;

	snprintf(path, sizeof(path), GROUPS_DIR "/%u/reserved_regions", g->id);
	if (sysroot_read_file(ctx, path, 1 << 20, &text, NULL) < 0)
		return 0;
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct iommu_region r = { 0 };

		if (sscanf(line, "%" SCNx64 " %" SCNx64 " %23s", &r.start, &r.end, r.type) != 3)
			continue;
		*tail = malloc(sizeof(**tail));
		if (!*tail) {
			free(text);
			return -ENOMEM;
		}
		**tail = r;
		tail = &(*tail)->next;
	}
	free(text);
	return 0;
}

static void add_port(struct iommu_group *g, const struct pci_function *f)
{
	struct iommu_port **p = &g->ports, *port;

	/* Kept sorted by name, each once. */
	while (*p && strcmp((*p)->name, f->name) < 0)
		p = &(*p)->next;
	if (*p && strcmp((*p)->name, f->name) == 0)
		return;
	port = calloc(1, sizeof(*port));
	if (!port)
		return;
	snprintf(port->name, sizeof(port->name), "%s", f->name);
	port->acs = f->acs;
	port->cap = f->acs_cap;
	port->ctrl = f->acs_ctrl;
	port->next = *p;
	*p = port;
}

/* The bridges a PCI member is behind, and the member itself when it is one. */
static void collect_ports(struct iommu_group *g, const struct pci_topology *topology)
{
	for (const struct iommu_member *m = g->members; m; m = m->next) {
		unsigned int seg, bus, dev, fn, hops = 0;
		const struct pci_function *f;

		/* VMD domains (10000 and up) are not in the topology's 16-bit segments. */
		if (!m->bus || strcmp(m->bus, "pci") != 0 ||
		    sscanf(m->name, "%x:%x:%x.%x", &seg, &bus, &dev, &fn) != 4 || seg > 0xffff)
			continue;
		f = pci_topology_find(topology, (uint16_t)seg, (uint8_t)bus, (uint8_t)dev, (uint8_t)fn);
		if (f && !f->is_bridge)
			f = pci_topology_find_parent(topology, f);
		/* A bus number names at most 256 hops; a loop in a broken snapshot ends here. */
		for (; f && hops < 256; f = pci_topology_find_parent(topology, f), hops++)
			add_port(g, f);
	}
}

static int read_group(struct iommu_ctx *ctx, struct iommu_groups *groups, struct iommu_group *g,
		      const struct pci_topology *topology)
{
	struct iommu_member **tail = &g->members;
	char path[128], *name, **names;
	size_t count;
	int r;

	snprintf(path, sizeof(path), GROUPS_DIR "/%u/type", g->id);
	if (sysroot_read_line(ctx, path, &g->type) < 0)
		g->type = NULL;
	snprintf(path, sizeof(path), GROUPS_DIR "/%u/name", g->id);
	if (sysroot_read_line(ctx, path, &name) == 0) {
		g->noiommu = strcmp(name, "vfio-noiommu") == 0;
		free(name);
	}
	r = read_regions(ctx, g);
	if (r < 0)
		return r;
	snprintf(path, sizeof(path), GROUPS_DIR "/%u/devices", g->id);
	if (sysroot_list_dir(ctx, path, &names, &count) < 0)
		return 0;
	for (size_t i = 0; i < count && r == 0; i++)
		r = add_member(ctx, groups, g, &tail, names[i]);
	strv_free(names, count);
	if (r == 0 && topology)
		collect_ports(g, topology);
	return r;
}

static int compare_ids(const void *a, const void *b)
{
	unsigned long x = strtoul(*(char *const *)a, NULL, 10);
	unsigned long y = strtoul(*(char *const *)b, NULL, 10);

	return x < y ? -1 : x > y;
}

IOMMU_EXPORT int iommu_groups_new(struct iommu_ctx *ctx, struct iommu_groups **ret_groups)
{
	struct pci_topology *topology = NULL;
	struct iommu_group **tail;
	struct iommu_groups *groups;
	char **names;
	size_t count;
	int r;

	r = sysroot_list_dir(ctx, GROUPS_DIR, &names, &count);
	if (r < 0)
		return r;
	groups = calloc(1, sizeof(*groups));
	if (!groups) {
		strv_free(names, count);
		return -ENOMEM;
	}
	groups->refcount = 1;
	tail = &groups->first;
	if (count) {
		qsort(names, count, sizeof(*names), compare_ids);
		if (pci_topology_load(ctx, &topology) < 0)
			topology = NULL;
		r = host_uses_find(ctx, &groups->uses, &groups->nuses);
	}
	for (size_t i = 0; i < count && r == 0; i++) {
		struct iommu_group *g;
		char *end;
		unsigned long id = strtoul(names[i], &end, 10);

		if (*end || end == names[i] || id > UINT32_MAX)
			continue;
		g = calloc(1, sizeof(*g));
		if (!g) {
			r = -ENOMEM;
			break;
		}
		g->id = (unsigned int)id;
		*tail = g;
		tail = &g->next;
		r = read_group(ctx, groups, g, topology);
	}
	strv_free(names, count);
	pci_topology_free(topology);
	if (r < 0) {
		iommu_groups_unref(groups);
		return r;
	}
	*ret_groups = groups;
	return 0;
}

IOMMU_EXPORT struct iommu_groups *iommu_groups_ref(struct iommu_groups *groups)
{
	if (groups)
		groups->refcount++;
	return groups;
}

static void free_group(struct iommu_group *g)
{
	while (g->members) {
		struct iommu_member *m = g->members;

		g->members = m->next;
		free(m->name);
		free(m->bus);
		free(m->driver);
		free(m->blocker);
		free(m);
	}
	while (g->regions) {
		struct iommu_region *r = g->regions;

		g->regions = r->next;
		free(r);
	}
	while (g->ports) {
		struct iommu_port *p = g->ports;

		g->ports = p->next;
		free(p);
	}
	free(g->type);
	free(g);
}

IOMMU_EXPORT struct iommu_groups *iommu_groups_unref(struct iommu_groups *groups)
{
	if (!groups || --groups->refcount > 0)
		return NULL;
	while (groups->first) {
		struct iommu_group *g = groups->first;

		groups->first = g->next;
		free_group(g);
	}
	host_uses_free(groups->uses, groups->nuses);
	free(groups);
	return NULL;
}

IOMMU_EXPORT struct iommu_group *iommu_groups_get_first(const struct iommu_groups *groups)
{
	return groups->first;
}

IOMMU_EXPORT struct iommu_group *iommu_group_get_next(const struct iommu_group *group)
{
	return group->next;
}

IOMMU_EXPORT struct iommu_group *iommu_groups_find(const struct iommu_groups *groups, unsigned int id)
{
	for (struct iommu_group *g = groups->first; g; g = g->next)
		if (g->id == id)
			return g;
	return NULL;
}

IOMMU_EXPORT unsigned int iommu_group_get_id(const struct iommu_group *group)
{
	return group->id;
}

IOMMU_EXPORT const char *iommu_group_get_type(const struct iommu_group *group)
{
	return group->type;
}

IOMMU_EXPORT bool iommu_group_is_noiommu(const struct iommu_group *group)
{
	return group->noiommu;
}

IOMMU_EXPORT bool iommu_group_is_viable(const struct iommu_group *group)
{
	for (const struct iommu_member *m = group->members; m; m = m->next)
		if (m->blocker)
			return false;
	return true;
}

IOMMU_EXPORT bool iommu_group_is_critical(const struct iommu_group *group)
{
	for (const struct iommu_member *m = group->members; m; m = m->next)
		if (m->host_use)
			return true;
	return false;
}

IOMMU_EXPORT struct iommu_member *iommu_group_get_first_member(const struct iommu_group *group)
{
	return group->members;
}

IOMMU_EXPORT struct iommu_member *iommu_member_get_next(const struct iommu_member *member)
{
	return member->next;
}

IOMMU_EXPORT const char *iommu_member_get_name(const struct iommu_member *member)
{
	return member->name;
}

IOMMU_EXPORT const char *iommu_member_get_bus(const struct iommu_member *member)
{
	return member->bus;
}

IOMMU_EXPORT const char *iommu_member_get_driver(const struct iommu_member *member)
{
	return member->driver;
}

IOMMU_EXPORT bool iommu_member_is_bridge(const struct iommu_member *member)
{
	return member->bridge;
}

IOMMU_EXPORT const char *iommu_member_get_blocker(const struct iommu_member *member)
{
	return member->blocker;
}

IOMMU_EXPORT const char *iommu_member_get_host_use(const struct iommu_member *member)
{
	return member->host_use;
}

IOMMU_EXPORT struct iommu_region *iommu_group_get_first_region(const struct iommu_group *group)
{
	return group->regions;
}

IOMMU_EXPORT struct iommu_region *iommu_region_get_next(const struct iommu_region *region)
{
	return region->next;
}

IOMMU_EXPORT uint64_t iommu_region_get_start(const struct iommu_region *region)
{
	return region->start;
}

IOMMU_EXPORT uint64_t iommu_region_get_end(const struct iommu_region *region)
{
	return region->end;
}

IOMMU_EXPORT const char *iommu_region_get_type(const struct iommu_region *region)
{
	return region->type;
}

IOMMU_EXPORT struct iommu_port *iommu_group_get_first_port(const struct iommu_group *group)
{
	return group->ports;
}

IOMMU_EXPORT struct iommu_port *iommu_port_get_next(const struct iommu_port *port)
{
	return port->next;
}

IOMMU_EXPORT const char *iommu_port_get_name(const struct iommu_port *port)
{
	return port->name;
}

IOMMU_EXPORT int iommu_port_get_acs(const struct iommu_port *port, uint16_t *ret_cap,
				    uint16_t *ret_ctrl)
{
	if (port->acs > 0) {
		if (ret_cap)
			*ret_cap = port->cap;
		if (ret_ctrl)
			*ret_ctrl = port->ctrl;
	}
	return port->acs;
}
