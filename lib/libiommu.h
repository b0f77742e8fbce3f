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
/* Read /sys, /proc and the ACPI tables below DIR instead of "/". */
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

/* ---- IOMMU register values (lib/regfile.c) ------------------------------ */

/*
 * Register values of one or more remapping units, from "NAME VALUE" lines
 * (more columns may stand between: the value is the last) or the kernel's
 * debugfs iommu_regset text.  Names are upper-cased and lose a "_REG"
 * suffix ("RTADDR"); values are hexadecimal, "0x" optional.  '#' starts a
 * comment.  A debugfs "IOMMU: NAME Register Base Address: ADDR" line or a
 * comment "unit at ADDR" starts the next unit.
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

#define IOMMU_NO_ADDR UINT64_MAX

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
	IOMMU_XLATE_BLOCKED,		/* abort-DMA mode: aborted, no fault recorded */
};

/* One step of a walk: a structure entry or a page-table entry read. */
enum iommu_step_kind {
	IOMMU_STEP_ROOT,
	IOMMU_STEP_CONTEXT,
	IOMMU_STEP_PASID_DIR,
	IOMMU_STEP_PASID,
	IOMMU_STEP_SECOND_STAGE,	/* a second-stage (or legacy second-level) paging entry */
	IOMMU_STEP_FIRST_STAGE,
};

/* The outcome of one translation and its walk; reused across translations. */
struct iommu_xlate;

int iommu_xlate_new(struct iommu_xlate **ret_xlate);
struct iommu_xlate *iommu_xlate_unref(struct iommu_xlate *xlate);
enum iommu_xlate_status iommu_xlate_get_status(const struct iommu_xlate *xlate);
/* "ok", "fault", "not_in_dump", "blocked". */
const char *iommu_xlate_status_name(enum iommu_xlate_status status);
/* OK: the physical address, the page (or block) size, IOMMU_PERM_*. */
uint64_t iommu_xlate_get_phys(const struct iommu_xlate *xlate);
uint64_t iommu_xlate_get_page_size(const struct iommu_xlate *xlate);
unsigned int iommu_xlate_get_perm(const struct iommu_xlate *xlate);
/* Domain id from the context or PASID entry; -1 when the walk did not reach it. */
int iommu_xlate_get_domain_id(const struct iommu_xlate *xlate);
/* The PASID the walk used (RID_PASID for a request without one), or IOMMU_NO_PASID. */
uint32_t iommu_xlate_get_pasid(const struct iommu_xlate *xlate);
/* "legacy", "pass-through", "second-stage", "first-stage", "nested", or NULL when not reached. */
const char *iommu_xlate_get_mode(const struct iommu_xlate *xlate);
/* FAULT: the fault reason the hardware records (FRCD.FR). */
unsigned int iommu_xlate_get_fault_reason(const struct iommu_xlate *xlate);
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
/* "root", "context", "pasid_dir", "pasid", "second_stage", "first_stage". */
const char *iommu_step_kind_name(enum iommu_step_kind kind);
/* Page-table level (1 = 4 KiB leaf level); 0 for the other structures. */
unsigned int iommu_xlate_get_step_level(const struct iommu_xlate *xlate, size_t step);
/* Physical address of the table read, the index in it, and the entry's 64-bit words. */
uint64_t iommu_xlate_get_step_table(const struct iommu_xlate *xlate, size_t step);
unsigned int iommu_xlate_get_step_index(const struct iommu_xlate *xlate, size_t step);
const uint64_t *iommu_xlate_get_step_entry(const struct iommu_xlate *xlate, size_t step,
					   unsigned int *ret_words);
/* Nested translation: the step is part of the second-stage walk of a first-stage table address. */
bool iommu_xlate_step_is_nested(const struct iommu_xlate *xlate, size_t step);

/* ---- Intel VT-d fault reasons (lib/fault-vtd.c) ------------------------- */

struct iommu_vtd_fault_reason;

