// SPDX-License-Identifier: MIT
/*
 * Kernel virtual addresses (direct map, kernel image, vmalloc, modules)
 * through libkdumpfile's addrxlat: it knows the Linux layouts (x86-64 4- and
 * 5-level paging, KASLR, arm64) from VMCOREINFO and walks the kernel's own
 * page tables, read here from the dump's physical memory.  A small cache of
 * page translations keeps long reads (kallsyms, BTF) cheap.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <libkdumpfile/addrxlat.h>

#include "kernel/kernel.h"
#include "mem/mem.h"

#define TLB_SIZE 64
#define PAGE_SHIFT 12
#define PAGE_SIZE (1ull << PAGE_SHIFT)

struct kvaddr {
	struct iommu_kernel *k;
	addrxlat_ctx_t *ctx;
	addrxlat_sys_t *sys;
	addrxlat_cb_t *cb;
	struct {
		uint64_t va, pa;	/* page addresses; va 0: empty */
	} tlb[TLB_SIZE];
};

static void put_page(const addrxlat_buffer_t *buf)
{
	free(buf->priv);
}

static addrxlat_status get_page(const addrxlat_cb_t *cb, addrxlat_buffer_t *buf)
{
	struct kvaddr *x = cb->priv;
	uint64_t addr = buf->addr.addr & ~7ull;
	uint8_t *copy;

	if (buf->addr.as != ADDRXLAT_KPHYSADDR && buf->addr.as != ADDRXLAT_MACHPHYSADDR)
		return addrxlat_ctx_err(x->ctx, ADDRXLAT_ERR_NOMETH, "only physical reads");
	copy = malloc(8);
	if (!copy)
		return addrxlat_ctx_err(x->ctx, ADDRXLAT_ERR_NOMEM, "out of memory");
	if (iommu_dump_read(x->k->dump, addr, copy, 8) < 0) {
		free(copy);
		return addrxlat_ctx_err(x->ctx, ADDRXLAT_ERR_NODATA, "0x%llx not in the dump",
					(unsigned long long)addr);
	}
	buf->addr.addr = addr;
	buf->ptr = copy;
	buf->size = 8;
	buf->byte_order = ADDRXLAT_LITTLE_ENDIAN;
	buf->priv = copy;
	buf->put_page = put_page;
	return ADDRXLAT_OK;
}

static unsigned long read_caps(const addrxlat_cb_t *cb)
{
	(void)cb;
	return ADDRXLAT_CAPS(ADDRXLAT_KPHYSADDR) | ADDRXLAT_CAPS(ADDRXLAT_MACHPHYSADDR);
}

static addrxlat_status lookup(const addrxlat_cb_t *cb, const char *key, addrxlat_addr_t *val)
{
	struct kvaddr *x = cb->priv;
	uint64_t v;

	if (!vmcoreinfo_number(x->k->vmcoreinfo, x->k->vmcoreinfo_size, key, &v))
		return addrxlat_ctx_err(x->ctx, ADDRXLAT_ERR_NODATA, "no %s in VMCOREINFO", key);
	*val = v;
	return ADDRXLAT_OK;
}

static addrxlat_status sym_value(const addrxlat_cb_t *cb, const char *name, addrxlat_addr_t *val)
{
	char key[96];

	snprintf(key, sizeof(key), "SYMBOL(%s)", name);
	return lookup(cb, key, val);
}

static addrxlat_status num_value(const addrxlat_cb_t *cb, const char *name, addrxlat_addr_t *val)
{
	char key[96];

	snprintf(key, sizeof(key), "NUMBER(%s)", name);
	return lookup(cb, key, val);
}

static addrxlat_status sym_sizeof(const addrxlat_cb_t *cb, const char *name, addrxlat_addr_t *val)
{
	char key[96];

	snprintf(key, sizeof(key), "SIZE(%s)", name);
	return lookup(cb, key, val);
}

static addrxlat_status sym_offsetof(const addrxlat_cb_t *cb, const char *obj, const char *elem,
				    addrxlat_addr_t *val)
{
	char key[128];

	snprintf(key, sizeof(key), "OFFSET(%s.%s)", obj, elem);
	return lookup(cb, key, val);
}

static addrxlat_status no_reg(const addrxlat_cb_t *cb, const char *name, addrxlat_addr_t *val)
{
	struct kvaddr *x = cb->priv;

	(void)val;
	return addrxlat_ctx_err(x->ctx, ADDRXLAT_ERR_NODATA, "no CPU register %s in a dump", name);
}

/* "6.1.0-56-amd64" -> ADDRXLAT_VER_LINUX(6, 1, 0); 0 when it is not a version. */
static unsigned long version_code(const char *release)
{
	unsigned int a = 0, b = 0, c = 0;

	if (sscanf(release, "%u.%u.%u", &a, &b, &c) < 2 || a > 255 || b > 255)
		return 0;
	return ADDRXLAT_VER_LINUX(a, b, c > 255 ? 255 : c);
}

