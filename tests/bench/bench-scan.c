// SPDX-License-Identifier: MIT
/*
 * make bench: how fast iommu_scan_dump() reads a raw dump, against a plain
 * sequential read() of the same file in the same run (the file in the page
 * cache for both).
 *
 * The image: a raw file of 1 GiB holding a VT-d legacy root table with its
 * context and page tables (built by tests/tools/mkimage.h), and pages of
 * every kind a dump has: zero pages, random data, x86 and IOMMU page-table
 * pages, arrays of small numbers and of kernel pointers.  Built in $TMPDIR
 * and removed at the end.  Targets: >= 1 GB/s, within 2x of the plain read;
 * the root table ranked first.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "libiommu.h"
#include "../tools/mkimage.h"

#define IMAGE_SIZE (1ULL << 30)
#define TABLES_LO (16ULL << 20)		/* mkimage's tables and mappings below FILL_FROM */
#define TABLES_HI (48ULL << 20)
#define FILL_FROM (64ULL << 20)
#define ROUNDS 3

static char dir[64], path[128];

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t rng = 0x2545f4914f6cdd1dULL;

static uint64_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void cleanup(void)
{
	if (getenv("BENCH_KEEP"))
		return;
	if (path[0])
		unlink(path);
	if (dir[0])
		rmdir(dir);
}

/* One page of the filler: what memory holds besides IOMMU tables. */
static void filler_page(uint64_t *w)
{
	unsigned int kind = (unsigned int)(next_random() % 10);
	uint64_t base = (next_random() % (IMAGE_SIZE >> 12)) << 12;

	for (unsigned int i = 0; i < 512; i++) {
		uint64_t r = next_random();

		switch (kind) {
		case 0: case 1: case 2:		/* zero */
			w[i] = 0;
			break;
		case 3: case 4: case 5: case 6:	/* data */
			w[i] = r;
			break;
		case 7:				/* x86 page table: present, RW, accessed, dirty */
			w[i] = r % 4 ? ((base + ((uint64_t)i << 12)) | 0x63) : 0;
			break;
		case 8:				/* IOMMU second-level page table: read only */
			w[i] = r % 2 ? ((base + ((uint64_t)i << 12)) | 1) : 0;
			break;
		default:			/* small numbers, kernel pointers */
			w[i] = i % 2 ? r % 64 : 0xffff888000000000ULL | (r & 0xffffffff8ULL);
			break;
		}
	}
}

static int build(uint64_t *ret_rtaddr)
{
	static uint64_t chunk[(1u << 20) / 8];
	struct img m;
	double t = now();
	int fd, r;

	if (img_init(&m, TABLES_LO, TABLES_HI, 0x5ca9) < 0)
		return -1;
	r = img_build(&m, "mode legacy\n"
			  "device 00:02.0 did=1 aw=48\nmap 00:02.0 0x100000 0x2000000 4M\n"
			  "device 00:03.0 did=2 aw=48\nmap 00:03.0 0x40000000 0x80000000 1G page=1G\n"
			  "device 01:00.0 did=3 aw=39\nmap 01:00.0 0x0 0x3000000 64K perm=r\n");
	if (r == 0)
		r = img_write_raw(&m, path, IMAGE_SIZE);
	*ret_rtaddr = img_rtaddr(&m);
	img_free(&m);
	if (r < 0)
		return r;
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -1;
	for (uint64_t at = FILL_FROM; at < IMAGE_SIZE && r == 0; at += sizeof(chunk)) {
		for (unsigned int p = 0; p < sizeof(chunk) / 4096; p++)
			filler_page(chunk + 512 * p);
		if (pwrite(fd, chunk, sizeof(chunk), (off_t)at) != (ssize_t)sizeof(chunk))
			r = -1;
	}
	close(fd);
	printf("image: 1 GiB raw file, a VT-d legacy root table at 0x%llx with 3 devices, and "
	       "zero, data, page-table, number and pointer pages (built in %.1f s)\n",
	       (unsigned long long)*ret_rtaddr, now() - t);
	return r;
}

/* read() the file through, 1 MiB at a time, touching every page read. */
static double plain_read(uint64_t *sink)
{
	static uint64_t buf[(1u << 20) / 8];
	int fd = open(path, O_RDONLY);
	double t = now();
	ssize_t n;

	if (fd < 0)
		return 0;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (ssize_t i = 0; i < n / 8; i += 512)
			*sink ^= buf[i];
	close(fd);
	return now() - t;
}

int main(void)
{
	struct iommu_ctx *ctx = NULL;
	double read_time = 1e9, scan_time = 1e9;
	uint64_t rtaddr = 0, sink = 0, first = 0, pages = 0;
	const char *tmp = getenv("TMPDIR");
	bool ok = true;

	snprintf(dir, sizeof(dir), "%s/iommutool-bench.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		dir[0] = 0;
		perror("mkdtemp");
		return 1;
	}
	atexit(cleanup);
	snprintf(path, sizeof(path), "%s/image.raw", dir);
	if (build(&rtaddr) < 0 || iommu_ctx_new(&ctx) < 0) {
		fprintf(stderr, "cannot build the image\n");
		return 1;
	}
	plain_read(&sink);	/* into the page cache */
	for (int round = 0; round < ROUNDS; round++) {
		struct iommu_scan *scan = NULL;
		struct iommu_dump *dump;
		double t, d;

		d = plain_read(&sink);
		if (d < read_time)
			read_time = d;
		t = now();
		if (iommu_dump_open_raw(ctx, path, 0, &dump) < 0 || iommu_scan_dump(dump, 0, &scan) < 0) {
			fprintf(stderr, "cannot scan the image\n");
			return 1;
		}
		d = now() - t;
		if (d < scan_time)
			scan_time = d;
		pages = iommu_scan_get_pages(scan);
		first = iommu_scan_get_count(scan)
				? iommu_scan_candidate_get_register(iommu_scan_get_candidate(scan, 0))
				: 0;
		iommu_scan_unref(scan);
		iommu_dump_unref(dump);
	}
	ok = first == rtaddr && pages == IMAGE_SIZE >> 12;
	printf("plain read():        %6.2f GB/s  (%.0f ms for 1 GiB)\n",
	       (double)IMAGE_SIZE / read_time / 1e9, read_time * 1e3);
	printf("scan (mmap'd raw):   %6.2f GB/s  (%.0f ms, open and ranking included)  %.2fx the read's time  %s\n",
	       (double)IMAGE_SIZE / scan_time / 1e9, scan_time * 1e3, scan_time / read_time,
	       (double)IMAGE_SIZE / scan_time >= 1e9 && scan_time <= 2 * read_time
		       ? "target >= 1 GB/s within 2x: met"
		       : "target >= 1 GB/s within 2x: MISSED");
	printf("root table ranked first: %s (%llu pages scanned)\n", ok ? "yes" : "NO",
	       (unsigned long long)pages);
	iommu_ctx_unref(ctx);
	return ok && sink != 1 ? 0 : 1;
}
