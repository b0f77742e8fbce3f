/* SPDX-License-Identifier: MIT */
/*
 * libiommu: read, decode and check what a machine says about its IOMMU.
 *
 * Conventions: objects are opaque and reference counted (*_unref(NULL) is a
 * no-op); functions that can fail return 0 or a negative errno and hand
 * results back through ret_* out-parameters; the library never prints and
 * never exits.  Everything it reads from the file system goes through the
 * context's sysroot.
 */
#ifndef LIBIOMMU_H
#define LIBIOMMU_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- context ------------------------------------------------------------ */

struct iommu_ctx;

typedef void (*iommu_log_fn)(struct iommu_ctx *ctx, int priority,
			     const char *file, int line, const char *fn,
			     const char *format, va_list args);

int iommu_ctx_new(struct iommu_ctx **ret_ctx);
struct iommu_ctx *iommu_ctx_ref(struct iommu_ctx *ctx);
struct iommu_ctx *iommu_ctx_unref(struct iommu_ctx *ctx);
/*
 * Read /sys, /proc and the ACPI tables below DIR instead of "/".  -ENOENT or
 * -ENOTDIR when DIR is not a directory holding sys/ or proc/.
 */
int iommu_ctx_set_sysroot(struct iommu_ctx *ctx, const char *dir);
const char *iommu_ctx_get_sysroot(const struct iommu_ctx *ctx);
/* True when the sysroot is "/", i.e. this machine is being inspected. */
bool iommu_ctx_is_live(const struct iommu_ctx *ctx);
/* Debug log: priorities as syslog's LOG_ERR..LOG_DEBUG; default LOG_ERR, no function. */
void iommu_ctx_set_log_fn(struct iommu_ctx *ctx, iommu_log_fn fn);
void iommu_ctx_set_log_priority(struct iommu_ctx *ctx, int priority);
int iommu_ctx_get_log_priority(const struct iommu_ctx *ctx);
void iommu_ctx_set_userdata(struct iommu_ctx *ctx, void *userdata);
void *iommu_ctx_get_userdata(const struct iommu_ctx *ctx);

/* ---- findings ----------------------------------------------------------- */

/* "No offset": the finding concerns the table or the machine as a whole. */
#define IOMMU_NO_OFFSET UINT64_MAX

enum iommu_severity {
	IOMMU_SEVERITY_INFO,
	IOMMU_SEVERITY_WARNING,
	IOMMU_SEVERITY_ERROR,
};

struct iommu_findings;
struct iommu_finding;

struct iommu_findings *iommu_findings_ref(struct iommu_findings *list);
struct iommu_findings *iommu_findings_unref(struct iommu_findings *list);
struct iommu_finding *iommu_findings_get_first(const struct iommu_findings *list);
struct iommu_finding *iommu_finding_get_next(const struct iommu_finding *finding);
size_t iommu_findings_count(const struct iommu_findings *list);
/* Highest severity present; -1 when the list is empty. */
int iommu_findings_get_max_severity(const struct iommu_findings *list);
/* Stable identifier such as "dmar.rmrr.unaligned". */
const char *iommu_finding_get_id(const struct iommu_finding *finding);
enum iommu_severity iommu_finding_get_severity(const struct iommu_finding *finding);
/* Table signature ("DMAR"), or NULL when the finding is not about one table. */
const char *iommu_finding_get_table(const struct iommu_finding *finding);
/* Byte offset inside the table, or IOMMU_NO_OFFSET. */
uint64_t iommu_finding_get_offset(const struct iommu_finding *finding);
const char *iommu_finding_get_message(const struct iommu_finding *finding);
/* Specification section, e.g. "VT-d 4.1 §8.4". */
const char *iommu_finding_get_reference(const struct iommu_finding *finding);
/*
 * A check that fires three times or more about one table is one finding:
 * its count of occurrences, its message the check's summary, and each
 * occurrence's offset and message (index 0 .. count - 1).  A finding on its
 * own has a count of 1 and itself as occurrence 0.
 */
size_t iommu_finding_get_count(const struct iommu_finding *finding);
uint64_t iommu_finding_get_item_offset(const struct iommu_finding *finding, size_t index);
const char *iommu_finding_get_item_message(const struct iommu_finding *finding, size_t index);
const char *iommu_severity_name(enum iommu_severity severity);

#define iommu_findings_foreach(list, f) \
	for (f = iommu_findings_get_first(list); f; f = iommu_finding_get_next(f))

/* The catalogue of every check a finding can come from. */
struct iommu_check;

/* The INDEXth check (0, 1, ...), or NULL past the last. */
const struct iommu_check *iommu_check_get(size_t index);
const char *iommu_check_get_id(const struct iommu_check *check);
enum iommu_severity iommu_check_get_severity(const struct iommu_check *check);
/* Specification section, or NULL when it is the table's own specification. */
const char *iommu_check_get_reference(const struct iommu_check *check);
const char *iommu_check_get_summary(const struct iommu_check *check);

/* ---- ACPI tables -------------------------------------------------------- */

struct iommu_tables;
struct iommu_table;
struct iommu_problem;

enum iommu_checksum {
	IOMMU_CHECKSUM_OK,
	IOMMU_CHECKSUM_BAD,
	IOMMU_CHECKSUM_UNKNOWN,	/* table truncated: not every byte is there */
	IOMMU_CHECKSUM_NONE,	/* the table has no checksum field (FACS) */
};

int iommu_tables_new(struct iommu_ctx *ctx, struct iommu_tables **ret_tables);
struct iommu_tables *iommu_tables_ref(struct iommu_tables *tables);
struct iommu_tables *iommu_tables_unref(struct iommu_tables *tables);
/*
 * Load every table in <sysroot>/sys/firmware/acpi/tables.  Returns -ENOENT
 * when the directory is missing (no ACPI), -EACCES when it cannot be listed;
 * tables that cannot be read are recorded as problems (usually -EACCES: the
 * files are root-only) with their name known, see iommu_tables_get_unread().
 */
int iommu_tables_load_sysroot(struct iommu_tables *tables);
/*
 * Load a raw table file (as acpidump -b and iasl write them, any number of
 * tables back to back), an acpidump text file, or a directory of either.
 * Inputs that cannot be used are recorded as problems; the return value is
 * the first problem's error, 0 when every input was usable.
 */
int iommu_tables_load_path(struct iommu_tables *tables, const char *path);
/*
 * Load tables from bytes in memory (raw tables back to back, or acpidump
 * text), as if read from a file named SOURCE.  The bytes are copied.
 */
int iommu_tables_load_data(struct iommu_tables *tables, const char *source, const void *data,
			   size_t size);
struct iommu_table *iommu_tables_get_first(const struct iommu_tables *tables);
struct iommu_table *iommu_table_get_next(const struct iommu_table *table);
/* First table with this signature, or NULL. */
struct iommu_table *iommu_tables_find(const struct iommu_tables *tables, const char *signature);
/* Inputs and tables that could not be used, in the order met. */
struct iommu_problem *iommu_tables_get_first_problem(const struct iommu_tables *tables);
struct iommu_problem *iommu_problem_get_next(const struct iommu_problem *problem);

#define iommu_tables_foreach(tables, t) \
	for (t = iommu_tables_get_first(tables); t; t = iommu_table_get_next(t))
#define iommu_tables_foreach_problem(tables, p) \
	for (p = iommu_tables_get_first_problem(tables); p; p = iommu_problem_get_next(p))

/* The file the table came from and the byte offset (raw) or line (text) in it. */
const char *iommu_table_get_source(const struct iommu_table *table);
uint64_t iommu_table_get_source_offset(const struct iommu_table *table);
bool iommu_table_source_is_text(const struct iommu_table *table);
/* Its name where the source gives one ("DMAR", "SSDT3"), else the signature. */
const char *iommu_table_get_name(const struct iommu_table *table);
const char *iommu_table_get_signature(const struct iommu_table *table);
/* The header's Length field, which may exceed the bytes present. */
uint32_t iommu_table_get_length(const struct iommu_table *table);
/* The bytes present: min(Length, bytes available), never less than the header. */
const uint8_t *iommu_table_get_data(const struct iommu_table *table, size_t *ret_size);
bool iommu_table_is_truncated(const struct iommu_table *table);
uint8_t iommu_table_get_revision(const struct iommu_table *table);
uint8_t iommu_table_get_checksum(const struct iommu_table *table);
enum iommu_checksum iommu_table_get_checksum_state(const struct iommu_table *table);
/* The checksum byte that would make the table sum to zero. */
uint8_t iommu_table_get_expected_checksum(const struct iommu_table *table);
const char *iommu_table_get_oem_id(const struct iommu_table *table);
const char *iommu_table_get_oem_table_id(const struct iommu_table *table);
uint32_t iommu_table_get_oem_revision(const struct iommu_table *table);
const char *iommu_table_get_creator_id(const struct iommu_table *table);
uint32_t iommu_table_get_creator_revision(const struct iommu_table *table);
/* DMAR, IVRS, IORT or VIOT. */
bool iommu_table_is_iommu(const struct iommu_table *table);
bool iommu_signature_is_iommu(const char *signature);

/* A source or table that could not be used: where, what, and the errno. */
const char *iommu_problem_get_source(const struct iommu_problem *problem);
/* Byte offset (raw) or line number (text), or IOMMU_NO_OFFSET. */
uint64_t iommu_problem_get_offset(const struct iommu_problem *problem);
bool iommu_problem_offset_is_line(const struct iommu_problem *problem);
/* Negative errno: -ENOENT, -EACCES, -EBADMSG (malformed data), -ENOMEM, ... */
int iommu_problem_get_error(const struct iommu_problem *problem);
const char *iommu_problem_get_message(const struct iommu_problem *problem);

/* ---- decoded structures ------------------------------------------------- */

/*
 * A decode is a tree of nodes (one per structure: a table header, a DRHD, a
 * device scope, an IORT node, ...), each holding fields.  Every field keeps
 * the raw value the firmware wrote next to its meaning.
 */
struct iommu_dnode;
struct iommu_dfield;

enum iommu_dfield_kind {
	IOMMU_DFIELD_UINT,	/* unsigned number, shown in decimal */
	IOMMU_DFIELD_HEX,	/* number whose natural form is hex (flags, ids) */
	IOMMU_DFIELD_ADDR,	/* address or register value */
	IOMMU_DFIELD_BOOL,	/* one bit */
	IOMMU_DFIELD_STRING,	/* text */
	IOMMU_DFIELD_BYTES,	/* opaque bytes */
};

/* Decode any supported table; -EOPNOTSUPP for a signature not understood. */
int iommu_table_decode(struct iommu_table *table, struct iommu_dnode **ret_root);
struct iommu_dnode *iommu_dnode_unref(struct iommu_dnode *root);

/* "drhd", "device_scope", ...: stable, snake_case. */
const char *iommu_dnode_get_kind(const struct iommu_dnode *node);
/* Human title, e.g. "Hardware Unit Definition". */
const char *iommu_dnode_get_title(const struct iommu_dnode *node);
uint64_t iommu_dnode_get_offset(const struct iommu_dnode *node);
uint64_t iommu_dnode_get_length(const struct iommu_dnode *node);
/*
 * A structure its parent's summary already tells (a DMAR path hop, told by
 * the scope's "path"): text shows it only when asked for every field.
 */
bool iommu_dnode_is_detail(const struct iommu_dnode *node);
struct iommu_dnode *iommu_dnode_get_first_child(const struct iommu_dnode *node);
struct iommu_dnode *iommu_dnode_get_next(const struct iommu_dnode *node);
struct iommu_dfield *iommu_dnode_get_first_field(const struct iommu_dnode *node);
struct iommu_dfield *iommu_dfield_get_next(const struct iommu_dfield *field);
struct iommu_dfield *iommu_dnode_find_field(const struct iommu_dnode *node, const char *key);
/* Findings made while decoding (structure problems); only on the root. */
struct iommu_findings *iommu_dnode_get_findings(const struct iommu_dnode *root);

#define iommu_dnode_foreach_child(node, c) \
	for (c = iommu_dnode_get_first_child(node); c; c = iommu_dnode_get_next(c))
#define iommu_dnode_foreach_field(node, f) \
	for (f = iommu_dnode_get_first_field(node); f; f = iommu_dfield_get_next(f))

