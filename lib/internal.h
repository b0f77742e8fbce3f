/* SPDX-License-Identifier: MIT */
/* Declarations shared inside libiommu; nothing here is public API. */
#ifndef LIBIOMMU_INTERNAL_H
#define LIBIOMMU_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <syslog.h>
#include <sys/types.h>

#include "libiommu.h"

#define IOMMU_EXPORT __attribute__((visibility("default")))
#define PRINTF_FMT(a, b) __attribute__((format(printf, a, b)))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* ---- little-endian loads (callers have checked the bounds) -------------- */

static inline uint16_t get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t get_le64(const uint8_t *p)
{
	return (uint64_t)get_le32(p) | (uint64_t)get_le32(p + 4) << 32;
}

/* Load SIZE (1..8) bytes little-endian. */
uint64_t get_le(const uint8_t *p, unsigned int size);

/* ---- context and logging ------------------------------------------------ */

void iommu_log(struct iommu_ctx *ctx, int priority, const char *file, int line,
	       const char *fn, const char *format, ...) PRINTF_FMT(6, 7);

#define iommu_log_cond(ctx, prio, ...)                                              \
	do {                                                                        \
		if (iommu_ctx_get_log_priority(ctx) >= (prio))                      \
			iommu_log(ctx, prio, __FILE__, __LINE__, __func__, __VA_ARGS__); \
	} while (0)
#define dbg(ctx, ...) iommu_log_cond(ctx, LOG_DEBUG, __VA_ARGS__)
#define info(ctx, ...) iommu_log_cond(ctx, LOG_INFO, __VA_ARGS__)
#define err(ctx, ...) iommu_log_cond(ctx, LOG_ERR, __VA_ARGS__)

/* ---- reads below the sysroot (lib/live/sysroot.c) ------------------------ */

/*
 * Every path handed to these is absolute as seen on the inspected machine
 * ("/sys/class/iommu"); the sysroot is prefixed here and nowhere else.
 */
/* Open read-only; returns an fd or a negative errno. */
int sysroot_open(struct iommu_ctx *ctx, const char *path, int flags);
/* Read a whole file, at most MAX bytes, NUL-terminated; *ret_buf is malloc'd. */
int sysroot_read_file(struct iommu_ctx *ctx, const char *path, size_t max,
		      char **ret_buf, size_t *ret_size);
/* Read a one-line attribute without its trailing newline. */
int sysroot_read_line(struct iommu_ctx *ctx, const char *path, char **ret_line);
/* Read a link's target (as stored, relative or absolute). */
int sysroot_readlink(struct iommu_ctx *ctx, const char *path, char **ret_target);
/* List a directory's entries (no "." and ".."), sorted; free with strv_free. */
int sysroot_list_dir(struct iommu_ctx *ctx, const char *path, char ***ret_names, size_t *ret_count);
bool sysroot_exists(struct iommu_ctx *ctx, const char *path);
/*
 * A device class's entries (CLASS: "/sys/class/iommu") that are devices: links
 * into /sys/devices, or directories; not other links (a link back to the
 * class directory itself is no device).  Sorted; free with strv_free.
 */
int sysroot_list_class(struct iommu_ctx *ctx, const char *class, char ***ret_names, size_t *ret_count);
/* The real path for PATH below the sysroot; malloc'd. */
char *sysroot_path(const struct iommu_ctx *ctx, const char *path);
/* The inspected kernel's release ("6.1.0-56-amd64"), malloc'd; NULL when unknown. */
char *sysroot_kernel_release(struct iommu_ctx *ctx);

/*
 * Snapshots (lib/live/snapshot-record.c): while a snapshot records, every
 * successful read above notes its path, so that `iommutool snapshot` copies
 * exactly what the commands read.  SYSROOT_NOTE_PRESENT is a path whose
 * existence was tested; sysroot_note() is also for readers that bypass
 * these functions (libpci).
 */
enum sysroot_note_kind {
	SYSROOT_NOTE_FILE,
	SYSROOT_NOTE_LINK,
	SYSROOT_NOTE_DIR,
	SYSROOT_NOTE_PRESENT,
};
struct iommu_snapshot *ctx_get_recording(const struct iommu_ctx *ctx);
void ctx_set_recording(struct iommu_ctx *ctx, struct iommu_snapshot *snapshot);
void sysroot_note(struct iommu_ctx *ctx, enum sysroot_note_kind kind, const char *path);

