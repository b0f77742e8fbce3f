// SPDX-License-Identifier: MIT
/*
 * The kernel inside a dump: VMCOREINFO text, kallsyms tables built here
 * (relative and absolute-percpu offsets, two-byte lengths, cut short,
 * damaged), System.map text moved by KASLR, and on the shared crash
 * fixtures (Debian 6.1, KASLR, 5-level paging) the release, command line and
 * units found from kallsyms and BTF against the fixture's registers.txt.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "kernel/kernel.h"
#include "unit.h"

static void test_vmcoreinfo(void)
{
	static const char text[] = "OSRELEASE=6.1.0-56-amd64\nPAGESIZE=4096\n"
				   "SYMBOL(prb)=ffffffffa8e643e0\nNUMBER(phys_base)=-276824064\n"
				   "KERNELOFFSET=26400000\nSYMBOL(bad)=xyz\nSYMBOL(long)=\n"
				   "NUMBER(kimage_voffset)=0xffff800008000000\nNUMBER(VA_BITS)=48\n"
				   "NUMBER(bad)=0x";
	char buf[16];
	uint64_t v;

	CHECK(vmcoreinfo_value(text, sizeof(text) - 1, "OSRELEASE", buf, sizeof(buf)));
	CHECK_STR(buf, "6.1.0-56-amd64");
	CHECK(!vmcoreinfo_value(text, sizeof(text) - 1, "OSREL", buf, sizeof(buf)));
	CHECK(!vmcoreinfo_value(text, 9, "OSRELEASE", buf, sizeof(buf)));
	CHECK(!vmcoreinfo_value(text, sizeof(text) - 1, "OSRELEASE", buf, 8));
	CHECK(vmcoreinfo_number(text, sizeof(text) - 1, "SYMBOL(prb)", &v));
	CHECK_EQ(v, 0xffffffffa8e643e0ull);
	CHECK(vmcoreinfo_number(text, sizeof(text) - 1, "NUMBER(phys_base)", &v));
	CHECK_EQ(v, (uint64_t)-276824064ll);
	CHECK(vmcoreinfo_number(text, sizeof(text) - 1, "KERNELOFFSET", &v));
	CHECK_EQ(v, 0x26400000);
	CHECK(!vmcoreinfo_number(text, sizeof(text) - 1, "SYMBOL(bad)", &v));
	CHECK(!vmcoreinfo_number(text, sizeof(text) - 1, "SYMBOL(long)", &v));
	CHECK(!vmcoreinfo_number(text, sizeof(text) - 1, "SYMBOL(none)", &v));
	/* arm64 writes some NUMBER()s in hexadecimal, with 0x. */
	CHECK(vmcoreinfo_number(text, sizeof(text) - 1, "NUMBER(kimage_voffset)", &v));
	CHECK_EQ(v, 0xffff800008000000ull);
	CHECK(vmcoreinfo_number(text, sizeof(text) - 1, "NUMBER(VA_BITS)", &v));
	CHECK_EQ(v, 48);
	CHECK(!vmcoreinfo_number(text, sizeof(text) - 1, "NUMBER(bad)", &v));
}

/* A kallsyms image in a buffer at address IMAGE_BASE. */
#define IMAGE_BASE 0xffffffff81000000ull
struct image {
	uint8_t bytes[8192];
	size_t size;			/* readable bytes: whole pages */
};

static int image_read(void *data, uint64_t addr, void *buf, size_t size)
{
	struct image *im = data;

	if (addr < IMAGE_BASE || addr - IMAGE_BASE > im->size || size > im->size - (addr - IMAGE_BASE))
		return -ENODATA;
	memcpy(buf, im->bytes + (addr - IMAGE_BASE), size);
	return 0;
}

/*
 * Three symbols: "T_stext", "Dprb", "ba_long_name" (its length in two bytes).  Tokens: each
 * byte value is a one-character token, except 0x80 = "prb".  Offsets per ABSOLUTE.
 */
