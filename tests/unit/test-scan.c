// SPDX-License-Identifier: MIT
/*
 * iommu_scan_dump() on images built by tests/tools/mkimage*.h: VT-d root
 * tables (legacy, scalable), SMMUv3 stream tables (linear, 2-level) and
 * AMD-Vi device tables, each among pages of what else memory holds (data,
 * x86 and IOMMU page tables, numbers, pointers, pages with one flag set);
 * the table the description built must rank first with the register value
 * that points at it, and noise alone must give no candidate.
 */
#include <errno.h>
#include <unistd.h>

#include "libiommu.h"
#include "unit.h"
#include "../tools/mkimage-amdvi.h"
#include "../tools/mkimage-smmuv3.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define IMAGE_SIZE 0x4000000ULL		/* 64 MiB: tables below 32 MiB, noise above */
#define NOISE_AT 0x2000000ULL
#define NOISE_PAGES 2048

static struct iommu_ctx *ctx;
static char dir[64];

static uint64_t rng = 0x853c49e6748fea9bULL;

static uint64_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Pages of every kind that is not an IOMMU table, from NOISE_AT. */
static bool add_noise(struct img *m)
{
	for (unsigned int p = 0; p < NOISE_PAGES; p++) {
		uint64_t addr = NOISE_AT + (uint64_t)p * IMG_PAGE, *w;
		uint64_t base = NOISE_AT + (next_random() % NOISE_PAGES) * IMG_PAGE;

		if (!img_claim(m, addr))
			return false;
		w = (uint64_t *)(void *)img_find(m, addr);
		for (unsigned int i = 0; i < 512; i++) {
			uint64_t r = next_random();

			switch (p % 7) {
			case 0:		/* data */
				w[i] = r;
				break;
			case 1:		/* x86 page table */
				w[i] = r % 4 ? (base + ((uint64_t)i << 12)) | 0x63 : 0;
				break;
			case 2:		/* IOMMU second-level table, read-only pages */
				w[i] = r % 2 ? (base + ((uint64_t)i << 12)) | 1 : 0;
				break;
			case 3:		/* small numbers */
				w[i] = r % 100;
				break;
			case 4:		/* kernel pointers */
				w[i] = 0xffff888000000000ULL | (r & 0x3ffffff8ULL);
				break;
			case 5:		/* one flag, as structures hold them */
				w[i] = i == 0;
				break;
			default:	/* zero */
				w[i] = 0;
				break;
			}
		}
	}
	return true;
}

/* What the description built: the kind of table and the register values pointing at it. */
struct expect {
	enum iommu_scan_kind kind;
	uint64_t reg, reg2;
};

/* Build DESCRIPTION (VT-d, or "smmuv3 ..." / "amdvi ..."), with noise, into a dump. */
static struct iommu_dump *build(const char *description, bool noise, bool elf, struct expect *e)
{
	struct iommu_dump *d = NULL;
	struct smmu_img si;
	struct amd_img ai;
	char path[128];
	struct img m;
	int r;

	CHECK(img_init(&m, 0x100000, NOISE_AT, 0) == 0);
	if (strncmp(description, "smmuv3", 6) == 0) {
		r = smmu_img_build(&si, &m, description);
		e->kind = IOMMU_SCAN_SMMUV3_STRTAB;
		e->reg = si.strtab;
		e->reg2 = smmu_img_cfg(&si);
		smmu_img_free(&si);
	} else if (strncmp(description, "amdvi", 5) == 0) {
		r = amd_img_build(&ai, &m, description);
		e->kind = IOMMU_SCAN_AMDVI_DEV_TABLE;
		e->reg = ai.reg;
		e->reg2 = 0;
		amd_img_free(&ai);
	} else {
		r = img_build(&m, description);
		e->kind = IOMMU_SCAN_VTD_ROOT;
		e->reg = img_rtaddr(&m);
		e->reg2 = 0;
	}
	if (r < 0) {
		fprintf(stderr, "description: %s\n", m.error);
		unit_failed++;
		img_free(&m);
		return NULL;
	}
	if (noise)
		CHECK(add_noise(&m));
	snprintf(path, sizeof(path), "%s/image", dir);
	CHECK((elf ? img_write_elf(&m, path) : img_write_raw(&m, path, IMAGE_SIZE)) == 0);
	CHECK(iommu_dump_open(ctx, path, &d, NULL) == 0);
	img_free(&m);
	return d;
}

struct scenario {
	const char *name;
	const char *description;
	const char *format;
	unsigned int min_entries, min_domains, min_tables;
};