/* "register_base": stable, snake_case, unique within its node. */
const char *iommu_dfield_get_key(const struct iommu_dfield *field);
/* "Register Base Address". */
const char *iommu_dfield_get_label(const struct iommu_dfield *field);
enum iommu_dfield_kind iommu_dfield_get_kind(const struct iommu_dfield *field);
/* Byte offset in the table and size in bytes; size 0 for a derived value. */
uint64_t iommu_dfield_get_offset(const struct iommu_dfield *field);
unsigned int iommu_dfield_get_size(const struct iommu_dfield *field);
/* A bit field of the field before it: its lowest bit and width; width 0 otherwise. */
unsigned int iommu_dfield_get_bit_shift(const struct iommu_dfield *field);
unsigned int iommu_dfield_get_bit_width(const struct iommu_dfield *field);
uint64_t iommu_dfield_get_u64(const struct iommu_dfield *field);
/* STRING: the text (non-printable bytes escaped); BYTES: the bytes. */
const char *iommu_dfield_get_string(const struct iommu_dfield *field);
const uint8_t *iommu_dfield_get_bytes(const struct iommu_dfield *field, size_t *ret_size);
/* What the value means ("PCI Endpoint", "39 bits"), or NULL. */
const char *iommu_dfield_get_meaning(const struct iommu_dfield *field);
/* Shown on the node's one-line summary. */
bool iommu_dfield_is_summary(const struct iommu_dfield *field);

/* ---- validation --------------------------------------------------------- */

/* Also check against the sysroot's PCI devices and its other tables (MADT, HPET, memory map). */
#define IOMMU_VALIDATE_SYSTEM (1u << 0)

/*
 * Check TABLE, one of TABLES (the others serve cross-table checks), against
 * its specification and what Linux, Xen and fwts require.  The findings
 * include the decode's.  -EOPNOTSUPP for a table without a validator.
 */
int iommu_table_validate(struct iommu_table *table, const struct iommu_tables *tables,
			 unsigned int flags, struct iommu_findings **ret_findings);

/* ---- Intel VT-d: DMAR remapping units and the PCI functions they serve (lib/acpi/dmar-units.c) */

/*
 * The DRHD units of a DMAR table (VT-d 4.1 §8.3), their device scopes
 * resolved hop by hop through the bridges of the context's sysroot as Linux
 * resolves them (dmar_insert_dev_scope), to answer "which remapping unit
 * serves 0000:00:02.0" the way Linux does (dmar_find_matched_drhd_unit).
 */
struct iommu_dmar;
struct iommu_dmar_unit;

enum iommu_dmar_match {
	IOMMU_DMAR_MATCH_NONE,		/* no unit serves the function: its DMA is not remapped */
	IOMMU_DMAR_MATCH_DEVICE,	/* a scope of the unit names the function */
	IOMMU_DMAR_MATCH_BRIDGE,	/* a scope names a bridge above the function */
	IOMMU_DMAR_MATCH_INCLUDE_ALL,	/* the INCLUDE_PCI_ALL unit of the function's segment */
};

/*
 * TABLE must be a DMAR (-EINVAL otherwise).  The PCI functions come from
 * CTX's sysroot; when it has none (a table file without a snapshot) only
 * scopes of one hop can name a function.
 */
int iommu_dmar_new(struct iommu_ctx *ctx, struct iommu_table *table, struct iommu_dmar **ret_dmar);
struct iommu_dmar *iommu_dmar_ref(struct iommu_dmar *dmar);
struct iommu_dmar *iommu_dmar_unref(struct iommu_dmar *dmar);
/* The DRHD units in table order. */
struct iommu_dmar_unit *iommu_dmar_get_first_unit(const struct iommu_dmar *dmar);
struct iommu_dmar_unit *iommu_dmar_unit_get_next(const struct iommu_dmar_unit *unit);
/*
 * The unit serving PCI function SEGMENT:BUS:DEV.FN, and how it was chosen;
 * -ENODEV (and IOMMU_DMAR_MATCH_NONE) when no unit serves it.
 */
int iommu_dmar_find_unit(const struct iommu_dmar *dmar, uint16_t segment, uint8_t bus,
			 uint8_t dev, uint8_t fn, struct iommu_dmar_unit **ret_unit,
			 enum iommu_dmar_match *ret_match);
/* "none", "device", "bridge", "include_all". */
const char *iommu_dmar_match_name(enum iommu_dmar_match match);

/* Position among the table's DRHDs, from 0. */
unsigned int iommu_dmar_unit_get_index(const struct iommu_dmar_unit *unit);
/* Byte offset of the DRHD in the table. */
uint64_t iommu_dmar_unit_get_offset(const struct iommu_dmar_unit *unit);
/* The register base: the kernel's /sys/class/iommu/dmarN/intel-iommu/address. */
uint64_t iommu_dmar_unit_get_register_base(const struct iommu_dmar_unit *unit);
uint16_t iommu_dmar_unit_get_segment(const struct iommu_dmar_unit *unit);
bool iommu_dmar_unit_is_include_pci_all(const struct iommu_dmar_unit *unit);

#define iommu_dmar_foreach_unit(dmar, u) \
	for (u = iommu_dmar_get_first_unit(dmar); u; u = iommu_dmar_unit_get_next(u))

/* ---- Intel VT-d capability registers (lib/unit/vtd-regs.c) --------------- */

/*
 * CAP_REG and ECAP_REG (VT-d 4.1 §11.4.2, §11.4.3) as a decoded tree: a node
 * per register, a field per bit field with its meaning, as
 * /sys/class/iommu/dmarN/intel-iommu/{cap,ecap} or a register dump give
 * them.  HAVE_CAP / HAVE_ECAP say which values are given.
 */
int iommu_vtd_caps_decode(uint64_t cap, bool have_cap, uint64_t ecap, bool have_ecap,
			  struct iommu_dnode **ret_root);

/* ---- AMD-Vi: the IOMMU units of an IVRS and the devices they serve ------ */

/*
 * An IVRS read as Linux reads it (drivers/iommu/amd/init.c).  Firmware lists
 * each IOMMU in several IVHD types (10h, 11h, 40h); Linux uses one type for
 * the whole table: walking the blocks in order and stopping at the first of
 * a type above 40h, the type of the last block whose device id equals the
 * first block's.  The IVHDs of that type are the units, numbered in table
 * order (Linux's ivhd0, ivhd1, ...); the others are ignored.  Each unit's
 * device entries resolve to selections: device ids with the DTE settings the
 * entry gives them.  A device id (bus << 8 | devfn) is served by the last
 * unit of its segment whose selections name it (an IOMMU never serves its
 * own id); its settings are those of the narrowest selection naming it with
 * non-zero settings (the first of equal width); its requester id is the
 * alias target of the last alias entry naming it, else itself.
 */
struct iommu_ivrs;
struct iommu_ivrs_unit;
struct iommu_ivrs_selection;
struct iommu_ivrs_device;

/* What a selection comes from. */
enum iommu_ivrs_select {
	IOMMU_IVRS_SELECT_ALL,		/* Select All (01h): every device id */
	IOMMU_IVRS_SELECT_ONE,		/* Select (02h), Alias Select (42h), Extended Select (46h) */
	IOMMU_IVRS_SELECT_RANGE,	/* Start of Range (03h, 43h, 47h) to End of Range (04h) */
	IOMMU_IVRS_SELECT_ALIAS_TARGET,	/* the requester id an alias entry names */
	IOMMU_IVRS_SELECT_IOAPIC,	/* Special (48h), an IOAPIC */
	IOMMU_IVRS_SELECT_HPET,		/* Special (48h), an HPET */
	IOMMU_IVRS_SELECT_ACPI_HID,	/* ACPI HID device (F0h), type 40h IVHDs only */
};

/* DTE setting byte of a device entry (AMD IOMMU 48882 §5.2.2.2). */
#define IOMMU_IVRS_DTE_INIT_PASS	0x01
#define IOMMU_IVRS_DTE_EINT_PASS	0x02
#define IOMMU_IVRS_DTE_NMI_PASS		0x04
/* SysMgt: 0 target abort, 1 passed untranslated, 2 INTx passed untranslated, 3 translated. */
#define IOMMU_IVRS_DTE_SYS_MGT_MASK	0x30
#define IOMMU_IVRS_DTE_SYS_MGT_SHIFT	4
#define IOMMU_IVRS_DTE_LINT0_PASS	0x40
#define IOMMU_IVRS_DTE_LINT1_PASS	0x80
/* Extended DTE setting of entries 46h and 47h. */
#define IOMMU_IVRS_EXT_ATS_DISABLED	0x80000000u

/* Expand TABLE, an IVRS: -EINVAL for another table, else iommu_table_decode()'s errors. */
int iommu_ivrs_new(struct iommu_table *table, struct iommu_ivrs **ret_ivrs);
struct iommu_ivrs *iommu_ivrs_ref(struct iommu_ivrs *ivrs);
struct iommu_ivrs *iommu_ivrs_unref(struct iommu_ivrs *ivrs);
/* The IVHD type Linux uses; when that is no IVHD type, Linux fails and there are no units. */
unsigned int iommu_ivrs_get_ivhd_type(const struct iommu_ivrs *ivrs);
struct iommu_ivrs_unit *iommu_ivrs_get_first_unit(const struct iommu_ivrs *ivrs);
struct iommu_ivrs_unit *iommu_ivrs_unit_get_next(const struct iommu_ivrs_unit *unit);

#define iommu_ivrs_foreach_unit(ivrs, u) \
	for (u = iommu_ivrs_get_first_unit(ivrs); u; u = iommu_ivrs_unit_get_next(u))

/* Its number: Linux's ivhd<index>. */
unsigned int iommu_ivrs_unit_get_index(const struct iommu_ivrs_unit *unit);
unsigned int iommu_ivrs_unit_get_type(const struct iommu_ivrs_unit *unit);
/* Offset of its IVHD in the table. */
uint64_t iommu_ivrs_unit_get_offset(const struct iommu_ivrs_unit *unit);
uint16_t iommu_ivrs_unit_get_segment(const struct iommu_ivrs_unit *unit);
/* The IOMMU's own PCI function (bus << 8 | devfn). */
uint16_t iommu_ivrs_unit_get_device_id(const struct iommu_ivrs_unit *unit);
uint16_t iommu_ivrs_unit_get_capability_offset(const struct iommu_ivrs_unit *unit);
uint64_t iommu_ivrs_unit_get_base_address(const struct iommu_ivrs_unit *unit);
uint8_t iommu_ivrs_unit_get_flags(const struct iommu_ivrs_unit *unit);
/* IOMMU Info: MSI number in bits 4:0, unit id in bits 12:8. */
uint16_t iommu_ivrs_unit_get_info(const struct iommu_ivrs_unit *unit);
/* The EFR and EFR2 images (types 11h and 40h; 0 for type 10h). */
uint64_t iommu_ivrs_unit_get_efr(const struct iommu_ivrs_unit *unit);
uint64_t iommu_ivrs_unit_get_efr2(const struct iommu_ivrs_unit *unit);

/* The unit's selections in table order. */
struct iommu_ivrs_selection *iommu_ivrs_unit_get_first_selection(const struct iommu_ivrs_unit *unit);
struct iommu_ivrs_selection *iommu_ivrs_selection_get_next(const struct iommu_ivrs_selection *sel);

#define iommu_ivrs_unit_foreach_selection(unit, s) \
	for (s = iommu_ivrs_unit_get_first_selection(unit); s; s = iommu_ivrs_selection_get_next(s))

enum iommu_ivrs_select iommu_ivrs_selection_get_kind(const struct iommu_ivrs_selection *sel);
const struct iommu_ivrs_unit *iommu_ivrs_selection_get_unit(const struct iommu_ivrs_selection *sel);
/* The device ids selected, first to last inclusive. */
uint16_t iommu_ivrs_selection_get_first(const struct iommu_ivrs_selection *sel);
uint16_t iommu_ivrs_selection_get_last(const struct iommu_ivrs_selection *sel);
uint8_t iommu_ivrs_selection_get_settings(const struct iommu_ivrs_selection *sel);
uint32_t iommu_ivrs_selection_get_ext_settings(const struct iommu_ivrs_selection *sel);
/* Alias entries: true, and the requester id the devices use in *ret_requester_id. */
bool iommu_ivrs_selection_get_alias(const struct iommu_ivrs_selection *sel,
				    uint16_t *ret_requester_id);
/* IOAPIC or HPET selections: the IOAPIC id or HPET number. */
uint8_t iommu_ivrs_selection_get_handle(const struct iommu_ivrs_selection *sel);
/* ACPI HID selections: the _HID and _UID ("" when none); NULL otherwise. */
const char *iommu_ivrs_selection_get_hid(const struct iommu_ivrs_selection *sel);
const char *iommu_ivrs_selection_get_uid(const struct iommu_ivrs_selection *sel);
/* Offset in the table of the entry (a range: of its Start of Range entry). */
uint64_t iommu_ivrs_selection_get_offset(const struct iommu_ivrs_selection *sel);

/*
 * What the IVRS says of device SEGMENT:DEVID; -ENOENT when no unit serves it
 * (an IOMMU's own device id included), -ENOMEM.
 */
int iommu_ivrs_lookup(const struct iommu_ivrs *ivrs, uint16_t segment, uint16_t devid,
		      struct iommu_ivrs_device **ret_device);
