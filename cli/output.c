// SPDX-License-Identifier: MIT
/* The output layer: one description of each record, rendered as text or JSON. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "output-prometheus.h"
#include "output.h"

#define MAX_DEPTH 64

struct out {
	FILE *file;
	enum out_format format;
	bool color;
	json_object *root;
	json_object *stack[MAX_DEPTH];
	int depth;
	bool nomem;		/* a JSON value could not be made: no document is printed */
	const struct out_metric *metrics;	/* OUT_PROMETHEUS */
	size_t nmetrics;
};

/* The tree the records are described into, for JSON and metrics. */
static int start_tree(struct out *o)
{
	json_object *version = json_object_new_int(OUT_SCHEMA_VERSION);

	o->root = json_object_new_object();
	if (!o->root || !version || json_object_object_add(o->root, "schema_version", version) < 0) {
		json_object_put(version);
		json_object_put(o->root);
		o->root = NULL;
		return -ENOMEM;
	}
	o->stack[0] = o->root;
	return 0;
}

struct out *out_new(FILE *file, enum out_format format, bool color)
{
	struct out *o = calloc(1, sizeof(*o));

	if (!o)
		return NULL;
	o->file = file;
	o->format = format;
	o->color = color && format == OUT_TEXT;
	if (format != OUT_TEXT && start_tree(o) < 0) {
		free(o);
		return NULL;
	}
	return o;
}

int out_set_metrics(struct out *o, const struct out_metric *metrics, size_t nmetrics)
{
	if (o->format == OUT_JSON)
		return -EINVAL;
	if (!o->root && start_tree(o) < 0)
		return -ENOMEM;
	o->format = OUT_PROMETHEUS;
	o->color = false;
	o->metrics = metrics;
	o->nmetrics = nmetrics;
	return 0;
}

/* Out of memory: half a document would read as a whole one, so none is printed. */
static int write_tree(struct out *o)
{
	const char *text;

	if (o->nomem)
		return -ENOMEM;
	if (o->format == OUT_PROMETHEUS) {
		prometheus_write(o->file, o->root, o->metrics, o->nmetrics);
		return 0;
	}
	text = json_object_to_json_string_ext(o->root, JSON_C_TO_STRING_PRETTY |
							       JSON_C_TO_STRING_SPACED |
							       JSON_C_TO_STRING_NOSLASHESCAPE);
	if (!text)
		return -ENOMEM;
	fputs(text, o->file);
	fputc('\n', o->file);
	return 0;
}

int out_close(struct out *o)
{
	int r = 0;

	if (!o)
		return 0;
	if (o->root) {
		r = write_tree(o);
		json_object_put(o->root);
	}
	errno = 0;
	if ((fflush(o->file) != 0 || ferror(o->file)) && r == 0)
		r = errno ? -errno : -EIO;
	free(o);
	return r;
}

void out_discard(struct out *o)
{
	json_object_put(o->root);
	o->root = NULL;
	o->stack[0] = NULL;
	o->depth = 0;
}

/* JSON and metrics are rendered from the tree of records built as they are described. */
static bool builds_tree(const struct out *o)
{
	return o->format != OUT_TEXT;
}

/* V, a value just made; NULL (json-c out of memory) marks the document as lost. */
static json_object *made(struct out *o, json_object *v)
{
	if (!v)
		o->nomem = true;
	return v;
}

/* Attach V (NULL: JSON null) to the current JSON container under KEY; false when it was dropped. */
static bool json_put(struct out *o, const char *key, json_object *v)
{
	json_object *top = o->stack[o->depth];
	bool array = json_object_is_type(top, json_type_array);

	/* A value without a key outside an array, or after memory ran out, goes nowhere. */
	if (!top || o->nomem || (!array && !key)) {
		json_object_put(v);
		return false;
	}
	if ((array ? json_object_array_add(top, v) : json_object_object_add(top, key, v)) < 0) {
		o->nomem = true;
		json_object_put(v);
		return false;
	}
	return true;
}

/* A container the values after it go into, until its end; NULL when it could not be made. */
static void json_push(struct out *o, const char *key, json_object *container)
{
	bool attached = json_put(o, key, container);

	if (o->depth + 1 < MAX_DEPTH)
		o->stack[++o->depth] = attached ? container : NULL;
}

