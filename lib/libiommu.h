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

#ifdef __cplusplus
}
#endif

#endif
