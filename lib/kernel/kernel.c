// SPDX-License-Identifier: MIT
/* The kernel of a dump: VMCOREINFO read at creation, symbols and types on first use. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <bpf/btf.h>

#include "kernel/kernel.h"
#include "mem/mem.h"

/* A System.map is a few MiB; bound a wrong file.  The log ring is at most a few MiB too. */
#define MAX_LOG_TEXT (64u << 20)
#define MAX_SYMBOL_FILE (256u << 20)

int kernel_problem(struct iommu_kernel *k, int error, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	vsnprintf(k->problem, sizeof(k->problem), format, args);
	va_end(args);
	dbg(k->ctx, "%s\n", k->problem);
	return error;
}

static bool vmcoreinfo_has(const struct iommu_kernel *k, const char *key)
{
	char buf[2];

	return vmcoreinfo_value(k->vmcoreinfo, k->vmcoreinfo_size, key, buf, sizeof(buf)) ||
	       memmem(k->vmcoreinfo, k->vmcoreinfo_size, key, strlen(key));
}

IOMMU_EXPORT int iommu_kernel_new(struct iommu_dump *dump, struct iommu_kernel **ret_kernel)
{
	struct iommu_kernel *k = calloc(1, sizeof(*k));

	if (!k)
		return -ENOMEM;
	k->refcount = 1;
	k->dump = iommu_dump_ref(dump);
	k->ctx = iommu_ctx_ref(dump->ctx);
	*ret_kernel = k;
	return 0;
}

IOMMU_EXPORT int iommu_kernel_load(struct iommu_kernel *k)
{
	int r;

	if (k->xlat)
		return 0;
	if (!k->vmcoreinfo) {
		r = vmcoreinfo_read(k->dump, &k->vmcoreinfo, &k->vmcoreinfo_size);
		if (r < 0)
			return kernel_problem(k, r, r == -ENOENT ? "the dump has no VMCOREINFO note"
							     : "the dump's VMCOREINFO note is damaged");
	}
	if (!vmcoreinfo_value(k->vmcoreinfo, k->vmcoreinfo_size, "OSRELEASE", k->release,
			      sizeof(k->release)))
		return kernel_problem(k, -EBADMSG, "the dump's VMCOREINFO names no OSRELEASE");
	/* x86-64 names its page-table root init_top_pgt; arm64 gives kimage_voffset. */
	if (vmcoreinfo_has(k, "SYMBOL(init_top_pgt)"))
		k->arch = KERNEL_X86_64;
	else if (vmcoreinfo_has(k, "NUMBER(kimage_voffset)"))
		k->arch = KERNEL_ARM64;
	else
		return kernel_problem(k, -EOPNOTSUPP,
				      "the dump's kernel is neither x86-64 nor arm64 (no init_top_pgt or kimage_voffset in VMCOREINFO)");
	return kvaddr_new(k, &k->xlat);
}

IOMMU_EXPORT struct iommu_kernel *iommu_kernel_unref(struct iommu_kernel *k)
{
	if (!k || --k->refcount > 0)
		return NULL;
	kvaddr_free(k->xlat);
	ksyms_free(&k->syms);
	btf__free(k->btf);
	btf__free(k->btf_base);
	free(k->symbols_path);
	free(k->btf_path);
	free(k->vmcoreinfo);
	iommu_dump_unref(k->dump);
	iommu_ctx_unref(k->ctx);
	free(k);
	return NULL;
}

IOMMU_EXPORT int iommu_kernel_set_symbols_file(struct iommu_kernel *k, const char *path)
{
	char *copy = strdup(path);

	if (!copy)
		return -ENOMEM;
	free(k->symbols_path);
	k->symbols_path = copy;
	return 0;
}

IOMMU_EXPORT int iommu_kernel_set_btf_file(struct iommu_kernel *k, const char *path)
{
	char *copy = strdup(path);

	if (!copy)
		return -ENOMEM;
	free(k->btf_path);
	k->btf_path = copy;
	return 0;
}