void out_begin_object(struct out *o, const char *key)
{
	if (builds_tree(o))
		json_push(o, key, made(o, json_object_new_object()));
}

void out_end_object(struct out *o)
{
	if (builds_tree(o) && o->depth > 0)
		o->depth--;
}

void out_begin_array(struct out *o, const char *key)
{
	if (builds_tree(o))
		json_push(o, key, made(o, json_object_new_array()));
}

void out_end_array(struct out *o)
{
	out_end_object(o);
}

static const char *color_code(enum out_color color)
{
	switch (color) {
	case COLOR_GOOD:
		return "\033[32m";
	case COLOR_WARN:
		return "\033[33m";
	case COLOR_BAD:
		return "\033[1;31m";
	case COLOR_DIM:
		return "\033[2m";
	case COLOR_BOLD:
		return "\033[1m";
	case COLOR_NONE:
		break;
	}
	return "";
}

static void text_vprint(struct out *o, enum out_color color, const char *fmt, va_list args)
	PRINTF_FMT(3, 0);
static void text_vprint(struct out *o, enum out_color color, const char *fmt, va_list args)
{
	bool colored = o->color && color != COLOR_NONE;

	if (colored)
		fputs(color_code(color), o->file);
	vfprintf(o->file, fmt, args);
	if (colored)
		fputs("\033[0m", o->file);
}

static void text_print(struct out *o, enum out_color color, const char *fmt, ...)
	PRINTF_FMT(3, 4);
static void text_print(struct out *o, enum out_color color, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	text_vprint(o, color, fmt, args);
	va_end(args);
}

/* The formats below come from the commands' own string literals. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

void out_uint(struct out *o, const char *key, const char *fmt, uint64_t value)
{
	if (builds_tree(o))
		json_put(o, key, made(o, json_object_new_uint64(value)));
	else if (fmt)
		text_print(o, COLOR_NONE, fmt, (unsigned long long)value);
}

void out_int(struct out *o, const char *key, const char *fmt, int64_t value)
{
	if (builds_tree(o))
		json_put(o, key, made(o, json_object_new_int64(value)));
	else if (fmt)
		text_print(o, COLOR_NONE, fmt, (long long)value);
}

void out_hex(struct out *o, const char *key, const char *fmt, uint64_t value)
{
	if (builds_tree(o)) {
		char buf[24];

		snprintf(buf, sizeof(buf), "0x%" PRIx64, value);
		json_put(o, key, made(o, json_object_new_string(buf)));
	} else if (fmt) {
		text_print(o, COLOR_NONE, fmt, (unsigned long long)value);
	}
}

void out_str_color(struct out *o, const char *key, const char *fmt, const char *value,
		   enum out_color color)
{
	if (builds_tree(o))
		json_put(o, key, value ? made(o, json_object_new_string(value)) : NULL);
	else if (fmt)
		text_print(o, value ? color : COLOR_NONE, fmt, value ? value : "-");
}

void out_str(struct out *o, const char *key, const char *fmt, const char *value)
{
	out_str_color(o, key, fmt, value, COLOR_NONE);
}

void out_bool(struct out *o, const char *key, const char *fmt, bool value)
{
	if (builds_tree(o))
		json_put(o, key, made(o, json_object_new_boolean(value)));
	else if (fmt)
		text_print(o, COLOR_NONE, fmt, value ? "yes" : "no");
}

void out_null(struct out *o, const char *key, const char *fmt)
{
	if (builds_tree(o))
		json_put(o, key, NULL);
	else if (fmt)
		text_print(o, COLOR_NONE, fmt, "-");
}

#pragma GCC diagnostic warning "-Wformat-nonliteral"

void out_text(struct out *o, const char *fmt, ...)
{
	va_list args;

	if (o->format != OUT_TEXT)
		return;
	va_start(args, fmt);
	text_vprint(o, COLOR_NONE, fmt, args);
	va_end(args);
}

void out_text_color(struct out *o, enum out_color color, const char *fmt, ...)
{
	va_list args;

	if (o->format != OUT_TEXT)
		return;
	va_start(args, fmt);
	text_vprint(o, color, fmt, args);
	va_end(args);
}

void out_indent(struct out *o, unsigned int level)
{
	if (o->format == OUT_TEXT)
		fprintf(o->file, "%*s", (int)(2 * level), "");
}

/* ---- column tables ------------------------------------------------------ */

