// SPDX-License-Identifier: MIT
/*
 * What walk shows of an AMD IOMMU in a dump: every device its device table
 * translates (and each PASID with guest tables), with its mode, domain,
 * tables and whether the IOMMU would accept the entries; with -v and one
 * device its DTE decoded field by field; --mappings; --reverse.  And an
 * AMD-Vi event as translate and fault show it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump-source.h"

void render_amdvi_event(struct cli *cli, const struct iommu_amdvi_event *ev, int detail)
{
	struct out *o = cli->out;
	const char *name = iommu_amdvi_event_get_name(ev);

	out_uint(o, "event", "event %llu", iommu_amdvi_event_get_code(ev));
	out_str(o, "name", " %s", name ? name : "(undefined)");
	if (iommu_amdvi_event_has(ev, "flags")) {
		out_hex(o, "flags", " flags 0x%04llx", iommu_amdvi_event_get_flags(ev));
		out_str(o, "flag_names", *iommu_amdvi_event_get_flag_names(ev) ? " (%s)" : NULL,
			iommu_amdvi_event_get_flag_names(ev));
	}
	if (*iommu_amdvi_event_get_meaning(ev))
		out_str(o, "meaning", detail > 1 ? "\n  meaning: %s" : detail ? ": %s" : NULL,
			iommu_amdvi_event_get_meaning(ev));
	if (*iommu_amdvi_event_get_causes(ev))
		out_str(o, "causes", detail > 1 ? "\n  likely causes: %s" : NULL,
			iommu_amdvi_event_get_causes(ev));
}

static bool wanted(const struct walk_request *rq, const struct iommu_amdvi_space *sp)
{
	return (!rq->have_id || iommu_amdvi_space_get_devid(sp) == rq->id) &&
	       (!rq->have_pasid || iommu_amdvi_space_get_pasid(sp) == rq->pasid);
}

/* ---- summary --------------------------------------------------------------- */

enum { SC_DEVICE, SC_PASID, SC_MODE, SC_DOMAIN, SC_LEVELS, SC_TABLE, SC_STATUS, SC_EVENT,
       SC_DETAIL };

static const struct out_column columns[] = {
	[SC_DEVICE] = { "device", "DEVICE", COL_STRING, 0, "device id" },
	[SC_PASID] = { "pasid", "PASID", COL_UINT, COL_RIGHT, "PASID of the guest tables" },
	[SC_MODE] = { "mode", "MODE", COL_STRING, 0, "untranslated, pass-through, v1, v2, nested" },
	[SC_DOMAIN] = { "domain", "DOMAIN", COL_UINT, COL_RIGHT, "domain id" },
	[SC_LEVELS] = { "levels", "LEVELS", COL_STRING, 0, "host levels, guest/host when nested" },
	[SC_TABLE] = { "table", "TABLE", COL_HEX, 0, "top table (guest when used)" },
	[SC_STATUS] = { "status", "STATUS", COL_STRING, 0, "ok, fault, not_in_dump" },
	[SC_EVENT] = { "event", "EVENT", COL_STRING, 0, "event the entries cause, with its flags" },
	[SC_DETAIL] = { "detail", "DETAIL", COL_STRING, COL_EXTRA, "what is wrong" },
};

struct summary {
	struct cli *cli;
	const struct walk_request *rq;
	struct out_table *t;
	FILE *details;
	size_t count, refusing;		/* listed; DTEs that grant nothing, not listed */
	uint64_t dte[4];		/* the last device's, for -v */
};