struct iommu_ivrs_device *iommu_ivrs_device_unref(struct iommu_ivrs_device *device);
const struct iommu_ivrs_unit *iommu_ivrs_device_get_unit(const struct iommu_ivrs_device *device);
/* The last selection of that unit naming the device. */
const struct iommu_ivrs_selection *
iommu_ivrs_device_get_selection(const struct iommu_ivrs_device *device);
/* DTE settings (0 when no selection naming it gives any) and where they come from (or NULL). */
uint8_t iommu_ivrs_device_get_settings(const struct iommu_ivrs_device *device);
const struct iommu_ivrs_selection *
iommu_ivrs_device_get_settings_selection(const struct iommu_ivrs_device *device);
/* Extended settings of the narrowest extended entry naming the device, else 0. */
uint32_t iommu_ivrs_device_get_ext_settings(const struct iommu_ivrs_device *device);
/* The id the IOMMU sees for the device: the alias target, or the device id itself. */
uint16_t iommu_ivrs_device_get_requester_id(const struct iommu_ivrs_device *device);
bool iommu_ivrs_device_is_aliased(const struct iommu_ivrs_device *device);

/* ---- Arm IORT: the node graph and where IDs go (lib/acpi/iort-trace.c) --- */

/*
 * The nodes of an IORT (Arm DEN 0049) and the ID mappings between them: from
 * a root complex's requester ID or a named component, through the SMMUs (the
 * StreamID) to the ITS group (the DeviceID), and back.
 */
struct iommu_iort;
struct iommu_iort_node;
struct iommu_iort_mapping;
struct iommu_iort_path;

/* Node types (DEN 0049 E.g §3.1.1); other values are types no issue defines. */
enum iommu_iort_node_type {
	IOMMU_IORT_ITS_GROUP = 0,
	IOMMU_IORT_NAMED_COMPONENT = 1,
	IOMMU_IORT_ROOT_COMPLEX = 2,
	IOMMU_IORT_SMMU_V1V2 = 3,
	IOMMU_IORT_SMMU_V3 = 4,
	IOMMU_IORT_PMCG = 5,
	IOMMU_IORT_RMR = 6,
	IOMMU_IORT_IWB = 7,
};

/* Why a path ends. */
enum iommu_iort_end {
	IOMMU_IORT_END_ITS_GROUP,	/* at an ITS group: the last ID is the DeviceID */
	IOMMU_IORT_END_NO_MAPPING,	/* no mapping of the last node takes the ID on */
	IOMMU_IORT_END_NULL_REFERENCE,	/* the mapping taking it on has output reference 0 */
	IOMMU_IORT_END_BAD_REFERENCE,	/* ... or one that is not on a node's header */
	IOMMU_IORT_END_LOOP,		/* the mappings go round in a circle */
	IOMMU_IORT_END_TARGET,		/* a reverse trace's path: at the node asked about */
};

/* TABLE must be an IORT (-EINVAL otherwise); it is decoded as iommu_table_decode does. */
int iommu_iort_new(struct iommu_table *table, struct iommu_iort **ret_iort);
struct iommu_iort *iommu_iort_ref(struct iommu_iort *iort);
struct iommu_iort *iommu_iort_unref(struct iommu_iort *iort);
/* The decoded table, every field of every node. */
const struct iommu_dnode *iommu_iort_get_root(const struct iommu_iort *iort);
/* The nodes in table order. */
size_t iommu_iort_get_node_count(const struct iommu_iort *iort);
const struct iommu_iort_node *iommu_iort_get_node(const struct iommu_iort *iort, size_t index);
/* The node whose header is at OFFSET in the table, or NULL. */
const struct iommu_iort_node *iommu_iort_find_node(const struct iommu_iort *iort, uint64_t offset);
/* The (first) root complex of PCI segment SEGMENT, or NULL. */
const struct iommu_iort_node *iommu_iort_find_root_complex(const struct iommu_iort *iort,
							    uint32_t segment);
/* The (first) named component or IWB whose device object name is NAME, or NULL. */
const struct iommu_iort_node *iommu_iort_find_named_component(const struct iommu_iort *iort,
							       const char *name);

/* enum iommu_iort_node_type, or the unknown type's value. */
unsigned int iommu_iort_node_get_type(const struct iommu_iort_node *node);
/* "SMMUv3 @0x48": the type and the offset every reference to the node uses. */
const char *iommu_iort_node_get_label(const struct iommu_iort_node *node);
uint64_t iommu_iort_node_get_offset(const struct iommu_iort_node *node);
/* The node as decoded: every field ("pci_segment", "base_address", "device_name", ...). */
const struct iommu_dnode *iommu_iort_node_get_dnode(const struct iommu_iort_node *node);
/* Its ID mappings (those inside the node), in table order. */
size_t iommu_iort_node_get_mapping_count(const struct iommu_iort_node *node);
const struct iommu_iort_mapping *iommu_iort_node_get_mapping(const struct iommu_iort_node *node,
							      size_t index);
/* The SMMUv3's or PMCG's mapping for its own MSIs, as Linux chooses it; -1 for none. */
int iommu_iort_node_get_msi_mapping_index(const struct iommu_iort_node *node);

/* ID Count is the number of IDs minus one: the range is base .. base + count. */
uint32_t iommu_iort_mapping_get_input_base(const struct iommu_iort_mapping *mapping);
uint32_t iommu_iort_mapping_get_id_count(const struct iommu_iort_mapping *mapping);
uint32_t iommu_iort_mapping_get_output_base(const struct iommu_iort_mapping *mapping);
uint32_t iommu_iort_mapping_get_output_reference(const struct iommu_iort_mapping *mapping);
bool iommu_iort_mapping_is_single(const struct iommu_iort_mapping *mapping);
/* Its position among its node's mappings, from 0. */
unsigned int iommu_iort_mapping_get_index(const struct iommu_iort_mapping *mapping);
/* The node whose header the output reference names, or NULL. */
const struct iommu_iort_node *iommu_iort_mapping_get_target(const struct iommu_iort_mapping *mapping);

/*
 * Follow ID from node FROM through the mappings as Linux does
 * (iort_node_map_id): each node's first mapping whose input range holds the
 * ID, a range's last ID only when no other range takes it, single mappings
 * only in root complexes, named components and IWBs, an SMMU's own MSI
 * mapping never.  The path ends at an ITS group or where no mapping goes on.
 */
int iommu_iort_trace(const struct iommu_iort *iort, const struct iommu_iort_node *from,
		     uint32_t id, struct iommu_iort_path **ret_path);
/*
 * Every path that brings an ID to node TO as ID, each from a node nothing maps
 * into (a root complex's requester ID, a named component, an SMMU's own MSI)
 * and each one the forward walk would take; linked by iommu_iort_path_get_next.
 * NULL when nothing reaches it.  -E2BIG when there are more than 4096 paths
 * (or the search grows too long): *RET_FIRST then holds those found.
 */
int iommu_iort_trace_reverse(const struct iommu_iort *iort, const struct iommu_iort_node *to,
			     uint32_t id, struct iommu_iort_path **ret_first);
/* Frees the path and the ones after it. */
struct iommu_iort_path *iommu_iort_path_unref(struct iommu_iort_path *path);
struct iommu_iort_path *iommu_iort_path_get_next(const struct iommu_iort_path *path);
enum iommu_iort_end iommu_iort_path_get_end(const struct iommu_iort_path *path);
/* "its_group", "no_mapping", "null_reference", "bad_reference", "loop", "target". */
const char *iommu_iort_end_name(enum iommu_iort_end end);
/* Steps: the nodes visited, from 0; the ID at each; the mapping that took it on (NULL at the last). */
size_t iommu_iort_path_get_length(const struct iommu_iort_path *path);
const struct iommu_iort_node *iommu_iort_path_get_node(const struct iommu_iort_path *path,
							size_t step);
uint32_t iommu_iort_path_get_id(const struct iommu_iort_path *path, size_t step);
const struct iommu_iort_mapping *iommu_iort_path_get_mapping(const struct iommu_iort_path *path,
							      size_t step);

#define iommu_iort_foreach_path(first, p) for (p = (first); p; p = iommu_iort_path_get_next(p))

/* ---- memory dumps (lib/mem-*.c) ----------------------------------------- */

/*
 * Physical memory from a dump.  A byte that is not in the dump (filtered by
 * makedumpfile, outside every segment, past the end of a raw image) is never
 * read as zero: reads fail with -ENODATA.
 */
struct iommu_dump;

enum iommu_dump_format {
	IOMMU_DUMP_RAW,		/* memory image: file offset = physical address - base */
	IOMMU_DUMP_ELF,		/* ELF core: /proc/vmcore, makedumpfile -E, QEMU dump-guest-memory */
	IOMMU_DUMP_KDUMP,	/* kdump-compressed (makedumpfile, QEMU -z), read with libkdumpfile */
	IOMMU_DUMP_CALLBACK,	/* memory the caller reads: iommu_dump_new_callback() */
};

/*
 * Open PATH read-only and detect its format; a file of no known format is a
 * raw image of physical memory from address 0.  -ENOENT or -EACCES when it
 * cannot be opened; -EBADMSG for a damaged dump or a container that must be
 * unpacked first (zstd, gzip, xz, flattened makedumpfile), with a static
 * sentence in *RET_REASON (may be NULL) saying which.
 */
int iommu_dump_open(struct iommu_ctx *ctx, const char *path, struct iommu_dump **ret_dump,
		    const char **ret_reason);
/* A raw image whose first byte is physical address BASE. */
int iommu_dump_open_raw(struct iommu_ctx *ctx, const char *path, uint64_t base,
			struct iommu_dump **ret_dump);
/*
 * Read SIZE bytes of physical memory at ADDR into BUF: 0, -ENODATA when
 * they are not present, or another -errno (also read as not present).
 */
typedef int (*iommu_dump_read_fn)(uint64_t addr, void *buf, size_t size, void *userdata);
/*
 * Memory a caller supplies without a file (a crash or drgn extension, a
 * /proc/kcore reader): READ is asked for whole 4 KiB pages, each once while
 * the page cache holds it.  NAME stands where a path would.
 */
int iommu_dump_new_callback(struct iommu_ctx *ctx, const char *name, iommu_dump_read_fn read,
			    void *userdata, struct iommu_dump **ret_dump);
struct iommu_dump *iommu_dump_ref(struct iommu_dump *dump);
struct iommu_dump *iommu_dump_unref(struct iommu_dump *dump);
enum iommu_dump_format iommu_dump_get_format(const struct iommu_dump *dump);
/* "raw", "elf", "kdump-compressed". */
const char *iommu_dump_format_name(enum iommu_dump_format format);
const char *iommu_dump_get_path(const struct iommu_dump *dump);
/* Copy SIZE bytes of physical memory at ADDR; -ENODATA when any of them is not in the dump. */
int iommu_dump_read(struct iommu_dump *dump, uint64_t addr, void *buf, size_t size);
/* Raw and ELF: the INDEXth range of physical memory held, [*ret_start, *ret_end); -ENOENT past the last, -EOPNOTSUPP for compressed dumps. */
int iommu_dump_get_range(const struct iommu_dump *dump, size_t index, uint64_t *ret_start,
			 uint64_t *ret_end);
/*
 * Compressed dumps keep each decompressed page in a cache keyed by its page
 * frame: pages read from the file (each decompressed once while the cache
 * holds it), loads served by the cache, and bytes held.  The cache holds
 * at most BYTES (default 256 MiB), evicting the oldest page first.
 */
uint64_t iommu_dump_get_pages_loaded(const struct iommu_dump *dump);
uint64_t iommu_dump_get_cache_hits(const struct iommu_dump *dump);
size_t iommu_dump_get_cache_size(const struct iommu_dump *dump);
void iommu_dump_set_cache_limit(struct iommu_dump *dump, size_t bytes);

/* ---- what users type (lib/text.c) ------------------------------------------ */

/* A register value or address as register files hold it: hexadecimal, "0x" optional, 64 bits at most; -EINVAL otherwise. */
int iommu_parse_hex(const char *text, uint64_t *ret_value);
/* A PCI requester "[SSSS:]BB:DD.F" (hexadecimal, as lspci prints it): the segment (0 without one) and bus << 8 | devfn; -EINVAL otherwise. */
int iommu_parse_bdf(const char *text, uint16_t *ret_segment, uint16_t *ret_rid);

/* ---- IOMMU register values (lib/unit/regfile.c) -------------------------- */