/* The description of fault reason FR (FRCD.FR), or NULL when the specification defines none. */
const struct iommu_vtd_fault_reason *iommu_vtd_fault_reason_get(unsigned int fr);
/* The INDEXth known reason (0, 1, ...), or NULL past the last. */
const struct iommu_vtd_fault_reason *iommu_vtd_fault_reason_get_index(size_t index);
unsigned int iommu_vtd_fault_reason_get_number(const struct iommu_vtd_fault_reason *r);
/* The specification's condition code ("LGN.3", "SPT.4"), or NULL. */
const char *iommu_vtd_fault_reason_get_condition(const struct iommu_vtd_fault_reason *r);
/* The text Linux prints for it ("PTE Read access is not set"); "Unknown" where Linux has none. */
const char *iommu_vtd_fault_reason_get_kernel_text(const struct iommu_vtd_fault_reason *r);
/* What it means, and what usually causes it. */
const char *iommu_vtd_fault_reason_get_meaning(const struct iommu_vtd_fault_reason *r);
const char *iommu_vtd_fault_reason_get_causes(const struct iommu_vtd_fault_reason *r);
/* An interrupt-remapping fault (0x20-0x2f) rather than a DMA-remapping one. */
bool iommu_vtd_fault_reason_is_interrupt(const struct iommu_vtd_fault_reason *r);
/* A qualified fault: fault-processing-disable can suppress it. */
bool iommu_vtd_fault_reason_is_qualified(const struct iommu_vtd_fault_reason *r);
/* The text Linux prints for any 8-bit reason, as dmar_get_fault_reason() does. */
const char *iommu_vtd_fault_reason_kernel_text(unsigned int fr);

/* ---- Intel VT-d translation structures in a dump (lib/vtd-*.c) ---------- */

/* One remapping unit: its root table (RTADDR_REG) in a dump. */
struct iommu_vtd;

enum iommu_vtd_ttm {
	IOMMU_VTD_TTM_LEGACY = 0,
	IOMMU_VTD_TTM_SCALABLE = 1,
	IOMMU_VTD_TTM_RESERVED = 2,
	IOMMU_VTD_TTM_ABORT_DMA = 3,
};

/* RTADDR is the register's value, translation-table-mode bits included. */
int iommu_vtd_new(struct iommu_dump *dump, uint64_t rtaddr, struct iommu_vtd **ret_vtd);
struct iommu_vtd *iommu_vtd_ref(struct iommu_vtd *vtd);
struct iommu_vtd *iommu_vtd_unref(struct iommu_vtd *vtd);
/* CAP_REG and ECAP_REG bound address widths, page sizes and features; without them everything the formats can express is accepted. */
void iommu_vtd_set_caps(struct iommu_vtd *vtd, uint64_t cap, uint64_t ecap);
/* Fault on reserved bits that real kernels are known to set, instead of noting them. */
void iommu_vtd_set_strict(struct iommu_vtd *vtd, bool strict);
uint64_t iommu_vtd_get_rtaddr(const struct iommu_vtd *vtd);
enum iommu_vtd_ttm iommu_vtd_get_ttm(const struct iommu_vtd *vtd);
/* "legacy", "scalable", "reserved", "abort-dma". */
const char *iommu_vtd_ttm_name(enum iommu_vtd_ttm ttm);
struct iommu_dump *iommu_vtd_get_dump(const struct iommu_vtd *vtd);

/*
 * Translate IOVA for a request from SID (bus << 8 | devfn) with PASID (or
 * IOMMU_NO_PASID), ACCESS and IOMMU_REQ_* FLAGS, as the hardware would.
 * The outcome goes in XLATE.  Returns 0 (whatever the outcome) or -EINVAL.
 */
int iommu_vtd_translate(struct iommu_vtd *vtd, uint16_t sid, uint32_t pasid, uint64_t iova,
			enum iommu_access access, unsigned int flags, struct iommu_xlate *xlate);

/*
 * An address space: what a device's context entry (and, in scalable mode,
 * one PASID table entry) selects.  Spaces whose entries the hardware would
 * refuse are listed too, with the fault.
 */
struct iommu_vtd_space;