static int summary_row(const struct iommu_amdvi_space *sp, void *userdata)
{
	struct summary *s = userdata;
	struct out_table *t = s->t;
	enum iommu_xlate_status st = iommu_amdvi_space_get_status(sp);
	unsigned int host = iommu_amdvi_space_get_levels(sp, false);
	unsigned int guest = iommu_amdvi_space_get_levels(sp, true);
	uint32_t pasid = iommu_amdvi_space_get_pasid(sp);
	const char *name = iommu_amdvi_event_name(iommu_amdvi_space_get_event(sp));
	char bdf[16], levels[24], event[48];

	if (!wanted(s->rq, sp))
		return 0;
	/* Without --all or a device asked for: the devices in use, and a count of those refused. */
	if (iommu_amdvi_space_grants_nothing(sp) && !s->rq->all && !s->rq->have_id) {
		s->refusing++;
		return 0;
	}
	s->count++;
	memcpy(s->dte, iommu_amdvi_space_get_dte(sp), sizeof(s->dte));
	format_bdf(bdf, sizeof(bdf), 0, iommu_amdvi_space_get_devid(sp));
	out_cell_str(t, SC_DEVICE, bdf);
	if (pasid != IOMMU_NO_PASID)
		out_cell_uint(t, SC_PASID, pasid);
	out_cell_str(t, SC_MODE, iommu_amdvi_space_get_mode(sp));
	if (iommu_amdvi_space_get_domain_id(sp) >= 0)
		out_cell_uint(t, SC_DOMAIN, (unsigned int)iommu_amdvi_space_get_domain_id(sp));
	if (guest && host)
		snprintf(levels, sizeof(levels), "%u/%u", guest, host);
	else
		snprintf(levels, sizeof(levels), "%u", guest ? guest : host);
	if (guest || host) {
		out_cell_str(t, SC_LEVELS, levels);
		out_cell_hex(t, SC_TABLE, iommu_amdvi_space_get_root(sp, guest != 0), 1);
	}
	out_cell_str(t, SC_STATUS, iommu_xlate_status_name(st));
	if (st == IOMMU_XLATE_FAULT) {
		snprintf(event, sizeof(event), "%s 0x%04x", name ? name : "?",
			 iommu_amdvi_space_get_flags(sp));
		out_cell_str(t, SC_EVENT, event);
	}
	out_cell_str(t, SC_DETAIL, iommu_amdvi_space_get_detail(sp));
	out_row_end(t);
	if (s->details && iommu_amdvi_space_get_detail(sp)) {
		fprintf(s->details, "%s", bdf);
		if (pasid != IOMMU_NO_PASID)
			fprintf(s->details, " PASID %u", pasid);
		fprintf(s->details, ": %s\n", iommu_amdvi_space_get_detail(sp));
	}
	return 0;
}

static int summary(struct cli *cli, const struct walk_request *rq, struct dump_source *src)
{
	struct summary s = { .cli = cli, .rq = rq };
	char *details = NULL, *bad = NULL;
	size_t details_size = 0;
	struct iommu_dnode *root = NULL;
	int r;

	dump_source_describe(cli, src);
	s.t = out_table_new(cli->out, "devices", columns, sizeof(columns) / sizeof(columns[0]), NULL,
			    &bad);
	if (!s.t) {
		free(bad);
		return cli_error(cli, -ENOMEM, "cannot list the devices");
	}
	if (!cli->json)
		s.details = open_memstream(&details, &details_size);
	r = iommu_amdvi_foreach_space(src->amdvi, summary_row, &s);
	out_table_end(s.t);
	if (s.details) {
		fclose(s.details);
		out_text(cli->out, "%s", details);
		free(details);
	}
	out_uint(cli->out, "not_listed",
		 s.refusing == 1 ? "1 more device table entry grants neither read nor write (IR/IW clear: a device id not in use); --all lists it\n"
		 : s.refusing	 ? "%llu more device table entries grant neither read nor write (IR/IW clear: device ids not in use); --all lists them\n"
				 : NULL,
		 s.refusing);
	if (r == -ENODATA) {
		cli_error(cli, 0, "the device table at 0x%llx is not in the dump",
			  (unsigned long long)(iommu_amdvi_get_dev_table_base(src->amdvi) & ~0xfffULL));
		return EXIT_NOT_CLEAN;
	}
	if (!s.count && !s.refusing) {
		out_text(cli->out, "no %s\n", rq->have_id || rq->have_pasid ? "matching device"
									 : "valid device table entry");
	} else if (cli->verbose && rq->have_id && iommu_amdvi_dte_decode(s.dte, &root) == 0) {
		render_dnode(cli->out, root, cli->verbose);
		iommu_dnode_unref(root);
	}
	return EXIT_CLEAN;
}

/* ---- mappings and reverse look-up ------------------------------------------------ */

struct listing {
	struct cli *cli;
	const struct walk_request *rq;
	struct iommu_amdvi *amdvi;
	size_t count;
};

static int mapping_row(const struct iommu_mapping *m, void *userdata)
{
	struct listing *l = userdata;
	const struct iommu_amdvi_space *sp = iommu_mapping_get_amdvi_space(m);
	struct mapping_source who = { UNIT_AMDVI, 0, iommu_amdvi_space_get_devid(sp),
				      iommu_amdvi_space_get_pasid(sp), NULL };

	l->count++;
	render_mapping(l->cli, &who, m);
	return 0;
}

static int mappings_space(const struct iommu_amdvi_space *sp, void *userdata)
{
	struct listing *l = userdata;

	if (!wanted(l->rq, sp))
		return 0;
	return iommu_amdvi_foreach_mapping(l->amdvi, sp, l->rq->leaves ? IOMMU_MAPPINGS_LEAVES : 0,
					   mapping_row, l);
}

