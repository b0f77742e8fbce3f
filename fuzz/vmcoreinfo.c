// SPDX-License-Identifier: MIT
/*
 * VMCOREINFO text (KEY=VALUE lines) and the symbol text --symbols reads
 * (System.map, /proc/kallsyms): every key the library asks for, and the
 * symbols parsed back out of the same bytes.
 */
#include "common.h"
#include "kernel/kernel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[] = {
		"OSRELEASE", "KERNELOFFSET", "SYMBOL(init_top_pgt)", "NUMBER(phys_base)",
		"NUMBER(pgtable_l5_enabled)", "SYMBOL(kallsyms_names)", "SYMBOL(prb)",
		"OFFSET(printk_ringbuffer.desc_ring)", "SIZE(printk_info)", "NUMBER(kimage_voffset)",
	};
	const char *text = (const char *)data;
	char buf[65];
	struct ksyms s;
	uint64_t v;

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (vmcoreinfo_value(text, size, keys[i], buf, sizeof(buf)))
			fuzz_touch_string(buf);
		if (vmcoreinfo_number(text, size, keys[i], &v))
			fuzz_fold(v);
	}
	if (ksyms_parse_text(&s, text, size, 0x26400000) == 0) {
		for (size_t i = 0; i < s.nsyms; i++)
			fuzz_touch_string(s.names + s.syms[i].name);
		if (ksyms_lookup(&s, "_stext", &v) == 0)
			fuzz_fold(v);
		ksyms_free(&s);
	}
	return 0;
}
