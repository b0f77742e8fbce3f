/* SPDX-License-Identifier: MIT */
#ifndef IOMMUTOOL_FILES_H
#define IOMMUTOOL_FILES_H

#include <stdbool.h>
#include <stddef.h>

/* Open (creating it when asked) a directory for output; -EPERM below /sys, /proc, /dev. */
int output_dir_open(const char *dir, bool create);
/* Write NAME in DIRFD through a temporary file; -EEXIST if it exists and !FORCE. */
int write_file_atomic(int dirfd, const char *name, const void *data, size_t size, bool force);

#endif
