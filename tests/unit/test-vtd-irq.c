// SPDX-License-Identifier: MIT
/*
 * The interrupt remapping table (VT-d 4.1 §9.10 remapped, §9.11 posted
 * entries) and the invalidation queue (§6.5.2 descriptors), decoded from a
 * raw image whose words are written here bit by bit.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "libiommu.h"
#include "unit.h"

#define IRT 0x10000ULL
#define IQ 0x20000ULL

static uint64_t image[0x30000 / 8];

static void put(uint64_t addr, uint64_t value)
{
	image[addr / 8] = value;
}

struct seen {
	unsigned int count;
	unsigned int index[8];
	char validation[8][48];
	bool posted[8];
};

static int irte_seen(const struct iommu_vtd_irte *e, void *userdata)
{
	struct seen *s = userdata;

	if (s->count < 8) {
		s->index[s->count] = iommu_vtd_irte_get_index(e);
		snprintf(s->validation[s->count], sizeof(s->validation[0]), "%s",
			 iommu_vtd_irte_get_validation(e));
		s->posted[s->count] = iommu_vtd_irte_is_posted(e);
	}
	s->count++;
	switch (iommu_vtd_irte_get_index(e)) {
	case 1:
		/* Remapped, xAPIC: vector 0x31, destination APIC 3 in bits 15:8 of the field. */
		CHECK_EQ(iommu_vtd_irte_get_vector(e), 0x31);
		CHECK_EQ(iommu_vtd_irte_get_dest(e), 0x300);
		CHECK_EQ(iommu_vtd_irte_get_delivery_mode(e), 1);
		CHECK_STR(iommu_vtd_irte_get_delivery_mode_name(e), "lowest-priority");
		CHECK(iommu_vtd_irte_is_logical(e));
		CHECK(iommu_vtd_irte_is_level(e));
		CHECK(!iommu_vtd_irte_get_redirection_hint(e));
		CHECK(iommu_vtd_irte_get_fpd(e));
		CHECK_EQ(iommu_vtd_irte_get_reserved(e, 0), 0);
		CHECK_EQ(iommu_vtd_irte_get_sid(e), 0x0010);
		break;
	case 7:
		/* Posted: descriptor 0x1234567c0 (bits 63:38 low, 127:96 high), urgent, vector 0x40. */
		CHECK_EQ(iommu_vtd_irte_get_pda(e), 0x1234567c0ULL);
		CHECK(iommu_vtd_irte_is_urgent(e));
		CHECK_EQ(iommu_vtd_irte_get_vector(e), 0x40);
		break;
	case 9:
		/* Reserved bits 31:24 of a remapped entry, and bit 20 of its high word. */
		CHECK_EQ(iommu_vtd_irte_get_reserved(e, 0), 0x01000000);
		CHECK_EQ(iommu_vtd_irte_get_reserved(e, 1), 0x100000);
		break;
	}
	return 0;
}

static void fill_irt(void)
{
	put(IRT + 16 * 1, 1 | 2 | 4 | 0x10 | 1 << 5 | 0x31ULL << 16 | 0x0300ULL << 32);
	put(IRT + 16 * 1 + 8, 0x0010 | 1ULL << 18);			/* SVT 1, SQ 0 */
	put(IRT + 16 * 3, 1 | 0x22ULL << 16);
	put(IRT + 16 * 3 + 8, 0x0113 | 3ULL << 16 | 1ULL << 18);	/* SQ 3: any function */
	put(IRT + 16 * 4, 0);						/* not present */
	put(IRT + 16 * 5, 1);
	put(IRT + 16 * 5 + 8, 0x0204 | 2ULL << 18);			/* bus 02-04 */
	put(IRT + 16 * 7, 1 | 1 << 14 | 1 << 15 | 0x40ULL << 16 | (0x234567c0ULL >> 6) << 38);
	put(IRT + 16 * 7 + 8, 0x1ULL << 32);
	put(IRT + 16 * 9, 1 | 1ULL << 24);
	put(IRT + 16 * 9 + 8, 1ULL << 20);
	put(IRT + 16 * 17, 1);						/* past the 16 entries */
}

