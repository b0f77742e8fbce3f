// SPDX-License-Identifier: MIT
/* iommutool groups: each IOMMU group, its members, and whether VFIO can have it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iommutool.h"

struct groups_opts {
	const char *columns;
};

enum { OPT_OUTPUT = 'o' };

static const struct argp_option groups_options[] = {
	{ "output", OPT_OUTPUT, "COLUMNS", 0, "Columns to show, comma-separated (listed below)", 0 },
	{ NULL }
};

/* One row per member; the group's own columns (COL_OUTER) repeat on each, JSON nests the members. */
enum { COL_GROUP, COL_TYPE, COL_VFIO, COL_DEVICE, COL_DRIVER, COL_CLASS, COL_HOST_USE,
       COL_BLOCKER, COL_BUS, COL_NAME, COL_BRIDGE, COL_ACS, COL_REGIONS };

static const struct out_column columns[] = {
	[COL_GROUP] = { "group", "GROUP", COL_UINT, COL_RIGHT | COL_OUTER, "IOMMU group number" },
	[COL_TYPE] = { "type", "TYPE", COL_STRING, COL_OUTER,
		       "default domain: DMA (strict), DMA-FQ (lazy), identity (passthrough)" },
	[COL_VFIO] = { "vfio", "VFIO", COL_STRING, COL_OUTER,
		       "viable: can go to VFIO as is; blocked: a member's driver holds it; no-iommu: fake group" },
	[COL_DEVICE] = { "device", "DEVICE", COL_STRING, 0, "member" },
	[COL_DRIVER] = { "driver", "DRIVER", COL_STRING, 0, "the member's driver" },
	[COL_CLASS] = { "class", "CLASS", COL_STRING, 0, "PCI class name, or the bus" },
	[COL_HOST_USE] = { "host_use", "HOST USE", COL_STRING, 0,
			   "the host runs on it: root file system, default route" },
	[COL_BLOCKER] = { "blocker", "BLOCKER", COL_STRING, COL_EXTRA,
			  "why the member keeps the group from VFIO" },
	[COL_BUS] = { "bus", "BUS", COL_STRING, COL_EXTRA, "pci, platform, acpi, ..." },
	[COL_NAME] = { "name", "NAME", COL_STRING, COL_EXTRA, "vendor and device name (pci.ids)" },
	[COL_BRIDGE] = { "bridge", "BRIDGE", COL_BOOL, COL_EXTRA, "a PCI bridge or port" },
	[COL_ACS] = { "acs", "ACS", COL_STRING, COL_EXTRA | COL_OUTER,
		      "ACS controls the kernel needs (SV RR CR UF) on the ports above: enabled or missing" },
	[COL_REGIONS] = { "regions", "RESERVED REGIONS", COL_RANGES, COL_EXTRA | COL_OUTER,
			  "the group's reserved regions" },
};