/*
 * Register values of one or more remapping units, from "NAME VALUE" lines
 * (more columns may stand between: the value is the last) or the kernel's
 * debugfs iommu_regset text.  Names are upper-cased and lose a "_REG"
 * suffix ("RTADDR") and an "SMMU_" prefix ("STRTAB_BASE", "IDR0"); AMD-Vi's
 * device table base and extended features are "DEV_TABLE_BASE" and "EFR"
 * whatever the file calls them (MMIO_DEV_TABLE, EXT_FEATURES, ...); values
 * are hexadecimal, "0x" optional.  '#' starts a comment.  A debugfs
 * "IOMMU: NAME Register Base Address: ADDR" line or a comment "unit at ADDR"
 * starts the next unit.
 */
struct iommu_regs;

/* -EBADMSG when no register value is found. */
int iommu_regs_parse(struct iommu_ctx *ctx, const char *text, size_t size,
		     struct iommu_regs **ret_regs);
int iommu_regs_load(struct iommu_ctx *ctx, const char *path, struct iommu_regs **ret_regs);
struct iommu_regs *iommu_regs_unref(struct iommu_regs *regs);
size_t iommu_regs_get_unit_count(const struct iommu_regs *regs);
/* The unit's name ("dmar0") or NULL; its register base or IOMMU_NO_ADDR. */
const char *iommu_regs_get_unit_name(const struct iommu_regs *regs, size_t unit);
uint64_t iommu_regs_get_unit_base(const struct iommu_regs *regs, size_t unit);
/* 0 and the value, or -ENOENT. */
int iommu_regs_get(const struct iommu_regs *regs, size_t unit, const char *name,
		   uint64_t *ret_value);
/*
 * The unit NAME means (lib/unit/unit-regs.c): its name, register base
 * (hexadecimal) or index; with NAME NULL, the only unit with a table
 * pointer (RTADDR, STRTAB_BASE, DEV_TABLE_BASE), else the first.  -ENOENT:
 * no unit NAME; -ENOTUNIQ: several units have table pointers.
 */
int iommu_regs_find_unit(const struct iommu_regs *regs, const char *name, size_t *ret_unit);

/*
 * Register values built by a caller (or by the kernel's own structures,
 * iommu_kernel_find_units()): an empty set, a unit named NAME (may be NULL)
 * at register BASE (or IOMMU_NO_ADDR), a register's value (names as above).
 */
int iommu_regs_new(struct iommu_regs **ret_regs);
int iommu_regs_add_unit(struct iommu_regs *regs, const char *name, uint64_t base,
			size_t *ret_unit);
int iommu_regs_set(struct iommu_regs *regs, size_t unit, const char *name, uint64_t value);

#define IOMMU_NO_ADDR UINT64_MAX

/* ---- the kernel inside a dump (lib/kernel/) ----------------------------- */

/*
 * What a dump's kernel says about itself, without debuginfo: VMCOREINFO
 * (release, the kernel's page tables, where kallsyms lies), its symbols
 * (kallsyms, or a System.map / /proc/kallsyms given), its types (BTF in the
 * dump, or a file such as that build's /sys/kernel/btf/vmlinux), and from
 * them the IOMMU units as the register values the hardware holds.  A
 * failure returns -errno and leaves a sentence naming what is missing or
 * damaged, and what to give instead, in iommu_kernel_get_problem():
 * -ENOENT a symbol, field or note is missing; -EBADMSG damaged tables, BTF
 * or lists; -ELOOP a list that does not end; -ENODATA memory the dump left
 * out; -EFAULT a pointer that is no mapped kernel address.
 */
struct iommu_kernel;

/* A kernel handle on DUMP (referenced); nothing is read yet. */
int iommu_kernel_new(struct iommu_dump *dump, struct iommu_kernel **ret_kernel);
struct iommu_kernel *iommu_kernel_unref(struct iommu_kernel *kernel);
/* Symbols from this file ("ADDRESS TYPE NAME" lines) instead of kallsyms; moved with KASLR by _stext. */
int iommu_kernel_set_symbols_file(struct iommu_kernel *kernel, const char *path);
/* Types from this BTF file instead of the dump's. */
int iommu_kernel_set_btf_file(struct iommu_kernel *kernel, const char *path);
/* Read VMCOREINFO and set up the kernel's address translation. */
int iommu_kernel_load(struct iommu_kernel *kernel);
/* After a successful load: "6.1.0-56-amd64". */
const char *iommu_kernel_get_release(const struct iommu_kernel *kernel);
/* The last failure, as a sentence; "" when none. */
const char *iommu_kernel_get_problem(const struct iommu_kernel *kernel);
int iommu_kernel_lookup_symbol(struct iommu_kernel *kernel, const char *name, uint64_t *ret_addr);
/* The kernel's command line (saved_command_line), malloc'd. */
int iommu_kernel_get_cmdline(struct iommu_kernel *kernel, char **ret_cmdline);
/*
 * The kernel's log (the printk ring buffer, Linux 5.10+), every record
 * still held as dmesg prints it ("[    2.577495] DMAR: ..."), malloc'd and
 * NUL-terminated; the number of records in *RET_RECORDS.
 */
int iommu_kernel_read_log(struct iommu_kernel *kernel, char **ret_text, size_t *ret_records);
/*
 * Every IOMMU unit on the kernel's lists (VT-d dmar_drhd_units, AMD-Vi
 * amd_iommu_list), as register values: name, register base, and VT-d
 * CAP, ECAP, RTADDR, IRTA, IQA or AMD-Vi EFR, DEV_TABLE_BASE, whichever the
 * kernel set up.  No unit is a set of none.
 */
int iommu_kernel_find_units(struct iommu_kernel *kernel, struct iommu_regs **ret_regs);

/* ---- translation results (lib/walk-*.c) --------------------------------- */

/* Requests. */
#define IOMMU_NO_PASID UINT32_MAX

enum iommu_access {
	IOMMU_ACCESS_ANY,	/* any permission will do; a page with none faults as a read */
	IOMMU_ACCESS_READ,
	IOMMU_ACCESS_WRITE,
};

/* Request flags. */
#define IOMMU_REQ_PRIV	(1u << 0)	/* privileged (supervisor) request */

/* Permissions a translation grants. */
#define IOMMU_PERM_READ		(1u << 0)
#define IOMMU_PERM_WRITE	(1u << 1)
#define IOMMU_PERM_USER		(1u << 2)	/* first stage: user requests allowed */

enum iommu_xlate_status {
	IOMMU_XLATE_OK,
	IOMMU_XLATE_FAULT,		/* the hardware faults (see iommu_xlate_is_suppressed) */
	IOMMU_XLATE_NOT_IN_DUMP,	/* a structure the walk needs is not in the dump */
	IOMMU_XLATE_BLOCKED,		/* abort-DMA mode, SMMUv3 STE abort: aborted, no fault recorded */
	IOMMU_XLATE_UNSUPPORTED,	/* tables in a format iommutool does not walk (SMMUv3 AArch32, big-endian) */
};

/* One step of a walk: a structure entry or a page-table entry read. */
enum iommu_step_kind {
	IOMMU_STEP_ROOT,
	IOMMU_STEP_CONTEXT,
	IOMMU_STEP_PASID_DIR,
	IOMMU_STEP_PASID,
	IOMMU_STEP_SECOND_STAGE,	/* a second-stage (or legacy second-level) paging entry */
	IOMMU_STEP_FIRST_STAGE,
	IOMMU_STEP_L1_STD,		/* SMMUv3: level-1 stream table descriptor */
	IOMMU_STEP_STE,			/* SMMUv3: stream table entry */
	IOMMU_STEP_L1_CD,		/* SMMUv3: level-1 context descriptor */
	IOMMU_STEP_CD,			/* SMMUv3: context descriptor */
	IOMMU_STEP_DTE,			/* AMD-Vi: device table entry */
	IOMMU_STEP_GCR3,		/* AMD-Vi: guest CR3 table entry */
};

/* The outcome of one translation and its walk; reused across translations. */
struct iommu_xlate;

int iommu_xlate_new(struct iommu_xlate **ret_xlate);
struct iommu_xlate *iommu_xlate_unref(struct iommu_xlate *xlate);
enum iommu_xlate_status iommu_xlate_get_status(const struct iommu_xlate *xlate);
/* "ok", "fault", "not_in_dump", "blocked", "unsupported". */
const char *iommu_xlate_status_name(enum iommu_xlate_status status);
/* OK: the physical address, the page (or block) size, IOMMU_PERM_*. */
uint64_t iommu_xlate_get_phys(const struct iommu_xlate *xlate);
uint64_t iommu_xlate_get_page_size(const struct iommu_xlate *xlate);
unsigned int iommu_xlate_get_perm(const struct iommu_xlate *xlate);
/* Domain id from the context or PASID entry; -1 when the walk did not reach it. */
int iommu_xlate_get_domain_id(const struct iommu_xlate *xlate);
/* The PASID the walk used (RID_PASID for a request without one), or IOMMU_NO_PASID. */
uint32_t iommu_xlate_get_pasid(const struct iommu_xlate *xlate);
/*
 * VT-d: "legacy", "pass-through", "second-stage", "first-stage", "nested";
 * SMMUv3: "bypass", "stage-1", "stage-2", "nested"; AMD-Vi: "untranslated",
 * "pass-through", "v1", "v2", "nested"; NULL when not reached.
 */
const char *iommu_xlate_get_mode(const struct iommu_xlate *xlate);
/*
 * FAULT: what the hardware records: the fault reason (FRCD.FR) for VT-d,
 * the event number (F_TRANSLATION 0x10, ...) for SMMUv3, the event code
 * (IO_PAGE_FAULT 2, ...) for AMD-Vi.
 */
unsigned int iommu_xlate_get_fault_reason(const struct iommu_xlate *xlate);
/*
 * FAULT, SMMUv3 and AMD-Vi: the record the unit would write to its event
 * queue (4 64-bit words) or event log (2), as iommu_fault_new_record()
 * decodes it; NULL for VT-d.
 */
const uint64_t *iommu_xlate_get_fault_record(const struct iommu_xlate *xlate,
					     unsigned int *ret_words);
/* OK, SMMUv3: the span of the leaf's contiguous-hint range (a TLB may hold it as one entry), or 0. */
uint64_t iommu_xlate_get_contiguous(const struct iommu_xlate *xlate);
/* FAULT: a fault-processing-disable bit is set, so the fault would not be recorded. */
bool iommu_xlate_is_suppressed(const struct iommu_xlate *xlate);
/* What exactly the walk met: "level 2 entry 0x...: R and W clear"; NULL when OK. */
const char *iommu_xlate_get_detail(const struct iommu_xlate *xlate);
/* Reserved bits the lenient profile let through, or NULL. */
const char *iommu_xlate_get_note(const struct iommu_xlate *xlate);
/* NOT_IN_DUMP: the physical address that is missing. */
uint64_t iommu_xlate_get_missing(const struct iommu_xlate *xlate);
/* The steps, in the order the hardware reads them. */
size_t iommu_xlate_get_step_count(const struct iommu_xlate *xlate);
enum iommu_step_kind iommu_xlate_get_step_kind(const struct iommu_xlate *xlate, size_t step);
/* "root", "context", "pasid_dir", "pasid", "second_stage", "first_stage", "l1std", "ste", "l1cd", "cd", "dte", "gcr3". */
const char *iommu_step_kind_name(enum iommu_step_kind kind);
/* Page-table level (1 = the smallest page's level: Arm's level 3); 0 for the other structures. */
unsigned int iommu_xlate_get_step_level(const struct iommu_xlate *xlate, size_t step);
/* Physical address of the table read, the index in it, and the entry's 64-bit words. */
uint64_t iommu_xlate_get_step_table(const struct iommu_xlate *xlate, size_t step);
unsigned int iommu_xlate_get_step_index(const struct iommu_xlate *xlate, size_t step);
const uint64_t *iommu_xlate_get_step_entry(const struct iommu_xlate *xlate, size_t step,
					   unsigned int *ret_words);
/* Nested translation: the step is part of the second-stage walk of a first-stage table address. */
bool iommu_xlate_step_is_nested(const struct iommu_xlate *xlate, size_t step);

/* Which kind of IOMMU. */
enum iommu_vendor {
	IOMMU_VENDOR_UNKNOWN,
	IOMMU_VENDOR_INTEL,		/* VT-d, DMAR table */
	IOMMU_VENDOR_AMD,		/* AMD-Vi, IVRS table */
	IOMMU_VENDOR_ARM,		/* SMMU, IORT table */
	IOMMU_VENDOR_VIRTIO,		/* virtio-iommu, VIOT table */
};

/* ---- PCI requesters: the unit serving one and the ID it sees (lib/acpi/requester.c) */

/*
 * Which unit the firmware tables say serves PCI requester SEGMENT:BUS:DEV.FN
 * and the ID that unit sees for its requests, found as Linux finds them: the
 * DRHD iommu_dmar_find_unit() names, which sees the source-id (bus << 8 |
 * devfn); the IVHD iommu_ivrs_lookup() names, which sees the requester id of
 * the device's IVRS alias; for the IORT (iort_iommu_configure_id), the first
 * SMMU node, v1/v2 or v3, that the requester ID reaches through the root
 * complex's mappings (iommu_iort_trace()), which sees the ID arriving there:
 * the StreamID.  devices, translate and walk all ask here.
 */
