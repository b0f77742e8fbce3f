// SPDX-License-Identifier: MIT
/*
 * make bench: how fast the VT-d walker translates and enumerates, against a
 * bare dependent-load loop over the same tables (the physical limit).
 *
 * The image: a sparse raw file of 6 GiB with one legacy-mode device,
 * 4-level tables scattered at random over 4 GiB, 2^20 4 KiB mappings to
 * random physical pages, 512 of 2 MiB and 4 of 1 GiB.  Built in $TMPDIR and
 * removed at the end.  Targets: random translation >= 10 M/s and within 2x
 * of the bare loop; enumeration >= 100 M leaves/s; bounded memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>

#include "libiommu.h"
#include "../tools/mkimage.h"

#define IMAGE_SIZE (6ULL << 30)
#define PAGES (1u << 20)
#define IOVA_4K 0x100000000ULL		/* 4 GiB of 4 KiB pages from here */
#define IOVA_2M 0x200000000ULL
#define IOVA_1G 0x400000000ULL
#define LOOKUPS (4u << 20)
#define SID 0x0020

static char dir[64], path[128];

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static long status_kib(const char *key)
{
	char line[256];
	long v = -1;
	FILE *f = fopen("/proc/self/status", "r");

	while (f && fgets(line, sizeof(line), f))
		if (strncmp(line, key, strlen(key)) == 0)
			v = strtol(line + strlen(key), NULL, 10);
	if (f)
		fclose(f);
	return v;
}

static void cleanup(void)
{
	if (path[0])
		unlink(path);
	if (dir[0])
		rmdir(dir);
}

/* The image and what it should translate to. */
static int build(uint64_t *ret_rtaddr, uint64_t *ret_table_pages)
{
	struct img m;
	struct img_space *s;
	double t = now();
	int r;

	if (img_init(&m, 1ULL << 30, 5ULL << 30, 0x1234567) < 0)
		return -1;
	r = img_build(&m, "mode legacy\ndevice 00:04.0 aw=48 did=1\n");
	s = img_space(&m, SID, IMG_NO_PASID);
	for (uint32_t i = 0; r == 0 && i < PAGES; i++) {
		uint64_t pa = (next_random() % (IMAGE_SIZE >> 12)) << 12;

		/* Kernels map nothing in the interrupt range (that would fault). */
		if (pa - 0xfee00000 < 0x100000)
			pa += 0x100000;
		r = img_ss_map(&m, s, IOVA_4K + (uint64_t)i * 4096, pa, 1, 3);
	}
	for (uint32_t i = 0; r == 0 && i < 512; i++)
		r = img_ss_map(&m, s, IOVA_2M + ((uint64_t)i << 21), (uint64_t)(i % 3072) << 21, 2, 3);
	for (uint32_t i = 0; r == 0 && i < 4; i++)
		r = img_ss_map(&m, s, IOVA_1G + ((uint64_t)i << 30), (uint64_t)i << 30, 3, 1);
	if (r == 0)
		r = img_write_raw(&m, path, IMAGE_SIZE);
	*ret_rtaddr = img_rtaddr(&m);
	*ret_table_pages = m.npages;
	img_free(&m);
	printf("image: %.1f GiB sparse raw file, %u 4K + 512 2M + 4 1G mappings, %llu table pages "
	       "scattered over 4 GiB (built in %.1f s)\n", (double)IMAGE_SIZE / (1 << 30), PAGES,
	       (unsigned long long)*ret_table_pages, now() - t);
	return r;
}

/* The same loads as the walk (root, context, 4 levels), nothing else: the limit. */
static inline uint64_t bare_translate(const uint8_t *mem, uint64_t rta, uint64_t iova)
{
	uint64_t e = *(const uint64_t *)(const void *)(mem + (rta & IMG_ADDR) + 16 * (SID >> 8));

	e = *(const uint64_t *)(const void *)(mem + (e & IMG_ADDR) + 16 * (SID & 0xff));
	for (int level = 4; level >= 1; level--)
		e = *(const uint64_t *)(const void *)(mem + (e & IMG_ADDR) +
						      8 * ((iova >> (12 + 9 * (level - 1))) & 511));
	return (e & IMG_ADDR) | (iova & 0xfff);
}

