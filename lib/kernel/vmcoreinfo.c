// SPDX-License-Identifier: MIT
/*
 * VMCOREINFO: the "KEY=VALUE" lines the kernel leaves for dump readers
 * (kernel/crash_core.c, Documentation/admin-guide/kdump/vmcoreinfo.rst), in
 * an ELF core's "VMCOREINFO" note or a kdump-compressed file's header.
 */
#include <errno.h>
#include <stdlib.h>

#include "kernel/kernel.h"
#include "mem/mem.h"

/* The note is a page or two; anything larger is not one. */
#define MAX_VMCOREINFO (1u << 20)

int vmcoreinfo_read(struct iommu_dump *dump, char **ret_text, size_t *ret_size)
{
	const uint8_t *desc;
	size_t size;
	char *text;
	int r;

	/* Read through libkdumpfile: kdump-compressed files, and ELF cores that cannot be mapped. */
	if (dump->kdump) {
		r = mem_kdump_vmcoreinfo(dump, &text);
		if (r < 0)
			return r;
		*ret_text = text;
		*ret_size = strnlen(text, MAX_VMCOREINFO);
		return 0;
	}
	r = mem_elf_note(dump, "VMCOREINFO", &desc, &size);
	if (r < 0)
		return r;
	if (size > MAX_VMCOREINFO)
		return -EBADMSG;
	text = malloc(size + 1);
	if (!text)
		return -ENOMEM;
	memcpy(text, desc, size);
	text[size] = 0;
	*ret_text = text;
	*ret_size = strnlen(text, size);
	return 0;
}

bool vmcoreinfo_value(const char *text, size_t size, const char *key, char *buf, size_t bufsize)
{
	size_t klen = strlen(key);

	for (size_t pos = 0; pos < size;) {
		const char *line = text + pos, *nl = memchr(line, '\n', size - pos);
		size_t len = nl ? (size_t)(nl - line) : size - pos;

		pos += len + 1;
		if (len <= klen || line[klen] != '=' || memcmp(line, key, klen) != 0)
			continue;
		len -= klen + 1;
		if (len >= bufsize)
			return false;
		memcpy(buf, line + klen + 1, len);
		buf[len] = 0;
		return true;
	}
	return false;
}

bool vmcoreinfo_number(const char *text, size_t size, const char *key, uint64_t *ret)
{
	bool hex = strncmp(key, "SYMBOL(", 7) == 0 || strcmp(key, "KERNELOFFSET") == 0;
	char buf[32], *end;

	if (!vmcoreinfo_value(text, size, key, buf, sizeof(buf)) || !buf[0])
		return false;
	errno = 0;
	/* arm64 writes some numbers in hexadecimal: "NUMBER(kimage_voffset)=0x%llx". */
	if (hex || (buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X')))
		*ret = strtoull(buf, &end, 16);
	else if (buf[0] == '-')
		*ret = (uint64_t)strtoll(buf, &end, 10);
	else
		*ret = strtoull(buf, &end, 10);
	return !errno && !*end;
}
