/* SPDX-License-Identifier: MIT */
/*
 * The IORT questions `iommutool decode` answers besides the decode
 * (cli/decode-iort.c): --trace (where an ID goes), --reverse (which IDs
 * come to one) and --dot (the node graph for Graphviz).
 */
#ifndef IOMMUTOOL_DECODE_IORT_H
#define IOMMUTOOL_DECODE_IORT_H

#include "iommutool.h"

#define IORT_QUERY_MAX 16

enum {
	OPT_IORT_TRACE = 0x400,
	OPT_IORT_REVERSE,
	OPT_IORT_DOT,
};

/* The options, for the decode command's argp_option array. */
#define IORT_QUERY_OPTIONS                                                                         \
	{ "trace", OPT_IORT_TRACE, "START", 0,                                                     \
	  "IORT: follow an ID from START ([SEG:]BUS:DEV.FN, @NODE-OFFSET[:ID] or NAME[:ID]) to " \
	  "the SMMU (StreamID) and the ITS group (DeviceID); repeatable", 0 },                    \
	{ "reverse", OPT_IORT_REVERSE, "[NODE:]ID", 0,                                             \
	  "IORT: which input IDs reach ID at NODE (@OFFSET or an SMMU base address; every SMMU "  \
	  "when omitted); repeatable", 0 },                                                        \
	{ "dot", OPT_IORT_DOT, NULL, 0, "IORT: write the node graph in Graphviz DOT", 0 }

struct iort_query {
	const char *trace[IORT_QUERY_MAX];
	const char *reverse[IORT_QUERY_MAX];
	unsigned int ntrace, nreverse;
	bool dot;
};

/* For the command's argp parser: ARGP_ERR_UNKNOWN for keys that are not these options. */
error_t iort_query_parse(struct iort_query *q, int key, char *arg, struct argp_state *state);
/* Was a question asked?  Then only IORTs are shown, and only the answers. */
bool iort_query_active(const struct iort_query *q);
/* Answer the questions for table T (an IORT); returns an exit code. */
int iort_query_run(struct cli *cli, struct iommu_table *t, const struct iort_query *q);

#endif