/* Count the present leaves, tables read in place: the enumeration limit. */
static uint64_t bare_enumerate(const uint8_t *mem, uint64_t table, int level)
{
	const uint64_t *t = (const uint64_t *)(const void *)(mem + table);
	uint64_t n = 0;

	for (int i = 0; i < 512; i++) {
		uint64_t e = t[i];

		if (!(e & 3))
			continue;
		if (level == 1 || (e & 0x80))
			n++;
		else
			n += bare_enumerate(mem, e & IMG_ADDR, level - 1);
	}
	return n;
}

static int count_leaves(const struct iommu_mapping *m, void *userdata)
{
	*(uint64_t *)userdata += iommu_mapping_get_leaves(m);
	return 0;
}

static int enumerate_space(const struct iommu_space *sp, void *userdata)
{
	void **args = userdata;

	return iommu_translator_foreach_mapping(args[0], sp, 0, count_leaves, args[1]);
}

static void report(const char *what, double lib, double bare, const char *unit, const char *target)
{
	printf("%-22s %8.1f M%s/s (%5.1f ns)   bare loop %8.1f M%s/s (%5.1f ns)   ratio %.2f   %s\n",
	       what, lib / 1e6, unit, 1e9 / lib, bare / 1e6, unit, 1e9 / bare, bare / lib, target);
}