static void build_image(struct image *im, struct ksyms_layout *l, bool absolute)
{
	uint8_t *b = im->bytes;
	size_t at = 0;
	char longname[200];

	memset(im, 0, sizeof(*im));
	l->num_syms = IMAGE_BASE;
	b[0] = 3;
	l->relative_base = IMAGE_BASE + 8;
	memcpy(b + 8, &(uint64_t){ htole64(0xffffffff81000000ull) }, 8);
	l->offsets = IMAGE_BASE + 16;
	if (absolute) {
		/* relative_base - 1 - offset */
		int32_t o[3] = { -1, -0x2001, 0x1000 };

		memcpy(b + 16, o, sizeof(o));
	} else {
		int32_t o[3] = { 0, 0x2000, 0x1000 };

		memcpy(b + 16, o, sizeof(o));
	}
	l->token_table = IMAGE_BASE + 64;
	l->token_index = IMAGE_BASE + 1024;
	at = 64;
	for (unsigned int t = 0; t < 256; t++) {
		uint16_t idx = (uint16_t)(at - 64);

		memcpy(b + 1024 + 2 * t, &idx, 2);
		if (t == 0x80) {
			memcpy(b + at, "prb", 4);
			at += 4;
		} else {
			b[at++] = t ? (uint8_t)t : 'x';
			b[at++] = 0;
		}
	}
	/* The names cross a page: a dump that lacks the second page cuts them short. */
	l->names = IMAGE_BASE + 4096 - 100;
	at = 4096 - 100;
	b[at++] = 7;
	memcpy(b + at, "T_stext", 7);
	at += 7;
	b[at++] = 2;
	b[at++] = 'D';
	b[at++] = 0x80;
	memset(longname, 'a', sizeof(longname));
	longname[0] = 'b';
	b[at++] = 0x80 | (sizeof(longname) & 0x7f);
	b[at++] = sizeof(longname) >> 7;
	memcpy(b + at, longname, sizeof(longname));
	im->size = sizeof(im->bytes);
	l->stext = 0xffffffff81000000ull;
}

static void test_kallsyms(void)
{
	struct ksyms_layout l;
	struct image im;
	struct ksyms s;
	char problem[160];
	uint64_t v;

	for (int absolute = 0; absolute < 2; absolute++) {
		build_image(&im, &l, absolute);
		CHECK_EQ(ksyms_decode(&s, &l, image_read, &im, problem, sizeof(problem)), 0);
		CHECK_EQ(s.nsyms, 3);
		CHECK(ksyms_lookup(&s, "_stext", &v) == 0 && v == 0xffffffff81000000ull);
		CHECK(ksyms_lookup(&s, "prb", &v) == 0 && v == 0xffffffff81002000ull);
		CHECK(ksyms_lookup(&s, "nothing", &v) == -ENOENT);
		ksyms_free(&s);
	}
	/* _stext elsewhere: the tables are not this kernel's. */
	build_image(&im, &l, false);
	l.stext += 0x1000;
	CHECK_EQ(ksyms_decode(&s, &l, image_read, &im, problem, sizeof(problem)), -EBADMSG);
	CHECK(strstr(problem, "_stext") != NULL);
	/* Names cut short. */
	build_image(&im, &l, false);
	im.size = 4096;
	CHECK_EQ(ksyms_decode(&s, &l, image_read, &im, problem, sizeof(problem)), -ENODATA);
	CHECK(strstr(problem, "kallsyms_names is cut short") != NULL);
	/* A symbol count beyond any kernel's. */
	build_image(&im, &l, false);
	memset(im.bytes, 0xff, 4);
	CHECK_EQ(ksyms_decode(&s, &l, image_read, &im, problem, sizeof(problem)), -EBADMSG);
	/* A token index past the table. */
	build_image(&im, &l, false);
	memset(im.bytes + 1024 + 20, 0xff, 2);
	CHECK_EQ(ksyms_decode(&s, &l, image_read, &im, problem, sizeof(problem)), -EBADMSG);
	CHECK(strstr(problem, "token") != NULL);
}

static void test_symbol_text(void)
{
	static const char text[] = "ffffffff81000000 T _stext\n"
				   "ffffffff82000010 D dmar_drhd_units\n"
				   "garbage line\n"
				   "ffffffffc0001000 t arm_smmu_ops\t[arm_smmu_v3]\n";
	struct ksyms s;
	uint64_t v;

	CHECK_EQ(ksyms_parse_text(&s, text, sizeof(text) - 1, 0x26400000), 0);
	CHECK_EQ(s.nsyms, 3);
	CHECK(ksyms_lookup(&s, "dmar_drhd_units", &v) == 0 && v == 0xffffffffa8400010ull);
	CHECK(ksyms_lookup(&s, "arm_smmu_ops", &v) == 0 && v == 0xffffffffe6401000ull);
	ksyms_free(&s);
	CHECK_EQ(ksyms_parse_text(&s, "no symbols\n", 11, 0), -EBADMSG);
}

