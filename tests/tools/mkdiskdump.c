// SPDX-License-Identifier: MIT
/*
 * mkdiskdump: a raw memory image (physical address 0 up) rewritten as a
 * kdump-compressed file (makedumpfile's diskdump format, header version 1)
 * with a page size of the caller's choosing, as QEMU writes arm64 dumps with
 * 64 KiB pages.  Pages are stored uncompressed; all-zero pages are left out
 * of the dumped-page bitmap, as makedumpfile -d 1 leaves them out.
 *
 *   mkdiskdump [-p PAGE_SIZE] [-m MACHINE] IMAGE OUT
 *
 * Layout (makedumpfile diskdump_mod.h): the disk_dump_header in block 0,
 * the kdump_sub_header in block 1, the two page bitmaps (valid, dumped),
 * one 24-byte page descriptor per dumped page, then the pages.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <stdbool.h>
#include <unistd.h>

/* struct disk_dump_header field offsets (x86-64 and arm64 LP64 layout). */
enum {
	HDR_VERSION = 8,
	HDR_MACHINE = 12 + 4 * 65,	/* new_utsname.machine */
	HDR_BLOCK_SIZE = 428,
	HDR_SUB_HDR_SIZE = 432,
	HDR_BITMAP_BLOCKS = 436,
	HDR_MAX_MAPNR = 440,
	HDR_TOTAL_RAM_BLOCKS = 444,
	HDR_NR_CPUS = 460,
	PAGE_DESC_SIZE = 24,		/* offset, size, flags, page_flags */
};

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, sizeof(v));
}

static void put64(uint8_t *p, uint64_t v)
{
	memcpy(p, &v, sizeof(v));
}

static int usage(void)
{
	fprintf(stderr, "usage: mkdiskdump [-p PAGE_SIZE] [-m MACHINE] IMAGE OUT\n");
	return 2;
}

static bool all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

int main(int argc, char **argv)
{
	const char *machine = "aarch64";
	uint64_t page = 65536;
	uint8_t *image, *header, *bitmap, *descs;
	uint64_t pages, dumped = 0, bitmap_bytes, bitmap_blocks, data_off;
	struct stat st;
	FILE *in, *out;
	int opt;

	while ((opt = getopt(argc, argv, "p:m:")) != -1) {
		if (opt == 'p')
			page = strtoull(optarg, NULL, 0);
		else if (opt == 'm')
			machine = optarg;
		else
			return usage();
	}
	if (argc - optind != 2 || page < 4096 || (page & (page - 1)) || page > (1u << 20) ||
	    strlen(machine) > 64)
		return usage();
	in = fopen(argv[optind], "rb");
	if (!in || fstat(fileno(in), &st) < 0) {
		perror(argv[optind]);
		return 1;
	}
	pages = ((uint64_t)st.st_size + page - 1) / page;
	image = calloc(pages ? pages : 1, page);
	if (!image || fread(image, 1, (size_t)st.st_size, in) != (size_t)st.st_size) {
		perror(argv[optind]);
		return 1;
	}
	fclose(in);

	bitmap_bytes = (pages + 7) / 8;
	bitmap_blocks = 2 * ((bitmap_bytes + page - 1) / page);
	header = calloc(2, page);	/* the header block and the sub-header block */
	bitmap = calloc(bitmap_blocks, page);
	descs = calloc(pages ? pages : 1, PAGE_DESC_SIZE);
	if (!header || !bitmap || !descs) {
		perror("mkdiskdump");
		return 1;
	}
	memcpy(header, "KDUMP   ", 8);
	put32(header + HDR_VERSION, 1);
	memcpy(header + HDR_MACHINE, machine, strlen(machine));
	put32(header + HDR_BLOCK_SIZE, (uint32_t)page);
	put32(header + HDR_SUB_HDR_SIZE, 1);
	put32(header + HDR_BITMAP_BLOCKS, (uint32_t)bitmap_blocks);
	put32(header + HDR_MAX_MAPNR, (uint32_t)pages);
	put32(header + HDR_TOTAL_RAM_BLOCKS, (uint32_t)pages);
	put32(header + HDR_NR_CPUS, 1);

	for (uint64_t pfn = 0; pfn < pages; pfn++) {
		bitmap[pfn / 8] |= (uint8_t)(1u << (pfn % 8));	/* valid RAM */
		if (!all_zero(image + pfn * page, page)) {
			bitmap[bitmap_blocks / 2 * page + pfn / 8] |= (uint8_t)(1u << (pfn % 8));
			dumped++;
		}
	}
	data_off = (2 + bitmap_blocks) * page + dumped * PAGE_DESC_SIZE;
	for (uint64_t pfn = 0, i = 0; pfn < pages; pfn++) {
		if (all_zero(image + pfn * page, page))
			continue;
		put64(descs + i * PAGE_DESC_SIZE, data_off + i * page);
		put32(descs + i * PAGE_DESC_SIZE + 8, (uint32_t)page);
		i++;
	}

	out = fopen(argv[optind + 1], "wbx");
	if (!out) {
		perror(argv[optind + 1]);
		return 1;
	}
	fwrite(header, 1, 2 * page, out);
	fwrite(bitmap, 1, bitmap_blocks * page, out);
	fwrite(descs, PAGE_DESC_SIZE, dumped, out);
	for (uint64_t pfn = 0; pfn < pages; pfn++)
		if (!all_zero(image + pfn * page, page))
			fwrite(image + pfn * page, 1, page, out);
	if (fclose(out) != 0) {
		perror(argv[optind + 1]);
		return 1;
	}
	printf("%llu pages of %llu bytes, %llu dumped\n", (unsigned long long)pages,
	       (unsigned long long)page, (unsigned long long)dumped);
	free(image);
	free(header);
	free(bitmap);
	free(descs);
	return 0;
}