static error_t parse_groups(int key, char *arg, struct argp_state *state)
{
	struct groups_opts *opts = state->input;

	switch (key) {
	case OPT_OUTPUT:
		opts->columns = arg;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const char *vfio_word(const struct iommu_group *g)
{
	if (iommu_group_is_noiommu(g))
		return "no-iommu";
	return iommu_group_is_viable(g) ? "viable" : "blocked";
}

/*
 * PCIe 6.0 §7.7.11.3 ACS Control: the kernel counts a port as isolating when
 * Source Validation, P2P Request Redirect, P2P Completion Redirect and
 * Upstream Forwarding are all enabled (drivers/iommu/iommu.c REQ_ACS_FLAGS).
 */
static void acs_text(const struct iommu_group *g, char *buf, size_t size)
{
	static const struct {
		uint16_t bit;
		const char *name;
	} required[] = { { 0x01, "SV" }, { 0x04, "RR" }, { 0x08, "CR" }, { 0x10, "UF" } };
	const struct iommu_port *p;
	size_t pos = 0;

	buf[0] = 0;
	iommu_group_foreach_port(g, p) {
		uint16_t cap = 0, ctrl = 0;
		int acs = iommu_port_get_acs(p, &cap, &ctrl);

		if (pos + 64 >= size)
			break;
		pos += (size_t)snprintf(buf + pos, size - pos, "%s%s ", pos ? ", " : "",
					iommu_port_get_name(p));
		if (acs < 0) {
			pos += (size_t)snprintf(buf + pos, size - pos, "unknown (needs root)");
			continue;
		}
		if (acs == 0) {
			pos += (size_t)snprintf(buf + pos, size - pos, "no ACS");
			continue;
		}
		for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++)
			pos += (size_t)snprintf(buf + pos, size - pos, "%s%s%s", i ? " " : "",
						required[i].name, ctrl & required[i].bit ? "+" : "-");
	}
}

/* The group's own cells, before its members' rows. */
static void group_cells(struct out_table *t, const struct iommu_group *g)
{
	const struct iommu_region *r;
	char acs[1024];

	out_cell_uint(t, COL_GROUP, iommu_group_get_id(g));
	out_cell_str(t, COL_TYPE, iommu_group_get_type(g));
	out_cell_str(t, COL_VFIO, vfio_word(g));
	acs_text(g, acs, sizeof(acs));
	out_cell_str(t, COL_ACS, acs[0] ? acs : NULL);
	out_cell_ranges(t, COL_REGIONS);
	iommu_group_foreach_region(g, r)
		out_cell_range(t, COL_REGIONS, iommu_region_get_start(r), iommu_region_get_end(r),
			       iommu_region_get_type(r));
}

static void member_row(struct out_table *t, const struct iommu_member *m,
		       const struct iommu_devices *devices)
{
	const struct iommu_device *d = devices ? iommu_devices_find(devices, iommu_member_get_name(m)) : NULL;
	char name[512] = "";

	out_cell_str(t, COL_DEVICE, iommu_member_get_name(m));
	out_cell_str(t, COL_DRIVER, iommu_member_get_driver(m));
	if (d && iommu_device_is_pci(d)) {
		const char *vendor = iommu_device_get_vendor_name(d), *device = iommu_device_get_device_name(d);

		out_cell_str(t, COL_CLASS, iommu_device_get_class_name(d));
		snprintf(name, sizeof(name), "%s%s%s", vendor ? vendor : "", vendor && device ? " " : "",
			 device ? device : "");
	} else {
		out_cell_str(t, COL_CLASS, iommu_member_get_bus(m));
	}
	out_cell_str(t, COL_NAME, name[0] ? name : NULL);
	out_cell_str(t, COL_HOST_USE, iommu_member_get_host_use(m));
	out_cell_str(t, COL_BLOCKER, iommu_member_get_blocker(m));
	out_cell_str(t, COL_BUS, iommu_member_get_bus(m));
	out_cell_bool(t, COL_BRIDGE, iommu_member_is_bridge(m));
	out_row_end(t);
}

/* After the table: the groups the host cannot give away, loudly. */
static void warnings(struct out *o, const struct iommu_groups *groups)
{
	const struct iommu_group *g;
	const struct iommu_member *m;

	iommu_groups_foreach(groups, g)
		iommu_group_foreach_member(g, m) {
			if (!iommu_member_get_host_use(m))
				continue;
			out_text_color(o, COLOR_BAD, "WARNING");
			out_text(o, ": group %u holds %s, the host's %s: giving this group to a VM "
				    "(vfio-pci) takes it away from the host\n",
				 iommu_group_get_id(g), iommu_member_get_name(m),
				 iommu_member_get_host_use(m));
		}
}

static int run_groups(struct cli *cli, void *data)
{
	struct groups_opts *opts = data;
	struct iommu_devices *devices = NULL;
	struct iommu_groups *groups;
	const struct iommu_group *g;
	const struct iommu_member *m;
	struct out_table *t;
	char *bad = NULL;
	int code, r;

	r = iommu_groups_new(cli->ctx, &groups);
	if (r == -ENOENT) {
		out_text(cli->out, "no IOMMU groups: this kernel has no IOMMU support (/sys/kernel/iommu_groups is missing)\n");
		out_begin_array(cli->out, "groups");
		out_end_array(cli->out);
		return EXIT_BAD;
	}
	if (r < 0)
		return cli_error(cli, r, "cannot read the IOMMU groups");
	/* For class and device names; without them the groups are still told. */
	if (iommu_devices_new(cli->ctx, &devices) < 0)
		devices = NULL;
	t = out_table_new(cli->out, "groups", columns, sizeof(columns) / sizeof(columns[0]),
			  opts->columns, &bad);
	if (!t) {
		code = bad ? (fprintf(stderr, "iommutool: unknown column '%s' (try --help)\n", bad),
				  EXIT_USAGE)
			       : cli_error(cli, -ENOMEM, "cannot list groups");
		free(bad);
		iommu_devices_unref(devices);
		iommu_groups_unref(groups);
		return code;
	}
	out_table_nest(t, "members");
	iommu_groups_foreach(groups, g) {
		group_cells(t, g);
		iommu_group_foreach_member(g, m)
			member_row(t, m, devices);
		out_outer_end(t);
	}
	out_table_end(t);
	/* No group is the answer "no IOMMU", as status's exit code 2 says. */
	code = iommu_groups_get_first(groups) ? EXIT_CLEAN : EXIT_BAD;
	if (code == EXIT_BAD)
		out_text(cli->out, "no IOMMU groups: no IOMMU is enabled (iommutool status says why)\n");
	warnings(cli->out, groups);
	iommu_devices_unref(devices);
	iommu_groups_unref(groups);
	return code;
}

const struct iommutool_cmd cmd_groups = {
	.name = "groups",
	.summary = "Each IOMMU group: type, members, and whether VFIO can have it",
	.doc = "One row per group member.  A group is viable for VFIO when every member is bound to "
	       "vfio-pci, pci-stub, pcieport or nothing; the BLOCKER column says which driver holds "
	       "it.  A WARNING line names each group holding the device of the host's root file "
	       "system or default-route interface.  The ACS column needs root (extended "
	       "configuration space).\n\n"
	       "Columns: group, type, vfio, device, driver, class, host_use; with -o also blocker, "
	       "bus, name, bridge, acs, regions.",
	.options = groups_options,
	.parse = parse_groups,
	.opts_size = sizeof(struct groups_opts),
	.run = run_groups,
	.columns = columns,
	.ncolumns = sizeof(columns) / sizeof(columns[0]),
};
