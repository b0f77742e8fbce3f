/* SPDX-License-Identifier: MIT */
/*
 * The output layer: a command describes each record once and this renders it
 * as aligned text for people or as one JSON document for scripts.  Values
 * carry a JSON key and a printf format for text; a NULL format means "JSON
 * only", a NULL key "text only".  Numbers reach the format as (unsigned)
 * long long: "%llu", "%llx".  No command tests which one is in use.
 */
#ifndef IOMMUTOOL_OUTPUT_H
#define IOMMUTOOL_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define PRINTF_FMT(a, b) __attribute__((format(printf, a, b)))

enum out_format {
	OUT_TEXT,
	OUT_JSON,
	OUT_PROMETHEUS,	/* gauges read from the records: out_set_metrics() */
};

enum out_color {
	COLOR_NONE,
	COLOR_GOOD,	/* green: pass, ok */
	COLOR_WARN,	/* yellow */
	COLOR_BAD,	/* red: fail, error */
	COLOR_DIM,	/* offsets, sources */
	COLOR_BOLD,	/* titles */
};

/*
 * The "schema_version" of every JSON document: raised when a key changes
 * meaning, type or place, with the change listed in iommutool(1) JSON.
 */
#define OUT_SCHEMA_VERSION 2

struct out;

struct out *out_new(FILE *file, enum out_format format, bool color);
/* Write the JSON document, flush, free; 0 or -errno of the first failed write. */
int out_close(struct out *o);
/* Drop the JSON document built so far: out_close() then prints nothing. */
void out_discard(struct out *o);

/*
 * A gauge of the Prometheus text exposition format read from the records, so
 * that the facts are described once: for each record at RECORDS (the key of a
 * top-level object, or of an array of objects), one sample per value of
 * STATES, 1 for the value its STATE_KEY holds and 0 for the others (a state
 * set), labelled STATE_LABEL="value" and, with an ID_KEY, ID_LABEL="the
 * record's ID_KEY" first.
 */
struct out_metric {
	const char *name;
	const char *help;
	const char *records;
	const char *id_key, *id_label;
	const char *state_key, *state_label;
	const char *const *states;	/* NULL-terminated */
};

/*
 * Render METRICS from the records instead of text (before any record is
 * described): Prometheus's text format, as node_exporter's textfile collector
 * reads it.  -EINVAL with JSON asked for, -ENOMEM.
 */
int out_set_metrics(struct out *o, const struct out_metric *metrics, size_t nmetrics);

/* Objects and arrays: JSON nesting; no text of their own. */
void out_begin_object(struct out *o, const char *key);
void out_end_object(struct out *o);
void out_begin_array(struct out *o, const char *key);
void out_end_array(struct out *o);

void out_uint(struct out *o, const char *key, const char *fmt, uint64_t value);
void out_int(struct out *o, const char *key, const char *fmt, int64_t value);
/* JSON: "0x..." string; text: as FMT prints it. */
void out_hex(struct out *o, const char *key, const char *fmt, uint64_t value);
/* VALUE NULL: JSON null, text "-". */
void out_str(struct out *o, const char *key, const char *fmt, const char *value);
void out_str_color(struct out *o, const char *key, const char *fmt, const char *value,
		   enum out_color color);
void out_bool(struct out *o, const char *key, const char *fmt, bool value);
void out_null(struct out *o, const char *key, const char *fmt);
/* Text only. */
void out_text(struct out *o, const char *fmt, ...) PRINTF_FMT(2, 3);
void out_text_color(struct out *o, enum out_color color, const char *fmt, ...) PRINTF_FMT(3, 4);
void out_indent(struct out *o, unsigned int level);

/* ---- column tables: lists rendered as aligned columns or an array of objects ---- */

enum out_col_type {
	COL_STRING,
	COL_UINT,
	COL_HEX,	/* JSON "0x..." */
	COL_BOOL,
	COL_RANGES,	/* JSON [{"start": "0x...", "end": "0x...", "type": "..."}]; text "0xS-0xE type, ..." */
};

#define COL_RIGHT	(1u << 0)	/* right-aligned in text */
#define COL_EXTRA	(1u << 1)	/* not shown in text unless selected with -o */
#define COL_OUTER	(1u << 2)	/* of the record holding the rows: see out_table_nest() */

struct out_column {
	const char *key;	/* JSON key and the name -o selects */
	const char *header;	/* text header */
	enum out_col_type type;
	unsigned int flags;
	const char *help;
};

struct out_table;

/*
 * SELECT is a comma-separated list of column keys (from -o), or NULL for the
 * default set.  Returns NULL with errno EINVAL and *RET_BAD (malloc'd) naming
 * an unknown column, or errno ENOMEM.
 */
struct out_table *out_table_new(struct out *o, const char *key, const struct out_column *cols,
				size_t ncols, const char *select, char **ret_bad);
void out_cell_str(struct out_table *t, size_t col, const char *value);
void out_cell_uint(struct out_table *t, size_t col, uint64_t value);
void out_cell_hex(struct out_table *t, size_t col, uint64_t value, unsigned int digits);
void out_cell_bool(struct out_table *t, size_t col, bool value);
/* A cell left unset, or set null, is unknown: JSON null, text "-". */
void out_cell_null(struct out_table *t, size_t col);
/* A COL_RANGES cell: known and empty (JSON [], text "-"), then one range a call. */
void out_cell_ranges(struct out_table *t, size_t col);
void out_cell_range(struct out_table *t, size_t col, uint64_t start, uint64_t end, const char *type);
void out_row_end(struct out_table *t);
/* End a row that JSON lists and text leaves out (text names such records otherwise, if at all). */
void out_row_end_json_only(struct out_table *t);
/* Text only: a line under the table, after its rows (what is wrong with a row, in words). */
void out_table_note(struct out_table *t, const char *fmt, ...) PRINTF_FMT(2, 3);
/*
 * Rows that belong to records, such as a group's members: the COL_OUTER
 * columns describe the record.  Text repeats them on each of its rows; JSON
 * gives each record once, an object with its COL_OUTER columns and its rows
 * under MEMBERS_KEY.  Set the outer cells, then the rows, then out_outer_end().
 */
void out_table_nest(struct out_table *t, const char *members_key);
void out_outer_end(struct out_table *t);
/* Print the text table (or close the JSON array) and free. */
void out_table_end(struct out_table *t);

#endif