static const struct scenario scenarios[] = {
	{ "VT-d legacy: two buses, 48- and 39-bit tables, 2M and 1G pages",
	  "mode legacy\n"
	  "device 00:02.0 did=1 aw=48\nmap 00:02.0 0x100000 0x200000 64K\n"
	  "device 00:03.0 did=2 aw=48\nmap 00:03.0 0x40000000 0x80000000 1G page=1G\n"
	  "device 00:1f.3 did=2 aw=48\n"
	  "device 03:00.0 did=3 aw=39\nmap 03:00.0 0x0 0x400000 4M page=2M perm=r\n",
	  "legacy", 4, 3, 2 },
	{ "VT-d scalable: second-stage, first-stage and pass-through PASIDs",
	  "mode scalable\n"
	  "device 00:02.0 rid_pasid=0 paside\n"
	  "pasid 00:02.0 0 did=4 pgtt=ss\nmap 00:02.0/0 0x100000 0x300000 16K\n"
	  "pasid 00:02.0 5 did=5 pgtt=fs\nmap 00:02.0/5 0x7000000 0x500000 8K\n"
	  "device 00:04.0 rid_pasid=0\npasid 00:04.0 0 did=6 pgtt=pt\n"
	  "device 00:10.0 rid_pasid=0\npasid 00:10.0 0 did=7 pgtt=ss\nmap 00:10.0/0 0x2000 0x600000 4K\n",
	  "scalable", 3, 2, 2 },
	{ "SMMUv3 linear: stage 1, stage 2, bypass and abort streams",
	  "smmuv3 strtab=linear log2size=8\n"
	  "ste 8 config=s1\ncd 8 asid=3\nmap 8 0x10000000 0x2000000 8K user\n"
	  "ste 9 config=s2 ias=40 s2start=1 vmid=4\nmap 9:s2 0x1000 0x500000 16K\n"
	  "ste 10 config=bypass\nste 11 config=abort\n",
	  "linear", 3, 2, 2 },
	{ "SMMUv3 2-level: streams on three buses, substreams, nested",
	  "smmuv3 strtab=2level log2size=16 split=8\n"
	  "ste 0x8 config=s1 cdmax=4 s1dss=ssid0\ncd 0x8/0 asid=1\ncd 0x8/3 asid=2 tg0=64k va=42\n"
	  "map 0x8/0 0x1000 0x300000 4K user\nmap 0x8/3 0x40000000 0x80000000 512M page=512M\n"
	  "ste 0x100 config=s2 s2tg=16k ias=40 s2start=2 vmid=7\nmap 0x100:s2 0x4000 0x600000 16K\n"
	  "ste 0x2300 config=nested vmid=8 ias=40 s2start=1\ncd 0x2300 asid=9\n"
	  "map 0x2300 0x1000 0x20000000 4K user\nmap 0x2300:s2 0x20000000 0x700000 4K\n",
	  "2-level", 4, 3, 3 },
	{ "AMD-Vi: host tables of 3 and 6 levels, pass-through, guest tables",
	  "amdvi pages=8\n"
	  "dte 00:01.0 mode=0\n"
	  "dte 00:04.0 mode=3 domain=5\nmap 00:04.0 0x10000000 0x2000000 16K perm=r\n"
	  "dte 00:05.0 mode=6 domain=6\nmap 00:05.0 0xfff0000000000000 0x600000 4K\n"
	  "dte 00:06.0 mode=0 gv domain=7\ngcr3 00:06.0 1\nmap 00:06.0/1 0x1000 0x100000 8K user\n"
	  "dte 03:00.0 mode=4 domain=8\nmap 03:00.0 0x1000 0x700000 4K skip=1\n",
	  "device table", 5, 4, 3 },
};

static void check_first(const struct scenario *sc, const struct iommu_scan *scan, const struct expect *e)
{
	const struct iommu_scan_candidate *c = iommu_scan_get_candidate(scan, 0);

	CHECK(c != NULL);
	if (!c) {
		fprintf(stderr, "%s: no candidate\n", sc->name);
		return;
	}
	if (iommu_scan_candidate_get_kind(c) != e->kind)
		fprintf(stderr, "%s: first candidate is %s at 0x%llx\n", sc->name,
			iommu_scan_kind_name(iommu_scan_candidate_get_kind(c)),
			(unsigned long long)iommu_scan_candidate_get_addr(c));
	CHECK_EQ(iommu_scan_candidate_get_kind(c), e->kind);
	CHECK_STR(iommu_scan_candidate_get_format(c), sc->format);
	switch (e->kind) {
	case IOMMU_SCAN_VTD_ROOT:
		CHECK_EQ(iommu_scan_candidate_get_register(c), e->reg);
		break;
	case IOMMU_SCAN_SMMUV3_STRTAB: {
		uint64_t cfg = iommu_scan_candidate_get_register2(c);

		/* The base, the format and SPLIT exactly; LOG2SIZE at least what the streams need. */
		CHECK_EQ(iommu_scan_candidate_get_register(c), e->reg);
		CHECK_EQ(cfg >> 16 & 3, e->reg2 >> 16 & 3);
		if (e->reg2 >> 16 & 3)
			CHECK_EQ(cfg >> 6 & 0x1f, e->reg2 >> 6 & 0x1f);
		CHECK((cfg & 0x3f) <= (e->reg2 & 0x3f));
		break;
	}
	case IOMMU_SCAN_AMDVI_DEV_TABLE:
		CHECK_EQ(iommu_scan_candidate_get_register(c) & ~0xfffULL, e->reg & ~0xfffULL);
		break;
	}
	CHECK_EQ(iommu_scan_candidate_get_addr(c), e->reg & 0x000ffffffffff000ULL);
	CHECK(iommu_scan_candidate_get_score(c) > 0);
	CHECK(iommu_scan_candidate_get_entries(c) >= sc->min_entries);
	CHECK(iommu_scan_candidate_get_domains(c) >= sc->min_domains);
	CHECK(iommu_scan_candidate_get_tables(c) >= sc->min_tables);
	CHECK(iommu_scan_candidate_get_evidence_count(c) >= 2);
	for (size_t i = 0; i < iommu_scan_candidate_get_evidence_count(c); i++)
		CHECK(*iommu_scan_candidate_get_evidence(c, i) != 0);
	CHECK(iommu_scan_candidate_get_evidence(c, iommu_scan_candidate_get_evidence_count(c)) == NULL);
}