/* Read a whole file by its real path (no sysroot), at most MAX bytes. */
int read_file_at(int dirfd, const char *path, size_t max, uint8_t **ret_buf, size_t *ret_size);
int read_fd(int fd, size_t max, uint8_t **ret_buf, size_t *ret_size);
void strv_free(char **strv, size_t count);

/* ---- an arena: everything a decode allocates, freed at once ------------- */

struct arena;
struct arena *arena_new(void);
void arena_free(struct arena *arena);
void *arena_alloc(struct arena *arena, size_t size);
char *arena_strdup(struct arena *arena, const char *s);
char *arena_printf(struct arena *arena, const char *format, ...) PRINTF_FMT(2, 3);

/* ---- findings (lib/acpi/findings.c) and checks (lib/acpi/checks.c) ------- */

struct iommu_findings *findings_new(void);
/* Adds a finding; the strings are copied.  Returns -ENOMEM on failure. */
int findings_add(struct iommu_findings *list, const char *id, enum iommu_severity severity,
		 const char *table, uint64_t offset, const char *reference,
		 const char *format, ...) PRINTF_FMT(7, 8);
/* Append copies of every finding of SRC to DST, but those whose id is in SKIP (NULL-ended; may be NULL). */
int findings_append(struct iommu_findings *dst, const struct iommu_findings *src,
		    const char *const *skip);
/* How many occurrences in LIST have an id in IDS (NULL-ended). */
size_t findings_count_ids(const struct iommu_findings *list, const char *const *ids);
/*
 * A check that fires FINDINGS_FOLD_MIN times or more about one table (a
 * warning for every device scope) is said once: one finding where the first
 * stood, carrying every occurrence (offset and message), its message the
 * check's summary.
 */
#define FINDINGS_FOLD_MIN 3
int findings_fold(struct iommu_findings *list);

/*
 * A check: what a finding with this id means.  Each table's checks are one
 * array registered in lib/acpi/checks.c; iommutool-validate(1) lists them all and
 * a test keeps the two in step.
 */
struct check_desc {
	const char *id;			/* "dmar.rmrr.unaligned" */
	enum iommu_severity severity;
	const char *reference;		/* spec section; NULL: the decoded table's spec */
	const char *summary;		/* one line: what is wrong */
};

/* The summary of the check ID, or NULL when no check has it. */
const char *check_summary(const char *id);

/* Generic checks of every table (lib/acpi/checks.c). */
extern const struct check_desc check_table_truncated, check_table_checksum,
	check_structure_truncated, check_reserved_nonzero;
/* IVRS and VIOT checks (lib/acpi/ivrs-validate.c, lib/acpi/viot-validate.c), ended by a NULL id. */
extern const struct check_desc ivrs_checks[], viot_checks[];
extern const struct check_desc iort_checks[];
extern const struct check_desc dmar_checks[];

/* ---- decoded trees (lib/acpi/dnode.c) ------------------------------------ */

/* Flags of a field description. */
#define FD_SUMMARY	(1u << 0)	/* shown on the node's one-line summary */
#define FD_RESERVED	(1u << 1)	/* kept only when non-zero, and then a finding */

/* A bit field inside a flags field. */
struct bit_desc {
	const char *key;
	const char *label;
	uint8_t shift;
	uint8_t width;			/* 1: a boolean; more: a small number */
	const char *const *names;	/* names of the values, or NULL */
	uint8_t nnames;
	unsigned int flags;		/* FD_SUMMARY, FD_RESERVED */
};

/* One field of a structure at a fixed offset (ACPICA's AcpiDmTableInfo). */
struct field_desc {
	const char *key;
	const char *label;
	uint16_t offset;		/* from the start of the structure */
	uint16_t size;			/* bytes */
	enum iommu_dfield_kind kind;
	unsigned int flags;
	const struct bit_desc *bits;	/* bit fields, or NULL */
	uint8_t nbits;
	const char *const *names;	/* names of the values, or NULL */
	uint16_t nnames;
};

