// SPDX-License-Identifier: MIT
/*
 * json-check: exit 0 when standard input is exactly one JSON object with an
 * integer "schema_version" (what every iommutool --json run must print), 1
 * otherwise, saying why.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

int main(void)
{
	struct json_tokener *tok = json_tokener_new();
	json_object *doc = NULL, *version;
	char buf[65536];
	size_t n, used = 0;

	if (!tok)
		return 2;
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0) {
		doc = json_tokener_parse_ex(tok, buf, (int)n);
		used = (size_t)json_tokener_get_parse_end(tok);
		if (json_tokener_get_error(tok) != json_tokener_continue)
			break;
	}
	if (!doc) {
		fprintf(stderr, "json-check: not JSON: %s\n",
			json_tokener_error_desc(json_tokener_get_error(tok)));
		return 1;
	}
	/* Nothing but white space may follow the document. */
	for (; used < n; used++)
		if (!strchr(" \t\r\n", buf[used])) {
			fprintf(stderr, "json-check: data after the document\n");
			return 1;
		}
	if (fread(buf, 1, 1, stdin) == 1 && !strchr(" \t\r\n", buf[0])) {
		fprintf(stderr, "json-check: data after the document\n");
		return 1;
	}
	if (!json_object_is_type(doc, json_type_object) ||
	    !json_object_object_get_ex(doc, "schema_version", &version) ||
	    !json_object_is_type(version, json_type_int)) {
		fprintf(stderr, "json-check: not an object with an integer schema_version\n");
		return 1;
	}
	json_object_put(doc);
	json_tokener_free(tok);
	return 0;
}