struct iommu_requesters;
struct iommu_requester;

enum iommu_requester_reason {
	IOMMU_REQUESTER_SERVED,		/* a unit serves it */
	IOMMU_REQUESTER_NO_TABLE,	/* no usable DMAR, IVRS or IORT (of the vendor asked for) */
	IOMMU_REQUESTER_NOT_SELECTED,	/* no DRHD scope or INCLUDE_PCI_ALL, no IVHD entry names it */
	IOMMU_REQUESTER_NO_FUNCTION,	/* DMAR: the sysroot's PCI functions, which its scopes
					 * are resolved through, do not include it */
	IOMMU_REQUESTER_NO_ROOT_COMPLEX,	/* the IORT has no root complex for its segment */
	IOMMU_REQUESTER_NOT_MAPPED,	/* the root complex's mappings bring its ID to no SMMU */
};

enum iommu_requester_unit {
	IOMMU_REQUESTER_NO_UNIT,
	IOMMU_REQUESTER_DRHD,		/* a VT-d remapping unit (DMAR DRHD) */
	IOMMU_REQUESTER_IVHD,		/* an AMD-Vi unit (IVRS IVHD) */
	IOMMU_REQUESTER_SMMU_V1V2,	/* an IORT SMMUv1/v2 node */
	IOMMU_REQUESTER_SMMU_V3,	/* an IORT SMMUv3 node */
};

/*
 * The DMAR, IVRS or IORT of TABLES, decoded once for many questions: the
 * table of VENDOR, or with IOMMU_VENDOR_UNKNOWN the first present in Linux's
 * order (DMAR, IVRS, IORT).  A table missing or beyond use is no error: every
 * requester then has IOMMU_REQUESTER_NO_TABLE.  A DMAR resolves its device
 * scopes through the PCI bridges of the tables' context's sysroot.
 */
int iommu_requesters_new(struct iommu_tables *tables, enum iommu_vendor vendor,
			 struct iommu_requesters **ret_requesters);
struct iommu_requesters *iommu_requesters_ref(struct iommu_requesters *requesters);
struct iommu_requesters *iommu_requesters_unref(struct iommu_requesters *requesters);
/* The vendor of the table in use, or IOMMU_VENDOR_UNKNOWN when there is none. */
enum iommu_vendor iommu_requesters_get_vendor(const struct iommu_requesters *requesters);
/*
 * Resolve one requester: 0 and the answer, served or with the reason it is
 * not; -EINVAL for DEV above 31 or FN above 7; -ENOMEM.
 */
int iommu_requesters_resolve(const struct iommu_requesters *requesters, uint16_t segment,
			     uint8_t bus, uint8_t dev, uint8_t fn,
			     struct iommu_requester **ret_requester);
struct iommu_requester *iommu_requester_unref(struct iommu_requester *requester);
enum iommu_requester_reason iommu_requester_get_reason(const struct iommu_requester *requester);
/* The serving unit's kind, register base (IOMMU_NO_ADDR when none) and byte offset of its
 * DRHD, IVHD or IORT node in the table (IOMMU_NO_OFFSET when none). */
enum iommu_requester_unit iommu_requester_get_unit(const struct iommu_requester *requester);
uint64_t iommu_requester_get_unit_base(const struct iommu_requester *requester);
uint64_t iommu_requester_get_unit_offset(const struct iommu_requester *requester);
/* A DRHD's or IVHD's position among its table's units, from 0 (Linux's ivhdN); 0 for an SMMU. */
unsigned int iommu_requester_get_unit_index(const struct iommu_requester *requester);
/*
 * The ID the unit sees: the source-id, the device id after an IVRS alias, the
 * StreamID; without a unit, the requester id itself (bus << 8 | devfn).
 */
uint32_t iommu_requester_get_id(const struct iommu_requester *requester);
/* An IVRS alias gives the requester another device id. */
bool iommu_requester_is_aliased(const struct iommu_requester *requester);

/* ---- one unit's translation structures in a dump (lib/unit/unit.c) ------ */

/*
 * The translation structures of one IOMMU unit in a dump, whatever the
 * unit: a VT-d root table, an SMMUv3 stream table or an AMD-Vi device
 * table.  Translation, enumeration and the address spaces are the same
 * calls for all; what only one kind of unit has follows in its section
 * (iommu_vtd_*, iommu_smmuv3_*, iommu_amdvi_*), and answers 0 or NULL
 * for the other kinds.
 */
struct iommu_translator;

/* RTADDR is RTADDR_REG's value, translation-table-mode bits included. */
int iommu_translator_new_vtd(struct iommu_dump *dump, uint64_t rtaddr,
			     struct iommu_translator **ret_translator);
/* SMMU_STRTAB_BASE and SMMU_STRTAB_BASE_CFG. */
int iommu_translator_new_smmuv3(struct iommu_dump *dump, uint64_t strtab_base,
				uint64_t strtab_base_cfg, struct iommu_translator **ret_translator);
/* The MMIO Device Table Base Address Register, size field included. */
int iommu_translator_new_amdvi(struct iommu_dump *dump, uint64_t dev_table_base,
			       struct iommu_translator **ret_translator);
/* Register NAME's value, as iommu_regs_get() names it: 0, or -ENOENT when there is none. */
typedef int (*iommu_register_fn)(const char *name, uint64_t *ret_value, void *userdata);
/*
 * The unit registers point at: RTADDR (VT-d, bounded by CAP and ECAP when
 * both are there), else STRTAB_BASE with STRTAB_BASE_CFG (SMMUv3, bounded
 * by IDR0..IDR5 when all are there), else DEV_TABLE_BASE (AMD-Vi, bounded
 * by EFR).  -ENOENT: no table pointer; -EINVAL: STRTAB_BASE without
 * STRTAB_BASE_CFG.  *RET_NOTE (or NULL): what the registers leave unbounded.
 */
int iommu_translator_new_registers(struct iommu_dump *dump, iommu_register_fn get, void *userdata,
				   struct iommu_translator **ret_translator, const char **ret_note);
struct iommu_translator *iommu_translator_ref(struct iommu_translator *translator);
struct iommu_translator *iommu_translator_unref(struct iommu_translator *translator);
/* IOMMU_VENDOR_INTEL (VT-d), IOMMU_VENDOR_ARM (SMMUv3) or IOMMU_VENDOR_AMD (AMD-Vi). */
enum iommu_vendor iommu_translator_get_vendor(const struct iommu_translator *translator);
struct iommu_dump *iommu_translator_get_dump(const struct iommu_translator *translator);

/*
 * Translate IOVA for a request from REQUESTER -- the id the unit sees: the
 * source-id (bus << 8 | devfn) for VT-d, the StreamID for SMMUv3, the
 * device id for AMD-Vi -- with PASID (SubstreamID; or IOMMU_NO_PASID),
 * ACCESS and IOMMU_REQ_* FLAGS, as the hardware would.  The outcome goes in
 * XLATE: faults carry the fault reason or event and, for SMMUv3 and
 * AMD-Vi, the record; an SMMUv3 STE that aborts is IOMMU_XLATE_BLOCKED.
 * Returns 0 (whatever the outcome) or -EINVAL.
 */
int iommu_translator_translate(struct iommu_translator *translator, uint32_t requester,
			       uint32_t pasid, uint64_t iova, enum iommu_access access,
			       unsigned int flags, struct iommu_xlate *xlate);

/*
 * An address space: what a device's context entry (VT-d; in scalable mode
 * with one PASID table entry), a stream's STE (SMMUv3; with stage 1, with
 * one context descriptor) or a device's DTE (AMD-Vi; for v2 tables with one
 * GCR3 entry) selects.  Spaces whose entries the hardware would refuse are
 * listed too, with the fault.
 */
struct iommu_space;

typedef int (*iommu_space_fn)(const struct iommu_space *space, void *userdata);
/*
 * Every present context entry (and PASID entry), valid STE (and CD), valid
 * DTE (and GCR3 entry), in requester and PASID order; FN returning non-zero
 * stops and is returned.  -ENODATA when the root, (level 1) stream or
 * device table is not in the dump.
 */
int iommu_translator_foreach_space(struct iommu_translator *translator, iommu_space_fn fn,
				   void *userdata);
/* The id the unit sees (as iommu_translator_translate() takes it) and the PASID or SubstreamID, or IOMMU_NO_PASID. */
uint32_t iommu_space_get_requester(const struct iommu_space *space);
uint32_t iommu_space_get_pasid(const struct iommu_space *space);
/* As iommu_xlate_get_mode(); NULL when the entries are unusable. */
const char *iommu_space_get_mode(const struct iommu_space *space);
/* As iommu_xlate_get_domain_id(): the domain id, an SMMUv3 stream's ASID (VMID with stage 2 alone); -1 when none. */
int iommu_space_get_domain_id(const struct iommu_space *space);

/* A space's page tables. */
enum iommu_stage {
	IOMMU_STAGE_1,		/* VT-d first stage, SMMUv3 stage 1 (TTB0), AMD-Vi guest (v2) tables */
	IOMMU_STAGE_1_UPPER,	/* SMMUv3 stage 1's upper VA range (TTB1) */
	IOMMU_STAGE_2,		/* VT-d second stage (or legacy), SMMUv3 stage 2, AMD-Vi host (v1) tables */
};
/* The levels of a stage's tables (0: not used) and their root. */
unsigned int iommu_space_get_levels(const struct iommu_space *space, enum iommu_stage stage);
uint64_t iommu_space_get_root(const struct iommu_space *space, enum iommu_stage stage);
/* OK, or the fault (or missing structure) met reading the entries, and what exactly. */
enum iommu_xlate_status iommu_space_get_status(const struct iommu_space *space);
/* FAULT: as iommu_xlate_get_fault_reason(). */
unsigned int iommu_space_get_fault_reason(const struct iommu_space *space);
const char *iommu_space_get_detail(const struct iommu_space *space);
/* Reserved bits the lenient profile let through, or NULL. */
const char *iommu_space_get_note(const struct iommu_space *space);

/* A run of IOVAs with one kind of outcome, met enumerating a space. */
struct iommu_mapping;

enum iommu_mapping_kind {
	IOMMU_MAPPING_MAPPED,		/* IOVA -> physical, with permissions */
	IOMMU_MAPPING_NOT_IN_DUMP,	/* a table covering the range is not in the dump */
	IOMMU_MAPPING_INVALID,		/* an entry the hardware would fault on (reserved bits) */
};

/* Enumeration flags. */
#define IOMMU_MAPPINGS_LEAVES	(1u << 0)	/* one call per leaf entry, with its path */

typedef int (*iommu_mapping_fn)(const struct iommu_mapping *mapping, void *userdata);
/*
 * Call FN for every mapping of SPACE in ascending IOVA order: maximal runs
 * of leaves contiguous in IOVA and physical address, with the same
 * permissions and page size, or each leaf with IOMMU_MAPPINGS_LEAVES.  FN
 * returning non-zero stops and is returned.  Pass-through spaces have no
 * tables and no mappings; SMMUv3 TTB1's IOVAs are the upper range.
 */
int iommu_translator_foreach_mapping(struct iommu_translator *translator,
				     const struct iommu_space *space, unsigned int flags,
				     iommu_mapping_fn fn, void *userdata);
/*
 * Every space's mapping of the 4 KiB page holding PHYS ("who can write
 * here"): the 4 KiB of IOVA that reach it; the page size says how large
 * the page-table leaf holding it is.
 */
int iommu_translator_foreach_reverse(struct iommu_translator *translator, uint64_t phys,
				     iommu_mapping_fn fn, void *userdata);
/* The space a mapping belongs to. */
const struct iommu_space *iommu_mapping_get_space(const struct iommu_mapping *mapping);
enum iommu_mapping_kind iommu_mapping_get_kind(const struct iommu_mapping *mapping);
uint64_t iommu_mapping_get_iova(const struct iommu_mapping *mapping);
uint64_t iommu_mapping_get_size(const struct iommu_mapping *mapping);
/* MAPPED: the physical address of the first byte, the leaves' page size, their count and IOMMU_PERM_*. */
uint64_t iommu_mapping_get_phys(const struct iommu_mapping *mapping);
uint64_t iommu_mapping_get_page_size(const struct iommu_mapping *mapping);
uint64_t iommu_mapping_get_leaves(const struct iommu_mapping *mapping);
unsigned int iommu_mapping_get_perm(const struct iommu_mapping *mapping);
/* NOT_IN_DUMP: the missing table's address; INVALID: the entry. */
uint64_t iommu_mapping_get_missing(const struct iommu_mapping *mapping);
uint64_t iommu_mapping_get_entry(const struct iommu_mapping *mapping);
/* IOMMU_MAPPINGS_LEAVES: the entries from the top level down to the leaf (path[0] = top). */
const uint64_t *iommu_mapping_get_path(const struct iommu_mapping *mapping,
				       unsigned int *ret_levels);