int kvaddr_new(struct iommu_kernel *k, struct kvaddr **ret)
{
	struct kvaddr *x = calloc(1, sizeof(*x));
	addrxlat_opt_t opts[5];
	unsigned int n = 0;
	addrxlat_status s;
	uint64_t phys_base;

	if (!x)
		return -ENOMEM;
	x->k = k;
	x->ctx = addrxlat_ctx_new();
	x->sys = addrxlat_sys_new();
	x->cb = x->ctx ? addrxlat_ctx_add_cb(x->ctx) : NULL;
	if (!x->sys || !x->cb) {
		kvaddr_free(x);
		return -ENOMEM;
	}
	x->cb->priv = x;
	x->cb->get_page = get_page;
	x->cb->read_caps = read_caps;
	x->cb->reg_value = no_reg;
	x->cb->sym_value = sym_value;
	x->cb->num_value = num_value;
	x->cb->sym_sizeof = sym_sizeof;
	x->cb->sym_offsetof = sym_offsetof;
	addrxlat_opt_arch(&opts[n++], k->arch == KERNEL_X86_64 ? "x86_64" : "aarch64");
	addrxlat_opt_os_type(&opts[n++], "linux");
	addrxlat_opt_page_shift(&opts[n++], PAGE_SHIFT);
	if (version_code(k->release))
		addrxlat_opt_version_code(&opts[n++], version_code(k->release));
	if (k->arch == KERNEL_X86_64 &&
	    vmcoreinfo_number(k->vmcoreinfo, k->vmcoreinfo_size, "NUMBER(phys_base)", &phys_base))
		addrxlat_opt_phys_base(&opts[n++], phys_base);
	s = addrxlat_sys_os_init(x->sys, x->ctx, n, opts);
	if (s != ADDRXLAT_OK) {
		kernel_problem(k, 0, "cannot set up the kernel's address translation: %s",
			       addrxlat_ctx_get_err(x->ctx));
		kvaddr_free(x);
		return -EBADMSG;
	}
	*ret = x;
	return 0;
}

void kvaddr_free(struct kvaddr *x)
{
	if (!x)
		return;
	if (x->sys)
		addrxlat_sys_decref(x->sys);
	if (x->ctx)
		addrxlat_ctx_decref(x->ctx);
	free(x);
}

int kernel_phys(struct iommu_kernel *k, uint64_t addr, uint64_t *ret_phys)
{
	struct kvaddr *x = k->xlat;
	uint64_t page = addr & ~(PAGE_SIZE - 1);
	unsigned int slot = (unsigned int)(page >> PAGE_SHIFT) % TLB_SIZE;
	addrxlat_fulladdr_t fa = { .addr = page, .as = ADDRXLAT_KVADDR };
	addrxlat_status s;

	if (page && x->tlb[slot].va == page) {
		*ret_phys = x->tlb[slot].pa | (addr & (PAGE_SIZE - 1));
		return 0;
	}
	s = addrxlat_fulladdr_conv(&fa, ADDRXLAT_KPHYSADDR, x->ctx, x->sys);
	if (s == ADDRXLAT_ERR_NODATA)
		return kernel_problem(k, -ENODATA, "0x%llx: its page table is not in the dump (%s)",
				      (unsigned long long)addr, addrxlat_ctx_get_err(x->ctx));
	if (s != ADDRXLAT_OK)
		return kernel_problem(k, -EFAULT, "0x%llx is not a mapped kernel address (%s)",
				      (unsigned long long)addr, addrxlat_ctx_get_err(x->ctx));
	x->tlb[slot].va = page;
	x->tlb[slot].pa = fa.addr;
	*ret_phys = fa.addr | (addr & (PAGE_SIZE - 1));
	return 0;
}

int kernel_read(struct iommu_kernel *k, uint64_t addr, void *buf, size_t size, const char *what)
{
	uint8_t *out = buf;

	while (size) {
		size_t chunk = PAGE_SIZE - (addr & (PAGE_SIZE - 1));
		uint64_t phys;
		int r;

		if (chunk > size)
			chunk = size;
		r = kernel_phys(k, addr, &phys);
		if (r < 0)
			return kernel_problem(k, r, "%s at 0x%llx: %s", what, (unsigned long long)addr,
					      r == -EFAULT ? "not a mapped kernel address"
							   : "its page table is not in the dump");
		if (mem_read_uncached(k->dump, phys, out, chunk) < 0)
			return kernel_problem(k, -ENODATA,
					      "%s at 0x%llx (physical 0x%llx): not in the dump", what,
					      (unsigned long long)addr, (unsigned long long)phys);
		out += chunk;
		addr += chunk;
		size -= chunk;
	}
	return 0;
}

int kernel_read_u64(struct iommu_kernel *k, uint64_t addr, uint64_t *ret, const char *what)
{
	uint8_t b[8];
	int r = kernel_read(k, addr, b, 8, what);

	if (r < 0)
		return r;
	*ret = get_le64(b);
	return 0;
}