static void test_irt(struct iommu_dump *d)
{
	struct seen s = { 0 };

	/* IRTA: base, EIME clear, S = 3 (16 entries). */
	CHECK(iommu_vtd_foreach_irte(d, IRT | 3, irte_seen, &s) == 0);
	CHECK_EQ(s.count, 5);
	CHECK_EQ(s.index[0], 1);
	CHECK_STR(s.validation[0], "requester 00:02.0");
	CHECK_STR(s.validation[1], "requester 01:02.3 (any function)");
	CHECK_STR(s.validation[2], "bus 02-04");
	CHECK(s.posted[3]);
	CHECK_STR(s.validation[4], "any requester");
	/* A table past the end of the image: the entries read, then -ENODATA. */
	CHECK_EQ(iommu_vtd_foreach_irte(d, 0x2f000 | 8, irte_seen, &s), -ENODATA);
}

struct queue {
	unsigned int slots, nonzero;
	char summary[4][160];
	const char *type[4];
};

static int qdesc_seen(const struct iommu_vtd_qdesc *q, void *userdata)
{
	struct queue *s = userdata;
	unsigned int n, i = iommu_vtd_qdesc_get_index(q);
	const uint64_t *w = iommu_vtd_qdesc_get_words(q, &n);

	s->slots++;
	if (!w[0])
		return 0;
	s->nonzero++;
	if (i < 4) {
		snprintf(s->summary[i], sizeof(s->summary[i]), "%s", iommu_vtd_qdesc_get_summary(q));
		s->type[i] = iommu_vtd_qdesc_get_type_name(q);
	}
	return 0;
}

/* 128-bit descriptors: context-cache (device), IOTLB (page), wait, IEC (index). */
static void fill_queue(void)
{
	put(IQ + 0, 1 | 3 << 4 | 5ULL << 16 | 0x0010ULL << 32);
	put(IQ + 16, 2 | 3 << 4 | 0x80 | 5ULL << 16);
	put(IQ + 24, 0x10000000 | 2 | 0x40);
	put(IQ + 32, 5 | 0x20 | 0x1ULL << 32);
	put(IQ + 40, 0x4a00100);
	put(IQ + 48, 4 | 0x10 | 2ULL << 27 | 9ULL << 32);
}

static void test_queue(struct iommu_dump *d)
{
	struct queue s = { 0 };

	CHECK(iommu_vtd_foreach_qdesc(d, IQ, qdesc_seen, &s) == 0);
	CHECK_EQ(s.slots, 256);
	CHECK_EQ(s.nonzero, 4);
	CHECK_STR(s.type[0], "context-cache");
	CHECK_STR(s.summary[0], "granularity 3, did 5, sid 00:02.0, fm 0");
	CHECK_STR(s.type[1], "iotlb");
	CHECK_STR(s.summary[1], "granularity 3, did 5, addr 0x10000000, am 2, ih, drain reads");
	CHECK_STR(s.type[2], "wait");
	CHECK_STR(s.summary[2], "status data 0x00000001 to 0x4a00100, status write");
	CHECK_STR(s.type[3], "interrupt-entry-cache");
	CHECK_STR(s.summary[3], "index-selective, index 9, index mask 2");
	/* 256-bit descriptors (DW): 128 slots a page; type 7 with the high type bits clear. */
	memset(&s, 0, sizeof(s));
	CHECK(iommu_vtd_foreach_qdesc(d, IQ | 1 << 11, qdesc_seen, &s) == 0);
	CHECK_EQ(s.slots, 128);
	CHECK_EQ(iommu_vtd_foreach_qdesc(d, 0x2f000 | 1, qdesc_seen, &s), -ENODATA);
}

int main(void)
{
	char path[] = "/tmp/test-vtd-irq.XXXXXX";
	struct iommu_dump *d = NULL;
	struct iommu_ctx *ctx;
	int fd = mkstemp(path);

	if (fd < 0 || iommu_ctx_new(&ctx) < 0)
		return 1;
	fill_irt();
	fill_queue();
	CHECK(write(fd, image, sizeof(image)) == (ssize_t)sizeof(image));
	close(fd);
	CHECK(iommu_dump_open_raw(ctx, path, 0, &d) == 0);
	if (d) {
		test_irt(d);
		test_queue(d);
	}
	iommu_dump_unref(d);
	unlink(path);
	iommu_ctx_unref(ctx);
	return unit_report("vtd-irq");
}
