// SPDX-License-Identifier: MIT
/*
 * Records as Prometheus gauges: the text exposition format 0.0.4 (Prometheus
 * "Exposition formats": HELP and TYPE before a metric's samples, label values
 * with \\, \" and \n escaped), which node_exporter's textfile collector reads.
 * No timestamps: the collector refuses them.
 */
#include <errno.h>
#include <string.h>

#include "output-prometheus.h"

/* TEXT with backslash and newline escaped, and the double quote too in a label value. */
static void put_escaped(FILE *f, const char *text, bool label)
{
	for (; *text; text++) {
		if (*text == '\\')
			fputs("\\\\", f);
		else if (*text == '\n')
			fputs("\\n", f);
		else if (*text == '"' && label)
			fputs("\\\"", f);
		else
			fputc(*text, f);
	}
}

static const char *string_of(json_object *record, const char *key)
{
	json_object *v;

	if (!key || !json_object_object_get_ex(record, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

static void sample(FILE *f, const struct out_metric *m, const char *id, const char *state, bool is)
{
	fputs(m->name, f);
	fputc('{', f);
	if (m->id_key) {
		fprintf(f, "%s=\"", m->id_label);
		put_escaped(f, id ? id : "", true);
		fputs("\",", f);
	}
	fprintf(f, "%s=\"", m->state_label);
	put_escaped(f, state, true);
	fprintf(f, "\"} %d\n", is);
}

/* One sample per state; a value none of them names is a sample of its own. */
static void record_samples(FILE *f, const struct out_metric *m, json_object *record)
{
	const char *id = string_of(record, m->id_key), *value = string_of(record, m->state_key);
	bool known = false;

	for (const char *const *s = m->states; *s; s++) {
		bool is = value && strcmp(value, *s) == 0;

		known |= is;
		sample(f, m, id, *s, is);
	}
	if (value && !known)
		sample(f, m, id, value, true);
}

/* A series may appear once: a record whose id an earlier one had is left out. */
static bool seen_before(const struct out_metric *m, json_object *records, size_t index)
{
	const char *id = string_of(json_object_array_get_idx(records, index), m->id_key);

	for (size_t r = 0; id && r < index; r++) {
		const char *other = string_of(json_object_array_get_idx(records, r), m->id_key);

		if (other && strcmp(id, other) == 0)
			return true;
	}
	return false;
}

void prometheus_write(FILE *f, json_object *root, const struct out_metric *metrics, size_t nmetrics)
{
	for (size_t i = 0; i < nmetrics; i++) {
		const struct out_metric *m = &metrics[i];
		json_object *records;

		fprintf(f, "# HELP %s ", m->name);
		put_escaped(f, m->help, false);
		fprintf(f, "\n# TYPE %s gauge\n", m->name);
		if (!json_object_object_get_ex(root, m->records, &records))
			continue;
		if (json_object_is_type(records, json_type_object)) {
			record_samples(f, m, records);
			continue;
		}
		for (size_t r = 0; json_object_is_type(records, json_type_array) &&
				   r < json_object_array_length(records); r++) {
			json_object *record = json_object_array_get_idx(records, r);

			if (json_object_is_type(record, json_type_object) &&
			    !seen_before(m, records, r))
				record_samples(f, m, record);
		}
	}
}