int walk_amdvi(struct cli *cli, const struct walk_request *rq, struct dump_source *src)
{
	struct listing l = { cli, rq, src->amdvi, 0 };
	int r;

	if (!rq->mappings && !rq->have_reverse)
		return summary(cli, rq, src);
	if (rq->have_reverse) {
		out_hex(cli->out, "phys", "page 0x%llx", rq->reverse & ~0xfffULL);
		out_text(cli->out, " is reached by:\n");
	} else if (cli->verbose) {
		dump_source_describe(cli, src);
	}
	render_mapping_header(cli, UNIT_AMDVI);
	out_begin_array(cli->out, "mappings");
	r = rq->have_reverse ? iommu_amdvi_foreach_reverse(src->amdvi, rq->reverse, mapping_row, &l)
			     : iommu_amdvi_foreach_space(src->amdvi, mappings_space, &l);
	out_end_array(cli->out);
	if (r == -ENODATA) {
		cli_error(cli, 0, "the device table is not in the dump");
		return EXIT_NOT_CLEAN;
	}
	if (!l.count)
		out_text(cli->out, rq->have_reverse ? "no device: no mapping in these tables reaches it\n"
						    : "no mappings\n");
	return EXIT_CLEAN;
}

/* ---- fault: one logged event ------------------------------------------------------ */

/* The flags that say where and why a walk ended (not the request's own). */
#define WALK_FLAGS (IOMMU_AMDVI_FLAG_PR | IOMMU_AMDVI_FLAG_PE | IOMMU_AMDVI_FLAG_RZ)

void fault_amdvi(struct cli *cli, const struct iommu_amdvi_event *ev, size_t line,
		 const struct dump_source *src, struct iommu_xlate *x)
{
	struct out *o = cli->out;
	unsigned int code = iommu_amdvi_event_get_code(ev), flags = iommu_amdvi_event_get_flags(ev);
	uint32_t pasid = flags & IOMMU_AMDVI_FLAG_GN ? iommu_amdvi_event_get_pasid(ev) : IOMMU_NO_PASID;
	uint16_t devid = iommu_amdvi_event_get_devid(ev), segment = iommu_amdvi_event_get_segment(ev);
	uint64_t addr = iommu_amdvi_event_get_address(ev);
	bool write = flags & IOMMU_AMDVI_FLAG_RW;
	char bdf[16];

	format_bdf(bdf, sizeof(bdf), segment, devid);
	out_begin_object(o, NULL);
	out_uint(o, "line", NULL, line);
	out_str(o, "type", "AMD-Vi", "amdvi_event");
	if (iommu_amdvi_event_has(ev, "flags"))
		out_text(o, write ? " write" : " read");
	if (iommu_amdvi_event_has(ev, "device"))
		out_str(o, "device", " from %s", bdf);
	if (iommu_amdvi_event_get_domain(ev) >= 0)
		out_uint(o, "domain", ", domain 0x%llx", (unsigned int)iommu_amdvi_event_get_domain(ev));
	if (iommu_amdvi_event_get_pasid(ev) == IOMMU_NO_PASID)
		out_null(o, "pasid", NULL);
	else
		out_uint(o, "pasid", ", PASID 0x%llx", iommu_amdvi_event_get_pasid(ev));
	if (iommu_amdvi_event_has(ev, "address"))
		out_hex(o, "address", ", address 0x%llx", addr);
	out_text(o, cli->verbose ? "  (line %zu)\n  " : "\n  ", line);
	out_begin_object(o, "event");
	render_amdvi_event(cli, ev, cli->verbose ? 2 : 1);
	out_end_object(o);
	out_text(o, "\n");
	out_str(o, "format", cli->verbose ? "  log format: %s\n" : NULL,
		iommu_amdvi_event_get_format(ev));
	/* The requests the tables decide: page faults and illegal device table entries. */
	if (src->amdvi && x && iommu_amdvi_event_has(ev, "device") &&
	    (code == IOMMU_AMDVI_IO_PAGE_FAULT || code == IOMMU_AMDVI_ILLEGAL_DEV_TABLE_ENTRY)) {
		const uint64_t *rec;

		iommu_amdvi_translate(src->amdvi, devid, pasid, addr,
				      write ? IOMMU_ACCESS_WRITE : IOMMU_ACCESS_READ,
				      flags & IOMMU_AMDVI_FLAG_US ? 0 : IOMMU_REQ_PRIV, x);
		rec = iommu_xlate_get_fault_record(x, NULL);
		render_logged_walk(cli, x,
				   rec && iommu_xlate_get_fault_reason(x) == code &&
					   ((rec[0] >> 48) & WALK_FLAGS) == (flags & WALK_FLAGS),
				   UNIT_AMDVI, false, segment, devid, pasid, addr);
	}
	out_end_object(o);
}
