// SPDX-License-Identifier: MIT
/*
 * Physical memory from dumps: raw images (with a base), ELF cores built here
 * byte by byte (gaps, unaligned segments, p_memsz past p_filesz, ELF-32,
 * truncation, damage), containers that must be unpacked first, and the page
 * cache of compressed dumps.  A byte not in the dump is -ENODATA, never zero.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "mem/mem.h"
#include "unit.h"

static char dir[64];
static struct iommu_ctx *ctx;

static const char *write_file(const char *name, const void *data, size_t size)
{
	static char path[128];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	CHECK(write(fd, data, size) == (ssize_t)size);
	close(fd);
	return path;
}

static void put64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void test_raw(void)
{
	uint8_t data[3 * 4096], buf[16];
	struct iommu_dump *d = NULL;
	uint64_t start, end, v;
	const char *path;

	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i * 7);
	/* A file that is no known format is a raw image from 0. */
	data[0] = 'R';
	path = write_file("raw", data, sizeof(data));
	CHECK(iommu_dump_open(ctx, path, &d, NULL) == 0);
	if (!d)
		return;
	CHECK_EQ(iommu_dump_get_format(d), IOMMU_DUMP_RAW);
	CHECK(iommu_dump_read(d, 0x1ffc, buf, 8) == 0);
	CHECK(memcmp(buf, data + 0x1ffc, 8) == 0);
	CHECK_EQ(iommu_dump_read(d, sizeof(data) - 4, buf, 8), -ENODATA);
	CHECK_EQ(iommu_dump_get_range(d, 0, &start, &end), 0);
	CHECK_EQ(end, sizeof(data));
	CHECK_EQ(iommu_dump_get_range(d, 1, &start, &end), -ENOENT);
	CHECK(mem_load64(d, 0x1000, &v) == 0);
	CHECK_EQ(v, mem_le64(data + 0x1000));
	CHECK_EQ(mem_load64(d, 0x3000, &v), -ENODATA);
	CHECK_EQ(iommu_dump_get_pages_loaded(d), 0);
	iommu_dump_unref(d);
	/* With a base. */
	CHECK(iommu_dump_open_raw(ctx, path, 0x100000000ULL, &d) == 0);
	if (!d)
		return;
	CHECK(iommu_dump_read(d, 0x100001000ULL, buf, 4) == 0);
	CHECK(memcmp(buf, data + 0x1000, 4) == 0);
	CHECK_EQ(iommu_dump_read(d, 0x1000, buf, 4), -ENODATA);
	iommu_dump_unref(d);
}

/* An ELF-64 core: header, phnum headers of 56 bytes, data after. */
static size_t elf64(uint8_t *f, uint16_t type, uint16_t phnum)
{
	memset(f, 0, 64);
	memcpy(f, "\177ELF\2\1\1", 7);
	f[16] = (uint8_t)type;
	f[18] = 62;
	put32(f + 20, 1);
	put64(f + 32, 64);
	f[52] = 64;
	f[54] = 56;
	f[56] = (uint8_t)phnum;
	return 64 + 56 * (size_t)phnum;
}

static void phdr64(uint8_t *f, unsigned int i, uint64_t offset, uint64_t paddr, uint64_t filesz,
		   uint64_t memsz)
{
	uint8_t *p = f + 64 + 56 * i;

	memset(p, 0, 56);
	put32(p, 1);	/* PT_LOAD */
	put64(p + 8, offset);
	put64(p + 16, 0xffffffff80000000ULL + paddr);	/* vaddr: not used */
	put64(p + 24, paddr);
	put64(p + 32, filesz);
	put64(p + 40, memsz);
}

