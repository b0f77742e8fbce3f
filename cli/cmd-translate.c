// SPDX-License-Identifier: MIT
/* iommutool translate: device addresses to physical addresses, or the fault, from a dump. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump-source.h"

struct translate_opts {
	struct dump_opts src;
	const char *device;
	struct requester_opts req;
	enum iommu_access access;
	bool priv;
	char **addrs;
	int naddrs;
};

enum { OPT_DEVICE = 'd', OPT_READ = 'r', OPT_WRITE = 'w', OPT_PRIV = 0x100 };

static const struct argp_option translate_options[] = {
	{ "device", OPT_DEVICE, "BDF", 0, "The requester: [segment:]bus:device.function (hex)", 0 },
	{ "pasid", OPT_PASID, "N", 0, "The request carries PASID N (VT-d scalable mode, AMD-Vi)", 0 },
	{ "sid", OPT_SID, "N", 0, "The StreamID (SMMUv3) or device id (AMD-Vi) the unit sees, instead of --device", 0 },
	{ "ssid", OPT_SSID, "N", 0, "The transaction carries SubstreamID N (SMMUv3; as --pasid)", 0 },
	{ "read", OPT_READ, NULL, 0, "Check a DMA read (default: any access; a page with none faults as a read)", 0 },
	{ "write", OPT_WRITE, NULL, 0, "Check a DMA write", 0 },
	{ "priv", OPT_PRIV, NULL, 0, "A privileged (supervisor) request, for first-stage tables", 0 },
	DUMP_OPTIONS,
	{ NULL }
};

static error_t parse_translate(int key, char *arg, struct argp_state *state)
{
	struct translate_opts *opts = state->input;
	char **bigger;

	switch (key) {
	case OPT_DEVICE:
		opts->device = arg;
		break;
	case OPT_PASID:
	case OPT_SSID:
	case OPT_SID:
		return requester_opts_parse(&opts->req, key, arg, state);
	case OPT_READ:
	case OPT_WRITE:
		if (opts->access != IOMMU_ACCESS_ANY)
			argp_error(state, "--read and --write do not combine");
		opts->access = key == OPT_READ ? IOMMU_ACCESS_READ : IOMMU_ACCESS_WRITE;
		break;
	case OPT_PRIV:
		opts->priv = true;
		break;
	case ARGP_KEY_ARG:
		bigger = reallocarray(opts->addrs, (size_t)opts->naddrs + 1, sizeof(*bigger));
		if (!bigger)
			return ENOMEM;
		opts->addrs = bigger;
		opts->addrs[opts->naddrs++] = arg;
		break;
	default:
		return dump_opts_parse(&opts->src, key, arg, state);
	}
	return 0;
}

static void translate_cleanup(void *data)
{
	struct translate_opts *opts = data;

	free(opts->addrs);
}

struct request {
	struct cli *cli;
	struct dump_source *src;
	struct iommu_xlate *x;
	uint16_t segment, sid;
	uint32_t id;			/* the StreamID or device id the unit sees */
	uint32_t pasid;
	enum iommu_access access;
	unsigned int flags;
	bool faulted;
};

static void translate_one(struct request *rq, uint64_t iova)
{
	struct dump_source *src = rq->src;

	iommu_translator_translate(src->translator, rq->id, rq->pasid, iova, rq->access, rq->flags,
				   rq->x);
	if (iommu_xlate_get_status(rq->x) != IOMMU_XLATE_OK)
		rq->faulted = true;
	render_xlate(rq->cli, NULL, rq->x, src, rq->segment, rq->id, rq->pasid, iova);
}

/* Addresses from standard input, one a line (the first word; '#' starts a comment). */
static int translate_stdin(struct request *rq)
{
	char *line = NULL;
	size_t size = 0, lineno = 0;
	int code = EXIT_CLEAN;

	while (getline(&line, &size, stdin) >= 0) {
		char *word = line + strspn(line, " \t"), *end;
		uint64_t iova;

		lineno++;
		end = word + strcspn(word, " \t\r\n#");
		if (end == word)
			continue;
		*end = 0;
		if (iommu_parse_hex(word, &iova) < 0) {
			cli_error(rq->cli, 0, "standard input, line %zu: '%s' is not a hexadecimal address",
				  lineno, word);
			code = EXIT_DATAERR;
			continue;
		}
		translate_one(rq, iova);
	}
	free(line);
	return code;
}

