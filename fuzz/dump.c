// SPDX-License-Identifier: MIT
/*
 * The dump readers: any bytes as a dump file, its format detected as
 * `--dump` does (ELF core, kdump-compressed through libkdumpfile, else a raw
 * image), then reads across every range it holds: at each range's start and
 * end, straddling its edges, and at an address the input's last 8 bytes
 * give, with a page cache of two pages so that eviction runs too.  A read
 * either fills the buffer or fails with -ENODATA; it never returns zeros for
 * missing bytes it cannot vouch for.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"

#define MAX_RANGES 64

static void probe(struct iommu_dump *dump, uint64_t addr, size_t size)
{
	static uint8_t buf[3 * 4096];
	int r;

	if (size > sizeof(buf))
		size = sizeof(buf);
	r = iommu_dump_read(dump, addr, buf, size);
	if (r == 0)
		fuzz_touch_bytes(buf, size);
	else if (r != -ENODATA && r != -EINVAL && r != -EIO && r != -ENOMEM)
		abort();	/* a reason the API does not give */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iommu_dump *dump;
	const char *reason = NULL;
	uint64_t start, end, tail = 0;
	char path[32];
	int fd = fuzz_file(data, size, path);

	if (iommu_dump_open(fuzz_ctx(), path, &dump, &reason) < 0) {
		fuzz_touch_string(reason);
		close(fd);
		return 0;
	}
	iommu_dump_set_cache_limit(dump, 2 * 4096);
	fuzz_touch_string(iommu_dump_format_name(iommu_dump_get_format(dump)));
	fuzz_touch_string(iommu_dump_get_path(dump));
	for (size_t i = 0; i < MAX_RANGES && iommu_dump_get_range(dump, i, &start, &end) == 0; i++) {
		if (end < start)
			abort();
		probe(dump, start, 8);
		probe(dump, start - 4, 8);
		probe(dump, end - 8, 8);
		probe(dump, end - 4, 8);
		probe(dump, start + (end - start) / 2, 2 * 4096);
	}
	if (size >= 8)
		memcpy(&tail, data + size - 8, 8);
	probe(dump, tail, 4096);
	probe(dump, tail & ~UINT64_C(0xfff), 3 * 4096);
	probe(dump, 0, 4096);
	probe(dump, UINT64_MAX - 3, 8);
	fuzz_fold(iommu_dump_get_pages_loaded(dump) ^ iommu_dump_get_cache_hits(dump) ^
		  iommu_dump_get_cache_size(dump));
	iommu_dump_unref(dump);
	close(fd);
	return 0;
}
