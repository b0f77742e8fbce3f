// SPDX-License-Identifier: MIT
/*
 * mkimage: build VT-d translation structures in a memory image from a text
 * description (see mkimage.h), for golden tests and by hand:
 *
 *   mkimage [--elf] DESCRIPTION OUTPUT
 *
 * Writes a raw image (holes but the table pages) or, with --elf, an ELF core
 * without the pages the description drops, and prints the RTADDR_REG value;
 * a description starting "smmuv3" (mkimage-smmuv3.h) prints STRTAB_BASE and
 * STRTAB_BASE_CFG as "BASE,CFG", one starting "amdvi" (mkimage-amdvi.h) the
 * device table base register.
 */
#include "mkimage-amdvi.h"
#include "mkimage-smmuv3.h"

/* The description's first word, from the SMMUv3 and AMD-Vi builders' or VT-d's. */
static bool starts_with(const char *text, const char *word)
{
	text += strspn(text, " \t\n");
	return strncmp(text, word, strlen(word)) == 0 && isspace((unsigned char)text[strlen(word)]);
}

#define MAX_DESCRIPTION (1u << 20)

int main(int argc, char **argv)
{
	bool elf = argc == 4 && strcmp(argv[1], "--elf") == 0;
	struct smmu_img smmu = { 0 };
	struct amd_img amd = { 0 };
	char *text;
	struct img m;
	FILE *f;
	size_t n;
	int r;

	if (argc != 3 + elf) {
		fprintf(stderr, "usage: mkimage [--elf] DESCRIPTION OUTPUT\n");
		return 64;
	}
	f = strcmp(argv[1 + elf], "-") ? fopen(argv[1 + elf], "r") : stdin;
	text = calloc(1, MAX_DESCRIPTION + 1);
	if (!f || !text) {
		fprintf(stderr, "mkimage: cannot read '%s'\n", argv[1 + elf]);
		return 66;
	}
	n = fread(text, 1, MAX_DESCRIPTION, f);
	text[n] = 0;
	if (img_init(&m, 0x100000, 0x1000000, 0) < 0) {
		fprintf(stderr, "mkimage: out of memory\n");
		return 70;
	}
	if (starts_with(text, "smmuv3"))
		r = smmu_img_build(&smmu, &m, text);
	else if (starts_with(text, "amdvi"))
		r = amd_img_build(&amd, &m, text);
	else
		r = img_build(&m, text);
	if (r < 0) {
		fprintf(stderr, "mkimage: %s\n", m.error[0] ? m.error : strerror(-r));
		return 65;
	}
	r = elf ? img_write_elf(&m, argv[2 + elf]) : img_write_raw(&m, argv[2 + elf], 0x1000000);
	if (r < 0) {
		fprintf(stderr, "mkimage: cannot write '%s': %s\n", argv[2 + elf], strerror(-r));
		return 74;
	}
	if (smmu.m)
		printf("0x%llx,0x%llx\n", (unsigned long long)smmu.strtab,
		       (unsigned long long)smmu_img_cfg(&smmu));
	else if (amd.m)
		printf("0x%llx\n", (unsigned long long)amd.reg);
	else
		printf("0x%llx\n", (unsigned long long)img_rtaddr(&m));
	smmu_img_free(&smmu);
	amd_img_free(&amd);
	img_free(&m);
	free(text);
	if (f != stdin)
		fclose(f);
	return 0;
}