static void test_elf(void)
{
	static uint8_t f[64 + 3 * 56 + 3 * 4096 + 100];
	struct iommu_dump *d = NULL;
	const char *path, *why = NULL;
	uint8_t buf[32];
	uint64_t start, end;
	size_t data = elf64(f, 4, 3) + 7;	/* segment data at an unaligned offset */

	for (size_t i = data; i < sizeof(f); i++)
		f[i] = (uint8_t)i;
	/* [0x10000, 0x11000) and [0x11000, 0x11800) back to back, [0x40000, ...) past a gap
	 * whose p_memsz runs 0x1000 beyond its p_filesz. */
	phdr64(f, 0, data, 0x10000, 0x1000, 0x1000);
	phdr64(f, 1, data + 0x1000, 0x11000, 0x800, 0x800);
	phdr64(f, 2, data + 0x1800, 0x40000, 0x1000, 0x2000);
	path = write_file("elf", f, data + 0x2800);
	CHECK(iommu_dump_open(ctx, path, &d, &why) == 0);
	if (!d)
		return;
	CHECK_EQ(iommu_dump_get_format(d), IOMMU_DUMP_ELF);
	CHECK(iommu_dump_read(d, 0x10ff0, buf, 32) == 0);	/* across two segments */
	CHECK(memcmp(buf, f + data + 0xff0, 32) == 0);
	CHECK_EQ(iommu_dump_read(d, 0x117f0, buf, 32), -ENODATA);	/* runs into the gap */
	CHECK(iommu_dump_read(d, 0x40ff8, buf, 8) == 0);
	CHECK(memcmp(buf, f + data + 0x27f8, 8) == 0);
	CHECK_EQ(iommu_dump_read(d, 0x41000, buf, 8), -ENODATA);	/* p_memsz past p_filesz */
	CHECK_EQ(iommu_dump_get_range(d, 2, &start, &end), 0);
	CHECK_EQ(start, 0x40000);
	CHECK_EQ(end, 0x41000);
	iommu_dump_unref(d);

	/* Truncated: the last segment holds what the file holds. */
	path = write_file("elf-short", f, data + 0x2000);
	CHECK(iommu_dump_open(ctx, path, &d, &why) == 0);
	if (d) {
		CHECK(iommu_dump_read(d, 0x407f8, buf, 8) == 0);
		CHECK_EQ(iommu_dump_read(d, 0x40800, buf, 8), -ENODATA);
		iommu_dump_unref(d);
	}
	/* Not a core dump, program headers past the end, no segment at all. */
	elf64(f, 2, 3);
	path = write_file("elf-exec", f, data + 0x2800);
	CHECK_EQ(iommu_dump_open(ctx, path, &d, &why), -EBADMSG);
	CHECK(why && strstr(why, "not a core"));
	elf64(f, 4, 200);
	path = write_file("elf-phnum", f, 64 + 56);
	CHECK_EQ(iommu_dump_open(ctx, path, &d, &why), -EBADMSG);
	elf64(f, 4, 0);
	path = write_file("elf-empty", f, 64);
	CHECK_EQ(iommu_dump_open(ctx, path, &d, &why), -EBADMSG);
	CHECK(why && strstr(why, "PT_LOAD"));
}

static void test_elf32(void)
{
	uint8_t f[52 + 32 + 4096] = { 0x7f, 'E', 'L', 'F', 1, 1, 1 };
	struct iommu_dump *d = NULL;
	uint8_t buf[4];

	f[16] = 4;
	f[18] = 3;
	put32(f + 28, 52);	/* e_phoff */
	f[42] = 32;		/* e_phentsize */
	f[44] = 1;		/* e_phnum */
	put32(f + 52, 1);
	put32(f + 52 + 4, 84);
	put32(f + 52 + 12, 0x2000);
	put32(f + 52 + 16, 4096);
	memcpy(f + 84, "abcd", 4);
	CHECK(iommu_dump_open(ctx, write_file("elf32", f, sizeof(f)), &d, NULL) == 0);
	if (!d)
		return;
	CHECK(iommu_dump_read(d, 0x2000, buf, 4) == 0);
	CHECK(memcmp(buf, "abcd", 4) == 0);
	iommu_dump_unref(d);
}

