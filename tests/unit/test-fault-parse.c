// SPDX-License-Identifier: MIT
/*
 * DMAR fault messages in every format Linux has printed (the format strings
 * of dmar_fault_do_one() across releases, filled in by hand), and the fault
 * reason catalogue against the kernel's tables.
 */
#include <errno.h>

#include "libiommu.h"
#include "unit.h"

struct expect {
	const char *text;
	bool interrupt, write;
	uint16_t segment, sid;
	uint32_t pasid;
	uint64_t addr;
	unsigned int reason;
	const char *format;
	size_t lines;		/* lines the message spans */
};

#define NOP IOMMU_NO_PASID

/* What the catalogue says of fault reason FR (static strings, valid after the fault is gone). */
static const char *kernel_text(unsigned int fr)
{
	struct iommu_fault *f;
	const char *s;

	if (iommu_fault_new(IOMMU_VENDOR_INTEL, fr, &f) < 0)
		abort();
	s = iommu_fault_get_kernel_name(f);
	iommu_fault_unref(f);
	return s;
}

static const char *condition(unsigned int fr)
{
	struct iommu_fault *f;
	const char *s;

	if (iommu_fault_new(IOMMU_VENDOR_INTEL, fr, &f) < 0)
		abort();
	s = iommu_fault_get_name(f);
	iommu_fault_unref(f);
	return s;
}

static bool qualified(unsigned int fr)
{
	struct iommu_fault *f;
	bool q;

	if (iommu_fault_new(IOMMU_VENDOR_INTEL, fr, &f) < 0)
		abort();
	q = iommu_fault_is_qualified(f);
	iommu_fault_unref(f);
	return q;
}

static const struct expect messages[] = {
	{ "DMAR:[DMA Write] Request device [00:02.0] fault addr 6df084000 \n"
	  "DMAR:[fault reason 05] PTE Write access is not set\n",
	  false, true, 0, 0x0010, NOP, 0x6df084000, 0x05, "two lines, decimal reason", 2 },
	{ "INTR-REMAP: Request device [[f0:1f.0] fault index 24\n"
	  "INTR-REMAP:[fault reason 38] Blocked an interrupt request due to source-id verification failure\n",
	  true, false, 0, 0xf0f8, NOP, 0x24, 0x26, "two lines, decimal reason", 2 },
	{ "[    5.123456] DMAR: [DMA Read] Request device [00:02.0] fault addr 9c000000 [fault reason 06] PTE Read access is not set",
	  false, false, 0, 0x0010, NOP, 0x9c000000, 0x06, "one line, decimal reason", 1 },
	/* %02d: reason 12 is 0x0c, and the text agrees. */
	{ "DMAR: [DMA Read] Request device [03:00.0] fault addr 7f3a2000 [fault reason 12] non-zero reserved fields in PTE",
	  false, false, 0, 0x0300, NOP, 0x7f3a2000, 0x0c, "one line, decimal reason", 1 },
	{ "DMAR: [DMA Read] Request device [00:02.0] PASID ffffffff fault addr 9c000000 [fault reason 06] PTE Read access is not set",
	  false, false, 0, 0x0010, NOP, 0x9c000000, 0x06, "PASID after the device, decimal reason", 1 },
	{ "DMAR: [DMA Write] Request device [00:02.0] PASID 2 fault addr 9c001000 [fault reason 133] SM: No write permission for Write/AtomicOp request",
	  false, true, 0, 0x0010, 2, 0x9c001000, 0x85, "PASID after the device, decimal reason", 1 },
	{ "DMAR: [DMA Read NO_PASID] Request device [0x00:0x02.0] fault addr 0x9c000000 [fault reason 0x06] PTE Read access is not set",
	  false, false, 0, 0x0010, NOP, 0x9c000000, 0x06, "0x-prefixed device", 1 },
	{ "DMAR: [DMA Read NO_PASID] Request device [00:02.0] fault addr 0x9c000000 [fault reason 0x06] PTE Read access is not set",
	  false, false, 0, 0x0010, NOP, 0x9c000000, 0x06, "NO_PASID/PASID tag", 1 },
	{ "kernel: DMAR: [DMA Write PASID 0x5] Request device [00:04.0] fault addr 0x7f3a2000 [fault reason 0x85] SM: No write permission for Write/AtomicOp request",
	  false, true, 0, 0x0020, 5, 0x7f3a2000, 0x85, "NO_PASID/PASID tag", 1 },
	{ "DMAR: [DMA Read NO_PASID] Request device [0001:3a:00.1] fault addr 0xfffff000 [fault reason 0x71] SM: Present bit in first-level paging entry is clear",
	  false, false, 1, 0x3a01, NOP, 0xfffff000, 0x71, "with PCI segment", 1 },
	{ "DMAR: [INTR-REMAP] Request device [f0:1f.0] fault index 0x24 [fault reason 0x25] Blocked a compatibility format interrupt request",
	  true, false, 0, 0xf0f8, NOP, 0x24, 0x25, "hexadecimal reason", 1 },
	{ "DMAR: [INTR-REMAP] Request device [0000:f0:1f.0] fault index 0x24 [fault reason 0x22] Present field in the IRTE entry is clear",
	  true, false, 0, 0xf0f8, NOP, 0x24, 0x22, "with PCI segment", 1 },
	{ "DMAR: [INTR-REMAP] Request device [00:14.0] fault index 8000 [fault reason 37] Blocked a compatibility format interrupt request",
	  true, false, 0, 0x00a0, NOP, 0x8000, 0x25, "one line, decimal reason", 1 },
};