#define FIELDS(a) (a), ARRAY_SIZE(a)
#define BITS(a) .bits = (a), .nbits = ARRAY_SIZE(a)
#define NAMES(a) .names = (a), .nnames = ARRAY_SIZE(a)

/* A list of field descriptions. */
struct field_descs {
	const struct field_desc *desc;
	size_t n;
};

/*
 * The keys of decoded fields that the library reads back.  Each table lists
 * the keys its validators read (DMAR_KEYS in lib/acpi/dmar.h, IORT_KEYS in
 * lib/acpi/iort.h, IVRS_KEYS and VIOT_KEYS in lib/acpi/ivrs.h); the decoder's
 * field description and every reader name such a field by FIELD_KEY(LIST, k),
 * the string "k" that builds only when k is in LIST, so a misspelt key does
 * not compile.  Each decoder's field descriptions are listed in
 * <table>_field_descs[] (ended by a NULL desc), and tests/unit/test-field-keys.c
 * checks that every listed key is in one of them.
 */
#define FIELD_KEY(list, k) (&#k[0 * sizeof(((const struct list *)0)->k)])
#define FIELD_KEY_MEMBER(k) char k;
#define FIELD_KEY_NAME(k) #k,
extern const struct field_descs dmar_field_descs[], iort_field_descs[], ivrs_field_descs[],
	viot_field_descs[];

/*
 * The same for the register decodes (lib/unit/vtd-regs.c, amd-regs.c,
 * smmu-regs.c), read back by their decoders and by the status checks.
 */
#define VTD_REG_KEYS(X)                                                                    \
	X(cm) X(fro) X(iro) X(mamv) X(mgaw) X(mhmv) X(nd) X(nfr) X(pi) X(pss) X(sagaw)     \
	X(sslps) X(value)
struct vtd_reg_keys { VTD_REG_KEYS(FIELD_KEY_MEMBER) };
#define VTD_REG_KEY(k) FIELD_KEY(vtd_reg_keys, k)
#define AMD_REG_KEYS(X) X(ga_sup) X(gam_sup) X(pas_max) X(value)
struct amd_reg_keys { AMD_REG_KEYS(FIELD_KEY_MEMBER) };
#define AMD_REG_KEY(k) FIELD_KEY(amd_reg_keys, k)
#define SMMU_REG_KEYS(X) X(value)
struct smmu_reg_keys { SMMU_REG_KEYS(FIELD_KEY_MEMBER) };
#define SMMU_REG_KEY(k) FIELD_KEY(smmu_reg_keys, k)
extern const struct field_descs vtd_reg_field_descs[], amd_reg_field_descs[],
	smmu_reg_field_descs[];

/* Everything one decode needs: the table bytes, the tree and its findings. */
struct decoder {
	struct iommu_dnode *root;
	struct arena *arena;
	struct iommu_findings *findings;
	const uint8_t *data;		/* the table */
	size_t size;			/* bytes present */
	const char *signature;
	const char *ref;		/* spec named by structure findings */
	int error;			/* first allocation failure */
};

int decoder_init(struct decoder *d, struct iommu_table *table, const char *kind,
		 const char *title, const char *reference);
/* The same for bytes that are not an ACPI table (register values); SIGNATURE names them in findings. */
int decoder_init_data(struct decoder *d, const uint8_t *data, size_t size, const char *signature,
		      const char *kind, const char *title, const char *reference);
/* Hands the tree over (with d->findings attached), or the error. */
int decoder_finish(struct decoder *d, struct iommu_dnode **ret_root);

struct iommu_dnode *dnode_add(struct decoder *d, struct iommu_dnode *parent, const char *kind,
			      const char *title, uint64_t offset, uint64_t length);
/* Mark NODE as told by its parent's summary (iommu_dnode_is_detail()); NULL is a no-op. */
void dnode_set_detail(struct iommu_dnode *node);
/*
 * Decode the described fields of the structure at OFFSET of length LENGTH
 * (both bounded by the table).  A field past the structure or the table is
 * not decoded; a finding "<sig>.truncated" says so.  Returns the number of
 * fields decoded completely.
 */
