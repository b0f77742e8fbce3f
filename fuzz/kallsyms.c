// SPDX-License-Identifier: MIT
/*
 * kallsyms decoding over arbitrary memory: the input's first 48 bytes place
 * the tables (offsets into the rest, which is the kernel's memory at a fixed
 * address), the rest is read as kallsyms_num_syms, kallsyms_names, the token
 * table and index, the offsets and the relative base.  Every symbol found is
 * looked up again.
 */
#include <errno.h>
#include <string.h>

#include "common.h"
#include "kernel/kernel.h"

#define BASE 0xffffffff81000000ull

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
	struct mem m = { data + 48, size >= 48 ? size - 48 : 0 };
	struct ksyms_layout l;
	struct ksyms s;
	char problem[160];
	uint64_t v;

	if (size < 48)
		return 0;
	l = (struct ksyms_layout){ BASE + fuzz_le(data, 4), BASE + fuzz_le(data + 4, 4),
				   BASE + fuzz_le(data + 8, 4), BASE + fuzz_le(data + 12, 4),
				   BASE + fuzz_le(data + 16, 4), BASE + fuzz_le(data + 20, 4),
				   fuzz_le(data + 24, 8) };
	if (ksyms_decode(&s, &l, mem_read, &m, problem, sizeof(problem)) < 0) {
		fuzz_touch_string(problem);
		return 0;
	}
	for (size_t i = 0; i < s.nsyms; i++) {
		char buf[KSYM_NAME_LEN + 1];
		const char *name = ksyms_name(&s, i, buf);
		int r = ksyms_lookup(&s, name, &v);

		fuzz_touch_string(name);
		/* Found, or its kallsyms_offsets entry is not in the input. */
		if (r == -ENOENT || (r < 0 && r != -ENODATA))
			__builtin_trap();
		if (r == 0)
			fuzz_fold(v);
	}
	ksyms_free(&s);
	return 0;
}
