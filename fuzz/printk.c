// SPDX-License-Identifier: MIT
/*
 * The printk ring buffer over arbitrary memory: the layout is Linux 6.1's
 * (as its VMCOREINFO gives it), the memory (prb, the rings, descriptors,
 * infos and text) is the input at a fixed address.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "kernel/kernel.h"

#define BASE 0xffffffff82000000ull

struct mem {
	const uint8_t *data;
	size_t size;
};

static int mem_read(void *data, uint64_t addr, void *buf, size_t size)
{
	const struct mem *m = data;

	if (addr < BASE || addr - BASE > m->size || size > m->size - (addr - BASE))
		return -ENODATA;
	memcpy(buf, m->data + (addr - BASE), size);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mem m = { data, size };
	struct prb_layout l = { .prb = BASE, .desc_ring = 0, .text_data_ring = 48,
		.desc_ring_count_bits = 0, .desc_ring_descs = 8, .desc_ring_infos = 16,
		.desc_ring_head_id = 24, .desc_ring_tail_id = 32, .desc_size = 24,
		.desc_state_var = 0, .desc_text_blk_lpos = 8, .lpos_begin = 0, .lpos_next = 8,
		.info_size = 88, .info_ts_nsec = 8, .info_text_len = 16, .data_ring_size_bits = 0,
		.data_ring_data = 8, .atomic_counter = 0, .read = mem_read, .data = &m };
	char problem[160], *text;
	size_t records;

	if (printk_decode(&l, 1u << 20, &text, &records, problem, sizeof(problem)) < 0) {
		fuzz_touch_string(problem);
		return 0;
	}
	fuzz_touch_string(text);
	fuzz_fold(records);
	free(text);
	return 0;
}
