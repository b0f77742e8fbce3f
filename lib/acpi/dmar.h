/* SPDX-License-Identifier: MIT */
/*
 * The DMAR table inside libiommu: its checks, and a typed view of a decoded
 * DMAR (structures with their device scopes) that the validator and the
 * unit look-up (iommu_dmar_*) work on.
 */
#ifndef LIBIOMMU_DMAR_H
#define LIBIOMMU_DMAR_H

#include "internal.h"
#include "live/pci-topology.h"

/* VT-d 4.1 §8.2 remapping structure types */
enum dmar_type {
	DMAR_TYPE_DRHD = 0,
	DMAR_TYPE_RMRR = 1,
	DMAR_TYPE_ATSR = 2,
	DMAR_TYPE_RHSA = 3,
	DMAR_TYPE_ANDD = 4,
	DMAR_TYPE_SATC = 5,
	DMAR_TYPE_SIDP = 6,
	DMAR_TYPE_COUNT,
};

/* VT-d 4.1 §8.3.1 device scope types */
enum dmar_scope_type {
	DMAR_SCOPE_ENDPOINT = 1,
	DMAR_SCOPE_BRIDGE = 2,
	DMAR_SCOPE_IOAPIC = 3,
	DMAR_SCOPE_HPET = 4,
	DMAR_SCOPE_NAMESPACE = 5,
};

#define DMAR_HEADER_SIZE	48	/* ACPI header, width, flags, reserved */
#define DMAR_FLAG_INTR_REMAP	0x01
#define DMAR_DRHD_INCLUDE_PCI_ALL 0x01
#define DMAR_ATSR_ALL_PORTS	0x01
#define DMAR_SCOPE_HEADER_SIZE	6
/* A scope is at most 255 bytes: 6 of header, then 2 per hop. */
#define DMAR_MAX_HOPS		((255 - DMAR_SCOPE_HEADER_SIZE) / 2)

/* Fields the DMAR view (lib/acpi/dmar-view.c) and decoder read back (FIELD_KEY, lib/internal.h). */
#define DMAR_KEYS(X)                                                                       \
	X(base_address) X(device) X(device_number) X(end_address) X(enumeration_id)        \
	X(flags) X(function) X(host_address_width) X(length) X(object_name)                \
	X(proximity_domain) X(register_base) X(register_set_size) X(segment)               \
	X(start_bus) X(type)
struct dmar_keys { DMAR_KEYS(FIELD_KEY_MEMBER) };
#define DMAR_KEY(k) FIELD_KEY(dmar_keys, k)
/* NODE's field K: its value (0 when NODE lacks it), and whether NODE has it. */
#define DMAR_GET(node, k) dnode_get_u64(node, DMAR_KEY(k), 0)
#define DMAR_HAS(node, k) (iommu_dnode_find_field(node, DMAR_KEY(k)) != NULL)

/* Every DMAR check; dmar_checks[] (lib/acpi/dmar-checks.c) is indexed by these. */
enum dmar_check {
	DMAR_TABLE_TOO_SHORT,
	DMAR_HAW_INVALID,
	DMAR_HAW_IMPLAUSIBLE,
	DMAR_STRUCTURE_TRAILING,
	DMAR_STRUCTURE_ZERO_LENGTH,
	DMAR_STRUCTURE_OVERRUN,
	DMAR_STRUCTURE_TOO_SHORT,
	DMAR_STRUCTURE_UNKNOWN_TYPE,
	DMAR_STRUCTURE_ORDER,
	DMAR_SCOPE_ZERO_LENGTH,
	DMAR_SCOPE_OVERRUN,
	DMAR_SCOPE_BAD_LENGTH,
	DMAR_SCOPE_PATH_EMPTY,
	DMAR_SCOPE_UNKNOWN_TYPE,
	DMAR_SCOPE_WRONG_KIND,
	DMAR_SCOPE_DUPLICATE,
	DMAR_DRHD_NONE,
	DMAR_DRHD_BASE_ZERO,
	DMAR_DRHD_BASE_UNALIGNED,
	DMAR_DRHD_DUPLICATE,
	DMAR_DRHD_OVERLAP,
	DMAR_DRHD_INCLUDE_ALL_MULTIPLE,
	DMAR_DRHD_INCLUDE_ALL_NOT_LAST,
	DMAR_SEGMENT_NO_DRHD,
	DMAR_RMRR_UNALIGNED,
	DMAR_RMRR_EMPTY,
	DMAR_RMRR_OVERLAP,
	DMAR_RMRR_NO_SCOPE,
	DMAR_RMRR_NOT_RESERVED,
	DMAR_ATSR_ALL_PORTS_MULTIPLE,
	DMAR_ATSR_ALL_PORTS_SCOPE,
	DMAR_ATSR_DUPLICATE,
	DMAR_SATC_DUPLICATE,
	DMAR_RHSA_NO_DRHD,
	DMAR_RHSA_INCOMPLETE,
	DMAR_ANDD_UNTERMINATED,
	DMAR_ANDD_DUPLICATE,
	DMAR_ANDD_NO_SCOPE,
	DMAR_SCOPE_NO_ANDD,
	DMAR_IOAPIC_NOT_IN_MADT,
	DMAR_IOAPIC_MISSING_SCOPE,
	DMAR_HPET_NOT_IN_HPET,
	DMAR_HPET_MISSING_SCOPE,
	DMAR_PCI_NOT_FOUND,
	DMAR_PCI_HOP_NOT_BRIDGE,
	DMAR_PCI_TYPE_MISMATCH,
	DMAR_PCI_UNCOVERED,
	DMAR_CHECK_COUNT,
};

