// SPDX-License-Identifier: MIT
/* iommutool devices: each device, the IOMMU unit that serves it per firmware and per kernel. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iommutool.h"

struct devices_opts {
	const char *columns;
	bool tree;
};

enum { OPT_OUTPUT = 'o', OPT_TREE = 't' };

static const struct argp_option devices_options[] = {
	{ "output", OPT_OUTPUT, "COLUMNS", 0, "Columns to show, comma-separated (listed below)", 0 },
	{ "tree", OPT_TREE, NULL, 0, "Show IOMMU units, then the bridges and devices below them", 0 },
	{ NULL }
};

enum { COL_DEVICE, COL_ID, COL_CLASS, COL_DRIVER, COL_GROUP, COL_UNIT, COL_FIRMWARE, COL_ATS,
       COL_RESERVED, COL_NAME, COL_BUS, COL_VENDOR_ID, COL_DEVICE_ID, COL_CLASS_CODE, COL_VENDOR,
       COL_PARENT, COL_DISAGREE, COL_AWAITS_DRIVER, COL_FIRMWARE_ID };

static const struct out_column columns[] = {
	[COL_DEVICE] = { "device", "DEVICE", COL_STRING, 0, "PCI address or device name" },
	[COL_ID] = { "id", "ID", COL_STRING, 0, "vendor:device ID (PCI)" },
	[COL_CLASS] = { "class", "CLASS", COL_STRING, 0, "PCI class name, or the bus" },
	[COL_DRIVER] = { "driver", "DRIVER", COL_STRING, 0, "bound driver" },
	[COL_GROUP] = { "group", "GROUP", COL_UINT, COL_RIGHT, "IOMMU group" },
	[COL_UNIT] = { "unit", "UNIT", COL_STRING, 0, "IOMMU unit per the kernel (sysfs)" },
	[COL_FIRMWARE] = { "firmware_unit", "FIRMWARE", COL_STRING, 0,
			   "IOMMU unit per the DMAR/IVRS/IORT table; none: not translated" },
	[COL_ATS] = { "ats", "ATS", COL_BOOL, 0, "ATS capability (needs root to read)" },
	[COL_RESERVED] = { "reserved", "RESERVED", COL_RANGES, 0,
			   "direct-mapped regions of its group (RMRR, IVMD, RMR)" },
	[COL_NAME] = { "name", "NAME", COL_STRING, 0, "vendor and device name (pci.ids)" },
	[COL_BUS] = { "bus", "BUS", COL_STRING, COL_EXTRA, "bus: pci, platform, acpi, ..." },
	[COL_VENDOR_ID] = { "vendor_id", "VENDOR ID", COL_UINT, COL_EXTRA, "PCI vendor ID" },
	[COL_DEVICE_ID] = { "device_id", "DEVICE ID", COL_UINT, COL_EXTRA, "PCI device ID" },
	[COL_CLASS_CODE] = { "class_code", "CLASS CODE", COL_HEX, COL_EXTRA,
			     "class, sub-class, programming interface" },
	[COL_VENDOR] = { "vendor", "VENDOR", COL_STRING, COL_EXTRA, "vendor name (pci.ids)" },
	[COL_PARENT] = { "parent", "PARENT", COL_STRING, COL_EXTRA, "the PCI bridge above it" },
	[COL_DISAGREE] = { "disagree", "DISAGREE", COL_BOOL, COL_EXTRA,
			   "firmware and kernel name different units" },
	[COL_AWAITS_DRIVER] = { "awaits_driver", "AWAITS DRIVER", COL_BOOL, COL_EXTRA,
				"joins its firmware unit when a driver binds (ACPI on Arm); none is bound" },
	[COL_FIRMWARE_ID] = { "firmware_id", "FW ID", COL_HEX, COL_EXTRA,
			      "the ID the firmware's unit sees: DMAR source-id, IVRS requester ID after aliases, IORT StreamID" },
};

static error_t parse_devices(int key, char *arg, struct argp_state *state)
{
	struct devices_opts *opts = state->input;

	switch (key) {
	case OPT_OUTPUT:
		opts->columns = arg;
		break;
	case OPT_TREE:
		opts->tree = true;
		break;
	case ARGP_KEY_END:
		if (opts->tree && opts->columns)
			argp_error(state, "--tree and --output do not combine");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

/* The regions firmware asked to keep identity-mapped, known for a device in a group. */
static void reserved_cell(struct out_table *t, const struct iommu_device *d)
{
	const struct iommu_region *r;

	if (iommu_device_get_group(d) < 0)
		return;
	out_cell_ranges(t, COL_RESERVED);
	for (r = iommu_device_get_first_region(d); r; r = iommu_region_get_next(r))
		if (strncmp(iommu_region_get_type(r), "direct", 6) == 0)
			out_cell_range(t, COL_RESERVED, iommu_region_get_start(r),
				       iommu_region_get_end(r), iommu_region_get_type(r));
}

