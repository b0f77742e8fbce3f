// SPDX-License-Identifier: MIT
/*
 * The kernel fault-line parser, as `fault` feeds it a log: from the start of
 * each line, a fault message or -ENOMSG; what a message uses lies within the
 * text.  Each reason is looked up in the fault-reason table too.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *p, *end;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = 0;
	end = text + strlen(text);
	for (p = text; p < end;) {
		struct iommu_fault_msg *msg;
		size_t used = 0;
		char *eol;

		if (iommu_fault_msg_parse(p, &msg, &used) == 0) {
			if (used == 0 || used > (size_t)(end - p))
				abort();	/* a message takes at least one byte, and only the text's */
			fuzz_fold(iommu_fault_msg_is_interrupt(msg) ^ iommu_fault_msg_is_write(msg) ^
				  iommu_fault_msg_get_segment(msg) ^ iommu_fault_msg_get_sid(msg) ^
				  iommu_fault_msg_get_pasid(msg) ^ iommu_fault_msg_get_addr(msg));
			fuzz_touch_string(iommu_fault_msg_get_text(msg));
			fuzz_touch_string(iommu_fault_msg_get_format(msg));
			fuzz_touch_string(iommu_vtd_fault_reason_kernel_text(
				iommu_fault_msg_get_reason(msg)));
			iommu_fault_msg_unref(msg);
			p += used;
			continue;
		}
		eol = strchr(p, '\n');
		p = eol ? eol + 1 : end;
	}
	free(text);
	return 0;
}