struct out_table {
	struct out *out;
	const struct out_column *cols;
	size_t *shown;		/* indexes of the columns shown */
	size_t nshown;
	size_t ncols;
	/* text: every cell as a string until the end */
	char **cells;		/* rows x ncols */
	size_t nrows, alloc_rows;
	/* JSON: the current row */
	json_object *row;
	bool failed;
	/* nested rows (out_table_nest): the record's cells until out_outer_end() */
	const char *members_key;
	char **outer_cells;	/* text: ncols, only COL_OUTER ones set */
	json_object *outer;	/* JSON: the record's cells */
	json_object *members;	/* JSON: its rows so far */
	/* text: the lines under the table (out_table_note) */
	FILE *notes;
	char *notes_text;
	size_t notes_size;
};

static bool outer_column(const struct out_table *t, size_t col)
{
	return t->members_key && (t->cols[col].flags & COL_OUTER);
}

static int select_columns(struct out_table *t, const char *select, bool text, char **ret_bad)
{
	char *list, *save = NULL;

	t->shown = calloc(t->ncols ? t->ncols : 1, sizeof(*t->shown));
	if (!t->shown)
		return -ENOMEM;
	if (!select) {
		for (size_t i = 0; i < t->ncols; i++)
			if (!text || !(t->cols[i].flags & COL_EXTRA))
				t->shown[t->nshown++] = i;
		return 0;
	}
	list = strdup(select);
	if (!list)
		return -ENOMEM;
	for (char *name = strtok_r(list, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < t->ncols && strcmp(t->cols[i].key, name) != 0; i++)
			;
		if (i == t->ncols) {
			*ret_bad = strdup(name);
			free(list);
			return -EINVAL;
		}
		if (t->nshown < t->ncols)
			t->shown[t->nshown++] = i;
	}
	free(list);
	return 0;
}

struct out_table *out_table_new(struct out *o, const char *key, const struct out_column *cols,
				size_t ncols, const char *select, char **ret_bad)
{
	struct out_table *t = calloc(1, sizeof(*t));
	int r;

	if (!t) {
		errno = ENOMEM;
		return NULL;
	}
	t->out = o;
	t->cols = cols;
	t->ncols = ncols;
	r = select_columns(t, select, o->format == OUT_TEXT, ret_bad);
	if (r < 0) {
		free(t->shown);
		free(t);
		errno = -r;
		return NULL;
	}
	out_begin_array(o, key);
	return t;
}

static char **current_row(struct out_table *t)
{
	if (t->nrows == t->alloc_rows) {
		size_t alloc = t->alloc_rows ? t->alloc_rows * 2 : 16;
		char **bigger = reallocarray(t->cells, alloc * t->ncols, sizeof(char *));

		if (!bigger) {
			t->failed = true;
			return NULL;
		}
		memset(bigger + t->alloc_rows * t->ncols, 0,
		       (alloc - t->alloc_rows) * t->ncols * sizeof(char *));
		t->cells = bigger;
		t->alloc_rows = alloc;
	}
	return t->cells + t->nrows * t->ncols;
}

/* Where the cell COL of the row being made is: text. */
static char **text_cell(struct out_table *t, size_t col)
{
	char **row = outer_column(t, col) ? t->outer_cells : current_row(t);

	return row ? &row[col] : NULL;
}

/* The same: JSON, the object the cell goes in. */
static json_object **json_cells(struct out_table *t, size_t col)
{
	json_object **cells = outer_column(t, col) ? &t->outer : &t->row;

	if (!*cells)
		*cells = made(t->out, json_object_new_object());
	return cells;
}

static void cell_set(struct out_table *t, size_t col, json_object *json, const char *text)
{
	if (col >= t->ncols) {
		json_object_put(json);
		return;
	}
	if (builds_tree(t->out)) {
		json_object *cells = *json_cells(t, col);

		if (!cells || json_object_object_add(cells, t->cols[col].key, json) < 0) {
			t->out->nomem = true;
			json_object_put(json);
		}
	} else {
		char **cell = text_cell(t, col);

		if (cell) {
			free(*cell);
			*cell = text ? strdup(text) : NULL;
		}
	}
}

void out_cell_str(struct out_table *t, size_t col, const char *value)
{
	bool json = builds_tree(t->out);

	cell_set(t, col, json && value ? made(t->out, json_object_new_string(value)) : NULL, value);
}