typedef int (*iommu_vtd_space_fn)(const struct iommu_vtd_space *space, void *userdata);
/* Every present context entry (and PASID entry); FN returning non-zero stops and is returned. */
int iommu_vtd_foreach_space(struct iommu_vtd *vtd, iommu_vtd_space_fn fn, void *userdata);
uint16_t iommu_vtd_space_get_sid(const struct iommu_vtd_space *space);
/* IOMMU_NO_PASID in legacy mode. */
uint32_t iommu_vtd_space_get_pasid(const struct iommu_vtd_space *space);
/* The PASID's entry is the one requests without PASID use (RID_PASID). */
bool iommu_vtd_space_is_rid_pasid(const struct iommu_vtd_space *space);
/* As iommu_xlate_get_mode(); NULL when the entries are invalid. */
const char *iommu_vtd_space_get_mode(const struct iommu_vtd_space *space);
int iommu_vtd_space_get_domain_id(const struct iommu_vtd_space *space);
/* Paging levels of the second and first stage (0: not used) and their table roots. */
unsigned int iommu_vtd_space_get_levels(const struct iommu_vtd_space *space, bool first_stage);
uint64_t iommu_vtd_space_get_root(const struct iommu_vtd_space *space, bool first_stage);
/* Fault processing disabled by the context, PASID directory or PASID entry. */
bool iommu_vtd_space_get_fpd(const struct iommu_vtd_space *space);
/* OK, or the fault (or missing structure) met reading the entries. */
enum iommu_xlate_status iommu_vtd_space_get_status(const struct iommu_vtd_space *space);
unsigned int iommu_vtd_space_get_fault_reason(const struct iommu_vtd_space *space);
const char *iommu_vtd_space_get_detail(const struct iommu_vtd_space *space);
const char *iommu_vtd_space_get_note(const struct iommu_vtd_space *space);
/* The structure entries read (root, context, PASID directory, PASID), as walk steps. */
size_t iommu_vtd_space_get_step_count(const struct iommu_vtd_space *space);
enum iommu_step_kind iommu_vtd_space_get_step_kind(const struct iommu_vtd_space *space,
						   size_t step);
uint64_t iommu_vtd_space_get_step_table(const struct iommu_vtd_space *space, size_t step);
unsigned int iommu_vtd_space_get_step_index(const struct iommu_vtd_space *space, size_t step);
const uint64_t *iommu_vtd_space_get_step_entry(const struct iommu_vtd_space *space, size_t step,
					       unsigned int *ret_words);

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
 * tables and no mappings.
 */
int iommu_vtd_foreach_mapping(struct iommu_vtd *vtd, const struct iommu_vtd_space *space,
			      unsigned int flags, iommu_mapping_fn fn, void *userdata);
/* Every mapping of every space that reaches the page holding PHYS ("who can write here"). */
int iommu_vtd_foreach_reverse(struct iommu_vtd *vtd, uint64_t phys, iommu_mapping_fn fn,
			      void *userdata);
const struct iommu_vtd_space *iommu_mapping_get_space(const struct iommu_mapping *mapping);
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

/* ---- interrupt remapping table and invalidation queue (lib/vtd-irq.c) -- */

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

/* ---- kernel fault messages (lib/fault-parse.c) -------------------------- */

/*
 * A DMA-remapping or interrupt-remapping fault as a Linux kernel logged it,
 * in any of the formats kernels since 2.6.x have used (one or two lines).
 */
struct iommu_fault_msg;

/* Parse the fault starting in TEXT (one line, or two for the oldest format); -ENOMSG when it holds none. */
int iommu_fault_msg_parse(const char *text, struct iommu_fault_msg **ret_msg, size_t *ret_used);
struct iommu_fault_msg *iommu_fault_msg_unref(struct iommu_fault_msg *msg);
bool iommu_fault_msg_is_interrupt(const struct iommu_fault_msg *msg);
/* DMA: a write request (else a read). */
bool iommu_fault_msg_is_write(const struct iommu_fault_msg *msg);
/* PCI segment (0 when the line does not say), source id (bus << 8 | devfn). */
uint16_t iommu_fault_msg_get_segment(const struct iommu_fault_msg *msg);
uint16_t iommu_fault_msg_get_sid(const struct iommu_fault_msg *msg);
/* The PASID, or IOMMU_NO_PASID. */
uint32_t iommu_fault_msg_get_pasid(const struct iommu_fault_msg *msg);
/* DMA: the faulting address (page); interrupt: the interrupt index. */
uint64_t iommu_fault_msg_get_addr(const struct iommu_fault_msg *msg);
unsigned int iommu_fault_msg_get_reason(const struct iommu_fault_msg *msg);
/* The reason text on the line, or NULL. */
const char *iommu_fault_msg_get_text(const struct iommu_fault_msg *msg);
/* Which kernel format the line is in: "5.15+ (NO_PASID)", ... */
const char *iommu_fault_msg_get_format(const struct iommu_fault_msg *msg);

#ifdef __cplusplus
}
#endif

#endif