size_t dnode_decode(struct decoder *d, struct iommu_dnode *node, uint64_t offset,
		    uint64_t length, const struct field_desc *desc, size_t ndesc);
struct iommu_dfield *dnode_add_u64(struct decoder *d, struct iommu_dnode *node, const char *key,
				   const char *label, enum iommu_dfield_kind kind, uint64_t offset,
				   unsigned int size, uint64_t value);
struct iommu_dfield *dnode_add_string(struct decoder *d, struct iommu_dnode *node,
				      const char *key, const char *label, uint64_t offset,
				      unsigned int size, const char *value);
struct iommu_dfield *dnode_add_bytes(struct decoder *d, struct iommu_dnode *node, const char *key,
				     const char *label, uint64_t offset, unsigned int size);
void dfield_set_meaning(struct decoder *d, struct iommu_dfield *field, const char *format, ...)
	PRINTF_FMT(3, 4);
void dfield_set_summary(struct iommu_dfield *field);
uint64_t dnode_get_u64(const struct iommu_dnode *node, const char *key, uint64_t fallback);
/* A finding about this table. */
void decoder_finding(struct decoder *d, const struct check_desc *check, uint64_t offset,
		     const char *format, ...) PRINTF_FMT(4, 5);
/* Printable copy of a fixed-size character field, non-printables as \xNN. */
char *decoder_text(struct decoder *d, const uint8_t *p, size_t size);

/* ---- ACPI tables (lib/acpi-*.c) ----------------------------------------- */

#define ACPI_HEADER_SIZE 36

struct iommu_ctx *tables_get_ctx(const struct iommu_tables *tables);
/* Parse acpidump text into tables added to SET; returns tables found or -errno. */
int acpidump_text_parse(struct iommu_tables *set, const char *source, const char *text,
			size_t size);
/* Looks like acpidump text (the first non-blank line is "NAME @ 0x..."). */
bool acpidump_text_detect(const uint8_t *data, size_t size);
/* Add a table from bytes; DATA is copied.  NAME may be NULL. */
int tables_add(struct iommu_tables *set, const char *source, uint64_t source_offset,
	       bool source_is_text, const char *name, const uint8_t *data, size_t size);
int tables_add_problem(struct iommu_tables *set, const char *source, uint64_t offset,
		       bool offset_is_line, int error, const char *format, ...) PRINTF_FMT(6, 7);
/* Why SIZE bytes at DATA are not an ACPI table header, or NULL when they may be. */
const char *acpi_header_problem(const uint8_t *data, size_t size);
/*
 * Why the bytes of a file are not an ACPI table, or NULL: a header problem, or a signature
 * no table has with a Length past the file or a wrong checksum.  A known table cut short
 * is a truncated table, not this.
 */
const char *acpi_file_problem(const uint8_t *data, size_t size);

/* Decoders per signature (lib/acpi/acpi-decode.c dispatches). */
typedef int (*table_decode_fn)(struct iommu_table *table, struct iommu_dnode **ret_root);
int acpi_header_decode(struct decoder *d, struct iommu_dnode *node);
int ivrs_decode(struct iommu_table *table, struct iommu_dnode **ret_root);
int viot_decode(struct iommu_table *table, struct iommu_dnode **ret_root);
int iort_decode(struct iommu_table *table, struct iommu_dnode **ret_root);
int dmar_decode(struct iommu_table *table, struct iommu_dnode **ret_root);

/* ---- validation (lib/acpi/validate.c dispatches) ------------------------- */

struct validator {
	struct iommu_ctx *ctx;
	struct iommu_table *table;
	const struct iommu_tables *tables;	/* the set TABLE came with */
	const struct iommu_dnode *root;		/* TABLE decoded */
	struct iommu_findings *findings;
	unsigned int flags;			/* IOMMU_VALIDATE_* */
	const char *signature;
	int error;				/* first allocation failure */
};

void validator_finding(struct validator *v, const struct check_desc *check, uint64_t offset,
		       const char *format, ...) PRINTF_FMT(4, 5);

typedef int (*table_validate_fn)(struct validator *v);
int ivrs_validate(struct validator *v);
int viot_validate(struct validator *v);
int iort_validate(struct validator *v);
int dmar_validate(struct validator *v);

#endif