/* ---- Intel VT-d: what only its translation structures have (lib/unit/vtd-*.c) */

enum iommu_vtd_ttm {
	IOMMU_VTD_TTM_LEGACY = 0,
	IOMMU_VTD_TTM_SCALABLE = 1,
	IOMMU_VTD_TTM_RESERVED = 2,
	IOMMU_VTD_TTM_ABORT_DMA = 3,
};

/* CAP_REG and ECAP_REG bound address widths, page sizes and features; without them everything the formats can express is accepted. */
void iommu_vtd_set_caps(struct iommu_translator *vtd, uint64_t cap, uint64_t ecap);
/* Fault on reserved bits that real kernels are known to set, instead of noting them. */
void iommu_vtd_set_strict(struct iommu_translator *vtd, bool strict);
uint64_t iommu_vtd_get_rtaddr(const struct iommu_translator *vtd);
enum iommu_vtd_ttm iommu_vtd_get_ttm(const struct iommu_translator *vtd);
/* "legacy", "scalable", "reserved", "abort-dma". */
const char *iommu_vtd_ttm_name(enum iommu_vtd_ttm ttm);
/*
 * Bulk look-ups: translate N addresses of one requester as
 * iommu_translator_translate() would, keeping only where each lands:
 * RET_PHYS[i] and RET_STATUS[i] (an enum iommu_xlate_status).  Second-stage
 * walks of several addresses are interleaved so that their memory loads
 * overlap.  Ask iommu_translator_translate() about an address to learn why
 * it faults.
 */
int iommu_vtd_translate_batch(struct iommu_translator *vtd, uint16_t sid, uint32_t pasid,
			      const uint64_t *iovas, size_t n, enum iommu_access access,
			      unsigned int flags, uint64_t *ret_phys, uint8_t *ret_status);
/* The PASID's entry is the one requests without PASID use (RID_PASID). */
bool iommu_vtd_space_is_rid_pasid(const struct iommu_space *space);
/* Fault processing disabled by the context, PASID directory or PASID entry. */
bool iommu_vtd_space_get_fpd(const struct iommu_space *space);
/* The structure entries read (root, context, PASID directory, PASID), as walk steps. */
size_t iommu_vtd_space_get_step_count(const struct iommu_space *space);
enum iommu_step_kind iommu_vtd_space_get_step_kind(const struct iommu_space *space, size_t step);
uint64_t iommu_vtd_space_get_step_table(const struct iommu_space *space, size_t step);
unsigned int iommu_vtd_space_get_step_index(const struct iommu_space *space, size_t step);
const uint64_t *iommu_vtd_space_get_step_entry(const struct iommu_space *space, size_t step,
					       unsigned int *ret_words);

/* ---- interrupt remapping table and invalidation queue (lib/unit/vtd-irq.c) -- */

/* One interrupt-remapping table entry (VT-d §9.10 remapped, §9.11 posted). */
struct iommu_vtd_irte;

typedef int (*iommu_vtd_irte_fn)(const struct iommu_vtd_irte *irte, void *userdata);
/*
 * Call FN for every present entry of the table IRTA_REG points at, in index
 * order.  -ENODATA when a page of the table is not in the dump (entries
 * before it were reported).
 */
int iommu_vtd_foreach_irte(struct iommu_dump *dump, uint64_t irta, iommu_vtd_irte_fn fn,
			   void *userdata);
unsigned int iommu_vtd_irte_get_index(const struct iommu_vtd_irte *irte);
/* The 128-bit entry: words[0] low, words[1] high. */
const uint64_t *iommu_vtd_irte_get_words(const struct iommu_vtd_irte *irte);
bool iommu_vtd_irte_is_posted(const struct iommu_vtd_irte *irte);
bool iommu_vtd_irte_get_fpd(const struct iommu_vtd_irte *irte);
unsigned int iommu_vtd_irte_get_vector(const struct iommu_vtd_irte *irte);
/* Remapped: destination id (xAPIC id in bits 15:8 unless IRTA_REG.EIME), delivery mode and its name, logical destination, level trigger, redirection hint. */
uint32_t iommu_vtd_irte_get_dest(const struct iommu_vtd_irte *irte);
unsigned int iommu_vtd_irte_get_delivery_mode(const struct iommu_vtd_irte *irte);
const char *iommu_vtd_irte_get_delivery_mode_name(const struct iommu_vtd_irte *irte);
bool iommu_vtd_irte_is_logical(const struct iommu_vtd_irte *irte);
bool iommu_vtd_irte_is_level(const struct iommu_vtd_irte *irte);
bool iommu_vtd_irte_get_redirection_hint(const struct iommu_vtd_irte *irte);
/* Posted: the posted-interrupt descriptor address and the urgent bit. */
uint64_t iommu_vtd_irte_get_pda(const struct iommu_vtd_irte *irte);
bool iommu_vtd_irte_is_urgent(const struct iommu_vtd_irte *irte);
/* Source-id validation: SID, SQ, SVT and what they accept ("requester 00:02.0", "bus 01-03", "any"). */
uint16_t iommu_vtd_irte_get_sid(const struct iommu_vtd_irte *irte);
unsigned int iommu_vtd_irte_get_sq(const struct iommu_vtd_irte *irte);
unsigned int iommu_vtd_irte_get_svt(const struct iommu_vtd_irte *irte);
const char *iommu_vtd_irte_get_validation(const struct iommu_vtd_irte *irte);
/* Reserved bits set in WORD (0 low, 1 high). */
uint64_t iommu_vtd_irte_get_reserved(const struct iommu_vtd_irte *irte, unsigned int word);

/* One invalidation-queue descriptor (VT-d §6.5.2). */
struct iommu_vtd_qdesc;

typedef int (*iommu_vtd_qdesc_fn)(const struct iommu_vtd_qdesc *desc, void *userdata);
/* Call FN for every slot of the queue IQA_REG points at (empty slots included); -ENODATA as above. */
int iommu_vtd_foreach_qdesc(struct iommu_dump *dump, uint64_t iqa, iommu_vtd_qdesc_fn fn,
			    void *userdata);
unsigned int iommu_vtd_qdesc_get_index(const struct iommu_vtd_qdesc *desc);
/* 2 words (128-bit descriptors) or 4 (256-bit, IQA_REG.DW). */
const uint64_t *iommu_vtd_qdesc_get_words(const struct iommu_vtd_qdesc *desc,
					  unsigned int *ret_words);
unsigned int iommu_vtd_qdesc_get_type(const struct iommu_vtd_qdesc *desc);
/* "iotlb", "context-cache", ...; NULL for a type the specification does not define. */
const char *iommu_vtd_qdesc_get_type_name(const struct iommu_vtd_qdesc *desc);
/* The fields, as one line: "did 5, granularity page, addr 0x10000000, am 0". */
const char *iommu_vtd_qdesc_get_summary(const struct iommu_vtd_qdesc *desc);

/* ---- Arm SMMUv3: what only its translation structures have (lib/unit/smmuv3-*.c) */

/*
 * SMMU_IDR0..SMMU_IDR5 bound StreamID and SubstreamID widths, the stages,
 * granules, output size and features; without them everything the
 * structures can express is accepted.
 */
void iommu_smmuv3_set_idr(struct iommu_translator *smmu, const uint32_t idr[6]);
uint64_t iommu_smmuv3_get_strtab_base(const struct iommu_translator *smmu);
uint64_t iommu_smmuv3_get_strtab_base_cfg(const struct iommu_translator *smmu);
/* STE.Config (0b100 bypass, 0b101 stage 1, 0b110 stage 2, 0b111 nested, 0b0xx abort). */
unsigned int iommu_smmuv3_space_get_config(const struct iommu_space *space);
/* CD.ASID and STE.S2VMID; -1 when not used. */
int iommu_smmuv3_space_get_asid(const struct iommu_space *space);
int iommu_smmuv3_space_get_vmid(const struct iommu_space *space);
/* A stage's granule (bytes) and input bits; 0 when not used. */
uint64_t iommu_smmuv3_space_get_granule(const struct iommu_space *space, enum iommu_stage stage);
unsigned int iommu_smmuv3_space_get_input_bits(const struct iommu_space *space,
					       enum iommu_stage stage);
/* The STE's and CD's 8 words (the CD: NULL when none was read). */
const uint64_t *iommu_smmuv3_space_get_ste(const struct iommu_space *space);
const uint64_t *iommu_smmuv3_space_get_cd(const struct iommu_space *space);

/* An STE (8 words) or CD (8 words) as a decoded tree, every field with its meaning. */
int iommu_smmuv3_ste_decode(const uint64_t ste[8], struct iommu_dnode **ret_root);
int iommu_smmuv3_cd_decode(const uint64_t cd[8], struct iommu_dnode **ret_root);

/* ---- AMD-Vi: what only its translation structures have (lib/unit/amdvi-*.c) */

/* The Extended Feature Register bounds levels (HATS, GATS) and features; without it, everything. */
void iommu_amdvi_set_efr(struct iommu_translator *amdvi, uint64_t efr);
uint64_t iommu_amdvi_get_dev_table_base(const struct iommu_translator *amdvi);
/* FAULT: the event's flags. */
unsigned int iommu_amdvi_space_get_flags(const struct iommu_space *space);
/*
 * A valid DTE with IR and IW clear: every request faults, whatever its mode
 * (what Linux writes for the device ids it does not use).
 */
bool iommu_amdvi_space_grants_nothing(const struct iommu_space *space);
/* The DTE's 4 words; the GCR3 entry (0 when none was read). */
const uint64_t *iommu_amdvi_space_get_dte(const struct iommu_space *space);
uint64_t iommu_amdvi_space_get_gcr3(const struct iommu_space *space);

/* A DTE (4 words) as a decoded tree, every field with its meaning. */
int iommu_amdvi_dte_decode(const uint64_t dte[4], struct iommu_dnode **ret_root);

/* ---- finding translation tables in a dump (lib/scan*.c) ----------------- */

/*
 * Search a dump for VT-d root tables, SMMUv3 stream tables and AMD-Vi
 * device tables, with no register value: page-aligned candidates checked
 * by their own structure, then scored by what they point to (tables inside
 * the dump that decode as context tables, CDs, page tables; reserved bits
 * clear; domain ids consistent), ranked best first with their evidence.
 */
struct iommu_scan;
struct iommu_scan_candidate;

enum iommu_scan_kind {
	IOMMU_SCAN_VTD_ROOT,		/* a VT-d root table: pass to --rtaddr */
	IOMMU_SCAN_SMMUV3_STRTAB,	/* an SMMUv3 stream table: --strtab BASE,CFG */
	IOMMU_SCAN_AMDVI_DEV_TABLE,	/* an AMD-Vi device table: --dev-table VALUE */
};

/* Scan flags. */
#define IOMMU_SCAN_ALL	(1u << 0)	/* keep candidates whose evidence is weak */

int iommu_scan_dump(struct iommu_dump *dump, unsigned int flags, struct iommu_scan **ret_scan);
struct iommu_scan *iommu_scan_unref(struct iommu_scan *scan);
/* Pages read, and the physical bytes they hold. */
uint64_t iommu_scan_get_pages(const struct iommu_scan *scan);
size_t iommu_scan_get_count(const struct iommu_scan *scan);
/* The INDEXth candidate, best first; NULL past the last. */
const struct iommu_scan_candidate *iommu_scan_get_candidate(const struct iommu_scan *scan,
							     size_t index);
enum iommu_scan_kind iommu_scan_candidate_get_kind(const struct iommu_scan_candidate *c);
/* "vtd-root", "smmuv3-strtab", "amdvi-dev-table". */
const char *iommu_scan_kind_name(enum iommu_scan_kind kind);
/* The table's physical address, and the register value(s) that point at it. */
uint64_t iommu_scan_candidate_get_addr(const struct iommu_scan_candidate *c);
uint64_t iommu_scan_candidate_get_register(const struct iommu_scan_candidate *c);
/* SMMUv3: STRTAB_BASE_CFG; 0 for the others. */
uint64_t iommu_scan_candidate_get_register2(const struct iommu_scan_candidate *c);
/* The score (higher is more certain) and the format ("legacy", "scalable", "linear", "2-level", ...). */
unsigned int iommu_scan_candidate_get_score(const struct iommu_scan_candidate *c);
const char *iommu_scan_candidate_get_format(const struct iommu_scan_candidate *c);
/* What the structure holds: entries (devices, streams), distinct domains, tables that decode. */
unsigned int iommu_scan_candidate_get_entries(const struct iommu_scan_candidate *c);
unsigned int iommu_scan_candidate_get_domains(const struct iommu_scan_candidate *c);
unsigned int iommu_scan_candidate_get_tables(const struct iommu_scan_candidate *c);
/* The evidence, one sentence each. */
size_t iommu_scan_candidate_get_evidence_count(const struct iommu_scan_candidate *c);
const char *iommu_scan_candidate_get_evidence(const struct iommu_scan_candidate *c, size_t index);

