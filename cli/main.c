// SPDX-License-Identifier: MIT
/* iommutool: the list of commands and the dispatcher. */
#include <argp.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "iommutool.h"

static const struct iommutool_cmd *const commands[] = {
	&cmd_status,
	&cmd_tables,
	&cmd_decode,
	&cmd_validate,
	&cmd_devices,
	&cmd_groups,
	&cmd_snapshot,
	&cmd_translate,
	&cmd_walk,
	&cmd_fault,
	&cmd_scan,
};


enum {
	OPT_SYSROOT = 0x100,
	OPT_COLOR,
	OPT_LIST_CMDS,
	OPT_LIST_OPTS,
	OPT_LIST_VALUES,
};

static const char *const color_words[] = { "auto", "always", "never", NULL };

/*
 * walk --format's words, which walk's parser (cli/cmd-walk.c) checks itself;
 * tests/scripts/completions.sh holds the two lists to each other.
 */
static const char *const walk_formats[] = { "text", "debugfs", NULL };
static const struct option_words walk_words[] = {
	{ "format", walk_formats },
	{ NULL }
};

struct globals {
	const char *sysroot;
	const char *color;
	int verbose;
	bool quiet;
	bool json;
	bool list_cmds;
	bool list_opts;
	const char *list_values;
	int cmd_index;		/* argv index of the command, 0 when none */
};

/* The global options: before the command, and after it as a child of its parser. */
#define GLOBAL_OPTIONS                                                                          \
	{ "json", 'j', NULL, 0, "Print one JSON document instead of text", -1 },                \
	{ "sysroot", OPT_SYSROOT, "DIR", 0,                                                     \
	  "Read /sys, /proc and the ACPI tables below DIR (a snapshot) instead of /", -1 },     \
	{ "color", OPT_COLOR, "WHEN", OPTION_ARG_OPTIONAL,                                      \
	  "Colour the text: auto (default), always or never", -1 },                             \
	{ "verbose", 'v', NULL, 0, "Say more; repeat for more detail", -1 },                    \
	{ "quiet", 'q', NULL, 0, "Print nothing; only the exit code speaks", -1 }

static const struct argp_option global_options[] = {
	GLOBAL_OPTIONS,
	{ NULL }
};

/* Before a command only: what the shell completions ask. */
static const struct argp_option top_options[] = {
	GLOBAL_OPTIONS,
	{ "list-cmds", OPT_LIST_CMDS, NULL, OPTION_HIDDEN, "List the commands (for completion)", -1 },
	{ "list-opts", OPT_LIST_OPTS, NULL, OPTION_HIDDEN, "List the global options (for completion)", -1 },
	{ "list-values", OPT_LIST_VALUES, "OPTION", OPTION_HIDDEN,
	  "List the words a global option takes (for completion)", -1 },
	{ NULL }
};

