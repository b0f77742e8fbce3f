// SPDX-License-Identifier: MIT
/* Error messages and the exit codes they end in. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "iommutool.h"

int exit_code_for_error(int error)
{
	switch (-error) {
	case 0:
		return EXIT_CLEAN;
	case ENOENT:
	case ENOTDIR:
	case EIO:
	case ENXIO:
	case ENODEV:
		return EXIT_NOINPUT;
	case EACCES:
	case EPERM:
		return EXIT_NOPERM;
	case EBADMSG:
	case ELOOP:
	case EINVAL:
	case EISDIR:
	case EFBIG:
	case ERANGE:
	case EOPNOTSUPP:
		return EXIT_DATAERR;
	case EPIPE:
	case ENOSPC:
	case EDQUOT:
	case EROFS:
	case EEXIST:
		return EXIT_IOERR;
	default:
		return EXIT_SOFTWARE;
	}
}

static const char *way_forward(const struct cli *cli, int error)
{
	if (error != -EACCES && error != -EPERM)
		return NULL;
	return iommu_ctx_is_live(cli->ctx) ? "run as root, or use --sysroot with a snapshot"
					   : "check the snapshot's file permissions";
}

int cli_error(const struct cli *cli, int error, const char *fmt, ...)
{
	const char *hint = cli->ctx ? way_forward(cli, error) : NULL;
	va_list args;

	fprintf(stderr, "%s: ", cli->prog);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	if (error == -ELOOP)	/* from the page-table walker, not from a path */
		fputs(": the tables point back at themselves or share tables beyond any real domain",
		      stderr);
	else if (error)
		fprintf(stderr, ": %s", strerror(-error));
	if (hint)
		fprintf(stderr, " (%s)", hint);
	fputc('\n', stderr);
	return exit_code_for_error(error);
}

void cli_warn(const struct cli *cli, const char *fmt, ...)
{
	va_list args;

	if (cli->quiet)
		return;
	fprintf(stderr, "%s: ", cli->prog);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputc('\n', stderr);
}