/* ---- the live system: is the IOMMU on, and why not (lib/status*.c) ------ */

enum iommu_verdict {
	IOMMU_VERDICT_ENABLED,		/* DMA remapping is on */
	IOMMU_VERDICT_NO_FIRMWARE,	/* no DMAR/IVRS/IORT/VIOT: off or unsupported in the firmware */
	IOMMU_VERDICT_GUEST_NO_VIOMMU,	/* a virtual machine given no virtual IOMMU */
	IOMMU_VERDICT_NO_DRIVER,	/* the table is there; the kernel was built without the driver */
	IOMMU_VERDICT_DISABLED_CMDLINE,	/* turned off on the kernel command line */
	IOMMU_VERDICT_DISABLED_DEFAULT,	/* left off by the kernel's built-in default (Intel) */
	IOMMU_VERDICT_INIT_FAILED,	/* the driver tried and failed (often a firmware bug) */
	IOMMU_VERDICT_HYPERVISOR,	/* the hypervisor owns it (Xen dom0) */
	IOMMU_VERDICT_UNKNOWN,		/* cannot tell from what is readable */
};

/* How DMA is translated by default, from the groups' types. */
enum iommu_mode {
	IOMMU_MODE_NONE,		/* not enabled */
	IOMMU_MODE_STRICT,		/* translated, IOTLB invalidated at every unmap (DMA) */
	IOMMU_MODE_LAZY,		/* translated, invalidations batched (DMA-FQ) */
	IOMMU_MODE_PASSTHROUGH,		/* identity: devices see physical memory (iommu=pt) */
	IOMMU_MODE_MIXED,		/* groups of different types */
	IOMMU_MODE_UNKNOWN,		/* enabled, type not readable (kernel < 5.11) */
};

enum iommu_result {
	IOMMU_RESULT_PASS,
	IOMMU_RESULT_WARN,
	IOMMU_RESULT_FAIL,
	IOMMU_RESULT_SKIP,		/* does not apply here */
	IOMMU_RESULT_UNKNOWN,		/* could not be read (often: needs root) */
};

struct iommu_status;
struct iommu_status_check;
struct iommu_evidence;
struct iommu_unit;

/* Gather the evidence below the context's sysroot and decide. */
int iommu_status_new(struct iommu_ctx *ctx, struct iommu_status **ret_status);
struct iommu_status *iommu_status_ref(struct iommu_status *status);
struct iommu_status *iommu_status_unref(struct iommu_status *status);
enum iommu_verdict iommu_status_get_verdict(const struct iommu_status *status);
/* One line: "Intel VT-d is enabled: 1 unit (dmar0), DMA translated (strict)". */
const char *iommu_status_get_summary(const struct iommu_status *status);
/* What to do about the verdict, or NULL when nothing is needed. */
const char *iommu_status_get_hint(const struct iommu_status *status);
enum iommu_vendor iommu_status_get_vendor(const struct iommu_status *status);
enum iommu_mode iommu_status_get_mode(const struct iommu_status *status);
/* A virtual machine (CPU "hypervisor" flag, Xen guest). */
bool iommu_status_is_guest(const struct iommu_status *status);
/* The worst result of the checks: PASS, WARN or FAIL (SKIP and UNKNOWN do not count). */
enum iommu_result iommu_status_get_worst_result(const struct iommu_status *status);

/* Stable names for JSON and scripts: "enabled", "strict", "intel", "warn", ... */
const char *iommu_verdict_name(enum iommu_verdict verdict);
const char *iommu_mode_name(enum iommu_mode mode);
const char *iommu_vendor_name(enum iommu_vendor vendor);
const char *iommu_result_name(enum iommu_result result);

/* The checks, in the order they were made. */
struct iommu_status_check *iommu_status_get_first_check(const struct iommu_status *status);
struct iommu_status_check *iommu_status_check_get_next(const struct iommu_status_check *check);
/* Stable id, e.g. "kernel.units", "cmdline.noop"; listed in iommutool-status(1). */
const char *iommu_status_check_get_id(const struct iommu_status_check *check);
enum iommu_result iommu_status_check_get_result(const struct iommu_status_check *check);
const char *iommu_status_check_get_summary(const struct iommu_status_check *check);
/* How to fix or improve it, or NULL. */
const char *iommu_status_check_get_hint(const struct iommu_status_check *check);
struct iommu_evidence *iommu_status_check_get_first_evidence(const struct iommu_status_check *check);
struct iommu_evidence *iommu_evidence_get_next(const struct iommu_evidence *evidence);
/* Where it came from, as a path on the inspected machine ("/proc/cmdline"), or "kernel log". */
const char *iommu_evidence_get_source(const struct iommu_evidence *evidence);
const char *iommu_evidence_get_text(const struct iommu_evidence *evidence);

#define iommu_status_foreach_check(status, c) \
	for (c = iommu_status_get_first_check(status); c; c = iommu_status_check_get_next(c))
#define iommu_status_check_foreach_evidence(check, e) \
	for (e = iommu_status_check_get_first_evidence(check); e; e = iommu_evidence_get_next(e))

/* The IOMMU units the kernel initialised (/sys/class/iommu). */
#define IOMMU_NO_ADDRESS UINT64_MAX
struct iommu_unit *iommu_status_get_first_unit(const struct iommu_status *status);
struct iommu_unit *iommu_unit_get_next(const struct iommu_unit *unit);
/* "dmar0", "ivhd0", "smmu3.0x0000000009050000". */
const char *iommu_unit_get_name(const struct iommu_unit *unit);
enum iommu_vendor iommu_unit_get_vendor(const struct iommu_unit *unit);
/* "Intel VT-d", "AMD-Vi", "Arm SMMUv3", "Arm SMMU", "virtio-iommu". */
const char *iommu_unit_get_model(const struct iommu_unit *unit);
/* Register base address, or IOMMU_NO_ADDRESS. */
uint64_t iommu_unit_get_address(const struct iommu_unit *unit);
size_t iommu_unit_get_device_count(const struct iommu_unit *unit);
/* The capability registers decoded (VT-d CAP/ECAP, AMD-Vi EFR), or NULL when not exposed. */
const struct iommu_dnode *iommu_unit_get_registers(const struct iommu_unit *unit);
/*
 * How the unit translates DMA: "legacy" or "scalable" (VT-d mode), "v1" or "v2" (AMD-Vi
 * page tables), "stage1" or "stage2" (SMMUv3); NULL when not known or not applicable.
 */
const char *iommu_unit_get_translation(const struct iommu_unit *unit);
/* Whether that was inferred (command line, configuration) rather than known (registers, log). */
bool iommu_unit_translation_is_inferred(const struct iommu_unit *unit);
/* What it rests on, or why it is not known; NULL when the question does not apply (virtio-iommu). */
const char *iommu_unit_get_translation_basis(const struct iommu_unit *unit);
/*
 * SMMUv3: the translation stages the unit implements, a mask of 1u << IOMMU_STAGE_1 and
 * 1u << IOMMU_STAGE_2; 0 when not known or not an SMMUv3.
 */
unsigned int iommu_unit_get_stages(const struct iommu_unit *unit);

#define iommu_status_foreach_unit(status, u) \
	for (u = iommu_status_get_first_unit(status); u; u = iommu_unit_get_next(u))

/* ---- IOMMU faults and events (lib/fault/) ---------------------------------- */

/*
 * A fault or event, whatever the unit: a VT-d fault record (FRCD_REG, VT-d
 * §9.9), an SMMUv3 event record (Arm IHI 0070 §7.3) or an AMD-Vi event log
 * entry (AMD IOMMU 48882 §2.5), from the words the hardware writes or as a
 * Linux kernel logged it, in every format kernels since 2.6 have used:
 *
 *   DMAR: [DMA Read NO_PASID] Request device [00:02.0] fault addr 0x9c000000 [fault reason 0x06] ...
 *   arm-smmu-v3 ...: event 0x10 received: (and the record's four words), or event: F_TRANSLATION ...
 *   AMD-Vi: Event logged [IO_PAGE_FAULT device=0000:04:00.0 domain=0x0000 address=0x... flags=0x0070]
 *
 * The vendor is IOMMU_VENDOR_INTEL (VT-d), IOMMU_VENDOR_ARM (SMMUv3) or
 * IOMMU_VENDOR_AMD (AMD-Vi).
 */
struct iommu_fault;

/*
 * Parse the fault or event at the start of TEXT (SIZE bytes, no NUL needed):
 * one line, two for the oldest VT-d format, up to seven for an SMMUv3 event;
 * *RET_USED (optional) is the bytes it spans, its last newline included.
 * -ENOMSG when TEXT does not start with one.
 */
int iommu_fault_parse(const char *text, size_t size, struct iommu_fault **ret_fault,
		      size_t *ret_used);
/* The record as the hardware writes it: VT-d 2 words (FRCD_REG), SMMUv3 4, AMD-Vi 2; -EINVAL for another count. */
int iommu_fault_new_record(enum iommu_vendor vendor, const uint64_t *record, size_t words,
			   struct iommu_fault **ret_fault);
/* A fault known by its code alone (a fault reason, an event number): what it is and means. */
int iommu_fault_new(enum iommu_vendor vendor, unsigned int code, struct iommu_fault **ret_fault);
struct iommu_fault *iommu_fault_unref(struct iommu_fault *fault);

enum iommu_vendor iommu_fault_get_vendor(const struct iommu_fault *fault);

/* The fields a record (or log line) holds; a field it lacks reads as 0, NULL, false or -1. */
enum iommu_fault_field {
	IOMMU_FAULT_REQUESTER,		/* source id, StreamID, DeviceID */
	IOMMU_FAULT_ADDRESS,		/* the address, or the VT-d interrupt index */
	IOMMU_FAULT_ACCESS,		/* read or write, privilege, instruction fetch */
	IOMMU_FAULT_DOMAIN,		/* AMD-Vi: the domain id */
	IOMMU_FAULT_FLAGS,		/* AMD-Vi: the flags */
	IOMMU_FAULT_IPA,		/* SMMUv3: the stage 2 input address */
	IOMMU_FAULT_FETCH_ADDRESS,	/* SMMUv3: the address of the fetch that failed */
};
bool iommu_fault_has(const struct iommu_fault *fault, enum iommu_fault_field field);

/*
 * The requester: the id the unit saw (VT-d source id and AMD-Vi DeviceID,
 * bus << 8 | devfn; SMMUv3 StreamID) and the PCI segment the log names (0
 * when it names none).
 */
uint32_t iommu_fault_get_source_id(const struct iommu_fault *fault);
uint16_t iommu_fault_get_segment(const struct iommu_fault *fault);
/* The device the kernel named ("0000:03:00.0"; SMMUv3 client, AMD-Vi before "AMD-Vi:"), or NULL. */
const char *iommu_fault_get_client(const struct iommu_fault *fault);
/* The PASID or SubstreamID, or IOMMU_NO_PASID. */
uint32_t iommu_fault_get_pasid(const struct iommu_fault *fault);
/* The faulting address (SMMUv3: the input address); a VT-d interrupt fault: the interrupt index. */
uint64_t iommu_fault_get_address(const struct iommu_fault *fault);
/* The access: IOMMU_ACCESS_READ or _WRITE, IOMMU_ACCESS_ANY when the record does not say. */
enum iommu_access iommu_fault_get_access(const struct iommu_fault *fault);
bool iommu_fault_is_privileged(const struct iommu_fault *fault);
bool iommu_fault_is_exec(const struct iommu_fault *fault);
/* An interrupt request (VT-d interrupt remapping, AMD-Vi flag I). */
bool iommu_fault_is_interrupt(const struct iommu_fault *fault);

/* The fault reason (VT-d FRCD.FR), event number (SMMUv3) or event code (AMD-Vi). */
unsigned int iommu_fault_get_code(const struct iommu_fault *fault);
/*
 * The specification's name: "F_TRANSLATION", "IO_PAGE_FAULT", the VT-d
 * condition code "LGN.3"; NULL when it defines none.
 */