void out_cell_uint(struct out_table *t, size_t col, uint64_t value)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%" PRIu64, value);
	cell_set(t, col, builds_tree(t->out) ? made(t->out, json_object_new_uint64(value)) : NULL,
		 buf);
}

void out_cell_hex(struct out_table *t, size_t col, uint64_t value, unsigned int digits)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "0x%0*" PRIx64, (int)digits, value);
	cell_set(t, col, builds_tree(t->out) ? made(t->out, json_object_new_string(buf)) : NULL,
		 buf);
}

void out_cell_bool(struct out_table *t, size_t col, bool value)
{
	cell_set(t, col, builds_tree(t->out) ? made(t->out, json_object_new_boolean(value)) : NULL,
		 value ? "yes" : "no");
}

void out_cell_null(struct out_table *t, size_t col)
{
	cell_set(t, col, NULL, NULL);
}

void out_cell_ranges(struct out_table *t, size_t col)
{
	cell_set(t, col, builds_tree(t->out) ? made(t->out, json_object_new_array()) : NULL,
		 NULL);
}

static void json_add(struct out *o, json_object *obj, const char *key, json_object *v)
{
	if (!v || json_object_object_add(obj, key, v) < 0) {
		o->nomem = true;
		json_object_put(v);
	}
}

static json_object *json_range(struct out *o, uint64_t start, uint64_t end, const char *type)
{
	json_object *range = made(o, json_object_new_object());
	char buf[24];

	if (!range)
		return NULL;
	snprintf(buf, sizeof(buf), "0x%" PRIx64, start);
	json_add(o, range, "start", json_object_new_string(buf));
	snprintf(buf, sizeof(buf), "0x%" PRIx64, end);
	json_add(o, range, "end", json_object_new_string(buf));
	json_add(o, range, "type", json_object_new_string(type));
	return range;
}

void out_cell_range(struct out_table *t, size_t col, uint64_t start, uint64_t end, const char *type)
{
	if (col >= t->ncols)
		return;
	if (builds_tree(t->out)) {
		json_object *cells = *json_cells(t, col), *list = NULL, *range;

		if (!cells)
			return;
		if (!json_object_object_get_ex(cells, t->cols[col].key, &list) ||
		    !json_object_is_type(list, json_type_array)) {
			out_cell_ranges(t, col);
			json_object_object_get_ex(cells, t->cols[col].key, &list);
		}
		range = json_range(t->out, start, end, type);
		if (!list || !range || json_object_array_add(list, range) < 0) {
			t->out->nomem = true;
			json_object_put(range);
		}
	} else {
		char **cell = text_cell(t, col), *joined;

		if (!cell)
			return;
		if (asprintf(&joined, "%s%s0x%" PRIx64 "-0x%" PRIx64 " %s", *cell ? *cell : "",
			     *cell ? ", " : "", start, end, type) < 0) {
			t->failed = true;
			return;
		}
		free(*cell);
		*cell = joined;
	}
}

/* The shown columns of CELLS (NULL: none set) as an object, in order; unset ones null. */
static json_object *json_shown(struct out_table *t, json_object *cells, bool outer)
{
	json_object *obj = made(t->out, json_object_new_object());

	for (size_t i = 0; obj && i < t->nshown; i++) {
		const char *key = t->cols[t->shown[i]].key;
		json_object *v = NULL;

		if (outer_column(t, t->shown[i]) != outer)
			continue;
		if (cells && json_object_object_get_ex(cells, key, &v))
			v = json_object_get(v);
		if (json_object_object_add(obj, key, v) < 0) {
			t->out->nomem = true;
			json_object_put(v);
		}
	}
	return obj;
}

void out_row_end(struct out_table *t)
{
	if (builds_tree(t->out)) {
		json_object *row = json_shown(t, t->row, false);

		json_object_put(t->row);
		t->row = NULL;
		if (!t->members_key) {
			json_put(t->out, NULL, row);
			return;
		}
		if (!t->members)
			t->members = made(t->out, json_object_new_array());
		if (!row || !t->members || json_object_array_add(t->members, row) < 0) {
			t->out->nomem = true;
			json_object_put(row);
		}
	} else if (current_row(t)) {
		/* A record's cells repeat on each of its rows. */
		for (size_t i = 0; t->outer_cells && i < t->ncols; i++) {
			char **cell = &t->cells[t->nrows * t->ncols + i];

			if (outer_column(t, i) && t->outer_cells[i]) {
				free(*cell);
				*cell = strdup(t->outer_cells[i]);
			}
		}
		t->nrows++;
	}
}

