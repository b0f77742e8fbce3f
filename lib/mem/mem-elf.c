// SPDX-License-Identifier: MIT
/*
 * ELF cores (/proc/vmcore copies, makedumpfile -E, QEMU dump-guest-memory):
 * each PT_LOAD's p_paddr..p_paddr+p_filesz is held in the file at p_offset.
 * Bytes past p_filesz (up to p_memsz) are not in the file: makedumpfile
 * describes excluded pages that way, so they are "not in dump", not zero.
 * ELF-64 gABI, "Program Header"; ELF-32 likewise with 32-bit fields.
 */
#include <elf.h>
#include <errno.h>
#include <stdlib.h>

#include "mem/mem.h"

struct phdr {
	uint32_t type;
	uint64_t offset, paddr, filesz;
};

static uint64_t get_word(const uint8_t *p, unsigned int size, bool big_endian)
{
	uint64_t v = 0;

	if (!big_endian)
		return get_le(p, size);
	for (unsigned int i = 0; i < size; i++)
		v = v << 8 | p[i];
	return v;
}

/* Program header INDEX, bounds-checked against the file. */
static int read_phdr(const struct iommu_dump *d, bool is64, bool be, uint64_t phoff,
		     uint64_t phentsize, size_t index, struct phdr *ret)
{
	uint64_t at = phoff + index * phentsize;
	const uint8_t *p;

	if (at > d->map_size || phentsize > d->map_size - at)
		return -EBADMSG;
	p = (const uint8_t *)d->map + at;
	ret->type = (uint32_t)get_word(p, 4, be);
	if (is64) {
		ret->offset = get_word(p + 8, 8, be);
		ret->paddr = get_word(p + 24, 8, be);
		ret->filesz = get_word(p + 32, 8, be);
	} else {
		ret->offset = get_word(p + 4, 4, be);
		ret->paddr = get_word(p + 12, 4, be);
		ret->filesz = get_word(p + 16, 4, be);
	}
	return 0;
}

static int by_start(const void *a, const void *b)
{
	const struct mem_seg *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* Sort and drop overlaps (the first segment of an address wins). */
static void tidy_segments(struct iommu_dump *d)
{
	size_t out = 0;

	qsort(d->segs, d->nsegs, sizeof(*d->segs), by_start);
	for (size_t i = 0; i < d->nsegs; i++) {
		struct mem_seg s = d->segs[i];

		if (out && s.start < d->segs[out - 1].end) {
			uint64_t cut = d->segs[out - 1].end - s.start;

			if (cut >= s.end - s.start)
				continue;
			s.start += cut;
			s.data += cut;
		}
		d->segs[out++] = s;
	}
	d->nsegs = out;
}

int mem_elf_segments(struct iommu_dump *d, const char **ret_reason)
{
	const uint8_t *h = d->map;
	uint64_t phoff, phentsize, phnum;
	bool is64, be;

	if (d->map_size < EI_NIDENT + 36) {
		*ret_reason = "the ELF header is truncated";
		return -EBADMSG;
	}
	is64 = h[EI_CLASS] == ELFCLASS64;
	be = h[EI_DATA] == ELFDATA2MSB;
	if ((!is64 && h[EI_CLASS] != ELFCLASS32) || (!be && h[EI_DATA] != ELFDATA2LSB) ||
	    (is64 && d->map_size < sizeof(Elf64_Ehdr))) {
		*ret_reason = "the ELF header is invalid";
		return -EBADMSG;
	}
	if (get_word(h + 16, 2, be) != ET_CORE) {
		*ret_reason = "an ELF file, but not a core dump";
		return -EBADMSG;
	}
	phoff = is64 ? get_word(h + 32, 8, be) : get_word(h + 28, 4, be);
	phentsize = get_word(h + (is64 ? 54 : 42), 2, be);
	phnum = get_word(h + (is64 ? 56 : 44), 2, be);
	if (phnum == PN_XNUM) {
		/* Extended numbering: the count is section header 0's sh_info. */
		uint64_t shoff = is64 ? get_word(h + 40, 8, be) : get_word(h + 32, 4, be);
		unsigned int at = is64 ? 44 : 28;

		if (shoff > d->map_size || d->map_size - shoff < at + 4) {
			*ret_reason = "the ELF section header 0 lies past the end of the file";
			return -EBADMSG;
		}
		phnum = get_word(h + shoff + at, 4, be);
	}
	if (phentsize < (is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr))) {
		*ret_reason = "the ELF program headers are invalid";
		return -EBADMSG;
	}
	/* Every program header must lie in the file: a count is never trusted to size memory. */
	if (phoff > d->map_size || phnum > (d->map_size - phoff) / phentsize) {
		*ret_reason = "the ELF program headers lie past the end of the file";
		return -EBADMSG;
	}
	d->segs = calloc(phnum ? phnum : 1, sizeof(*d->segs));
	if (!d->segs)
		return -ENOMEM;
	for (size_t i = 0; i < phnum; i++) {
		struct phdr ph;
		uint64_t size;

		if (read_phdr(d, is64, be, phoff, phentsize, i, &ph) < 0) {
			*ret_reason = "the ELF program headers lie past the end of the file";
			return -EBADMSG;
		}
		if (ph.type != PT_LOAD || ph.offset >= d->map_size || !ph.filesz)
			continue;
		/* A truncated file holds what it holds. */
		size = ph.filesz < d->map_size - ph.offset ? ph.filesz : d->map_size - ph.offset;
		if (ph.paddr > UINT64_MAX - size)
			continue;
		d->segs[d->nsegs++] = (struct mem_seg){ ph.paddr, ph.paddr + size,
							(const uint8_t *)d->map + ph.offset };
	}
	if (!d->nsegs) {
		*ret_reason = "the ELF core has no PT_LOAD segment with data";
		return -EBADMSG;
	}
	tidy_segments(d);
	return 0;
}