const char *iommu_fault_get_name(const struct iommu_fault *fault);
/* What Linux prints for the code ("PTE Read access is not set", "IO_PAGE_FAULT"); "Unknown" or "UNKNOWN" where it has none. */
const char *iommu_fault_get_kernel_name(const struct iommu_fault *fault);
/* What it means and what usually causes it ("" when unknown). */
const char *iommu_fault_get_meaning(const struct iommu_fault *fault);
const char *iommu_fault_get_causes(const struct iommu_fault *fault);
/* The record's words (a log line: rebuilt from its fields); their count in *RET_WORDS (optional). */
const uint64_t *iommu_fault_get_record(const struct iommu_fault *fault, size_t *ret_words);
/* Which kernel format the lines are in ("NO_PASID/PASID tag", "decoded lines (6.14+)"); NULL for a record. */
const char *iommu_fault_get_format(const struct iommu_fault *fault);
/* The reason text on a VT-d line as logged, or NULL. */
const char *iommu_fault_get_logged_text(const struct iommu_fault *fault);

/* VT-d: a qualified fault (fault-processing-disable can suppress it); false for the others. */
bool iommu_fault_is_qualified(const struct iommu_fault *fault);
/* SMMUv3: a stage 2 fault, and what the stage 2 access was for ("CD fetch", "stage 1 table fetch", "input address"; NULL for events without CLASS). */
bool iommu_fault_is_stage2(const struct iommu_fault *fault);
const char *iommu_fault_get_class(const struct iommu_fault *fault);
uint64_t iommu_fault_get_ipa(const struct iommu_fault *fault);
uint64_t iommu_fault_get_fetch_address(const struct iommu_fault *fault);
/* AMD-Vi: the domain id (-1 when the entry has none), the flags and their names ("PR RW PE"). */
int iommu_fault_get_domain(const struct iommu_fault *fault);
unsigned int iommu_fault_get_flags(const struct iommu_fault *fault);
const char *iommu_fault_get_flag_names(const struct iommu_fault *fault);

/* The codes a vendor's specification defines: the INDEXth (0, 1, ...), or -1 past the last; a code's name or NULL. */
int iommu_fault_code_at(enum iommu_vendor vendor, size_t index);
const char *iommu_fault_code_name(enum iommu_vendor vendor, unsigned int code);

/* AMD-Vi event codes (48882 §2.5.2-§2.5.13). */
#define IOMMU_AMDVI_ILLEGAL_DEV_TABLE_ENTRY	0x1
#define IOMMU_AMDVI_IO_PAGE_FAULT		0x2
#define IOMMU_AMDVI_DEV_TAB_HARDWARE_ERROR	0x3
#define IOMMU_AMDVI_PAGE_TAB_HARDWARE_ERROR	0x4
#define IOMMU_AMDVI_INVALID_DEVICE_REQUEST	0x8

/* AMD-Vi IO_PAGE_FAULT and ILLEGAL_DEV_TABLE_ENTRY flags (the entry's bits 59:48). */
#define IOMMU_AMDVI_FLAG_GN	0x001	/* guest: a PASID-tagged request */
#define IOMMU_AMDVI_FLAG_NX	0x002	/* instruction fetch */
#define IOMMU_AMDVI_FLAG_US	0x004	/* user request */
#define IOMMU_AMDVI_FLAG_I	0x008	/* interrupt request */
#define IOMMU_AMDVI_FLAG_PR	0x010	/* the faulting entry was present */
#define IOMMU_AMDVI_FLAG_RW	0x020	/* write */
#define IOMMU_AMDVI_FLAG_PE	0x040	/* permission violation */
#define IOMMU_AMDVI_FLAG_RZ	0x080	/* reserved bit set, or an invalid level encoding */
#define IOMMU_AMDVI_FLAG_TR	0x100	/* translation request (ATS) */

/* ---- register decoders (lib/unit/amd-regs.c, lib/unit/smmu-regs.c) ------- */

/* AMD IOMMU Extended Feature Register and EFR2 (0 when absent), as sysfs "features" gives them. */
int iommu_amd_efr_decode(uint64_t efr, uint64_t efr2, struct iommu_dnode **ret_root);
/* SMMUv3 SMMU_IDR0..SMMU_IDR5 (IDR4 is IMPLEMENTATION DEFINED and kept raw). */
int iommu_smmuv3_idr_decode(const uint32_t idr[6], struct iommu_dnode **ret_root);

/* ---- IOMMU groups (lib/groups*.c) --------------------------------------- */

struct iommu_groups;
struct iommu_group;
struct iommu_member;
struct iommu_region;
struct iommu_port;

/* Read /sys/kernel/iommu_groups; -ENOENT when the kernel has no IOMMU API. */
int iommu_groups_new(struct iommu_ctx *ctx, struct iommu_groups **ret_groups);
struct iommu_groups *iommu_groups_ref(struct iommu_groups *groups);
struct iommu_groups *iommu_groups_unref(struct iommu_groups *groups);
/* Groups by number. */
struct iommu_group *iommu_groups_get_first(const struct iommu_groups *groups);
struct iommu_group *iommu_group_get_next(const struct iommu_group *group);
struct iommu_group *iommu_groups_find(const struct iommu_groups *groups, unsigned int id);
unsigned int iommu_group_get_id(const struct iommu_group *group);
/* "DMA", "DMA-FQ", "identity", "blocked", "unmanaged", ...; NULL when not readable. */
const char *iommu_group_get_type(const struct iommu_group *group);
/* VFIO's fake group of an unsafe no-IOMMU device: no isolation at all. */
bool iommu_group_is_noiommu(const struct iommu_group *group);
/* Every member can be handed to VFIO as is (bound to vfio-pci, pci-stub, pcieport or nothing). */
bool iommu_group_is_viable(const struct iommu_group *group);
/* A member is what the host runs on: its root file system or default-route interface. */
bool iommu_group_is_critical(const struct iommu_group *group);

struct iommu_member *iommu_group_get_first_member(const struct iommu_group *group);
struct iommu_member *iommu_member_get_next(const struct iommu_member *member);
/* "0000:00:02.0", "MSFT0201:00", "arm-smmu-v3.0.auto". */
const char *iommu_member_get_name(const struct iommu_member *member);
/* "pci", "platform", "acpi", ... */
const char *iommu_member_get_bus(const struct iommu_member *member);
/* The bound driver, or NULL. */
const char *iommu_member_get_driver(const struct iommu_member *member);
bool iommu_member_is_bridge(const struct iommu_member *member);
/* Why this member keeps its group from VFIO ("bound to e1000e"), or NULL. */
const char *iommu_member_get_blocker(const struct iommu_member *member);
/* What the host needs it for ("root file system (nvme0n1p2)", "default route (eth0)"), or NULL. */
const char *iommu_member_get_host_use(const struct iommu_member *member);

/* Reserved regions: "direct" and "direct-relaxable" are firmware RMRR/IVMD/RMR ranges. */
struct iommu_region *iommu_group_get_first_region(const struct iommu_group *group);
struct iommu_region *iommu_region_get_next(const struct iommu_region *region);
uint64_t iommu_region_get_start(const struct iommu_region *region);
uint64_t iommu_region_get_end(const struct iommu_region *region);
/* "direct", "direct-relaxable", "reserved", "msi". */
const char *iommu_region_get_type(const struct iommu_region *region);

/* PCI bridges and ports the members sit behind (and bridge members), with their ACS. */
struct iommu_port *iommu_group_get_first_port(const struct iommu_group *group);
struct iommu_port *iommu_port_get_next(const struct iommu_port *port);
const char *iommu_port_get_name(const struct iommu_port *port);
/*
 * 1 with the ACS Capability and Control registers (PCIe 6.0 §7.7.11), 0 when
 * the port has no ACS capability, -EACCES when its extended configuration
 * space was not readable (needs root).
 */
int iommu_port_get_acs(const struct iommu_port *port, uint16_t *ret_cap, uint16_t *ret_ctrl);

#define iommu_groups_foreach(groups, g) \
	for (g = iommu_groups_get_first(groups); g; g = iommu_group_get_next(g))
#define iommu_group_foreach_member(group, m) \
	for (m = iommu_group_get_first_member(group); m; m = iommu_member_get_next(m))
#define iommu_group_foreach_region(group, r) \
	for (r = iommu_group_get_first_region(group); r; r = iommu_region_get_next(r))
#define iommu_group_foreach_port(group, p) \
	for (p = iommu_group_get_first_port(group); p; p = iommu_port_get_next(p))

/* ---- devices and the unit that serves each (lib/devices*.c) ------------- */

struct iommu_devices;
struct iommu_device;

/* Every PCI function, then the group members that are not PCI devices. */
int iommu_devices_new(struct iommu_ctx *ctx, struct iommu_devices **ret_devices);
struct iommu_devices *iommu_devices_ref(struct iommu_devices *devices);
struct iommu_devices *iommu_devices_unref(struct iommu_devices *devices);
struct iommu_device *iommu_devices_get_first(const struct iommu_devices *devices);
struct iommu_device *iommu_device_get_next(const struct iommu_device *device);
struct iommu_device *iommu_devices_find(const struct iommu_devices *devices, const char *name);

const char *iommu_device_get_name(const struct iommu_device *device);
const char *iommu_device_get_bus(const struct iommu_device *device);
bool iommu_device_is_pci(const struct iommu_device *device);
bool iommu_device_is_bridge(const struct iommu_device *device);
/* PCI identity (0 for other buses) and names from pci.ids (NULL when unknown). */
uint16_t iommu_device_get_vendor_id(const struct iommu_device *device);
uint16_t iommu_device_get_device_id(const struct iommu_device *device);
/* Base class << 16 | sub-class << 8 | programming interface. */
uint32_t iommu_device_get_class(const struct iommu_device *device);
const char *iommu_device_get_vendor_name(const struct iommu_device *device);
const char *iommu_device_get_device_name(const struct iommu_device *device);
const char *iommu_device_get_class_name(const struct iommu_device *device);
/* The PCI bridge above it, or NULL on a root bus. */
const char *iommu_device_get_parent(const struct iommu_device *device);
const char *iommu_device_get_driver(const struct iommu_device *device);
/* IOMMU group number, or -1 when in none. */
int iommu_device_get_group(const struct iommu_device *device);
/* The unit the kernel attached it to (its sysfs "iommu" link), or NULL. */
const char *iommu_device_get_kernel_unit(const struct iommu_device *device);
/*
 * The unit that serves it according to the firmware tables: 0 with the
 * unit's name (the kernel's name when a unit matches, else e.g.
 * "DRHD@0xfed90000"); -ENOENT when the tables name no unit for it;
 * -EOPNOTSUPP when the tables cannot tell (not readable, not decoded).
 */
int iommu_device_get_firmware_unit(const struct iommu_device *device, const char **ret_name);
/*
 * The ID that unit sees for it: the DMAR source-id (bus << 8 | devfn), the IVRS requester
 * ID after aliases, the IORT StreamID.  Errors as iommu_device_get_firmware_unit().
 */
int iommu_device_get_firmware_id(const struct iommu_device *device, uint32_t *ret_id);
/* Firmware and kernel name different units. */
bool iommu_device_units_disagree(const struct iommu_device *device);
/*
 * The firmware names its unit, but the kernel attaches it there only once a driver probes
 * it (ACPI on Arm: iort_iommu_configure() at probe), and none is bound: no disagreement.
 */
bool iommu_device_awaits_driver(const struct iommu_device *device);
/* 1 with an ATS capability, 0 without, -EACCES when the extended configuration space was not readable. */
int iommu_device_get_ats(const struct iommu_device *device);
/* Its group's reserved regions (iterate with iommu_region_get_next); "direct" ones are RMRR/IVMD/RMR. */
struct iommu_region *iommu_device_get_first_region(const struct iommu_device *device);

#define iommu_devices_foreach(devices, d) \
	for (d = iommu_devices_get_first(devices); d; d = iommu_device_get_next(d))

/* ---- snapshots (lib/snapshot*.c) ---------------------------------------- */

struct iommu_snapshot;

/*
 * Record every file, link and directory CTX reads from now on, and the
 * kernel log, until the snapshot is written or released.
 */
int iommu_snapshot_new(struct iommu_ctx *ctx, struct iommu_snapshot **ret_snapshot);
struct iommu_snapshot *iommu_snapshot_ref(struct iommu_snapshot *snapshot);
struct iommu_snapshot *iommu_snapshot_unref(struct iommu_snapshot *snapshot);
/*
 * Stop recording and write what was read below DIRFD, at the paths it has on
 * the inspected machine: files copied, links as links, directories with
 * their entries (entries never read as empty files of mode 0), the kernel
 * log as dmesg.txt.  Never replaces anything: -EEXIST when a path exists.
 */
int iommu_snapshot_write(struct iommu_snapshot *snapshot, int dirfd);
/* After writing: regular files copied, links made, directories made. */
size_t iommu_snapshot_get_file_count(const struct iommu_snapshot *snapshot);
size_t iommu_snapshot_get_link_count(const struct iommu_snapshot *snapshot);
size_t iommu_snapshot_get_dir_count(const struct iommu_snapshot *snapshot);

#ifdef __cplusplus
}
#endif

#endif
