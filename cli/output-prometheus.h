/* SPDX-License-Identifier: MIT */
/* The output layer's Prometheus renderer (cli/output-prometheus.c). */
#ifndef IOMMUTOOL_OUTPUT_PROMETHEUS_H
#define IOMMUTOOL_OUTPUT_PROMETHEUS_H

#include <stdio.h>

#include <json-c/json.h>

#include "output.h"

/* Write METRICS read from ROOT, the records' tree (write errors: ferror(F)). */
void prometheus_write(FILE *f, json_object *root, const struct out_metric *metrics, size_t nmetrics);

#endif