/*
 * The descriptor of the first note named NAME in the core's PT_NOTE
 * segments (ELF-64 gABI "Note Section": namesz, descsz, type, then name
 * and descriptor, each padded to 4 bytes); -ENOENT when there is none.
 */
int mem_elf_note(const struct iommu_dump *d, const char *name, const uint8_t **ret_desc,
		 size_t *ret_size)
{
	const uint8_t *h = d->map;
	size_t want = strlen(name) + 1;
	uint64_t phoff, phentsize, phnum;
	bool is64, be;

	if (d->format != IOMMU_DUMP_ELF || d->map_size < sizeof(Elf64_Ehdr))
		return -ENOENT;
	is64 = h[EI_CLASS] == ELFCLASS64;
	be = h[EI_DATA] == ELFDATA2MSB;
	phoff = is64 ? get_word(h + 32, 8, be) : get_word(h + 28, 4, be);
	phentsize = get_word(h + (is64 ? 54 : 42), 2, be);
	phnum = get_word(h + (is64 ? 56 : 44), 2, be);
	for (size_t i = 0; i < phnum; i++) {
		const uint8_t *p;
		uint64_t at = phoff + i * phentsize, off, size, pos;

		if (phentsize < (is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr)) ||
		    at > d->map_size || phentsize > d->map_size - at)
			return -ENOENT;
		p = h + at;
		if (get_word(p, 4, be) != PT_NOTE)
			continue;
		off = is64 ? get_word(p + 8, 8, be) : get_word(p + 4, 4, be);
		size = is64 ? get_word(p + 32, 8, be) : get_word(p + 16, 4, be);
		if (off > d->map_size || size > d->map_size - off)
			continue;
		for (pos = 0; size - pos >= 12;) {
			const uint8_t *n = h + off + pos;
			uint64_t namesz = get_word(n, 4, be), descsz = get_word(n + 4, 4, be);
			uint64_t name_end = 12 + ((namesz + 3) & ~3ULL);
			uint64_t desc_end = name_end + ((descsz + 3) & ~3ULL);

			if (desc_end > size - pos || name_end - 12 < namesz || desc_end - name_end < descsz)
				break;
			if (namesz == want && memcmp(n + 12, name, want) == 0) {
				*ret_desc = n + name_end;
				*ret_size = descsz;
				return 0;
			}
			pos += desc_end;
		}
	}
	return -ENOENT;
}