static void name_text(const struct iommu_device *d, char *buf, size_t size)
{
	const char *vendor = iommu_device_get_vendor_name(d), *device = iommu_device_get_device_name(d);

	snprintf(buf, size, "%s%s%s", vendor ? vendor : "", vendor && device ? " " : "",
		 device ? device : "");
}

static void device_row(struct out_table *t, const struct iommu_device *d)
{
	const char *firmware = NULL;
	char buf[512];
	uint32_t id;
	int r = iommu_device_get_firmware_unit(d, &firmware);
	int ats = iommu_device_get_ats(d);
	bool pci = iommu_device_is_pci(d);

	out_cell_str(t, COL_DEVICE, iommu_device_get_name(d));
	if (pci) {
		snprintf(buf, sizeof(buf), "%04x:%04x", iommu_device_get_vendor_id(d),
			 iommu_device_get_device_id(d));
		out_cell_str(t, COL_ID, buf);
		out_cell_str(t, COL_CLASS, iommu_device_get_class_name(d));
		out_cell_uint(t, COL_VENDOR_ID, iommu_device_get_vendor_id(d));
		out_cell_uint(t, COL_DEVICE_ID, iommu_device_get_device_id(d));
		out_cell_hex(t, COL_CLASS_CODE, iommu_device_get_class(d), 6);
		out_cell_str(t, COL_VENDOR, iommu_device_get_vendor_name(d));
		name_text(d, buf, sizeof(buf));
		out_cell_str(t, COL_NAME, buf[0] ? buf : NULL);
	} else {
		out_cell_str(t, COL_CLASS, iommu_device_get_bus(d));
	}
	out_cell_str(t, COL_DRIVER, iommu_device_get_driver(d));
	if (iommu_device_get_group(d) >= 0)
		out_cell_uint(t, COL_GROUP, (uint64_t)iommu_device_get_group(d));
	out_cell_str(t, COL_UNIT, iommu_device_get_kernel_unit(d));
	out_cell_str(t, COL_FIRMWARE, r == 0 ? firmware : r == -ENOENT ? "none" : NULL);
	if (iommu_device_get_firmware_id(d, &id) == 0)
		out_cell_hex(t, COL_FIRMWARE_ID, id, 4);
	if (ats >= 0)
		out_cell_bool(t, COL_ATS, ats == 1);
	reserved_cell(t, d);
	out_cell_str(t, COL_BUS, iommu_device_get_bus(d));
	out_cell_str(t, COL_PARENT, iommu_device_get_parent(d));
	out_cell_bool(t, COL_DISAGREE, iommu_device_units_disagree(d));
	out_cell_bool(t, COL_AWAITS_DRIVER, iommu_device_awaits_driver(d));
	out_row_end(t);
}

static void disagreements(struct out *o, const struct iommu_devices *devices)
{
	const struct iommu_device *d;

	iommu_devices_foreach(devices, d) {
		const char *firmware = NULL, *kernel = iommu_device_get_kernel_unit(d);

		if (iommu_device_get_firmware_unit(d, &firmware) < 0)
			firmware = "none";
		if (iommu_device_awaits_driver(d)) {
			out_text(o, "NOTE: %s: no driver is bound; it joins %s when one probes it "
				 "(with ACPI on Arm the kernel attaches a device to its SMMU at probe)\n",
				 iommu_device_get_name(d), firmware);
			continue;
		}
		if (!iommu_device_units_disagree(d))
			continue;
		out_text_color(o, COLOR_WARN, "WARNING");
		out_text(o, ": %s: the firmware names %s, the kernel uses %s\n", iommu_device_get_name(d),
			 firmware, kernel ? kernel : "none");
	}
}

static int list_devices(struct cli *cli, const struct devices_opts *opts,
			const struct iommu_devices *devices)
{
	const struct iommu_device *d;
	struct out_table *t;
	char *bad = NULL;

	t = out_table_new(cli->out, "devices", columns, sizeof(columns) / sizeof(columns[0]),
			  opts->columns, &bad);
	if (!t) {
		int code = bad ? (fprintf(stderr, "iommutool: unknown column '%s' (try --help)\n", bad),
				  EXIT_USAGE)
			       : cli_error(cli, -ENOMEM, "cannot list devices");
		free(bad);
		return code;
	}
	iommu_devices_foreach(devices, d)
		device_row(t, d);
	out_table_end(t);
	if (!iommu_devices_get_first(devices))
		out_text(cli->out, "no PCI devices\n");
	disagreements(cli->out, devices);
	return EXIT_CLEAN;
}

/* ---- the tree: units, then each unit's devices below their bridges ---------- */

static const char *class_text(const struct iommu_device *d)
{
	return iommu_device_is_pci(d) ? iommu_device_get_class_name(d) : iommu_device_get_bus(d);
}