static void test_formats(void)
{
	for (size_t i = 0; i < sizeof(messages) / sizeof(messages[0]); i++) {
		const struct expect *e = &messages[i];
		struct iommu_fault *m = NULL;
		size_t used = 0, lines = 0;

		CHECK(iommu_fault_parse(e->text, strlen(e->text), &m, &used) == 0);
		if (!m) {
			fprintf(stderr, "  not parsed: %s\n", e->text);
			continue;
		}
		CHECK_EQ(iommu_fault_get_vendor(m), IOMMU_VENDOR_INTEL);
		CHECK_EQ(iommu_fault_is_interrupt(m), e->interrupt);
		CHECK_EQ(iommu_fault_get_access(m) == IOMMU_ACCESS_WRITE, e->write);
		CHECK_EQ(iommu_fault_get_segment(m), e->segment);
		CHECK_EQ(iommu_fault_get_source_id(m), e->sid);
		CHECK_EQ(iommu_fault_get_pasid(m), e->pasid);
		CHECK_EQ(iommu_fault_get_address(m), e->addr);
		CHECK_EQ(iommu_fault_get_code(m), e->reason);
		CHECK_STR(iommu_fault_get_format(m), e->format);
		CHECK_STR(iommu_fault_get_logged_text(m), kernel_text(e->reason));
		for (size_t k = 0; k < used; k++)
			lines += e->text[k] == '\n';
		CHECK_EQ(lines + (used == strlen(e->text) && e->text[used - 1] != '\n'), e->lines);
		iommu_fault_unref(m);
	}
}

static void test_not_faults(void)
{
	static const char *const lines[] = {
		"DMAR: DRHD: handling fault status reg 2",
		"DMAR: [DMA Read NO_PASID] Request device [zz:02.0] fault addr 0x1000 [fault reason 0x06] x",
		"DMAR: [DMA Read NO_PASID] Request device [00:02.0] fault addr 0x1000",
		"DMAR: [DMA Read NO_PASID] Request device [00:20.0] fault addr 0x1000 [fault reason 0x06] x",
		"DMAR: [Something] Request device [00:02.0] fault addr 0x1000 [fault reason 0x06] x",
		"Request device [",
		"",
	};
	struct iommu_fault *m = NULL;
	size_t used;

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		CHECK_EQ(iommu_fault_parse(lines[i], strlen(lines[i]), &m, &used), -ENOMSG);
}

/* The reason text decides between the decimal and the hexadecimal reading. */
static void test_ambiguous_reason(void)
{
	static const char sm[] = "DMAR: [DMA Read] Request device [00:02.0] fault addr 1000 "
				 "[fault reason 41] SM: Present bit in Context Entry is clear";
	static const char rtp[] = "DMAR: [DMA Read] Request device [00:02.0] fault addr 1000 "
				  "[fault reason 10] non-zero reserved fields in RTP";
	struct iommu_fault *m = NULL;

	CHECK(iommu_fault_parse(sm, sizeof(sm) - 1, &m, NULL) == 0);
	if (m)
		CHECK_EQ(iommu_fault_get_code(m), 0x41);
	m = iommu_fault_unref(m);
	CHECK(iommu_fault_parse(rtp, sizeof(rtp) - 1, &m, NULL) == 0);
	if (m)
		CHECK_EQ(iommu_fault_get_code(m), 0x0a);
	iommu_fault_unref(m);
}

/* dmar_get_fault_reason(): its three tables, "Unknown" between and beyond them. */
static void test_kernel_texts(void)
{
	size_t n = 0;
	int fr;

	CHECK_STR(kernel_text(0x00), "Software");
	CHECK_STR(kernel_text(0x05), "PTE Write access is not set");
	CHECK_STR(kernel_text(0x0d), "PCE for translation request specifies blocking");
	CHECK_STR(kernel_text(0x0e), "Unknown");
	CHECK_STR(kernel_text(0x1f), "Unknown");
	CHECK_STR(kernel_text(0x26), "Blocked an interrupt request due to source-id verification failure");
	CHECK_STR(kernel_text(0x27), "Unknown");
	CHECK_STR(kernel_text(0x33), "Unknown");
	CHECK_STR(kernel_text(0x79), "SM: Read/Write permission error in second-level paging entry");
	CHECK_STR(kernel_text(0x90), "SM: A/D bit update needed in first-level entry when set up in no snoop");
	CHECK_STR(kernel_text(0x91), "Unknown");
	CHECK_STR(kernel_text(0xff), "Unknown");
	/* The catalogue: ascending, each with a meaning; conditions where the specification names one. */
	for (unsigned int last = 0; (fr = iommu_fault_code_at(IOMMU_VENDOR_INTEL, n)) >= 0; n++) {
		struct iommu_fault *f;

		CHECK(n == 0 || (unsigned int)fr > last);
		last = (unsigned int)fr;
		CHECK(iommu_fault_new(IOMMU_VENDOR_INTEL, last, &f) == 0);
		CHECK(*iommu_fault_get_meaning(f));
		CHECK_EQ(iommu_fault_get_code(f), last);
		CHECK_EQ(iommu_fault_is_interrupt(f), last >= 0x20 && last < 0x30);
		iommu_fault_unref(f);
	}
	CHECK(n > 60);
	CHECK_STR(condition(0x06), "LGN.3");
	CHECK_STR(condition(0x84), "SGN.5");
	CHECK(!qualified(0x01));
	CHECK(qualified(0x02));
	CHECK(condition(0x35) == NULL && iommu_fault_code_name(IOMMU_VENDOR_INTEL, 0x35) == NULL);
}

int main(void)
{
	test_formats();
	test_not_faults();
	test_ambiguous_reason();
	test_kernel_texts();
	return unit_report("fault-parse");
}
