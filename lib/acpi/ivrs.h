/* SPDX-License-Identifier: MIT */
/*
 * The IVRS (AMD-Vi) and VIOT tables inside libiommu: block and entry codes,
 * the checks, and the expansion of a decoded IVRS into the IOMMU units and the
 * device ids each one serves (lib/acpi/ivrs-devices.c), which the validator and the
 * public look-up (iommu_ivrs_*) share.
 */
#ifndef LIBIOMMU_IVRS_H
#define LIBIOMMU_IVRS_H

#include "internal.h"

/* AMD IOMMU 48882 IVRS: the 36-byte ACPI header, IVinfo, 8 reserved bytes. */
#define IVRS_HEADER_SIZE	48

/* AMD IOMMU 48882 IVRS: block types */
enum ivrs_block_type {
	IVRS_IVHD_10 = 0x10,	/* IVHD, fixed-length entries */
	IVRS_IVHD_11 = 0x11,	/* IVHD with EFR image */
	IVRS_IVMD_ALL = 0x20,	/* IVMD for every device */
	IVRS_IVMD_SELECT = 0x21,	/* IVMD for one device */
	IVRS_IVMD_RANGE = 0x22,	/* IVMD for a range of devices */
	IVRS_IVHD_40 = 0x40,	/* IVHD with EFR image and variable-length (ACPI HID) entries */
};

/* The largest block type Linux considers when it picks the IVHD type to use. */
#define IVRS_IVHD_TYPE_MAX_KNOWN 0x40

#define IVHD_10_SIZE		24
#define IVHD_11_SIZE		40
#define IVMD_SIZE		32

/* AMD IOMMU 48882 IVRS: IVHD device entry types */
enum ivhd_entry_type {
	IVHD_DEV_PAD4 = 0x00,
	IVHD_DEV_ALL = 0x01,
	IVHD_DEV_SELECT = 0x02,
	IVHD_DEV_RANGE_START = 0x03,
	IVHD_DEV_RANGE_END = 0x04,
	IVHD_DEV_PAD8 = 0x40,
	IVHD_DEV_ALIAS_SELECT = 0x42,
	IVHD_DEV_ALIAS_RANGE = 0x43,
	IVHD_DEV_EXT_SELECT = 0x46,
	IVHD_DEV_EXT_RANGE = 0x47,
	IVHD_DEV_SPECIAL = 0x48,
	IVHD_DEV_ACPI_HID = 0xf0,
};

/* Special device varieties (entry 48h) and ACPI HID UID formats (entry F0h). */
enum { IVHD_SPECIAL_IOAPIC = 1, IVHD_SPECIAL_HPET = 2 };
enum { IVHD_UID_NONE = 0, IVHD_UID_INTEGER = 1, IVHD_UID_STRING = 2 };

/* The fixed part of an ACPI HID entry; the UID follows. */
#define IVHD_ACPI_HID_SIZE	22

/* Linux expects the southbridge IOAPIC at 00:14.0 (drivers/iommu/amd/init.c). */
#define IVRS_SB_IOAPIC_DEVID	0x00a0

/* IVMD flags */
#define IVMD_FLAG_UNITY		0x01
#define IVMD_FLAG_EXCLUSION	0x08

/* Bytes of an IVHD's fixed part for TYPE; 0 when TYPE is not an IVHD. */
unsigned int ivhd_header_size(unsigned int type);
/* "Select", "Start of Range", ...; NULL for a type the specification does not define. */
const char *ivhd_entry_name(unsigned int type);

