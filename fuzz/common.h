/* SPDX-License-Identifier: MIT */
/*
 * What every libFuzzer harness shares: one context whose sysroot is an empty
 * directory (nothing of the fuzzing machine leaks into a run), and walks that
 * touch every byte the library hands back, so a dangling or unterminated
 * string or an out-of-bounds slice is caught by AddressSanitizer where it is
 * made, not later in a command.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "libiommu.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The harness's context, made on first use; aborts when it cannot be. */
struct iommu_ctx *fuzz_ctx(void);
/* The input as a file (in memory) named PATH, for readers that take a path; close the fd after. */
int fuzz_file(const void *data, size_t size, char path[32]);
/* Keep a value the library returned (so the call that made it is not optimised away). */
void fuzz_fold(uint64_t value);
/* Read a string the library returned (NULL allowed) to its end. */
void fuzz_touch_string(const char *s);
void fuzz_touch_bytes(const void *p, size_t size);
/* The little-endian number of N bytes at P. */
uint64_t fuzz_le(const uint8_t *p, unsigned int n);
/*
 * The walkers' mapping callback: touches everything a mapping gives; BUDGET
 * points at the number of calls left (an unsigned int), and the walk is
 * stopped when none is.  Bounds the harness, not the walker.
 */
int fuzz_on_mapping(const struct iommu_mapping *m, void *budget);
/* Every outcome and step of a translation. */
void fuzz_walk_xlate(const struct iommu_xlate *x);
/* Every node, field and finding of a decoded tree. */
void fuzz_walk_dnode(const struct iommu_dnode *node);
void fuzz_walk_findings(const struct iommu_findings *findings);
/* Every getter of every table and problem of a set, and the decode and validation of each table. */
void fuzz_walk_tables(const struct iommu_tables *tables);
/* Decode and validate one table (without and with the system checks) and walk the results. */
void fuzz_decode_validate(struct iommu_table *table, const struct iommu_tables *tables);

#endif
