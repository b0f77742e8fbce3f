// SPDX-License-Identifier: MIT
/*
 * The kernel's types from its BTF (CONFIG_DEBUG_INFO_BTF; the .BTF section
 * between __start_BTF and __stop_BTF, Documentation/bpf/btf.rst), or from a
 * file such as the same build's /sys/kernel/btf/vmlinux, parsed by libbpf.
 * Members are found by name and checked for the kind of type the caller
 * reads, so one binary follows any kernel's layout.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "kernel/kernel.h"

/* vmlinux BTF is a few MiB; bound what a damaged symbol pair can make us read. */
#define MAX_BTF (64u << 20)

/* libbpf's warnings go to stderr by default: the library never prints. */
static int quiet(enum libbpf_print_level level, const char *format, va_list args)
{
	(void)level;
	(void)format;
	(void)args;
	return 0;
}

static int btf_from_blob(struct iommu_kernel *k, char *data, size_t size, const char *source)
{
	struct btf *btf;

	libbpf_set_print(quiet);
	btf = size <= MAX_BTF ? btf__new(data, (uint32_t)size) : NULL;
	if (!btf) {
		free(data);
		return kernel_problem(k, -EBADMSG, "the BTF from %s does not parse (%zu bytes)",
				      source, size);
	}
	/* libbpf keeps its own copy. */
	free(data);
	k->btf = btf;
	return 0;
}

int kernel_btf(struct iommu_kernel *k)
{
	uint64_t start, stop;
	uint8_t *data;
	size_t size;
	int r;

	if (k->btf)
		return 0;
	if (k->btf_path) {
		r = read_file_at(AT_FDCWD, k->btf_path, MAX_BTF, &data, &size);
		if (r < 0)
			return kernel_problem(k, r, "cannot read the BTF file '%s'", k->btf_path);
		return btf_from_blob(k, (char *)data, size, k->btf_path);
	}
	if (kernel_symbol(k, "__start_BTF", &start) < 0 || kernel_symbol(k, "__stop_BTF", &stop) < 0)
		return kernel_problem(k, -ENOENT,
				      "the kernel has no __start_BTF/__stop_BTF (CONFIG_DEBUG_INFO_BTF off?): give --btf FILE (that build's /sys/kernel/btf/vmlinux)");
	if (stop <= start || stop - start > MAX_BTF)
		return kernel_problem(k, -EBADMSG, "__start_BTF 0x%llx and __stop_BTF 0x%llx are no BTF section",
				      (unsigned long long)start, (unsigned long long)stop);
	size = (size_t)(stop - start);
	data = malloc(size);
	if (!data)
		return -ENOMEM;
	r = kernel_read(k, start, data, size, "the kernel's BTF");
	if (r < 0) {
		free(data);
		return r;
	}
	return btf_from_blob(k, (char *)data, size, "the dump");
}

/*
 * The type id of struct NAME, or -ENOENT.  libbpf finds a name by going
 * through every type (a vmlinux has 100k); a unit's members are looked up
 * one by one, so the ids found are remembered.
 */
static int32_t struct_id(struct iommu_kernel *k, const char *name)
{
	size_t n = k->nstructs;
	int32_t id;

	for (size_t i = 0; i < n; i++)
		if (strcmp(k->structs[i].name, name) == 0)
			return k->structs[i].id;
	id = btf__find_by_name_kind(k->btf, name, BTF_KIND_STRUCT);
	if (n < ARRAY_SIZE(k->structs) && strlen(name) < sizeof(k->structs[n].name)) {
		strcpy(k->structs[n].name, name);
		k->structs[n].id = id;
		k->nstructs++;
	}
	return id;
}

/*
 * Split BTF from memory: libbpf 1.1 (Debian 12) declares btf__new_split() but
 * does not export it, so the bytes are parsed from an anonymous file (memfd).
 */
static struct btf *split_from_blob(const void *data, size_t size, struct btf *base)
{
	struct btf *split = NULL;
	char path[64];
	int fd = memfd_create("iommutool-btf", MFD_CLOEXEC);

	if (fd < 0)
		return NULL;
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (write(fd, data, size) == (ssize_t)size)
		split = btf__parse_raw_split(path, base);
	close(fd);
	return libbpf_get_error(split) ? NULL : split;
}

int kernel_btf_add_split(struct iommu_kernel *k, const void *data, size_t size, const char *source)
{
	struct btf *split;
	int r = kernel_btf(k);

	if (r < 0)
		return r;
	if (k->btf_base)
		return kernel_problem(k, -EEXIST, "a module's BTF is already loaded; %s is not", source);
	split = size <= MAX_BTF ? split_from_blob(data, size, k->btf) : NULL;
	if (!split)
		return kernel_problem(k, -EBADMSG, "the BTF of %s does not parse over the kernel's (%zu bytes)",
				      source, size);
	/* The split BTF holds the kernel's types too: look everything up in it from now on. */
	k->btf_base = k->btf;
	k->btf = split;
	k->nstructs = 0;	/* a structure not found before may be the module's */
	return 0;
}