static const char *unit_of(const struct iommu_device *d)
{
	const char *firmware;

	if (iommu_device_get_kernel_unit(d))
		return iommu_device_get_kernel_unit(d);
	return iommu_device_get_firmware_unit(d, &firmware) == 0 ? firmware : NULL;
}

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* D hangs below PARENT in UNIT's tree; a NULL PARENT is the top, where devices whose bridge is another unit's go too. */
static bool child_of(const struct iommu_devices *devices, const struct iommu_device *d,
		     const char *unit, const char *parent)
{
	const char *up = iommu_device_get_parent(d);
	const struct iommu_device *bridge;

	if (!same(unit_of(d), unit))
		return false;
	if (parent)
		return same(up, parent);
	bridge = up ? iommu_devices_find(devices, up) : NULL;
	return !bridge || !same(unit_of(bridge), unit);
}

static void tree_children(struct out *o, const struct iommu_devices *devices, const char *unit,
			  const char *parent, const char *prefix, unsigned int depth)
{
	const struct iommu_device *d, *last = NULL;

	iommu_devices_foreach(devices, d)
		if (child_of(devices, d, unit, parent))
			last = d;
	/* Bridges nest 32 deep at the very most; a loop in a broken snapshot ends here. */
	if (!last || depth > 32)
		return;
	out_begin_array(o, "children");
	iommu_devices_foreach(devices, d) {
		char name[512], deeper[256];

		if (!child_of(devices, d, unit, parent))
			continue;
		out_begin_object(o, NULL);
		out_text(o, "%s%s ", prefix, d == last ? "`-" : "|-");
		out_str(o, "device", "%s", iommu_device_get_name(d));
		out_str(o, "class", " %s", class_text(d));
		name_text(d, name, sizeof(name));
		out_str(o, "name", name[0] ? ": %s" : NULL, name[0] ? name : NULL);
		if (iommu_device_get_group(d) >= 0)
			out_uint(o, "group", " [group %llu]", (uint64_t)iommu_device_get_group(d));
		else
			out_null(o, "group", NULL);
		out_text(o, "\n");
		snprintf(deeper, sizeof(deeper), "%s%s", prefix, d == last ? "   " : "|  ");
		tree_children(o, devices, unit, iommu_device_get_name(d), deeper, depth + 1);
		out_end_object(o);
	}
	out_end_array(o);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int tree_devices(struct cli *cli, const struct iommu_devices *devices)
{
	const struct iommu_device *d;
	struct out *o = cli->out;
	const char **units;
	size_t n = 0, count = 0;
	bool unserved = false;

	iommu_devices_foreach(devices, d)
		count++;
	units = calloc(count ? count : 1, sizeof(*units));
	if (!units)
		return cli_error(cli, -ENOMEM, "cannot list the units");
	/* The units by name, each once; then the devices no unit serves. */
	iommu_devices_foreach(devices, d) {
		if (unit_of(d))
			units[n++] = unit_of(d);
		else
			unserved = true;
	}
	qsort(units, n, sizeof(*units), compare_names);
	out_begin_array(o, "units");
	for (size_t i = 0; i < n; i++) {
		if (i && strcmp(units[i], units[i - 1]) == 0)
			continue;
		out_begin_object(o, NULL);
		out_str(o, "unit", "%s\n", units[i]);
		tree_children(o, devices, units[i], NULL, "", 0);
		out_end_object(o);
	}
	if (unserved) {
		out_begin_object(o, NULL);
		out_null(o, "unit", NULL);
		out_text(o, "no IOMMU\n");
		tree_children(o, devices, NULL, NULL, "", 0);
		out_end_object(o);
	}
	out_end_array(o);
	free(units);
	return EXIT_CLEAN;
}

static int run_devices(struct cli *cli, void *data)
{
	struct devices_opts *opts = data;
	struct iommu_devices *devices;
	int r, code;

	r = iommu_devices_new(cli->ctx, &devices);
	if (r < 0)
		return cli_error(cli, r, "cannot read the devices");
	code = opts->tree ? tree_devices(cli, devices) : list_devices(cli, opts, devices);
	iommu_devices_unref(devices);
	return code;
}

const struct iommutool_cmd cmd_devices = {
	.name = "devices",
	.summary = "Each device and its IOMMU unit, per firmware and per kernel",
	.doc = "Every PCI function, then the IOMMU group members that are not PCI devices.  The unit "
	       "per the firmware comes from the DMAR, IVRS or IORT table as Linux reads it (root "
	       "needed to read the tables); a WARNING line names each device where firmware and "
	       "kernel disagree.\n\n"
	       "Columns: device, id, class, driver, group, unit, firmware_unit, ats, reserved, name; "
	       "with -o also bus, vendor_id, device_id, class_code, vendor, parent, disagree, "
	       "awaits_driver, firmware_id.",
	.options = devices_options,
	.parse = parse_devices,
	.opts_size = sizeof(struct devices_opts),
	.run = run_devices,
	.columns = columns,
	.ncolumns = sizeof(columns) / sizeof(columns[0]),
};
