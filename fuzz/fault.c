// SPDX-License-Identifier: MIT
/*
 * The kernel fault-line parser, as `fault` feeds it a log: at the start of
 * each line a VT-d fault message, an SMMUv3 event or an AMD-Vi event, or
 * -ENOMSG; what a message uses lies within the text, which has no NUL at
 * its end.  The input's first 32 bytes are also decoded as a record of each
 * vendor, and the first bytes as a code of each.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

static const enum iommu_vendor vendors[] = { IOMMU_VENDOR_INTEL, IOMMU_VENDOR_ARM,
					     IOMMU_VENDOR_AMD };

static void walk_fault(const struct iommu_fault *f)
{
	size_t words;
	const uint64_t *rec = iommu_fault_get_record(f, &words);

	fuzz_touch_bytes(rec, words * sizeof(uint64_t));
	fuzz_touch_string(iommu_fault_get_name(f));
	fuzz_touch_string(iommu_fault_get_kernel_name(f));
	fuzz_touch_string(iommu_fault_get_meaning(f));
	fuzz_touch_string(iommu_fault_get_causes(f));
	fuzz_touch_string(iommu_fault_get_format(f));
	fuzz_touch_string(iommu_fault_get_client(f));
	fuzz_touch_string(iommu_fault_get_logged_text(f));
	fuzz_touch_string(iommu_fault_get_class(f));
	fuzz_touch_string(iommu_fault_get_flag_names(f));
	fuzz_touch_string(iommu_fault_code_name(iommu_fault_get_vendor(f), iommu_fault_get_code(f)));
	fuzz_fold(iommu_fault_get_segment(f) ^ iommu_fault_get_source_id(f) ^
		  iommu_fault_get_pasid(f) ^ iommu_fault_get_address(f) ^
		  (uint64_t)iommu_fault_get_access(f) ^ iommu_fault_is_privileged(f) ^
		  iommu_fault_is_exec(f) ^ iommu_fault_is_interrupt(f) ^ iommu_fault_is_qualified(f) ^
		  iommu_fault_is_stage2(f) ^ iommu_fault_get_ipa(f) ^
		  iommu_fault_get_fetch_address(f) ^ (uint64_t)iommu_fault_get_domain(f) ^
		  iommu_fault_get_flags(f));
	for (int field = IOMMU_FAULT_REQUESTER; field <= IOMMU_FAULT_FETCH_ADDRESS; field++)
		fuzz_fold(iommu_fault_has(f, (enum iommu_fault_field)field));
}

static void records(const uint8_t *data, size_t size)
{
	uint64_t words[4];
	struct iommu_fault *f;

	if (size < sizeof(words))
		return;
	for (size_t i = 0; i < 4; i++)
		words[i] = fuzz_le(data + 8 * i, 8);
	for (size_t v = 0; v < sizeof(vendors) / sizeof(vendors[0]); v++) {
		for (size_t n = 2; n <= 4; n += 2) {
			if (iommu_fault_new_record(vendors[v], words, n, &f) == 0) {
				walk_fault(f);
				iommu_fault_unref(f);
			}
		}
		if (iommu_fault_new(vendors[v], (unsigned int)words[0], &f) == 0) {
			walk_fault(f);
			iommu_fault_unref(f);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy of exactly the input's size, so that a read past it is caught. */
	char *text = malloc(size ? size : 1);
	size_t pos = 0;

	if (!text)
		return 0;
	records(data, size);
	memcpy(text, data, size);
	while (pos < size) {
		struct iommu_fault *f;
		size_t used = 0;
		int r = iommu_fault_parse(text + pos, size - pos, &f, &used);

		if (r == 0) {
			if (used == 0 || used > size - pos)
				abort();	/* a message takes at least one byte, and only the text's */
			walk_fault(f);
			iommu_fault_unref(f);
		} else if (r == -ENOMSG) {
			const char *nl = memchr(text + pos, '\n', size - pos);

			used = nl ? (size_t)(nl - (text + pos)) + 1 : size - pos;
		} else {
			break;
		}
		pos += used;
	}
	free(text);
	return 0;
}