static void run_scenario(const struct scenario *sc, bool noise, bool elf)
{
	struct expect e;
	struct iommu_dump *d = build(sc->description, noise, elf, &e);
	struct iommu_scan *scan = NULL;

	if (!d)
		return;
	CHECK(iommu_scan_dump(d, 0, &scan) == 0);
	if (scan) {
		check_first(sc, scan, &e);
		CHECK(iommu_scan_get_pages(scan) >= (elf ? 8u : IMAGE_SIZE / IMG_PAGE));
		/* Every candidate kept has something the hardware would accept: one here. */
		CHECK_EQ(iommu_scan_get_count(scan), 1);
		CHECK(iommu_scan_get_candidate(scan, iommu_scan_get_count(scan)) == NULL);
		iommu_scan_unref(scan);
	}
	/* With the weak candidates too, the table still ranks first. */
	CHECK(iommu_scan_dump(d, IOMMU_SCAN_ALL, &scan) == 0);
	if (scan) {
		check_first(sc, scan, &e);
		for (size_t i = 1; i < iommu_scan_get_count(scan); i++)
			CHECK(iommu_scan_candidate_get_score(iommu_scan_get_candidate(scan, i)) <=
			      iommu_scan_candidate_get_score(iommu_scan_get_candidate(scan, i - 1)));
		iommu_scan_unref(scan);
	}
	iommu_dump_unref(d);
}

/* Noise alone: pages that pass a cheap test (one flag, read-only page tables) but no table. */
static void test_noise_only(void)
{
	struct expect e;
	struct iommu_dump *d = build("mode legacy\n", true, false, &e);
	struct iommu_scan *scan = NULL;

	if (!d)
		return;
	CHECK(iommu_scan_dump(d, 0, &scan) == 0);
	if (scan)
		CHECK_EQ(iommu_scan_get_count(scan), 0);
	iommu_scan_unref(scan);
	CHECK(iommu_scan_dump(d, IOMMU_SCAN_ALL, &scan) == 0);
	if (scan) {
		/* Weak candidates are kept and say why they are weak. */
		for (size_t i = 0; i < iommu_scan_get_count(scan); i++)
			CHECK(iommu_scan_candidate_get_evidence_count(iommu_scan_get_candidate(scan, i)) >= 1);
	}
	iommu_scan_unref(scan);
	iommu_dump_unref(d);
}

/* A root table whose entries point outside the dump, at the last page, or at itself. */
static void test_pointers_astray(void)
{
	struct expect e;
	struct iommu_dump *d = build("mode legacy\ndevice 00:02.0 did=1\nmap 00:02.0 0x1000 0x200000 4K\n"
				     "poke root 1 0 set 0xfffffffff001\npoke root 2 0 set 0x3fff001\n"
				     "poke root 3 0 set 0x100001\n",
				     false, false, &e);
	struct iommu_scan *scan = NULL;

	if (!d)
		return;
	CHECK(iommu_scan_dump(d, IOMMU_SCAN_ALL, &scan) == 0);
	iommu_scan_unref(scan);
	iommu_dump_unref(d);
}

int main(void)
{
	char path[128];

	snprintf(dir, sizeof(dir), "/tmp/test-scan-XXXXXX");
	if (!mkdtemp(dir) || iommu_ctx_new(&ctx) < 0)
		return 1;
	for (size_t i = 0; i < N(scenarios); i++) {
		run_scenario(&scenarios[i], false, false);
		run_scenario(&scenarios[i], true, false);
	}
	run_scenario(&scenarios[0], true, true);
	test_noise_only();
	test_pointers_astray();
	iommu_ctx_unref(ctx);
	snprintf(path, sizeof(path), "%s/image", dir);
	unlink(path);
	rmdir(dir);
	return unit_report("scan");
}