void out_row_end_json_only(struct out_table *t)
{
	char **row;

	if (builds_tree(t->out)) {
		out_row_end(t);
		return;
	}
	row = current_row(t);
	for (size_t i = 0; row && i < t->ncols; i++) {
		free(row[i]);
		row[i] = NULL;
	}
}

void out_table_note(struct out_table *t, const char *fmt, ...)
{
	va_list args;

	if (t->out->format != OUT_TEXT)
		return;
	if (!t->notes)
		t->notes = open_memstream(&t->notes_text, &t->notes_size);
	if (!t->notes) {
		t->failed = true;
		return;
	}
	va_start(args, fmt);
	vfprintf(t->notes, fmt, args);
	va_end(args);
}

void out_table_nest(struct out_table *t, const char *members_key)
{
	t->members_key = members_key;
	if (t->out->format == OUT_TEXT && !t->outer_cells) {
		t->outer_cells = calloc(t->ncols ? t->ncols : 1, sizeof(*t->outer_cells));
		if (!t->outer_cells)
			t->failed = true;
	}
}

void out_outer_end(struct out_table *t)
{
	if (builds_tree(t->out)) {
		json_object *record = json_shown(t, t->outer, true);
		json_object *members = t->members ? t->members : made(t->out, json_object_new_array());

		t->members = NULL;
		if (!record || json_object_object_add(record, t->members_key, members) < 0) {
			t->out->nomem = true;
			json_object_put(members);
		}
		json_object_put(t->outer);
		t->outer = NULL;
		json_put(t->out, NULL, record);
	} else {
		for (size_t i = 0; t->outer_cells && i < t->ncols; i++) {
			free(t->outer_cells[i]);
			t->outer_cells[i] = NULL;
		}
	}
}

/* Columns on a terminal: UTF-8 continuation bytes take none. */
static size_t display_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static void pad(FILE *f, size_t n)
{
	while (n--)
		fputc(' ', f);
}

static void text_render(struct out_table *t)
{
	size_t *width = calloc(t->nshown ? t->nshown : 1, sizeof(*width));
	FILE *f = t->out->file;

	if (!width)
		return;
	for (size_t i = 0; i < t->nshown; i++) {
		width[i] = display_width(t->cols[t->shown[i]].header);
		for (size_t r = 0; r < t->nrows; r++) {
			const char *cell = t->cells[r * t->ncols + t->shown[i]];
			size_t len = cell ? display_width(cell) : 1;

			if (len > width[i])
				width[i] = len;
		}
	}
	for (size_t r = 0; r <= t->nrows; r++) {
		if (r == 0 && t->out->color)
			fputs(color_code(COLOR_BOLD), f);
		for (size_t i = 0; i < t->nshown; i++) {
			const struct out_column *c = &t->cols[t->shown[i]];
			const char *cell = r == 0 ? c->header : t->cells[(r - 1) * t->ncols + t->shown[i]];
			bool last = i + 1 == t->nshown;

			if (!cell)
				cell = "-";
			if (c->flags & COL_RIGHT)
				pad(f, width[i] - display_width(cell));
			fputs(cell, f);
			if (!(c->flags & COL_RIGHT) && !last)
				pad(f, width[i] - display_width(cell));
			if (!last)
				fputs("  ", f);
		}
		if (r == 0 && t->out->color)
			fputs("\033[0m", f);
		fputc('\n', f);
	}
	free(width);
}

void out_table_end(struct out_table *t)
{
	if (!t)
		return;
	if (builds_tree(t->out))
		out_end_array(t->out);
	else if (t->nrows)
		text_render(t);
	if (t->notes && fclose(t->notes) == 0)
		fputs(t->notes_text, t->out->file);
	free(t->notes_text);
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	for (size_t i = 0; t->outer_cells && i < t->ncols; i++)
		free(t->outer_cells[i]);
	free(t->outer_cells);
	json_object_put(t->outer);
	json_object_put(t->members);
	json_object_put(t->row);
	free(t->cells);
	free(t->shown);
	free(t);
}
