/* SPDX-License-Identifier: MIT */
/* walk --interrupts and walk --queue (cli/dump-irq.c). */
#ifndef IOMMUTOOL_DUMP_IRQ_H
#define IOMMUTOOL_DUMP_IRQ_H

#include "iommutool.h"

/* The interrupt remapping table IRTA points at; NAME is the unit's, for the debugfs format. */
int walk_interrupts(struct cli *cli, struct iommu_dump *dump, uint64_t irta, const char *name,
		    bool debugfs);
/* The invalidation queue IQA points at, with the head and tail when IQH and IQT are known. */
int walk_queue(struct cli *cli, struct iommu_dump *dump, uint64_t iqa, const char *name,
	       const uint64_t *iqh, const uint64_t *iqt, bool debugfs);

#endif
