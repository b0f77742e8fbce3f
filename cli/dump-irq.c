// SPDX-License-Identifier: MIT
/*
 * walk --interrupts and --queue: the interrupt remapping table and the
 * invalidation queue, as columns or as the kernel's debugfs files
 * ir_translation_struct and invalidation_queue (drivers/iommu/intel/debugfs.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "dump-irq.h"

enum { IC_INDEX, IC_VECTOR, IC_DEST, IC_DELIVERY, IC_DEST_MODE, IC_TRIGGER, IC_POSTED, IC_PDA,
       IC_SOURCE, IC_FPD, IC_LOW, IC_HIGH, IC_RESERVED };

static const struct out_column irte_columns[] = {
	[IC_INDEX] = { "index", "INDEX", COL_UINT, COL_RIGHT, "entry index (the interrupt's handle)" },
	[IC_VECTOR] = { "vector", "VECTOR", COL_HEX, 0, "vector" },
	[IC_DEST] = { "dest", "DEST", COL_HEX, 0, "destination id (remapped entries)" },
	[IC_DELIVERY] = { "delivery", "DELIVERY", COL_STRING, 0, "delivery mode" },
	[IC_DEST_MODE] = { "dest_mode", "DM", COL_STRING, 0, "physical or logical destination" },
	[IC_TRIGGER] = { "trigger", "TRIGGER", COL_STRING, 0, "edge or level" },
	[IC_POSTED] = { "posted", "POSTED", COL_BOOL, 0, "posted-interrupt entry" },
	[IC_PDA] = { "pda", "PDA", COL_HEX, 0, "posted-interrupt descriptor address" },
	[IC_SOURCE] = { "source", "SOURCE", COL_STRING, 0, "which requesters may use it (SVT, SQ, SID)" },
	[IC_FPD] = { "fpd", "FPD", COL_BOOL, COL_EXTRA, "fault processing disabled" },
	[IC_LOW] = { "low", "LOW", COL_HEX, COL_EXTRA, "bits 63:0" },
	[IC_HIGH] = { "high", "HIGH", COL_HEX, COL_EXTRA, "bits 127:64" },
	[IC_RESERVED] = { "reserved", "RESERVED", COL_HEX, COL_EXTRA, "reserved bits set (bits 63:0)" },
};

struct irq_ctx {
	struct cli *cli;
	struct out_table *t;
	bool debugfs, posted;
	size_t count;
	uint64_t head, tail;
	bool have_head;
};

static int irte_row(const struct iommu_vtd_irte *e, void *userdata)
{
	struct irq_ctx *c = userdata;
	const uint64_t *w = iommu_vtd_irte_get_words(e);
	bool posted = iommu_vtd_irte_is_posted(e);
	struct out_table *t = c->t;

	c->count++;
	out_cell_uint(t, IC_INDEX, iommu_vtd_irte_get_index(e));
	out_cell_hex(t, IC_VECTOR, iommu_vtd_irte_get_vector(e), 2);
	if (posted) {
		out_cell_hex(t, IC_PDA, iommu_vtd_irte_get_pda(e), 8);
	} else {
		out_cell_hex(t, IC_DEST, iommu_vtd_irte_get_dest(e), 8);
		out_cell_str(t, IC_DELIVERY, iommu_vtd_irte_get_delivery_mode_name(e));
		out_cell_str(t, IC_DEST_MODE, iommu_vtd_irte_is_logical(e) ? "logical" : "physical");
		out_cell_str(t, IC_TRIGGER, iommu_vtd_irte_is_level(e) ? "level" : "edge");
	}
	out_cell_bool(t, IC_POSTED, posted);
	out_cell_str(t, IC_SOURCE, iommu_vtd_irte_get_validation(e));
	out_cell_bool(t, IC_FPD, iommu_vtd_irte_get_fpd(e));
	out_cell_hex(t, IC_LOW, w[0], 16);
	out_cell_hex(t, IC_HIGH, w[1], 16);
	out_cell_hex(t, IC_RESERVED, iommu_vtd_irte_get_reserved(e, 0), 16);
	out_row_end(t);
	return 0;
}

/* ir_translation_struct: " %-5d %02x:%02x.%01x %08x %02x  %016llx\t%016llx" (posted: PDA high, low). */
static int irte_debugfs(const struct iommu_vtd_irte *e, void *userdata)
{
	struct irq_ctx *c = userdata;
	const uint64_t *w = iommu_vtd_irte_get_words(e);
	uint16_t sid = iommu_vtd_irte_get_sid(e);

	if (iommu_vtd_irte_is_posted(e) != c->posted)
		return 0;
	c->count++;
	out_text(c->cli->out, " %-5u %02x:%02x.%01x ", iommu_vtd_irte_get_index(e), sid >> 8,
		 (sid >> 3) & 0x1f, sid & 7);
	if (c->posted)
		out_text(c->cli->out, "%08x %08x ", (unsigned int)(iommu_vtd_irte_get_pda(e) >> 32),
			 (unsigned int)iommu_vtd_irte_get_pda(e));
	else
		out_text(c->cli->out, "%08x ", iommu_vtd_irte_get_dest(e));
	out_text(c->cli->out, "%02x  %016llx\t%016llx\n", iommu_vtd_irte_get_vector(e),
		 (unsigned long long)w[1], (unsigned long long)w[0]);
	return 0;
}

