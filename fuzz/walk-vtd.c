// SPDX-License-Identifier: MIT
/*
 * The VT-d walker over arbitrary memory and arbitrary pointers.  The input
 * is a 48-byte request followed by a raw memory image from physical address
 * 0 (so the fuzzer controls every entry it points at):
 *
 *   0 RTADDR_REG   8 CAP_REG   16 ECAP_REG   24 IOVA   32 IRTA_REG
 *   40 IQA_REG's low 32 bits   44 SID (2)   46 PASID low byte (0xff: none)
 *   47 flags: bit 0 strict, bit 1 CAP/ECAP given, bit 2 privileged,
 *             bits 4:3 access, bit 5 one callback per leaf
 *
 * It translates the IOVA, lists the address spaces, the mappings of the
 * first spaces and the reverse look-up of one page, and decodes the
 * interrupt remapping table and the invalidation queue.  Each enumeration
 * stops after a budget of callbacks: the walker's own bounds (levels, cycles
 * in the tables, pointers past the image) are what is tested, and a walk
 * that never calls back within the run's time limit is a timeout.
 */
#include <unistd.h>

#include "common.h"

#define REQUEST_SIZE 48
#define BUDGET 4096
#define SPACES 8

struct run {
	struct iommu_translator *vtd;
	unsigned int flags, spaces, left;
};

static int on_space(const struct iommu_space *sp, void *userdata)
{
	struct run *run = userdata;
	size_t steps = iommu_vtd_space_get_step_count(sp);

	fuzz_touch_string(iommu_space_get_mode(sp));
	fuzz_touch_string(iommu_space_get_detail(sp));
	fuzz_touch_string(iommu_space_get_note(sp));
	fuzz_fold(iommu_space_get_requester(sp) ^ iommu_space_get_pasid(sp) ^
		  iommu_vtd_space_is_rid_pasid(sp) ^ (uint64_t)iommu_space_get_domain_id(sp) ^
		  iommu_space_get_levels(sp, IOMMU_STAGE_2) ^
		  iommu_space_get_levels(sp, IOMMU_STAGE_1) ^
		  iommu_space_get_root(sp, IOMMU_STAGE_2) ^
		  iommu_space_get_root(sp, IOMMU_STAGE_1) ^ iommu_vtd_space_get_fpd(sp) ^
		  iommu_space_get_status(sp) ^ iommu_space_get_fault_reason(sp));
	for (size_t i = 0; i < steps; i++) {
		unsigned int words = 0;
		const uint64_t *entry = iommu_vtd_space_get_step_entry(sp, i, &words);

		fuzz_touch_bytes(entry, words * sizeof(*entry));
		fuzz_touch_string(iommu_step_kind_name(iommu_vtd_space_get_step_kind(sp, i)));
		fuzz_fold(iommu_vtd_space_get_step_table(sp, i) ^ iommu_vtd_space_get_step_index(sp, i));
	}
	if (run->spaces++ < SPACES) {
		unsigned int share = run->left / 2;

		iommu_translator_foreach_mapping(run->vtd, sp,
						 run->flags & 0x20 ? IOMMU_MAPPINGS_LEAVES : 0,
						 fuzz_on_mapping, &share);
	}
	return run->left == 0 || --run->left == 0;
}

static int on_irte(const struct iommu_vtd_irte *irte, void *userdata)
{
	unsigned int *left = userdata;

	fuzz_touch_bytes(iommu_vtd_irte_get_words(irte), 16);
	fuzz_touch_string(iommu_vtd_irte_get_delivery_mode_name(irte));
	fuzz_touch_string(iommu_vtd_irte_get_validation(irte));
	fuzz_fold(iommu_vtd_irte_get_index(irte) ^ iommu_vtd_irte_get_dest(irte) ^
		  iommu_vtd_irte_get_pda(irte) ^ iommu_vtd_irte_get_reserved(irte, 0) ^
		  iommu_vtd_irte_get_reserved(irte, 1) ^ iommu_vtd_irte_get_vector(irte));
	return --*left == 0;
}

static int on_qdesc(const struct iommu_vtd_qdesc *desc, void *userdata)
{
	unsigned int *left = userdata, words = 0;
	const uint64_t *w = iommu_vtd_qdesc_get_words(desc, &words);

	fuzz_touch_bytes(w, words * sizeof(*w));
	fuzz_touch_string(iommu_vtd_qdesc_get_type_name(desc));
	fuzz_touch_string(iommu_vtd_qdesc_get_summary(desc));
	fuzz_fold(iommu_vtd_qdesc_get_index(desc) ^ iommu_vtd_qdesc_get_type(desc));
	return --*left == 0;
}

static void translate(struct iommu_translator *vtd, const uint8_t *req)
{
	unsigned int flags = req[47], access = (flags >> 3) & 3;
	struct iommu_xlate *x;

	if (iommu_xlate_new(&x) < 0)
		return;
	iommu_translator_translate(vtd, (uint16_t)fuzz_le(req + 44, 2),
				   req[46] == 0xff ? IOMMU_NO_PASID : req[46], fuzz_le(req + 24, 8),
				   access > IOMMU_ACCESS_WRITE ? IOMMU_ACCESS_ANY
							       : (enum iommu_access)access,
				   flags & 4 ? IOMMU_REQ_PRIV : 0, x);
	fuzz_walk_xlate(x);
	iommu_xlate_unref(x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iommu_dump *dump;
	struct run run = { .left = BUDGET };
	unsigned int left;
	char path[32];
	int fd;

	if (size < REQUEST_SIZE)
		return 0;
	run.flags = data[47];
	fd = fuzz_file(data + REQUEST_SIZE, size - REQUEST_SIZE, path);
	if (iommu_dump_open_raw(fuzz_ctx(), path, 0, &dump) < 0) {
		close(fd);
		return 0;
	}
	if (iommu_translator_new_vtd(dump, fuzz_le(data, 8), &run.vtd) == 0) {
		if (run.flags & 2)
			iommu_vtd_set_caps(run.vtd, fuzz_le(data + 8, 8), fuzz_le(data + 16, 8));
		iommu_vtd_set_strict(run.vtd, run.flags & 1);
		fuzz_touch_string(iommu_vtd_ttm_name(iommu_vtd_get_ttm(run.vtd)));
		translate(run.vtd, data);
		iommu_translator_foreach_space(run.vtd, on_space, &run);
		left = BUDGET;
		iommu_translator_foreach_reverse(run.vtd, fuzz_le(data + 24, 8) & ~UINT64_C(0xfff),
						 fuzz_on_mapping, &left);
		iommu_translator_unref(run.vtd);
	}
	left = BUDGET;
	iommu_vtd_foreach_irte(dump, fuzz_le(data + 32, 8), on_irte, &left);
	left = BUDGET;
	iommu_vtd_foreach_qdesc(dump, fuzz_le(data + 40, 4), on_qdesc, &left);
	iommu_dump_unref(dump);
	close(fd);
	return 0;
}
