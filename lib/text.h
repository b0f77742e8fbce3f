/* SPDX-License-Identifier: MIT */
/*
 * Scanning text input (register files, acpidump text, kernel logs, the
 * numbers and devices users type), after util-linux include/strutils.h.
 * Text need not end in NUL: every function reads [s, end) and nothing at or
 * past END, and a NUL byte is an ordinary byte (no digit, no blank, no
 * newline).  Numbers fail on overflow instead of wrapping.
 */
#ifndef LIBIOMMU_TEXT_H
#define LIBIOMMU_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- numbers -------------------------------------------------------------- */

/*
 * Hexadecimal digits at S, after an optional "0x" or "0X": the value in *RET
 * and the end of the digits; NULL when there is no digit or the value does
 * not fit 64 bits.  "0x" not followed by a digit is the number 0 ending at 'x'.
 */
const char *text_hex(const char *s, const char *end, uint64_t *ret);
/* Decimal digits at S: the value and their end; NULL when none, or on overflow. */
const char *text_dec(const char *s, const char *end, uint64_t *ret);
/* [s, end) is one hexadecimal number ("0x" optional) and nothing else. */
bool text_whole_hex(const char *s, const char *end, uint64_t *ret);

/*
 * A PCI requester "[SSSS:]BB:DD.F" at S (lspci's notation; each part
 * hexadecimal, "0x" allowed): the segment (0 without one), the requester id
 * (bus << 8 | device << 3 | function) and whether a segment was given; the
 * end of it, or NULL when S holds none or a part is out of range.
 */
const char *text_bdf(const char *s, const char *end, uint16_t *ret_segment, uint16_t *ret_rid,
		     bool *ret_has_segment);

/* ---- words and fields ----------------------------------------------------- */

/* S past spaces and tabs; past any white space (newlines too). */
const char *text_skip_blanks(const char *s, const char *end);
const char *text_skip_space(const char *s, const char *end);

struct text_word {
	const char *s;
	size_t len;
};

/* The white-space separated words of [s, end), at most MAX of them: how many. */
size_t text_words(const char *s, const char *end, struct text_word *words, size_t max);
/* The first NEEDLE in [s, end), or NULL. */
const char *text_find(const char *s, const char *end, const char *needle);
/* [s, end) starts with PREFIX. */
bool text_starts(const char *s, const char *end, const char *prefix);
/*
 * The number after the first KEY in [s, end) that starts it or follows
 * white space, '[', '(' or ',': "domain=0x5" (KEY "domain="), "sid: 0x100"
 * (KEY "sid:"); blanks may stand between.  False when there is no such KEY
 * or no number after the first.
 */
bool text_field_hex(const char *s, const char *end, const char *key, uint64_t *ret);

/* ---- lines ---------------------------------------------------------------- */

/* The end of the line starting at S, before its "\n" or "\r\n"; END for the last. */
const char *text_line_end(const char *s, const char *end);
/* The start of the line after the one starting at S; END when there is none. */
const char *text_next_line(const char *s, const char *end);

/* Every line of a text in turn (TEXT_LINES), numbered from 1. */
struct text_lines {
	const char *p, *end;
	size_t number;
};

#define TEXT_LINES(text, size) ((struct text_lines){ (text), (text) + (size), 0 })

/* The next line as [*ret_s, *ret_end), without its newline; false after the last. */
bool text_lines_next(struct text_lines *lines, const char **ret_s, const char **ret_end);

#endif