IOMMU_EXPORT const char *iommu_kernel_get_release(const struct iommu_kernel *k)
{
	return k->release;
}

IOMMU_EXPORT const char *iommu_kernel_get_problem(const struct iommu_kernel *k)
{
	return k->problem;
}

static int read_for_kallsyms(void *data, uint64_t addr, void *buf, size_t size)
{
	return kernel_read(data, addr, buf, size, "kallsyms");
}

static int load_kallsyms(struct iommu_kernel *k)
{
	static const char *const keys[] = {
		"SYMBOL(kallsyms_names)", "SYMBOL(kallsyms_token_table)",
		"SYMBOL(kallsyms_token_index)", "SYMBOL(kallsyms_offsets)",
		"SYMBOL(kallsyms_relative_base)", "SYMBOL(kallsyms_num_syms)",
	};
	uint64_t v[ARRAY_SIZE(keys)];
	struct ksyms_layout l;
	char why[160];
	int r;

	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (!vmcoreinfo_number(k->vmcoreinfo, k->vmcoreinfo_size, keys[i], &v[i]))
			return kernel_problem(k, -ENOENT,
					      "VMCOREINFO has no %s (Linux before 6.0, or CONFIG_KALLSYMS off): give --symbols FILE (System.map or /proc/kallsyms of that kernel)",
					      keys[i]);
	l = (struct ksyms_layout){ v[0], v[1], v[2], v[3], v[4], v[5], 0 };
	vmcoreinfo_number(k->vmcoreinfo, k->vmcoreinfo_size, "SYMBOL(_stext)", &l.stext);
	why[0] = 0;
	r = ksyms_decode(&k->syms, &l, read_for_kallsyms, k, why, sizeof(why));
	if (r < 0)
		return kernel_problem(k, r, "cannot decode the kernel's kallsyms: %s%s%s", why,
				      r == -ENODATA || r == -EFAULT ? ": " : "",
				      r == -ENODATA || r == -EFAULT ? k->problem : "");
	return 0;
}

/* --symbols FILE: a System.map holds link-time addresses, moved by KASLR; /proc/kallsyms the run's. */
static int load_symbol_file(struct iommu_kernel *k)
{
	uint64_t file_stext, stext, shift = 0;
	uint8_t *text;
	size_t size;
	int r;

	r = read_file_at(AT_FDCWD, k->symbols_path, MAX_SYMBOL_FILE, &text, &size);
	if (r < 0)
		return kernel_problem(k, r, "cannot read the symbol file '%s'", k->symbols_path);
	r = ksyms_parse_text(&k->syms, (const char *)text, size, 0);
	free(text);
	if (r < 0)
		return kernel_problem(k, r, "'%s' holds no \"ADDRESS TYPE NAME\" lines", k->symbols_path);
	k->syms.source = k->symbols_path;
	if (ksyms_lookup(&k->syms, "_stext", &file_stext) == 0 && file_stext == 0)
		return kernel_problem(k, -EACCES, "'%s' shows every address as 0 (read /proc/kallsyms as root)",
				      k->symbols_path);
	if (ksyms_lookup(&k->syms, "_stext", &file_stext) == 0 &&
	    vmcoreinfo_number(k->vmcoreinfo, k->vmcoreinfo_size, "SYMBOL(_stext)", &stext))
		shift = stext - file_stext;
	for (size_t i = 0; shift && i < k->syms.nsyms; i++)
		k->syms.syms[i].addr += shift;
	return 0;
}

int kernel_symbols_load(struct iommu_kernel *k)
{
	int r;

	if (k->syms_loaded)
		return 0;
	r = k->symbols_path ? load_symbol_file(k) : load_kallsyms(k);
	if (r < 0)
		return r;
	k->syms_loaded = true;
	return 0;
}