static int irq_error(struct cli *cli, int r, const char *what, uint64_t reg)
{
	if (r != -ENODATA)
		return cli_error(cli, r, "cannot read the %s", what);
	cli_error(cli, 0, "the %s at 0x%llx is not (all) in the dump", what,
		  (unsigned long long)(reg & ~0xfffULL));
	return EXIT_NOT_CLEAN;
}

int walk_interrupts(struct cli *cli, struct iommu_dump *dump, uint64_t irta, const char *name,
		    bool debugfs)
{
	struct irq_ctx c = { .cli = cli, .debugfs = debugfs };
	char *bad = NULL;
	int r;

	if (debugfs) {
		for (int posted = 0; posted < 2; posted++) {
			c.posted = posted;
			out_text(cli->out, "%s supported on IOMMU: %s\n IR table address:%llx\n",
				 posted ? "Posted Interrupt" : "Remapped Interrupt", name,
				 (unsigned long long)(irta & ~0xfffULL));
			out_text(cli->out, posted ? " Entry SrcID   PDA_high PDA_low  Vct IRTE_high\t\tIRTE_low\n"
						  : " Entry SrcID   DstID    Vct IRTE_high\t\tIRTE_low\n");
			r = iommu_vtd_foreach_irte(dump, irta, irte_debugfs, &c);
			if (r < 0)
				return irq_error(cli, r, "interrupt remapping table", irta);
			out_text(cli->out, "\n****\n\n");
		}
		return EXIT_CLEAN;
	}
	out_begin_object(cli->out, "interrupt_remapping");
	out_hex(cli->out, "irta", "interrupt remapping table 0x%llx", irta & ~0xfffULL);
	out_uint(cli->out, "entries", ", %llu entries", 2ULL << (irta & 0xf));
	out_str(cli->out, "interrupt_mode", ", %s\n", (irta >> 11) & 1 ? "x2APIC" : "xAPIC");
	c.t = out_table_new(cli->out, "irtes", irte_columns, sizeof(irte_columns) / sizeof(irte_columns[0]), NULL, &bad);
	if (!c.t) {
		free(bad);
		return cli_error(cli, -ENOMEM, "cannot list the interrupt remapping table");
	}
	r = iommu_vtd_foreach_irte(dump, irta, irte_row, &c);
	out_table_end(c.t);
	out_end_object(cli->out);
	if (r < 0)
		return irq_error(cli, r, "interrupt remapping table", irta);
	if (!c.count)
		out_text(cli->out, "no present entries\n");
	return EXIT_CLEAN;
}

enum { QC_INDEX, QC_TYPE, QC_SUMMARY, QC_POSITION, QC_QW0, QC_QW1, QC_QW2, QC_QW3 };

static const struct out_column qdesc_columns[] = {
	[QC_INDEX] = { "index", "INDEX", COL_UINT, COL_RIGHT, "slot" },
	[QC_TYPE] = { "type", "TYPE", COL_STRING, 0, "descriptor type" },
	[QC_SUMMARY] = { "summary", "FIELDS", COL_STRING, 0, "the descriptor's fields" },
	[QC_POSITION] = { "position", "AT", COL_STRING, 0, "head or tail (from IQH_REG, IQT_REG)" },
	[QC_QW0] = { "qw0", "QW0", COL_HEX, COL_EXTRA, "bits 63:0" },
	[QC_QW1] = { "qw1", "QW1", COL_HEX, COL_EXTRA, "bits 127:64" },
	[QC_QW2] = { "qw2", "QW2", COL_HEX, COL_EXTRA, "bits 191:128 (256-bit descriptors)" },
	[QC_QW3] = { "qw3", "QW3", COL_HEX, COL_EXTRA, "bits 255:192 (256-bit descriptors)" },
};