int main(void)
{
	const char *tmpdir = getenv("TMPDIR");
	uint64_t rtaddr, table_pages, *iovas, *phys, sum_lib = 0, sum_bare = 0, leaves = 0, bare_leaves;
	uint8_t *status;
	struct iommu_dump *dump = NULL;
	struct iommu_translator *vtd = NULL;
	struct iommu_xlate *x = NULL;
	struct iommu_ctx *ctx = NULL;
	const uint8_t *mem;
	double t, lib_rate, bare_rate, seq_rate, bare_seq, enum_rate, bare_enum_rate, batch_rate,
	       seq_batch_rate;
	void *args[2];
	bool ok;
	int fd;

	snprintf(dir, sizeof(dir), "%s/iommutool-bench.XXXXXX", tmpdir ? tmpdir : "/tmp");
	if (!mkdtemp(dir)) {
		perror("bench-walk: mkdtemp");
		return 1;
	}
	atexit(cleanup);
	snprintf(path, sizeof(path), "%s/image", dir);
	if (build(&rtaddr, &table_pages) < 0) {
		fprintf(stderr, "bench-walk: cannot build the image\n");
		return 1;
	}
	iovas = malloc(LOOKUPS * sizeof(*iovas));
	phys = malloc(LOOKUPS * sizeof(*phys));
	status = malloc(LOOKUPS);
	fd = open(path, O_RDONLY);
	mem = fd < 0 ? MAP_FAILED : mmap(NULL, IMAGE_SIZE, PROT_READ, MAP_SHARED, fd, 0);
	if (!iovas || !phys || !status || mem == MAP_FAILED || iommu_ctx_new(&ctx) < 0 ||
	    iommu_dump_open(ctx, path, &dump, NULL) < 0 ||
	    iommu_translator_new_vtd(dump, rtaddr, &vtd) < 0 || iommu_xlate_new(&x) < 0) {
		fprintf(stderr, "bench-walk: cannot open the image\n");
		return 1;
	}
	for (uint32_t i = 0; i < LOOKUPS; i++)
		iovas[i] = IOVA_4K + (next_random() % PAGES) * 4096 + (i & 0xfff);

	/* Warm both paths' pages, then time them on the same addresses. */
	for (uint32_t i = 0; i < PAGES; i++)
		sum_bare += bare_translate(mem, rtaddr, IOVA_4K + (uint64_t)i * 4096);
	t = now();
	for (uint32_t i = 0; i < LOOKUPS; i++) {
		iommu_translator_translate(vtd, SID, IOMMU_NO_PASID, iovas[i], IOMMU_ACCESS_ANY, 0,
					   x);
		sum_lib += iommu_xlate_get_phys(x);
	}
	lib_rate = LOOKUPS / (now() - t);
	t = now();
	iommu_vtd_translate_batch(vtd, SID, IOMMU_NO_PASID, iovas, LOOKUPS, IOMMU_ACCESS_ANY, 0, phys,
				  status);
	batch_rate = LOOKUPS / (now() - t);
	sum_bare = 0;
	for (uint32_t i = 0; i < LOOKUPS; i++)
		sum_bare += phys[i] + status[i];
	ok = sum_bare == sum_lib;
	sum_bare = 0;
	t = now();
	for (uint32_t i = 0; i < LOOKUPS; i++)
		sum_bare += bare_translate(mem, rtaddr, iovas[i]);
	bare_rate = LOOKUPS / (now() - t);
	ok &= sum_lib == sum_bare;

	sum_lib = sum_bare = 0;
	t = now();
	for (uint32_t i = 0; i < PAGES; i++) {
		iommu_translator_translate(vtd, SID, IOMMU_NO_PASID, IOVA_4K + (uint64_t)i * 4096,
					   IOMMU_ACCESS_ANY, 0, x);
		sum_lib += iommu_xlate_get_phys(x);
	}
	seq_rate = PAGES / (now() - t);
	t = now();
	for (uint32_t i = 0; i < PAGES; i++)
		sum_bare += bare_translate(mem, rtaddr, IOVA_4K + (uint64_t)i * 4096);
	bare_seq = PAGES / (now() - t);
	ok &= sum_lib == sum_bare;
	for (uint32_t i = 0; i < PAGES; i++)
		iovas[i] = IOVA_4K + (uint64_t)i * 4096;
	t = now();
	iommu_vtd_translate_batch(vtd, SID, IOMMU_NO_PASID, iovas, PAGES, IOMMU_ACCESS_ANY, 0, phys,
				  status);
	seq_batch_rate = PAGES / (now() - t);
	sum_bare = 0;
	for (uint32_t i = 0; i < PAGES; i++)
		sum_bare += phys[i] + status[i];
	ok &= sum_lib == sum_bare;

	args[0] = vtd;
	args[1] = &leaves;
	t = now();
	iommu_translator_foreach_space(vtd, enumerate_space, args);
	enum_rate = (double)leaves / (now() - t);
	{
		uint64_t re = *(const uint64_t *)(const void *)(mem + (rtaddr & IMG_ADDR) + 16 * (SID >> 8));
		uint64_t ce = *(const uint64_t *)(const void *)(mem + (re & IMG_ADDR) + 16 * (SID & 0xff));

		t = now();
		bare_leaves = bare_enumerate(mem, ce & IMG_ADDR, 4);
		bare_enum_rate = (double)bare_leaves / (now() - t);
	}
	ok &= leaves == bare_leaves && leaves == PAGES + 512 + 4;

	report("random translate", lib_rate, bare_rate, "",
	       "(one iommu_translator_translate() a call)");
	report("random, batched", batch_rate, bare_rate, "",
	       batch_rate >= 10e6 && bare_rate / batch_rate <= 2 ? "target >= 10 M/s within 2x: met"
								: "target >= 10 M/s within 2x: MISSED");
	report("sequential translate", seq_rate, bare_seq, "", "");
	report("sequential, batched", seq_batch_rate, bare_seq, "", "");
	report("enumeration", enum_rate, bare_enum_rate, " leaves",
	       enum_rate >= 100e6 ? "target >= 100 M leaves/s: met" : "target >= 100 M leaves/s: MISSED");
	printf("results agree with the bare loop: %s (%llu leaves)\n", ok ? "yes" : "NO",
	       (unsigned long long)leaves);
	printf("memory: %ld KiB anonymous, %ld KiB of the mapped image, peak RSS %ld KiB "
	       "(of the anonymous, the benchmark's own address and result arrays: %u KiB)\n",
	       status_kib("RssAnon:"), status_kib("RssFile:"), status_kib("VmHWM:"),
	       (unsigned int)(LOOKUPS * (2 * sizeof(uint64_t) + 1) / 1024));
	iommu_xlate_unref(x);
	iommu_translator_unref(vtd);
	iommu_dump_unref(dump);
	iommu_ctx_unref(ctx);
	munmap((void *)mem, IMAGE_SIZE);
	close(fd);
	free(iovas);
	free(phys);
	free(status);
	return ok ? 0 : 1;
}