static error_t parse_global(int key, char *arg, struct argp_state *state)
{
	struct globals *g = state->input;

	switch (key) {
	case 'j':
		g->json = true;
		break;
	case OPT_SYSROOT:
		g->sysroot = arg;
		break;
	case OPT_COLOR:
		if (arg && strcmp(arg, color_words[0]) && strcmp(arg, color_words[1]) &&
		    strcmp(arg, color_words[2]))
			argp_error(state, "--color takes auto, always or never, not '%s'", arg);
		g->color = arg ? arg : "always";
		break;
	case 'v':
		g->verbose++;
		break;
	case 'q':
		g->quiet = true;
		break;
	case OPT_LIST_CMDS:
		g->list_cmds = true;
		break;
	case OPT_LIST_OPTS:
		g->list_opts = true;
		break;
	case OPT_LIST_VALUES:
		g->list_values = arg;
		break;
	case ARGP_KEY_ARG:
		/* The first word that is not an option is the command; stop here. */
		if (g->cmd_index)
			return ARGP_ERR_UNKNOWN;
		g->cmd_index = state->next - 1;
		state->next = state->argc;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

/*
 * "  NAME       SUMMARY", the summary wrapped under itself: argp wraps the text
 * after the options at its right margin but would start each line at column 0.
 */
static void print_command_line(FILE *f, const struct iommutool_cmd *cmd)
{
	enum { INDENT = 13, RIGHT_MARGIN = 79 };
	const char *word = cmd->summary;
	size_t column = (size_t)fprintf(f, "  %-10s", cmd->name);

	while (*word) {
		size_t len = strcspn(word, " ");

		if (column > INDENT && column + 1 + len > RIGHT_MARGIN) {
			fprintf(f, "\n%*s", INDENT, "");
			column = INDENT;
		} else {
			fputc(' ', f);
			column++;
		}
		fprintf(f, "%.*s", (int)len, word);
		column += len;
		word += len;
		word += strspn(word, " ");
	}
	fputc('\n', f);
}

static char *global_help(int key, const char *text, void *input)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f;

	(void)input;
	if (key != ARGP_KEY_HELP_POST_DOC)
		return (char *)text;
	f = open_memstream(&buf, &size);
	if (!f)
		return (char *)text;
	fputs("Commands:\n", f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!(commands[i]->flags & CMD_HIDDEN))
			print_command_line(f, commands[i]);
	fputs("\n'iommutool COMMAND --help' shows a command's options.\n\n"
	      "Exit status:\n"
	      "   0  success; clean\n"
	      "   1  worked, the answer is not clean (warnings, faults)\n"
	      "   2  status: IOMMU not enabled; groups: none; validate: errors\n"
	      "   3  status: cannot tell\n"
	      "  64  usage error\n"
	      "  65  input malformed\n"
	      "  66  input missing or cannot be opened\n"
	      "  70  internal error\n"
	      "  74  output could not be written\n"
	      "  77  permission denied (reading ACPI tables needs root)\n", f);
	fclose(f);
	return buf;
}

static const struct argp global_argp = {
	top_options, parse_global, "COMMAND [OPTION...] [ARG...]",
	"Tell the truth about this machine's IOMMU (Intel VT-d, AMD-Vi, Arm SMMU).\v",
	NULL, global_help, NULL,
};

/* The global options again, as a child of every command's parser. */
static error_t parse_global_child(int key, char *arg, struct argp_state *state)
{
	if (key == ARGP_KEY_ARG)
		return ARGP_ERR_UNKNOWN;
	return parse_global(key, arg, state);
}

static const struct argp global_child_argp = { global_options, parse_global_child, NULL, NULL,
					       NULL, NULL, NULL };

/* Levenshtein distance, for "did you mean". */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[64];

	if (la >= 63 || lb >= 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

static const struct iommutool_cmd *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

static int unknown_command(const char *name)
{
	const struct iommutool_cmd *best = NULL;
	size_t best_distance = 3;

	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		size_t d = edit_distance(name, commands[i]->name);

		if (commands[i]->flags & CMD_HIDDEN)
			continue;
		if (strncmp(commands[i]->name, name, strlen(name)) == 0 && strlen(name) >= 2)
			d = 1;
		if (d < best_distance) {
			best = commands[i];
			best_distance = d;
		}
	}
	fprintf(stderr, "iommutool: '%s' is not a command", name);
	if (best)
		fprintf(stderr, "; did you mean '%s'?", best->name);
	fputs("\nTry 'iommutool --help' for the list of commands.\n", stderr);
	return EXIT_USAGE;
}

struct cmd_parse {
	void *opts;
	struct globals *globals;
	bool list_opts;
	const char *list_values;
};

static const struct argp_option list_opts_option[] = {
	{ "list-opts", OPT_LIST_OPTS, NULL, OPTION_HIDDEN, "List the options (for completion)", 0 },
	{ "list-values", OPT_LIST_VALUES, "OPTION", OPTION_HIDDEN,
	  "List the words an option takes (for completion)", 0 },
	{ NULL }
};

/* The top parser of a command: hands each child its input, takes --list-opts. */
static error_t parse_command(int key, char *arg, struct argp_state *state)
{
	struct cmd_parse *cp = state->input;

	(void)arg;
	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = cp->opts;
		state->child_inputs[1] = cp->globals;
		return 0;
	case OPT_LIST_OPTS:
		cp->list_opts = true;
		return 0;
	case OPT_LIST_VALUES:
		cp->list_values = arg;
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

/* The long name of OPTION ("--output", "output" or "-o") among CMD's options. */
static const char *long_name(const struct iommutool_cmd *cmd, const char *option)
{
	if (option[0] == '-' && option[1] != '-' && option[1] && !option[2]) {
		for (const struct argp_option *o = cmd ? cmd->options : NULL; o && (o->name || o->key); o++)
			if (o->key == option[1])
				return o->name;
		for (const struct argp_option *o = global_options; o->name || o->key; o++)
			if (o->key == option[1])
				return o->name;
		return NULL;
	}
	return option + strspn(option, "-");
}

static void print_words(const char *const *words)
{
	for (; *words; words++)
		puts(*words);
}

/*
 * --list-values OPTION: the words OPTION's argument can be, one a line (for
 * the completions): -o's columns, the command's own words, --color's.
 * Nothing for an option whose argument is a file, a number or free text.
 */
static int list_values(const struct iommutool_cmd *cmd, const char *option)
{
	const char *name = long_name(cmd, option);
	const struct option_words *words = cmd ? cmd->words : NULL;

	if (!words && cmd && strcmp(cmd->name, "walk") == 0)
		words = walk_words;
	if (name && strcmp(name, "color") == 0)
		print_words(color_words);
	else if (name && strcmp(name, "output") == 0 && cmd && cmd->columns)
		for (size_t i = 0; i < cmd->ncolumns; i++)
			puts(cmd->columns[i].key);
	else
		for (; name && words && words->option; words++)
			if (strcmp(words->option, name) == 0)
				print_words(words->words);
	return fflush(stdout) == 0 ? EXIT_CLEAN : EXIT_IOERR;
}

static bool is_short_option(int key)
{
	return key > ' ' && key < 127 && key != '?';
}

/* One option a line, its long form then its short one: "--output= -o". */
static void print_options(const struct argp_option *opt)
{
	for (; opt && (opt->name || opt->key || opt->doc); opt++) {
		if (opt->flags & OPTION_HIDDEN)
			continue;
		if (opt->name)
			printf("--%s%s", opt->name,
			       opt->arg && !(opt->flags & OPTION_ARG_OPTIONAL) ? "=" : "");
		if (is_short_option(opt->key))
			printf("%s-%c", opt->name ? " " : "", opt->key);
		putchar('\n');
	}
}

static void color_from_environment(struct cli *cli, const char *when)
{
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");

	if (when && strcmp(when, "always") == 0)
		cli->color = true;
	else if (when && strcmp(when, "never") == 0)
		cli->color = false;
	else
		cli->color = isatty(STDOUT_FILENO) && !(no_color && *no_color) &&
			     !(term && strcmp(term, "dumb") == 0);
}

static void log_to_stderr(struct iommu_ctx *ctx, int priority, const char *file, int line,
			  const char *fn, const char *format, va_list args) PRINTF_FMT(6, 0);
static void log_to_stderr(struct iommu_ctx *ctx, int priority, const char *file, int line,
			  const char *fn, const char *format, va_list args)
{
	(void)ctx;
	(void)priority;
	fprintf(stderr, "libiommu: %s:%d %s: ", file, line, fn);
	vfprintf(stderr, format, args);
}

static ssize_t discard_write(void *cookie, const char *buf, size_t size)
{
	(void)cookie;
	(void)buf;
	return (ssize_t)size;
}

/*
 * The reader went away (`iommutool walk ... | head`): end quietly, killed by
 * SIGPIPE as coreutils are.  Only reached when SIGPIPE was ignored by whoever
 * started us; otherwise the failed write has already ended the process.
 */
static void end_on_closed_pipe(void)
{
	signal(SIGPIPE, SIG_DFL);
	raise(SIGPIPE);
	_exit(128 + SIGPIPE);
}

/* Set up the context and output, run the command, check the output was written. */
static int run_setup(const struct iommutool_cmd *cmd, const struct globals *g, void *opts)
{
	struct cli cli = { .prog = "iommutool" };
	FILE *discard = NULL;
	int r, code;

	color_from_environment(&cli, g->color);
	cli.verbose = g->verbose;
	cli.quiet = g->quiet;
	cli.json = g->json;
	r = iommu_ctx_new(&cli.ctx);
	if (r >= 0 && g->sysroot) {
		r = iommu_ctx_set_sysroot(cli.ctx, g->sysroot);
		if (r == -ENOENT || r == -ENOTDIR) {
			cli_error(&cli, 0, "--sysroot %s: %s", g->sysroot,
				  r == -ENOTDIR ? "not a directory"
						: "no such directory, or one holding neither sys/ nor proc/ (a system's root, or a snapshot from 'iommutool snapshot')");
			code = EXIT_NOINPUT;
			goto out;
		}
	}
	if (r < 0) {
		code = cli_error(&cli, r, "cannot set up");
		goto out;
	}
	if (g->verbose >= 3) {
		iommu_ctx_set_log_fn(cli.ctx, log_to_stderr);
		iommu_ctx_set_log_priority(cli.ctx, LOG_DEBUG);
	}
	if (g->quiet)
		discard = fopencookie(NULL, "w", (cookie_io_functions_t){ .write = discard_write });
	cli.out = out_new(discard ? discard : stdout, g->json ? OUT_JSON : OUT_TEXT, cli.color);
	if (!cli.out) {
		code = cli_error(&cli, -ENOMEM, "cannot set up the output");
		goto out;
	}
	code = cmd->run(&cli, opts);
	/* A usage error prints no document: there is no answer to describe. */
	if (code == EXIT_USAGE)
		out_discard(cli.out);
	r = out_close(cli.out);
	if (r == -EPIPE)
		end_on_closed_pipe();
	if (r < 0) {
		int write_code = cli_error(&cli, r, "cannot write the output");

		if (code < EXIT_USAGE)
			code = write_code;
	}
out:
	if (discard)
		fclose(discard);
	iommu_ctx_unref(cli.ctx);
	return code;
}

static int run_command(const struct iommutool_cmd *cmd, struct globals *g, int argc, char **argv)
{
	struct argp cmd_argp = { cmd->options, cmd->parse, NULL, NULL, NULL, NULL, NULL };
	struct argp_child children[] = {
		{ &cmd_argp, 0, NULL, 0 },
		{ &global_child_argp, 0, "Global options:", 100 },
		{ NULL, 0, NULL, 0 },
	};
	struct argp top = { list_opts_option, parse_command, cmd->args_doc, NULL, children, NULL,
			    NULL };
	struct cmd_parse cp = { .globals = g };
	char *doc = NULL, *name = NULL;
	int code = EXIT_SOFTWARE;

	cp.opts = calloc(1, cmd->opts_size ? cmd->opts_size : 1);
	if (!cp.opts || asprintf(&doc, "%s\v%s", cmd->summary, cmd->doc ? cmd->doc : "") < 0 ||
	    asprintf(&name, "iommutool %s", cmd->name) < 0) {
		fputs("iommutool: out of memory\n", stderr);
		doc = name = NULL;
		goto out;
	}
	top.doc = doc;
	argv[0] = name;
	if (argp_parse(&top, argc, argv, 0, NULL, &cp)) {
		code = EXIT_USAGE;
		goto out;
	}
	if (cp.list_opts) {
		print_options(cmd->options);
		print_options(global_options);
		code = EXIT_CLEAN;
		goto out;
	}
	if (cp.list_values) {
		code = list_values(cmd, cp.list_values);
		goto out;
	}
	code = run_setup(cmd, g, cp.opts);
out:
	if (cmd->cleanup && cp.opts)
		cmd->cleanup(cp.opts);
	free(cp.opts);
	free(doc);
	free(name);
	return code;
}

int main(int argc, char **argv)
{
	struct globals g = { 0 };
	const struct iommutool_cmd *cmd;

	/* glibc's own variables (a definition here would not be the one argp reads): --version, -V. */
	argp_program_version = "iommutool " VERSION;
	argp_program_bug_address = "the iommutool issue tracker (attach `iommutool snapshot`)";

	if (argp_parse(&global_argp, argc, argv, ARGP_IN_ORDER, NULL, &g))
		return EXIT_USAGE;
	if (g.list_cmds) {
		for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
			if (!(commands[i]->flags & CMD_HIDDEN))
				puts(commands[i]->name);
		return fflush(stdout) == 0 ? EXIT_CLEAN : EXIT_IOERR;
	}
	if (g.list_opts) {
		print_options(global_options);
		return fflush(stdout) == 0 ? EXIT_CLEAN : EXIT_IOERR;
	}
	if (g.list_values)
		return list_values(NULL, g.list_values);
	if (!g.cmd_index) {
		fputs("iommutool: no command given\n"
		      "Try 'iommutool --help' for the list of commands.\n", stderr);
		return EXIT_USAGE;
	}
	cmd = find_command(argv[g.cmd_index]);
	if (!cmd)
		return unknown_command(argv[g.cmd_index]);
	return run_command(cmd, &g, argc - g.cmd_index, argv + g.cmd_index);
}