int kernel_symbol(struct iommu_kernel *k, const char *name, uint64_t *ret)
{
	char key[128];
	int r;

	snprintf(key, sizeof(key), "SYMBOL(%s)", name);
	if (!k->symbols_path && vmcoreinfo_number(k->vmcoreinfo, k->vmcoreinfo_size, key, ret))
		return 0;
	r = kernel_symbols_load(k);
	if (r < 0)
		return r;
	r = ksyms_lookup(&k->syms, name, ret);
	if (r == -ENOENT)
		return kernel_problem(k, -ENOENT, "no symbol '%s' in %s", name,
				      k->symbols_path ? k->symbols_path : "the kernel's kallsyms");
	return r;	/* kallsyms_offsets not readable there: kernel_read said so */
}

IOMMU_EXPORT int iommu_kernel_lookup_symbol(struct iommu_kernel *k, const char *name,
					    uint64_t *ret_addr)
{
	int r = iommu_kernel_load(k);

	return r < 0 ? r : kernel_symbol(k, name, ret_addr);
}

IOMMU_EXPORT int iommu_kernel_get_cmdline(struct iommu_kernel *k, char **ret_cmdline)
{
	uint64_t sym, ptr;
	char buf[4097];
	size_t len = 0;
	int r = iommu_kernel_load(k);

	if (r >= 0)
		r = kernel_symbol(k, "saved_command_line", &sym);
	if (r < 0)
		return r;
	r = kernel_read_u64(k, sym, &ptr, "saved_command_line");
	if (r < 0)
		return r;
	/* Read up to a page boundary at a time: the string ends where it ends. */
	while (len < sizeof(buf) - 1) {
		size_t chunk = 4096 - ((ptr + len) & 4095);

		if (chunk > sizeof(buf) - 1 - len)
			chunk = sizeof(buf) - 1 - len;
		r = kernel_read(k, ptr + len, buf + len, chunk, "the command line");
		if (r < 0)
			return r;
		if (memchr(buf + len, 0, chunk))
			break;
		len += chunk;
	}
	buf[sizeof(buf) - 1] = 0;
	*ret_cmdline = strdup(buf);
	return *ret_cmdline ? 0 : -ENOMEM;
}

static int read_for_printk(void *data, uint64_t addr, void *buf, size_t size)
{
	return kernel_read(data, addr, buf, size, "the printk ring buffer");
}

IOMMU_EXPORT int iommu_kernel_read_log(struct iommu_kernel *k, char **ret_text, size_t *ret_records)
{
	static const char *const keys[] = {
		"SYMBOL(prb)",
		"OFFSET(printk_ringbuffer.desc_ring)", "OFFSET(printk_ringbuffer.text_data_ring)",
		"OFFSET(prb_desc_ring.count_bits)", "OFFSET(prb_desc_ring.descs)",
		"OFFSET(prb_desc_ring.infos)", "OFFSET(prb_desc_ring.head_id)",
		"OFFSET(prb_desc_ring.tail_id)",
		"SIZE(prb_desc)", "OFFSET(prb_desc.state_var)", "OFFSET(prb_desc.text_blk_lpos)",
		"OFFSET(prb_data_blk_lpos.begin)", "OFFSET(prb_data_blk_lpos.next)",
		"SIZE(printk_info)", "OFFSET(printk_info.ts_nsec)", "OFFSET(printk_info.text_len)",
		"OFFSET(prb_data_ring.size_bits)", "OFFSET(prb_data_ring.data)",
		"OFFSET(atomic_long_t.counter)",
	};
	uint64_t v[ARRAY_SIZE(keys)];
	struct prb_layout l;
	char why[160];
	int r = iommu_kernel_load(k);

	if (r < 0)
		return r;
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (!vmcoreinfo_number(k->vmcoreinfo, k->vmcoreinfo_size, keys[i], &v[i]))
			return kernel_problem(k, -ENOENT,
					      "VMCOREINFO has no %s (a kernel before 5.10 keeps its log differently)",
					      keys[i]);
	l = (struct prb_layout){ v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
				 v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18],
				 read_for_printk, k };
	why[0] = 0;
	r = printk_decode(&l, MAX_LOG_TEXT, ret_text, ret_records, why, sizeof(why));
	if (r < 0)
		return kernel_problem(k, r, "cannot read the kernel log: %s", why);
	return 0;
}
