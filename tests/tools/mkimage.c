// SPDX-License-Identifier: MIT
/*
 * mkimage: build VT-d translation structures in a memory image from a text
 * description (see mkimage.h), for golden tests and by hand:
 *
 *   mkimage [--elf] DESCRIPTION OUTPUT
 *
 * Writes a raw image (holes but the table pages) or, with --elf, an ELF core
 * without the pages the description drops, and prints the RTADDR_REG value.
 */
#include "mkimage.h"

#define MAX_DESCRIPTION (1u << 20)

int main(int argc, char **argv)
{
	bool elf = argc == 4 && strcmp(argv[1], "--elf") == 0;
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
	printf("0x%llx\n", (unsigned long long)img_rtaddr(&m));
	img_free(&m);
	free(text);
	if (f != stdin)
		fclose(f);
	return 0;
}
