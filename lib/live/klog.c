// SPDX-License-Identifier: MIT
/*
 * The kernel log: dmesg.txt at the top of a snapshot, or on the live system
 * the ring buffer through klogctl(SYSLOG_ACTION_READ_ALL) when permitted
 * (kernel.dmesg_restrict).  /dev/kmsg is never opened.  Lines lose their
 * "<N>" priority and "[ seconds]" prefix; what they say is matched against
 * the patterns of lib/live/klog-patterns.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/klog.h>

#include "live/live.h"
#include "text.h"

#define MAX_LOG (64u << 20)
#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_SIZE_BUFFER 10

struct klog {
	char *text;
	char **lines;		/* into TEXT, without priority and time stamp */
	const struct klog_pattern **patterns;	/* each line's, classified once */
	size_t count;
};

/* klogctl's "<6>[    0.000000] ..." as dmesg prints it: "[    0.000000] ...". */
static void strip_priorities(char *text, size_t *size)
{
	char *in = text, *out = text;

	while (*in) {
		size_t len;

		if (in[0] == '<') {
			size_t digits = strspn(in + 1, "0123456789");

			if (digits && in[1 + digits] == '>')
				in += digits + 2;
		}
		len = strcspn(in, "\n");
		memmove(out, in, len);
		out += len;
		in += len;
		if (*in == '\n')
			*out++ = *in++;
	}
	*out = 0;
	*size = (size_t)(out - text);
}

static int read_ring_buffer(char **ret_text, size_t *ret_size)
{
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	char *buf;
	int n;

	if (size < 0)
		return -errno;
	if (size == 0 || (unsigned int)size > MAX_LOG)
		return -EFBIG;
	buf = malloc((size_t)size + 1);
	if (!buf)
		return -ENOMEM;
	n = klogctl(SYSLOG_ACTION_READ_ALL, buf, size);
	if (n < 0) {
		n = -errno;
		free(buf);
		return n;
	}
	buf[n] = 0;
	*ret_size = (size_t)n;
	strip_priorities(buf, ret_size);
	*ret_text = buf;
	return 0;
}

/* The lines of the SIZE bytes of log->text, each ended by a NUL where its newline was. */
static int split_lines(struct klog *log, size_t size)
{
	struct text_lines lines = TEXT_LINES(log->text, size);
	const char *s, *e;
	size_t alloc = 0;

	while (text_lines_next(&lines, &s, &e)) {
		char *line = log->text + (s - log->text), *end = log->text + (e - log->text), *close;

		*end = 0;
		/* "[    2.441671] " */
		if (line[0] == '[' && (close = memchr(line, ']', (size_t)(end - line))) &&
		    strspn(line + 1, " 0123456789.") == (size_t)(close - line - 1))
			line = close + 1 + (close[1] == ' ');
		/* Some messages end in a space ("lazy mode "): quoted, it would look like a typo. */
		while (end > line && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = 0;
		if (line == end)
			continue;
		if (log->count == alloc) {
			char **bigger;

			alloc = alloc ? 2 * alloc : 1024;
			bigger = reallocarray(log->lines, alloc, sizeof(*bigger));
			if (!bigger)
				return -ENOMEM;
			log->lines = bigger;
		}
		log->lines[log->count++] = line;
	}
	return 0;
}

/* Every status check asks what the lines say: they are matched once, here. */
static int classify_lines(struct klog *log)
{
	log->patterns = calloc(log->count ? log->count : 1, sizeof(*log->patterns));
	if (!log->patterns)
		return -ENOMEM;
	for (size_t i = 0; i < log->count; i++)
		log->patterns[i] = klog_classify(log->lines[i]);
	return 0;
}

int klog_load(struct iommu_ctx *ctx, struct klog **ret_log)
{
	struct klog *log = calloc(1, sizeof(*log));
	size_t size;
	int r;

	if (!log)
		return -ENOMEM;
	if (iommu_ctx_is_live(ctx)) {
		r = read_ring_buffer(&log->text, &size);
		if (r == 0)
			r = snapshot_note_content(ctx, "dmesg.txt", log->text, size);
	} else {
		r = sysroot_read_file(ctx, "/dmesg.txt", MAX_LOG, &log->text, &size);
	}
	/*
	 * Refused, or not in a snapshot because it was refused: kernel.dmesg_restrict
	 * (read here so that a snapshot keeps it) says which, the same way for both.
	 */
	if (r == -EPERM || r == -ENOENT) {
		char *restrict_line;

		if (sysroot_read_line(ctx, "/proc/sys/kernel/dmesg_restrict", &restrict_line) == 0) {
			if (strcmp(restrict_line, "1") == 0)
				r = -EPERM;
			free(restrict_line);
		}
	}
	if (r == 0)
		r = split_lines(log, size);
	if (r == 0)
		r = classify_lines(log);
	if (r < 0) {
		klog_free(log);
		return r;
	}
	*ret_log = log;
	return 0;
}

void klog_free(struct klog *log)
{
	if (!log)
		return;
	free(log->lines);
	free(log->patterns);
	free(log->text);
	free(log);
}

size_t klog_count(const struct klog *log)
{
	return log->count;
}

const char *klog_line(const struct klog *log, size_t index)
{
	return index < log->count ? log->lines[index] : NULL;
}

const struct klog_pattern *klog_line_pattern(const struct klog *log, size_t index)
{
	return index < log->count ? log->patterns[index] : NULL;
}

/* PATTERN's '*' matches any run of characters; it matches anywhere in TEXT. */
static bool glob_at(const char *p, const char *t)
{
	const char *star = NULL, *resume = NULL;

	while (*p) {
		if (*p == '*') {
			star = ++p;
			resume = t;
		} else if (*t && *p == *t) {
			p++;
			t++;
		} else if (star && *resume) {
			p = star;
			t = ++resume;
		} else {
			return false;
		}
	}
	return true;
}

bool klog_line_matches(const char *line, const char *pattern)
{
	size_t literal = strcspn(pattern, "*");
	char start[128];
	const char *t = line;

	/* A leading '*' already floats over the whole line. */
	if (!literal)
		return glob_at(pattern, line);
	/* Else a match starts where the text before the first '*' does: strstr finds those. */
	if (literal >= sizeof(start))
		literal = sizeof(start) - 1;
	memcpy(start, pattern, literal);
	start[literal] = 0;
	for (; (t = strstr(t, start)); t++)
		if (glob_at(pattern, t))
			return true;
	return false;
}

const struct klog_pattern *klog_classify(const char *line)
{
	for (const struct klog_pattern *p = klog_patterns; p->match; p++)
		if (klog_line_matches(line, p->match))
			return p;
	return NULL;
}