/* Every IVRS check; ivrs_checks[] (lib/acpi/ivrs-validate.c) is indexed by these. */
enum ivrs_check {
	IVRS_BLOCK_ZERO_LENGTH,
	IVRS_BLOCK_TOO_SHORT,
	IVRS_BLOCK_OVERRUN,
	IVRS_BLOCK_TRAILING,
	IVRS_BLOCK_UNKNOWN_TYPE,
	IVRS_ENTRY_OVERRUN,
	IVRS_ENTRY_UNKNOWN_TYPE,
	IVRS_ENTRY_UNKNOWN_LENGTH,
	IVRS_ENTRY_PADDING,
	IVRS_ENTRY_HID_OUTSIDE_40H,
	IVRS_ENTRY_HID_EMPTY,
	IVRS_ENTRY_UID_LENGTH,
	IVRS_REVISION_UNKNOWN,
	IVRS_REVISION_IVHD_40H,
	IVRS_IVHD_NONE,
	IVRS_IVHD_TYPE_UNUSABLE,
	IVRS_IVHD_IGNORED,
	IVRS_IVHD_DUPLICATE,
	IVRS_IVHD_BASE_ZERO,
	IVRS_IVHD_FLAGS_10H_ONLY,
	IVRS_IVHD_EFR_INCONSISTENT,
	IVRS_RANGE_START_WITHOUT_END,
	IVRS_RANGE_END_WITHOUT_START,
	IVRS_RANGE_INVERTED,
	IVRS_RANGE_OVERLAP,
	IVRS_DEVICE_MULTIPLE_UNITS,
	IVRS_ALIAS_CHAIN,
	IVRS_ALIAS_LOOP,
	IVRS_SPECIAL_UNKNOWN_VARIETY,
	IVRS_SPECIAL_DUPLICATE,
	IVRS_IOAPIC_NO_SOUTHBRIDGE,
	IVRS_IOAPIC_NOT_IN_IVRS,
	IVRS_IOAPIC_NOT_IN_MADT,
	IVRS_MADT_ABSENT,
	IVRS_IVMD_EMPTY,
	IVRS_IVMD_LENGTH_UNALIGNED,
	IVRS_IVMD_START_UNALIGNED,
	IVRS_IVMD_WRAPS,
	IVRS_IVMD_RANGE_INVERTED,
	IVRS_IVMD_IGNORED,
	IVRS_IVMD_OVERLAP,
	IVRS_CHECK_COUNT,
};

/* Fields the IVRS validator and decoder read back (FIELD_KEY, lib/internal.h). */
#define IVRS_KEYS(X)                                                                         \
	X(attributes) X(aux_data) X(base_address) X(capability_offset) X(device_id) X(efr)   \
	X(efr2) X(ext_settings) X(feature_reporting) X(flags) X(handle) X(hid) X(iommu_info) \
	X(length) X(memory_length) X(pci_segment) X(settings) X(source_device_id)            \
	X(start_address) X(type) X(uid) X(uid_format) X(uid_length) X(variety)
struct ivrs_keys { IVRS_KEYS(FIELD_KEY_MEMBER) };
#define IVRS_KEY(k) FIELD_KEY(ivrs_keys, k)
/* NODE's field K: its value (0 when NODE lacks it), and whether NODE has it. */
#define IVRS_GET(node, k) dnode_get_u64(node, IVRS_KEY(k), 0)
#define IVRS_HAS(node, k) (iommu_dnode_find_field(node, IVRS_KEY(k)) != NULL)

/* Fields the VIOT validator and decoder read back. */
#define VIOT_KEYS(X)                                                                       \
	X(base_address) X(bdf) X(bdf_end) X(bdf_start) X(output_node) X(segment_end)       \
	X(segment_start)
struct viot_keys { VIOT_KEYS(FIELD_KEY_MEMBER) };
#define VIOT_KEY(k) FIELD_KEY(viot_keys, k)
#define VIOT_GET(node, k) dnode_get_u64(node, VIOT_KEY(k), 0)
#define VIOT_HAS(node, k) (iommu_dnode_find_field(node, VIOT_KEY(k)) != NULL)

/* Every VIOT check; viot_checks[] (lib/acpi/viot-validate.c) is indexed by these. */
enum viot_check {
	VIOT_NODE_OFFSET_INVALID,
	VIOT_NODE_ZERO_LENGTH,
	VIOT_NODE_TOO_SHORT,
	VIOT_NODE_OVERRUN,
	VIOT_NODE_UNKNOWN_TYPE,
	VIOT_NODE_COUNT_MISMATCH,
	VIOT_IOMMU_NONE,
	VIOT_OUTPUT_NODE_INVALID,
	VIOT_PCI_RANGE_INVERTED,
	VIOT_PCI_RANGE_OVERLAP,
	VIOT_MMIO_DUPLICATE,
	VIOT_IOMMU_UNUSED,
	VIOT_CHECK_COUNT,
};