static void put64(struct image *im, size_t at, uint64_t v)
{
	v = htole64(v);
	memcpy(im->bytes + at, &v, 8);
}

/* A printk ring of four descriptors and 64 bytes of text, laid out as Linux 6.1's VMCOREINFO says. */
static void build_ring(struct image *im, struct prb_layout *l)
{
	static const struct {
		uint64_t id, state, begin, next, ts;
		const char *text;
	} recs[] = {
		{ 4, 1, 64 + 16, 64 + 32, 1000000000, "hello" },
		{ 5, 2, 64 + 32, 64 + 48, 2000000000, "DMAR: x" },
		/* Wraps: the block starts again at the ring's beginning. */
		{ 6, 2, 64 + 48, 128 + 24, 3000000000, "0123456789" },
	};

	memset(im, 0, sizeof(*im));
	im->size = sizeof(im->bytes);
	*l = (struct prb_layout){ .prb = IMAGE_BASE, .desc_ring = 0, .text_data_ring = 48,
		.desc_ring_count_bits = 0, .desc_ring_descs = 8, .desc_ring_infos = 16,
		.desc_ring_head_id = 24, .desc_ring_tail_id = 32, .desc_size = 24,
		.desc_state_var = 0, .desc_text_blk_lpos = 8, .lpos_begin = 0, .lpos_next = 8,
		.info_size = 88, .info_ts_nsec = 8, .info_text_len = 16, .data_ring_size_bits = 0,
		.data_ring_data = 8, .atomic_counter = 0, .read = image_read, .data = im };
	put64(im, 0, IMAGE_BASE + 64);
	im->bytes[64] = 2;			/* 4 descriptors */
	put64(im, 72, IMAGE_BASE + 256);
	put64(im, 80, IMAGE_BASE + 512);
	put64(im, 88, 6);			/* head */
	put64(im, 96, 4);			/* tail */
	im->bytes[112] = 6;			/* 64 bytes of text */
	put64(im, 120, IMAGE_BASE + 1024);
	for (size_t i = 0; i < ARRAY_SIZE(recs); i++) {
		size_t d = 256 + (recs[i].id % 4) * 24, in = 512 + (recs[i].id % 4) * 88;
		size_t start = recs[i].begin % 64 > recs[i].next % 64 ? 0 : recs[i].begin % 64;

		put64(im, d, recs[i].state << 62 | recs[i].id);
		put64(im, d + 8, recs[i].begin);
		put64(im, d + 16, recs[i].next);
		put64(im, in + 8, recs[i].ts);
		im->bytes[in + 16] = (uint8_t)strlen(recs[i].text);
		put64(im, 1024 + start, recs[i].id);
		memcpy(im->bytes + 1024 + start + 8, recs[i].text, strlen(recs[i].text));
	}
}

static void test_printk(void)
{
	struct prb_layout l;
	struct image im;
	char problem[160], *text;
	size_t records;

	build_ring(&im, &l);
	CHECK_EQ(printk_decode(&l, 1 << 20, &text, &records, problem, sizeof(problem)), 0);
	CHECK_EQ(records, 3);
	CHECK_STR(text, "[    1.000000] hello\n[    2.000000] DMAR: x\n[    3.000000] 0123456789\n");
	free(text);
	/* A descriptor reused for another id is not that record any more. */
	put64(&im, 256 + 24, 2ull << 62 | 9);
	CHECK_EQ(printk_decode(&l, 1 << 20, &text, &records, problem, sizeof(problem)), 0);
	CHECK_EQ(records, 2);
	free(text);
	/* Bounded output. */
	build_ring(&im, &l);
	CHECK_EQ(printk_decode(&l, 30, &text, &records, problem, sizeof(problem)), 0);
	CHECK_EQ(records, 1);
	free(text);
	/* Not a ring buffer. */
	im.bytes[64] = 40;
	CHECK_EQ(printk_decode(&l, 1 << 20, &text, &records, problem, sizeof(problem)), -EBADMSG);
	/* The ring's pointer into nowhere. */
	build_ring(&im, &l);
	put64(&im, 0, 0x1000);
	CHECK(printk_decode(&l, 1 << 20, &text, &records, problem, sizeof(problem)) < 0);
	CHECK(strstr(problem, "not readable") != NULL);
}