static const char *position(const struct irq_ctx *c, unsigned int index)
{
	if (!c->have_head)
		return NULL;
	if (index == c->head && index == c->tail)
		return "head,tail";
	return index == c->head ? "head" : index == c->tail ? "tail" : NULL;
}

static int qdesc_row(const struct iommu_vtd_qdesc *d, void *userdata)
{
	struct irq_ctx *c = userdata;
	unsigned int n, index = iommu_vtd_qdesc_get_index(d);
	const uint64_t *w = iommu_vtd_qdesc_get_words(d, &n);
	const char *name = iommu_vtd_qdesc_get_type_name(d), *at = position(c, index);
	char type[16];
	bool empty = true;

	for (unsigned int i = 0; i < n; i++)
		empty &= !w[i];
	if (c->debugfs) {
		out_text(c->cli->out, "%5u", index);
		for (unsigned int i = 0; i < n; i++)
			out_text(c->cli->out, "\t%016llx", (unsigned long long)w[i]);
		/* The kernel's column is its own desc_status[], which is not in the queue. */
		out_text(c->cli->out, "\t%s\n", "unknown");
		return 0;
	}
	if (empty && !at)
		return 0;
	c->count++;
	snprintf(type, sizeof(type), "type %u", iommu_vtd_qdesc_get_type(d));
	out_cell_uint(c->t, QC_INDEX, index);
	out_cell_str(c->t, QC_TYPE, empty ? "-" : name ? name : type);
	out_cell_str(c->t, QC_SUMMARY, empty ? "" : iommu_vtd_qdesc_get_summary(d));
	if (at)
		out_cell_str(c->t, QC_POSITION, at);
	for (unsigned int i = 0; i < n; i++)
		out_cell_hex(c->t, QC_QW0 + i, w[i], 16);
	out_row_end(c->t);
	return 0;
}

int walk_queue(struct cli *cli, struct iommu_dump *dump, uint64_t iqa, const char *name,
	       const uint64_t *iqh, const uint64_t *iqt, bool debugfs)
{
	bool wide = (iqa >> 11) & 1;
	unsigned int shift = wide ? 5 : 4;
	struct irq_ctx c = { .cli = cli, .debugfs = debugfs, .have_head = iqh && iqt };
	char *bad = NULL;
	int r;

	if (c.have_head) {
		c.head = *iqh >> shift;
		c.tail = *iqt >> shift;
	}
	if (debugfs) {
		out_text(cli->out, "Invalidation queue on IOMMU: %s\n", name);
		if (c.have_head)
			out_text(cli->out, " Base: 0x%llx\tHead: %lld\tTail: %lld\n",
				 (unsigned long long)(iqa & ~0xfffULL), (long long)c.head,
				 (long long)c.tail);
		else
			out_text(cli->out, " Base: 0x%llx\tHead: ?\tTail: ?\n",
				 (unsigned long long)(iqa & ~0xfffULL));
		out_text(cli->out, wide ? "Index\t\tqw0\t\t\tqw1\t\t\tqw2\t\t\tqw3\t\t\tstatus\n"
					: "Index\t\tqw0\t\t\tqw1\t\t\tstatus\n");
		r = iommu_vtd_foreach_qdesc(dump, iqa, qdesc_row, &c);
		out_text(cli->out, "\n");
		return r < 0 ? irq_error(cli, r, "invalidation queue", iqa) : EXIT_CLEAN;
	}
	out_begin_object(cli->out, "invalidation_queue");
	out_hex(cli->out, "iqa", "invalidation queue 0x%llx", iqa & ~0xfffULL);
	out_uint(cli->out, "slots", ", %llu slots", 1ULL << ((iqa & 7) + (wide ? 7 : 8)));
	out_uint(cli->out, "descriptor_bits", " of %llu bits", wide ? 256 : 128);
	if (c.have_head) {
		out_uint(cli->out, "head", ", head %llu", c.head);
		out_uint(cli->out, "tail", ", tail %llu", c.tail);
	}
	out_text(cli->out, "\n");
	c.t = out_table_new(cli->out, "descriptors", qdesc_columns, sizeof(qdesc_columns) / sizeof(qdesc_columns[0]),
			    NULL, &bad);
	if (!c.t) {
		free(bad);
		return cli_error(cli, -ENOMEM, "cannot list the invalidation queue");
	}
	r = iommu_vtd_foreach_qdesc(dump, iqa, qdesc_row, &c);
	out_table_end(c.t);
	out_end_object(cli->out);
	if (r < 0)
		return irq_error(cli, r, "invalidation queue", iqa);
	if (!c.count)
		out_text(cli->out, "the queue is empty\n");
	return EXIT_CLEAN;
}