int kernel_struct(struct iommu_kernel *k, const char *name, uint32_t *ret_size)
{
	const struct btf_type *t;
	int32_t id;
	int r = kernel_btf(k);

	if (r < 0)
		return r;
	id = struct_id(k, name);
	if (id < 0)
		return kernel_problem(k, -ENOENT, "the kernel's BTF has no struct %s", name);
	t = btf__type_by_id(k->btf, (uint32_t)id);
	if (!t || t->size > KERNEL_MAX_OBJECT)
		return kernel_problem(k, -EBADMSG, "struct %s has no usable size in BTF", name);
	*ret_size = t->size;
	return 0;
}

/* Follow typedefs and qualifiers. */
static const struct btf_type *resolve(const struct btf *btf, uint32_t id, int32_t *ret_id)
{
	int32_t r = btf__resolve_type(btf, id);

	if (r < 0)
		return NULL;
	*ret_id = r;
	return btf__type_by_id(btf, (uint32_t)r);
}

/* MEMBER in the composite TYPE_ID, searching anonymous members; bit offset in *RET_BITS. */
static int find_member(const struct btf *btf, uint32_t type_id, const char *member, int depth,
		       uint64_t *ret_bits, uint32_t *ret_type, bool *ret_bitfield)
{
	const struct btf_type *t = btf__type_by_id(btf, type_id);
	const struct btf_member *m;
	int32_t inner;

	if (!t || !btf_is_composite(t) || depth > 8)
		return -ENOENT;
	m = btf_members(t);
	for (unsigned int i = 0; i < btf_vlen(t); i++, m++) {
		const char *name = btf__name_by_offset(btf, m->name_off);
		uint64_t bits = btf_member_bit_offset(t, i);

		if (name && *name) {
			if (strcmp(name, member) != 0)
				continue;
			*ret_bits = bits;
			*ret_type = m->type;
			*ret_bitfield = btf_member_bitfield_size(t, i) != 0;
			return 0;
		}
		/* An anonymous struct or union: its members are the parent's. */
		if (resolve(btf, m->type, &inner) &&
		    find_member(btf, (uint32_t)inner, member, depth + 1, ret_bits, ret_type,
				ret_bitfield) == 0) {
			*ret_bits += bits;
			return 0;
		}
	}
	return -ENOENT;
}

/* PATH: a member, or members of members joined by '.' ("strtab_cfg.linear.ste_dma"). */
static int find_path(const struct btf *btf, uint32_t type_id, const char *path,
		     uint64_t *ret_bits, uint32_t *ret_type, bool *ret_bitfield)
{
	uint64_t bits = 0, inner_bits;
	char name[64];
	int32_t id = (int32_t)type_id;

	for (const char *p = path;; p += strlen(name) + 1) {
		size_t len = strcspn(p, ".");

		if (!len || len >= sizeof(name))
			return -ENOENT;
		memcpy(name, p, len);
		name[len] = 0;
		if (find_member(btf, (uint32_t)id, name, 0, &inner_bits, ret_type, ret_bitfield) < 0)
			return -ENOENT;
		bits += inner_bits;
		if (!p[len]) {
			*ret_bits = bits;
			return 0;
		}
		if (*ret_bitfield || !resolve(btf, *ret_type, &id))
			return -ENOENT;
	}
}

static const char *const kind_names[] = {
	[KF_POINTER] = "a pointer",
	[KF_INT] = "an integer",
	[KF_CHARS] = "a character array",
	[KF_STRUCT] = "a structure",
};

int kernel_field(struct iommu_kernel *k, const char *structure, const char *member,
		 enum kfield_kind kind, struct kfield *ret)
{
	const struct btf_type *t;
	uint64_t bits;
	uint32_t type, size;
	int32_t sid, tid;
	bool bitfield, ok;
	int64_t tsize;
	int r = kernel_btf(k);

	if (r < 0)
		return r;
	sid = struct_id(k, structure);
	if (sid < 0)
		return kernel_problem(k, -ENOENT, "the kernel's BTF has no struct %s", structure);
	size = btf__type_by_id(k->btf, (uint32_t)sid)->size;
	if (find_path(k->btf, (uint32_t)sid, member, &bits, &type, &bitfield) < 0)
		return kernel_problem(k, -ENOENT, "struct %s has no member '%s' in this kernel",
				      structure, member);
	t = resolve(k->btf, type, &tid);
	tsize = t ? btf__resolve_size(k->btf, (uint32_t)tid) : -1;
	switch (kind) {
	case KF_POINTER:
		ok = t && btf_is_ptr(t) && tsize == 8;
		break;
	case KF_INT:
		ok = t && (btf_is_int(t) || btf_is_any_enum(t)) && tsize >= 1 && tsize <= 8;
		break;
	case KF_CHARS: {
		const struct btf_type *e;
		int32_t eid;

		ok = t && btf_is_array(t) && (e = resolve(k->btf, btf_array(t)->type, &eid)) &&
		     btf_is_int(e) && e->size == 1;
		break;
	}
	case KF_STRUCT:
	default:
		ok = t && btf_is_composite(t);
		break;
	}
	if (!ok || bitfield || bits % 8 || tsize <= 0 || bits / 8 + (uint64_t)tsize > size)
		return kernel_problem(k, -EBADMSG, "%s.%s is not %s in this kernel's BTF", structure,
				      member, kind_names[kind]);
	*ret = (struct kfield){ (uint32_t)(bits / 8), (uint32_t)tsize, tid };
	return 0;
}

uint64_t kfield_get(const uint8_t *obj, const struct kfield *f)
{
	return get_le(obj + f->offset, f->size > 8 ? 8 : f->size);
}