static void test_containers(void)
{
	static const struct {
		const char *magic;
		size_t size;
		const char *word;
	} cases[] = {
		{ "\x28\xb5\x2f\xfd....", 8, "zstd" },
		{ "\x1f\x8b\x08\x00", 4, "gzip" },
		{ "\xfd" "7zXZ\0..", 8, "xz" },
		{ "makedumpfile\0\0\0\0", 16, "flattened" },
	};
	struct iommu_dump *d = NULL;
	const char *why;
	uint8_t kdump[4096] = "KDUMP   ";

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		why = NULL;
		CHECK_EQ(iommu_dump_open(ctx, write_file("container", cases[i].magic, cases[i].size), &d, &why),
			 -EBADMSG);
		CHECK(why && strstr(why, cases[i].word));
	}
	/* A kdump signature over garbage: libkdumpfile refuses it. */
	why = NULL;
	CHECK_EQ(iommu_dump_open(ctx, write_file("kdump-bad", kdump, sizeof(kdump)), &d, &why), -EBADMSG);
	CHECK(why != NULL);
	CHECK_EQ(iommu_dump_open(ctx, "/nonexistent/dump", &d, NULL), -ENOENT);
	CHECK_EQ(iommu_dump_open(ctx, dir, &d, NULL), -EISDIR);
}

static void test_page_cache(void)
{
	struct page_cache *c = page_cache_new(4);
	uint8_t page[MEM_PAGE_SIZE];
	const uint8_t *p;
	bool known;

	if (!c)
		return;
	for (unsigned int i = 0; i < 6; i++) {
		memset(page, (int)i, sizeof(page));
		p = page_cache_put(c, 100 + i, page);
		CHECK(p && p[4095] == i);
	}
	/* Four slots: 100 and 101 were evicted, oldest first. */
	CHECK(page_cache_get(c, 100, &known) == NULL && !known);
	CHECK(page_cache_get(c, 101, &known) == NULL && !known);
	p = page_cache_get(c, 105, &known);
	CHECK(known && p && p[0] == 5);
	CHECK_EQ(page_cache_bytes(c), 4 * MEM_PAGE_SIZE);
	/* A frame known to be absent is cached without a page. */
	CHECK(page_cache_put(c, 7, NULL) == NULL);
	CHECK(page_cache_get(c, 7, &known) == NULL && known);
	CHECK_EQ(page_cache_bytes(c), 3 * MEM_PAGE_SIZE);
	/* Growing past the first allocation keeps every page findable. */
	page_cache_set_limit(c, 5000);
	for (unsigned int i = 0; i < 3000; i++) {
		memset(page, (int)(i & 0xff), sizeof(page));
		CHECK(page_cache_put(c, 1000 + 17ULL * i, page) != NULL);
	}
	for (unsigned int i = 0; i < 3000; i += 7) {
		p = page_cache_get(c, 1000 + 17ULL * i, &known);
		CHECK(known && p && p[100] == (i & 0xff));
	}
	/* Shrinking below what is held drops everything. */
	page_cache_set_limit(c, 2);
	CHECK(page_cache_get(c, 1000, &known) == NULL && !known);
	CHECK_EQ(page_cache_bytes(c), 0);
	page_cache_free(c);
}

int main(void)
{
	char tmpl[] = "/tmp/test-dump.XXXXXX";
	static const char *const names[] = { "raw", "elf", "elf-short", "elf-exec", "elf-phnum",
					     "elf-empty", "elf32", "container", "kdump-bad" };

	if (!mkdtemp(tmpl) || iommu_ctx_new(&ctx) < 0)
		return 1;
	snprintf(dir, sizeof(dir), "%s", tmpl);
	test_raw();
	test_elf();
	test_elf32();
	test_containers();
	test_page_cache();
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char path[128];

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
	iommu_ctx_unref(ctx);
	return unit_report("dump");
}