/* dmar_checks[] itself is declared in internal.h, for lib/acpi/checks.c. */
#define DMAR_CHECK(id) (&dmar_checks[id])

/* ---- the typed view of a decoded DMAR (lib/acpi/dmar-view.c) ------------- */

struct dmar_scope {
	const struct iommu_dnode *node;
	uint64_t offset;
	unsigned int type;
	unsigned int length;		/* as the table says */
	unsigned int enumeration_id;
	unsigned int start_bus;
	bool complete;			/* header decoded (type to start bus) */
	size_t structure;		/* index in dmar_view.structures */
	size_t nhops;
	struct pci_path_hop hops[DMAR_MAX_HOPS];
};

struct dmar_structure {
	const struct iommu_dnode *node;
	uint64_t offset;
	unsigned int type;		/* DMAR_TYPE_*, or an unknown value */
	bool complete;			/* every fixed field decoded */
	unsigned int flags;		/* DRHD, ATSR, SATC */
	uint16_t segment;		/* DRHD, RMRR, ATSR, SATC, SIDP */
	uint64_t base;			/* DRHD/RHSA register base, RMRR base */
	uint64_t end;			/* RMRR end (limit) address */
	unsigned int size_log2;		/* DRHD register set: 2^N pages */
	uint32_t proximity_domain;	/* RHSA */
	unsigned int device_number;	/* ANDD */
	const char *name;		/* ANDD object name, as decoded */
	bool name_terminated;		/* ANDD: a NUL ends the name inside the structure */
	size_t first_scope, nscopes;	/* in dmar_view.scopes */
	unsigned int index;		/* among the structures of its type, from 0 */
};

struct dmar_view {
	unsigned int width_raw;		/* Host Address Width field (HAW - 1) */
	unsigned int flags;
	bool header_complete;
	struct dmar_structure *structures;
	size_t nstructures;
	struct dmar_scope *scopes;
	size_t nscopes;
};

/* Build the view of ROOT, the tree dmar_decode() made of DATA; -ENOMEM or 0. */
int dmar_view_new(const struct iommu_dnode *root, const uint8_t *data, size_t size,
		  struct dmar_view **ret_view);
void dmar_view_free(struct dmar_view *view);
const char *dmar_scope_type_name(unsigned int type);
/* "00:1c.0/00.0": the start bus and every hop; BUF of at least DMAR_PATH_TEXT bytes. */
#define DMAR_PATH_TEXT (8 + 6 * DMAR_MAX_HOPS)
char *dmar_scope_path_text(const struct dmar_scope *scope, char *buf, size_t size);

/* ---- the validator (dmar_validate in internal.h, registered in validate.c) */

/* The checks against the sysroot and the other tables (lib/acpi/dmar-validate-system.c). */
int dmar_validate_system(struct validator *v, const struct dmar_view *view);

/* ---- which unit serves a PCI function (lib/acpi/dmar-units.c) ------------ */

/*
 * The kernel's choice (dmar_find_matched_drhd_unit): a unit whose PCI scope
 * names the function or a bridge above it wins, the last such unit in the
 * table first; else the INCLUDE_PCI_ALL unit of the function's segment.
 * TOPOLOGY may be NULL: then only single-hop scopes can name a function.
 * Returns the structure index in VIEW, or -1; *RET_MATCH says how.
 */
ssize_t dmar_find_drhd(const struct dmar_view *view, const struct pci_topology *topology,
		       const struct pci_function *const *resolved, uint16_t segment, uint8_t bus,
		       uint8_t dev, uint8_t fn, enum iommu_dmar_match *ret_match);
/*
 * Whether the PCI function can be looked up: a sysroot with PCI functions has
 * it (without, any function is taken as it comes, single-hop scopes only).
 */
bool dmar_has_function(const struct iommu_dmar *dmar, uint16_t segment, uint8_t bus, uint8_t dev,
		       uint8_t fn);
/* Resolve every PCI scope of VIEW through TOPOLOGY: RESOLVED[i] for scope i, or NULL. */
void dmar_resolve_scopes(const struct dmar_view *view, const struct pci_topology *topology,
			 const struct pci_function **resolved);

#endif