/* ACPI 6.5 VIOT node types */
enum viot_node_type {
	VIOT_NODE_PCI_RANGE = 1,
	VIOT_NODE_MMIO = 2,
	VIOT_NODE_VIRTIO_PCI = 3,
	VIOT_NODE_VIRTIO_MMIO = 4,
};

#define VIOT_HEADER_SIZE	48

/* ---- the expansion: IOMMU units and the devices they serve ------------- */

/*
 * One selection: the device ids one entry (or a Start/End of Range pair) of
 * an IVHD names, with the DTE settings it gives them.
 */
struct iommu_ivrs_selection {
	enum iommu_ivrs_select kind;
	const struct iommu_ivrs_unit *unit;
	uint16_t first, last;		/* device ids (bus << 8 | devfn) */
	uint8_t settings;		/* DTE setting byte */
	uint32_t ext_settings;		/* extended entries (46h, 47h) */
	bool aliased;			/* the devices use REQUESTER as their id */
	uint16_t requester;
	uint8_t handle;			/* special entries: IOAPIC or HPET id */
	char hid[9];			/* ACPI HID entries: the _HID */
	const char *uid_string;		/* its _UID when a string (points into the decode) */
	char uid_integer[24];		/* its _UID when an integer, in decimal */
	bool has_start;			/* a range whose End came after a Start */
	uint64_t offset;		/* the entry (a range: its Start) */
	uint64_t end_offset;		/* a range: its End of Range entry */
};

/* One IVHD of the type in use: one IOMMU. */
struct iommu_ivrs_unit {
	const struct iommu_ivrs *ivrs;
	unsigned int index;		/* Linux names it ivhd<index> */
	unsigned int type;
	uint64_t offset, length;
	uint16_t segment, devid, capability_offset, info;
	uint8_t flags;
	uint64_t base;
	uint32_t features;		/* type 10h feature reporting, 11h/40h attributes */
	uint64_t efr, efr2;		/* types 11h/40h */
	size_t first_selection, nselections;
};

/* An IVMD: memory a range of devices must reach untranslated or 1:1. */
struct ivrs_memory {
	unsigned int type;
	uint8_t flags;
	uint16_t segment, first, last;
	uint64_t start, length;
	uint64_t offset;
};

struct iommu_ivrs {
	int refcount;
	struct iommu_dnode *root;	/* the decode the strings point into */
	unsigned int ivhd_type;		/* the type Linux picks (may be no IVHD type) */
	struct iommu_ivrs_unit *units;
	size_t nunits;
	struct iommu_ivrs_selection *selections;
	size_t nselections;
	struct ivrs_memory *memory;
	size_t nmemory;
	uint64_t *open_starts;		/* Start of Range entries no End of Range closed */
	size_t nopen_starts;
};

/*
 * Expand a decoded IVRS.  ROOT stays the caller's and must outlive the result,
 * whose UID strings point into it (iommu_ivrs_new() hands its decode over).
 */
int ivrs_expand(const struct iommu_dnode *root, struct iommu_ivrs **ret_ivrs);
void ivrs_free(struct iommu_ivrs *ivrs);
/* Does SEL name DEVID? */
static inline bool ivrs_selection_covers(const struct iommu_ivrs_selection *sel, uint16_t devid)
{
	return devid >= sel->first && devid <= sel->last;
}

/* "bb:dd.f" of a 16-bit device id, in BUF. */
const char *ivrs_bdf(uint16_t devid, char buf[static 8]);
/* Show the field KEY of NODE (a device id) as a PCI function too: "00:14.0". */
void dfield_bdf_meaning(struct decoder *d, struct iommu_dnode *node, const char *key);
/* The 7 characters of an EISA id compressed in 32 bits ("PNP0A03"), NUL-terminated. */
void ivrs_eisa_id(uint32_t v, char out[static 8]);

#endif