static int run_translate(struct cli *cli, void *data)
{
	struct translate_opts *opts = data;
	struct request rq = { .cli = cli, .access = opts->access,
			      .pasid = opts->req.have_pasid ? opts->req.pasid : IOMMU_NO_PASID,
			      .flags = opts->priv ? IOMMU_REQ_PRIV : 0 };
	struct dump_source src;
	int code, r;

	if (!opts->device && !opts->req.have_stream) {
		cli_error(cli, 0, "no requester: give --device BDF (or --sid N for an SMMUv3 or AMD-Vi unit)");
		return EXIT_USAGE;
	}
	if (opts->device && iommu_parse_bdf(opts->device, &rq.segment, &rq.sid) < 0) {
		cli_error(cli, 0, "'%s' is not a PCI device address ([segment:]bus:device.function)",
			  opts->device);
		return EXIT_USAGE;
	}
	for (int i = 0; i < opts->naddrs; i++) {
		uint64_t v;

		if (iommu_parse_hex(opts->addrs[i], &v) < 0) {
			cli_error(cli, 0, "'%s' is not a hexadecimal address", opts->addrs[i]);
			return EXIT_USAGE;
		}
	}
	code = dump_source_open(cli, &opts->src, true, &src);
	if (code) {
		dump_source_close(&src);
		return code;
	}
	r = iommu_xlate_new(&rq.x);
	if (r < 0) {
		dump_source_close(&src);
		return cli_error(cli, r, "cannot translate");
	}
	rq.src = &src;
	rq.id = rq.sid;
	if ((src.kind == IOMMU_VENDOR_INTEL && opts->req.have_stream) ||
	    (src.kind == IOMMU_VENDOR_AMD && opts->req.have_stream && opts->req.stream > 0xffff)) {
		cli_error(cli, 0, src.kind == IOMMU_VENDOR_INTEL ? "--sid is for SMMUv3 and AMD-Vi units; give --device BDF"
						       : "an AMD-Vi device id has 16 bits");
		code = EXIT_USAGE;
		goto out;
	}
	if (opts->req.have_stream)
		rq.id = opts->req.stream;
	else
		code = dump_source_requester(cli, &src, rq.segment, rq.sid, &rq.id);
	if (code)
		goto out;
	if (cli->verbose)
		dump_source_describe(cli, &src);
	out_begin_array(cli->out, "translations");
	if (opts->naddrs) {
		for (int i = 0; i < opts->naddrs; i++) {
			uint64_t iova;

			iommu_parse_hex(opts->addrs[i], &iova);
			translate_one(&rq, iova);
		}
	} else {
		code = translate_stdin(&rq);
	}
	out_end_array(cli->out);
	if (cli->verbose)
		dump_source_stats(cli, &src);
out:
	iommu_xlate_unref(rq.x);
	dump_source_close(&src);
	if (code)
		return code;
	return rq.faulted ? EXIT_NOT_CLEAN : EXIT_CLEAN;
}

const struct iommutool_cmd cmd_translate = {
	.name = "translate",
	.summary = "Translate device addresses to physical addresses from a memory dump",
	.args_doc = "[ADDR...]",
	.doc = "Walks the IOMMU's tables in the dump as the hardware would for a request from the "
	       "device, and prints the physical address, page size, permissions and domain, or the "
	       "fault the hardware would record (VT-d: its reason number, the specification's "
	       "condition and the kernel's message; SMMUv3 and AMD-Vi: the event and its record), or "
	       "that a table the walk needs is not in the dump.  The tables are VT-d's (--rtaddr), "
	       "SMMUv3's (--strtab) or AMD-Vi's (--dev-table), or those --registers names.  "
	       "ADDR is hexadecimal, 0x optional; without ADDR, addresses are read from standard "
	       "input, one a line.  -v shows the walk as the kernel's fault dump prints it.\n\n"
	       "Exit status: 0 when every address translates, 1 when any faults or cannot be "
	       "followed in the dump.",
	.options = translate_options,
	.parse = parse_translate,
	.opts_size = sizeof(struct translate_opts),
	.run = run_translate,
	.cleanup = translate_cleanup,
};