/* The fixture's dump: what the kernel says against registers.txt. */
static void test_fixture(const char *shared, const char *tmp, const char *name, const char *format,
			 const char *const *regnames, const char *cmdline_has, const char *log_has)
{
	char dump_path[512], cmd[1200], regs_path[512];
	struct iommu_regs *want, *got;
	struct iommu_kernel *k;
	struct iommu_dump *d;
	struct iommu_ctx *ctx;
	char *cmdline, *log;
	size_t records;

	snprintf(dump_path, sizeof(dump_path), "%s/%s.%s", tmp, name, format);
	snprintf(cmd, sizeof(cmd), "zstd -q -d -f '%s/fixtures/%s/vmcore.%s.zst' -o '%s'", shared, name,
		 format, dump_path);
	CHECK(system(cmd) == 0);
	snprintf(regs_path, sizeof(regs_path), "%s/fixtures/%s/registers.txt", shared, name);
	CHECK(iommu_ctx_new(&ctx) == 0);
	CHECK(iommu_regs_load(ctx, regs_path, &want) == 0);
	CHECK(iommu_dump_open(ctx, dump_path, &d, NULL) == 0);
	CHECK(iommu_kernel_new(d, &k) == 0);
	CHECK_EQ(iommu_kernel_load(k), 0);
	CHECK_STR(iommu_kernel_get_release(k), "6.1.0-56-amd64");
	CHECK_EQ(iommu_kernel_get_cmdline(k, &cmdline), 0);
	CHECK(strstr(cmdline, cmdline_has) != NULL);
	free(cmdline);
	/* The log holds what the serial console showed, e.g. the unit's discovery. */
	CHECK_EQ(iommu_kernel_read_log(k, &log, &records), 0);
	CHECK(records > 300);
	CHECK(strstr(log, log_has) != NULL);
	free(log);
	CHECK_EQ(iommu_kernel_find_units(k, &got), 0);
	CHECK_EQ(iommu_regs_get_unit_count(got), 1);
	CHECK_EQ(iommu_regs_get_unit_base(got, 0), iommu_regs_get_unit_base(want, 0));
	for (size_t i = 0; regnames[i]; i++) {
		uint64_t a = 1, b = 2;

		CHECK(iommu_regs_get(want, 0, regnames[i], &a) == 0);
		CHECK(iommu_regs_get(got, 0, regnames[i], &b) == 0);
		if (a != b)
			fprintf(stderr, "%s %s: %s 0x%llx, registers.txt 0x%llx\n", name, format,
				regnames[i], (unsigned long long)b, (unsigned long long)a);
		CHECK_EQ(a, b);
	}
	iommu_regs_unref(got);
	iommu_regs_unref(want);
	iommu_kernel_unref(k);
	iommu_dump_unref(d);
	iommu_ctx_unref(ctx);
	unlink(dump_path);
}

int main(void)
{
	static const char *const vtd[] = { "RTADDR", "CAP", "ECAP", "IRTA", "IQA", NULL };
	static const char *const amd[] = { "DEV_TABLE_BASE", "EFR", NULL };
	const char *shared = getenv("SHARED"), *tmproot = getenv("TMPROOT");
	char path[512];

	test_vmcoreinfo();
	test_kallsyms();
	test_symbol_text();
	test_printk();
	if (!shared)
		shared = "../shared";
	snprintf(path, sizeof(path), "%s/fixtures/q35-vtd-crash/vmcore.elf.zst", shared);
	if (access(path, R_OK) == 0 && system("zstd --version >/dev/null 2>&1") == 0) {
		const char *tmp = tmproot ? tmproot : "/tmp";

		test_fixture(shared, tmp, "q35-vtd-crash", "elf", vtd, "intel_iommu=on,sm_off",
			     "] DMAR: dmar0: reg_base_addr fed90000 ver 1:0 cap d2008c22260286 ecap f00f4a\n");
		test_fixture(shared, tmp, "q35-amd-crash", "kdump", amd, "iommu=nopt",
			     "] AMD-Vi: Extended features (0x29d3, 0x0): PreF PPR GT IA GA HE\n");
	} else {
		printf("the crash fixtures' checks skipped: needs %s/fixtures and zstd\n", shared);
	}
	return unit_report("kernel");
}
