/* SPDX-License-Identifier: MIT */
/*
 * A minimal unit-test harness: CHECK records a failure and goes on; each
 * test binary prints "unit NAME: N passed, N failed" and exits non-zero on
 * any failure.  tests/run adds the counts up.
 */
#ifndef IOMMUTOOL_UNIT_H
#define IOMMUTOOL_UNIT_H

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int unit_passed, unit_failed;

#define CHECK(cond)                                                                      \
	do {                                                                             \
		if (cond) {                                                              \
			unit_passed++;                                                   \
		} else {                                                                 \
			unit_failed++;                                                   \
			fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
		}                                                                        \
	} while (0)

#define CHECK_EQ(a, b)                                                                   \
	do {                                                                             \
		unsigned long long a_ = (unsigned long long)(a), b_ = (unsigned long long)(b); \
		if (a_ == b_) {                                                          \
			unit_passed++;                                                   \
		} else {                                                                 \
			unit_failed++;                                                   \
			fprintf(stderr, "%s:%d: %s == %s failed: 0x%llx != 0x%llx\n", __FILE__, \
				__LINE__, #a, #b, a_, b_);                               \
		}                                                                        \
	} while (0)

#define CHECK_STR(a, b)                                                                  \
	do {                                                                             \
		const char *a_ = (a), *b_ = (b);                                         \
		if (a_ && b_ && strcmp(a_, b_) == 0) {                                   \
			unit_passed++;                                                   \
		} else {                                                                 \
			unit_failed++;                                                   \
			fprintf(stderr, "%s:%d: %s == %s failed: '%s' != '%s'\n", __FILE__,   \
				__LINE__, #a, #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)");       \
		}                                                                        \
	} while (0)

/* A sysroot holding nothing but an empty sys/, in DIR; unit_empty_sysroot_remove(). */
static inline const char *unit_empty_sysroot(char dir[4096])
{
	char sys[4200];

	snprintf(dir, 4096, "%s/unit-sysroot.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir))
		return "/nonexistent";
	snprintf(sys, sizeof(sys), "%s/sys", dir);
	mkdir(sys, 0700);
	return dir;
}

static inline void unit_empty_sysroot_remove(const char *dir)
{
	char sys[4200];

	snprintf(sys, sizeof(sys), "%s/sys", dir);
	rmdir(sys);
	rmdir(dir);
}

static inline int unit_report(const char *name)
{
	printf("unit %s: %d passed, %d failed\n", name, unit_passed, unit_failed);
	return unit_failed ? 1 : 0;
}

#endif
