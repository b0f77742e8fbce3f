// SPDX-License-Identifier: MIT
/*
 * The kernel fault-line parsers, as `fault` feeds them a log: at the start
 * of each line, a VT-d fault message, an SMMUv3 event or an AMD-Vi event,
 * or -ENOMSG; what a message uses lies within the text.  The input's first
 * 32 bytes are also decoded as an SMMUv3 event record and an AMD-Vi event
 * log entry, and every reason and event code is looked up.
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"

static void check_used(size_t used, const char *p, const char *end)
{
	if (used == 0 || used > (size_t)(end - p))
		abort();	/* a message takes at least one byte, and only the text's */
}

static void walk_vtd(const struct iommu_fault_msg *msg)
{
	fuzz_fold(iommu_fault_msg_is_interrupt(msg) ^ iommu_fault_msg_is_write(msg) ^
		  iommu_fault_msg_get_segment(msg) ^ iommu_fault_msg_get_sid(msg) ^
		  iommu_fault_msg_get_pasid(msg) ^ iommu_fault_msg_get_addr(msg));
	fuzz_touch_string(iommu_fault_msg_get_text(msg));
	fuzz_touch_string(iommu_fault_msg_get_format(msg));
	fuzz_touch_string(iommu_vtd_fault_reason_kernel_text(iommu_fault_msg_get_reason(msg)));
}

static void walk_smmuv3(const struct iommu_smmuv3_event *ev)
{
	fuzz_touch_bytes(iommu_smmuv3_event_get_record(ev), 4 * sizeof(uint64_t));
	fuzz_touch_string(iommu_smmuv3_event_get_name(ev));
	fuzz_touch_string(iommu_smmuv3_event_get_meaning(ev));
	fuzz_touch_string(iommu_smmuv3_event_get_causes(ev));
	fuzz_touch_string(iommu_smmuv3_event_get_class(ev));
	fuzz_touch_string(iommu_smmuv3_event_get_format(ev));
	fuzz_touch_string(iommu_smmuv3_event_get_client(ev));
	fuzz_touch_string(iommu_smmuv3_event_name(iommu_smmuv3_event_get_id(ev)));
	fuzz_fold(iommu_smmuv3_event_get_sid(ev) ^ iommu_smmuv3_event_get_ssid(ev) ^
		  iommu_smmuv3_event_get_iova(ev) ^ iommu_smmuv3_event_get_ipa(ev) ^
		  iommu_smmuv3_event_get_fetch_addr(ev) ^ iommu_smmuv3_event_is_write(ev) ^
		  iommu_smmuv3_event_is_privileged(ev) ^ iommu_smmuv3_event_is_instruction(ev) ^
		  iommu_smmuv3_event_is_stage2(ev) ^ iommu_smmuv3_event_has(ev, "iova"));
}

static void walk_amdvi(const struct iommu_amdvi_event *ev)
{
	fuzz_touch_bytes(iommu_amdvi_event_get_record(ev), 2 * sizeof(uint64_t));
	fuzz_touch_string(iommu_amdvi_event_get_name(ev));
	fuzz_touch_string(iommu_amdvi_event_get_meaning(ev));
	fuzz_touch_string(iommu_amdvi_event_get_causes(ev));
	fuzz_touch_string(iommu_amdvi_event_get_flag_names(ev));
	fuzz_touch_string(iommu_amdvi_event_get_format(ev));
	fuzz_touch_string(iommu_amdvi_event_get_client(ev));
	fuzz_touch_string(iommu_amdvi_event_name(iommu_amdvi_event_get_code(ev)));
	fuzz_fold(iommu_amdvi_event_get_segment(ev) ^ iommu_amdvi_event_get_devid(ev) ^
		  (uint64_t)iommu_amdvi_event_get_domain(ev) ^ iommu_amdvi_event_get_pasid(ev) ^
		  iommu_amdvi_event_get_address(ev) ^ iommu_amdvi_event_get_flags(ev) ^
		  iommu_amdvi_event_has(ev, "address"));
}

static void records(const uint8_t *data, size_t size)
{
	struct iommu_smmuv3_event *sev;
	struct iommu_amdvi_event *aev;
	uint64_t words[4];

	if (size < sizeof(words))
		return;
	for (size_t i = 0; i < 4; i++)
		words[i] = fuzz_le(data + 8 * i, 8);
	if (iommu_smmuv3_event_new_record(words, &sev) == 0) {
		walk_smmuv3(sev);
		iommu_smmuv3_event_unref(sev);
	}
	if (iommu_amdvi_event_new_record(words, &aev) == 0) {
		walk_amdvi(aev);
		iommu_amdvi_event_unref(aev);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *p, *end;

	if (!text)
		return 0;
	records(data, size);
	memcpy(text, data, size);
	text[size] = 0;
	end = text + strlen(text);
	for (p = text; p < end;) {
		struct iommu_smmuv3_event *sev;
		struct iommu_amdvi_event *aev;
		struct iommu_fault_msg *msg;
		size_t used = 0;
		char *eol;

		if (iommu_fault_msg_parse(p, &msg, &used) == 0) {
			check_used(used, p, end);
			walk_vtd(msg);
			iommu_fault_msg_unref(msg);
		} else if (iommu_smmuv3_event_parse(p, &sev, &used) == 0) {
			check_used(used, p, end);
			walk_smmuv3(sev);
			iommu_smmuv3_event_unref(sev);
		} else if (iommu_amdvi_event_parse(p, &aev, &used) == 0) {
			check_used(used, p, end);
			walk_amdvi(aev);
			iommu_amdvi_event_unref(aev);
		} else {
			eol = strchr(p, '\n');
			used = eol ? (size_t)(eol + 1 - p) : (size_t)(end - p);
		}
		p += used;
	}
	free(text);
	return 0;
}
