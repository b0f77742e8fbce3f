// SPDX-License-Identifier: MIT
/*
 * mkkcore IN OUT: rewrite an ELF-64 core of physical memory (QEMU
 * dump-guest-memory: PT_LOAD p_paddr = guest-physical, p_vaddr 0) the way
 * /proc/kcore lays one out (fs/proc/kcore.c): the notes first (VMCOREINFO
 * among them), then PT_LOADs whose p_vaddr are kernel virtual addresses,
 * RAM at the direct map with its physical address in p_paddr, and a vmalloc
 * segment with p_paddr -1 (no physical address), whose bytes are not RAM.
 * All-zero chunks are left as holes, so the copy of a mostly empty guest is
 * small on disk.  For tests: the kcore path is read as a real kcore is.
 */
#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DIRECT_MAP 0xffff888000000000ull	/* x86-64's PAGE_OFFSET without KASLR */
#define VMALLOC 0xffffc90000000000ull
#define CHUNK (1u << 20)

static int copy(int in, off_t from, int out, off_t to, uint64_t size)
{
	static uint8_t buf[CHUNK], zero[CHUNK];

	while (size) {
		size_t n = size < CHUNK ? size : CHUNK;

		if (pread(in, buf, n, from) != (ssize_t)n)
			return -1;
		if (memcmp(buf, zero, n) != 0 && pwrite(out, buf, n, to) != (ssize_t)n)
			return -1;
		from += n;
		to += n;
		size -= n;
	}
	return 0;
}

int main(int argc, char **argv)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph[64], outph[66];
	size_t n = 0, nout = 0;
	uint64_t data;
	int in, out;

	if (argc != 3) {
		fprintf(stderr, "usage: mkkcore IN OUT\n");
		return 64;
	}
	in = open(argv[1], O_RDONLY);
	out = open(argv[2], O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (in < 0 || out < 0 || pread(in, &eh, sizeof(eh), 0) != sizeof(eh) ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_phnum > 64 || eh.e_phentsize != sizeof(Elf64_Phdr) ||
	    pread(in, ph, eh.e_phnum * sizeof(Elf64_Phdr), (off_t)eh.e_phoff) !=
		    (ssize_t)(eh.e_phnum * sizeof(Elf64_Phdr))) {
		fprintf(stderr, "mkkcore: '%s' is not an ELF-64 core this tool reads\n", argv[1]);
		return 65;
	}
	n = eh.e_phnum;
	/* Headers, then the notes, then the segments page-aligned, as kcore has them. */
	data = sizeof(eh) + (n + 1) * sizeof(Elf64_Phdr);
	for (size_t i = 0; i < n; i++) {
		Elf64_Phdr p = ph[i];

		if (p.p_type == PT_NOTE) {
			p.p_offset = data;
			data += p.p_filesz;
		} else if (p.p_type == PT_LOAD) {
			p.p_vaddr = DIRECT_MAP + p.p_paddr;
		} else {
			continue;
		}
		p.p_flags = PF_R | PF_W | PF_X;
		outph[nout++] = p;
	}
	data = (data + 4095) & ~4095ull;
	for (size_t i = 0; i < nout; i++) {
		if (outph[i].p_type != PT_LOAD)
			continue;
		outph[i].p_offset = data;
		data += (outph[i].p_filesz + 4095) & ~4095ull;
	}
	/* A vmalloc segment: no physical address, a page of bytes that are not RAM. */
	outph[nout++] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_W | PF_X,
				      .p_offset = data, .p_vaddr = VMALLOC, .p_paddr = (uint64_t)-1,
				      .p_filesz = 4096, .p_memsz = 4096, .p_align = 4096 };
	data += 4096;
	eh.e_phoff = sizeof(eh);
	eh.e_shoff = 0;
	eh.e_shnum = 0;
	eh.e_shstrndx = 0;
	eh.e_phnum = (uint16_t)nout;
	if (pwrite(out, &eh, sizeof(eh), 0) != sizeof(eh) ||
	    pwrite(out, outph, nout * sizeof(Elf64_Phdr), sizeof(eh)) != (ssize_t)(nout * sizeof(Elf64_Phdr)) ||
	    pwrite(out, "not RAM", 7, (off_t)(data - 4096)) != 7 || ftruncate(out, (off_t)data) < 0) {
		perror("mkkcore");
		return 74;
	}
	for (size_t i = 0, j = 0; i < n; i++) {
		if (ph[i].p_type != PT_NOTE && ph[i].p_type != PT_LOAD)
			continue;
		if (copy(in, (off_t)ph[i].p_offset, out, (off_t)outph[j].p_offset, ph[i].p_filesz) < 0) {
			perror("mkkcore");
			return 74;
		}
		j++;
	}
	return close(out) < 0 ? 74 : 0;
}
