// SPDX-License-Identifier: MIT
/*
 * The kernel log inside a dump: the lockless printk ring buffer (Linux 5.10+,
 * kernel/printk/printk_ringbuffer.h) as VMCOREINFO describes it
 * (kernel/printk/printk.c log_buf_vmcoreinfo_setup(): SYMBOL(prb), the
 * OFFSET()s and SIZE()s of printk_ringbuffer, prb_desc_ring, prb_desc,
 * prb_data_blk_lpos, printk_info, prb_data_ring, atomic_long_t).  Each
 * descriptor from tail_id to head_id that is committed or finalized and
 * still carries its own id names a text block in the data ring (a block
 * that wraps starts at the ring's beginning; the block's first word is its
 * id); its printk_info gives the sequence number, time stamp and length.
 * Records come out as dmesg prints them: "[    2.577495] text".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "kernel/kernel.h"

#define MAX_DESC_BITS 24
#define MAX_DATA_BITS 30
#define DESC_STATE_SHIFT 62
#define DESC_ID_MASK (~(3ull << DESC_STATE_SHIFT))
#define DESC_COMMITTED 1
#define DESC_FINALIZED 2
#define MAX_RECORD 1024		/* PRINTKRB_RECORD_MAX-ish: a record's text longer than this is cut */

/* A growing text buffer, bounded. */
struct text {
	char *buf;
	size_t len, cap, max;
};

static int text_add(struct text *t, const char *s, size_t len)
{
	if (t->len + len + 1 > t->max)
		return -EFBIG;
	if (t->len + len + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 65536;
		char *bigger;

		while (cap < t->len + len + 1)
			cap *= 2;
		bigger = realloc(t->buf, cap);
		if (!bigger)
			return -ENOMEM;
		t->buf = bigger;
		t->cap = cap;
	}
	memcpy(t->buf + t->len, s, len);
	t->len += len;
	t->buf[t->len] = 0;
	return 0;
}

static int rd64(const struct prb_layout *l, uint64_t addr, uint64_t *ret)
{
	uint8_t b[8];
	int r = l->read(l->data, addr, b, 8);

	if (r < 0)
		return r;
	*ret = get_le64(b);
	return 0;
}

int printk_decode(const struct prb_layout *l, size_t max_text, char **ret_text, size_t *ret_records,
		  char *problem, size_t problem_size)
{
	uint64_t ring, desc_ring, data_ring, descs, infos, data, tail, head, count, size;
	uint8_t b[8];
	struct text t = { .max = max_text };
	size_t records = 0;
	uint32_t count_bits, size_bits;
	int r;

	r = rd64(l, l->prb, &ring);
	if (r < 0) {
		snprintf(problem, problem_size, "prb is not readable");
		return r;
	}
	desc_ring = ring + l->desc_ring;
	data_ring = ring + l->text_data_ring;
	r = l->read(l->data, desc_ring + l->desc_ring_count_bits, b, 4);
	count_bits = get_le32(b);
	if (r >= 0)
		r = rd64(l, desc_ring + l->desc_ring_descs, &descs);
	if (r >= 0)
		r = rd64(l, desc_ring + l->desc_ring_infos, &infos);
	if (r >= 0)
		r = rd64(l, desc_ring + l->desc_ring_head_id + l->atomic_counter, &head);
	if (r >= 0)
		r = rd64(l, desc_ring + l->desc_ring_tail_id + l->atomic_counter, &tail);
	if (r >= 0)
		r = l->read(l->data, data_ring + l->data_ring_size_bits, b, 4);
	size_bits = get_le32(b);
	if (r >= 0)
		r = rd64(l, data_ring + l->data_ring_data, &data);
	if (r < 0) {
		snprintf(problem, problem_size, "the printk ring buffer at 0x%llx is not readable",
			 (unsigned long long)ring);
		return r;
	}
	if (count_bits > MAX_DESC_BITS || size_bits > MAX_DATA_BITS || size_bits < 4) {
		snprintf(problem, problem_size, "the printk ring buffer holds 2^%u descriptors and 2^%u bytes: not a ring buffer",
			 count_bits, size_bits);
		return -EBADMSG;
	}
	count = 1ull << count_bits;
	size = 1ull << size_bits;
	tail &= DESC_ID_MASK;
	head &= DESC_ID_MASK;
	/* At most one lap of the ring, from the oldest descriptor to the newest. */
	for (uint64_t n = 0, id = tail; n < count; n++, id = (id + 1) & DESC_ID_MASK) {
		uint64_t desc = descs + (id % count) * l->desc_size, info = infos + (id % count) * l->info_size;
		uint64_t sv, begin, next, ts, start;
		uint16_t len;
		char line[MAX_RECORD + 32];
		unsigned int state;
		int at;

		if (rd64(l, desc + l->desc_state_var + l->atomic_counter, &sv) < 0 ||
		    rd64(l, desc + l->desc_text_blk_lpos + l->lpos_begin, &begin) < 0 ||
		    rd64(l, desc + l->desc_text_blk_lpos + l->lpos_next, &next) < 0 ||
		    rd64(l, info + l->info_ts_nsec, &ts) < 0 ||
		    l->read(l->data, info + l->info_text_len, b, 2) < 0) {
			snprintf(problem, problem_size, "printk descriptor %llu is not readable",
				 (unsigned long long)id);
			free(t.buf);
			return -ENODATA;
		}
		len = get_le16(b);
		state = (unsigned int)(sv >> DESC_STATE_SHIFT);
		if ((sv & DESC_ID_MASK) == id && (state == DESC_COMMITTED || state == DESC_FINALIZED) &&
		    !(begin & 1) && !(next & 1) && begin % size != next % size) {
			begin %= size;
			next %= size;
			if (begin > next)	/* wrapped: the text is at the ring's start */
				begin = 0;
			start = begin + 8;	/* the block's id */
			if (start > next)
				len = 0;
			else if (next - start < len)
				len = (uint16_t)(next - start);
			if (len > MAX_RECORD)
				len = MAX_RECORD;
			at = snprintf(line, sizeof(line), "[%5llu.%06llu] ",
				      (unsigned long long)(ts / 1000000000),
				      (unsigned long long)(ts % 1000000000 / 1000));
			if (len && l->read(l->data, data + start, line + at, len) < 0)
				len = 0;
			/* A record's own newlines and NULs stay inside its line. */
			for (size_t i = 0; i < len; i++)
				if (line[at + i] == '\n' || line[at + i] == 0)
					line[at + i] = ' ';
			line[at + len] = '\n';
			r = text_add(&t, line, (size_t)at + len + 1);
			if (r < 0)
				break;
			records++;
		}
		if (id == head)
			break;
	}
	if (r == -ENOMEM) {
		free(t.buf);
		return r;
	}
	if (!t.buf && text_add(&t, "", 0) < 0)
		return -ENOMEM;
	*ret_text = t.buf;
	*ret_records = records;
	return 0;
}
