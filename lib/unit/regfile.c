// SPDX-License-Identifier: MIT
/*
 * Register values from a file: "NAME VALUE" lines (the value is the last
 * column, so "NAME ADDRESS OFFSET SIZE VALUE" tables work too), or the
 * kernel's debugfs iommu_regset text (drivers/iommu/intel/debugfs.c:
 * "IOMMU: %s Register Base Address: %llx", then "%-16s\t0x%02x\t\t0x%016llx").
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "internal.h"
#include "text.h"

#define MAX_REGFILE (4u << 20)
#define NAME_MAX_LEN 31

struct reg {
	char name[NAME_MAX_LEN + 1];
	uint64_t value;
};

struct unit {
	char *name;
	uint64_t base;
	struct reg *regs;
	size_t nregs;
};

struct iommu_regs {
	struct unit *units;
	size_t nunits;
};

static struct unit *unit_add(struct iommu_regs *r, const char *name, size_t len, uint64_t base)
{
	struct unit *bigger = reallocarray(r->units, r->nunits + 1, sizeof(*bigger)), *u;

	if (!bigger)
		return NULL;
	r->units = bigger;
	u = &r->units[r->nunits];
	*u = (struct unit){ .base = base };
	if (name) {
		u->name = strndup(name, len);
		if (!u->name)
			return NULL;
	}
	r->nunits++;
	return u;
}

static bool valid_name(const char *s, size_t len)
{
	if (!len || len > NAME_MAX_LEN || !isalpha((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return false;
	return true;
}

/*
 * Other names of the registers the walkers read: Linux's and the AMD IOMMU
 * specification's for the device table base (MMIO 0000h) and EFR (0030h).
 */
static const struct {
	const char *name, *alias;
} aliases[] = {
	{ "DEV_TABLE_BASE", "MMIO_DEV_TABLE" },
	{ "DEV_TABLE_BASE", "DEV_TABLE" },
	{ "DEV_TABLE_BASE", "DEVICE_TABLE_BASE" },
	{ "DEV_TABLE_BASE", "DEVTAB_BASE" },
	{ "EFR", "MMIO_EXT_FEATURES" },
	{ "EFR", "EXT_FEATURES" },
	{ "EFR", "EXTENDED_FEATURES" },
};

/* Upper-case, without a "_REG" suffix or an "SMMU_" prefix, aliases by their name. */
static void normalize(char *dst, const char *src, size_t len)
{
	for (size_t i = 0; i < len; i++)
		dst[i] = (char)toupper((unsigned char)src[i]);
	dst[len] = 0;
	if (len > 4 && strcmp(dst + len - 4, "_REG") == 0)
		dst[len - 4] = 0;
	if (strncmp(dst, "SMMU_", 5) == 0 && dst[5])
		memmove(dst, dst + 5, strlen(dst + 5) + 1);
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strcmp(dst, aliases[i].alias) == 0)
			strcpy(dst, aliases[i].name);
}

static struct reg *unit_find(const struct unit *u, const char *name)
{
	for (size_t i = 0; i < u->nregs; i++)
		if (strcmp(u->regs[i].name, name) == 0)
			return &u->regs[i];
	return NULL;
}

/* "... unit at 0xADDR ..." in a comment starts a unit with that base. */
static int comment_line(struct iommu_regs *r, const char *line, size_t len)
{
	const char *at = text_find(line, line + len, "unit at ");
	uint64_t base;

	if (!at || !text_hex(at + 8, line + len, &base))
		return 0;
	return unit_add(r, NULL, 0, base) ? 0 : -ENOMEM;
}

/* "IOMMU: dmar0 Register Base Address: fed90000" */
static int debugfs_header(struct iommu_regs *r, const char *line, size_t len)
{
	struct text_word w[8];
	size_t n = text_words(line, line + len, w, 8);
	uint64_t base;

	if (n != 6 || w[2].len != 8 || memcmp(w[2].s, "Register", 8) != 0 ||
	    !text_whole_hex(w[5].s, w[5].s + w[5].len, &base))
		return 0;
	return unit_add(r, w[1].s, w[1].len, base) ? 1 : -ENOMEM;
}

static int register_line(struct iommu_regs *r, const char *line, size_t len)
{
	struct text_word w[8];
	size_t n = text_words(line, line + len, w, 8);
	struct unit *u = r->nunits ? &r->units[r->nunits - 1] : NULL;
	char name[NAME_MAX_LEN + 1];
	struct reg *reg, *bigger;
	uint64_t value;

	if (n < 2 || !valid_name(w[0].s, w[0].len) ||
	    !text_whole_hex(w[n - 1].s, w[n - 1].s + w[n - 1].len, &value))
		return 0;
	normalize(name, w[0].s, w[0].len);
	/* A register met again starts the next unit. */
	if (!u || unit_find(u, name)) {
		u = unit_add(r, NULL, 0, IOMMU_NO_ADDR);
		if (!u)
			return -ENOMEM;
	}
	bigger = reallocarray(u->regs, u->nregs + 1, sizeof(*bigger));
	if (!bigger)
		return -ENOMEM;
	u->regs = bigger;
	reg = &u->regs[u->nregs++];
	memcpy(reg->name, name, sizeof(name));
	reg->value = value;
	return 1;
}

IOMMU_EXPORT int iommu_regs_parse(struct iommu_ctx *ctx, const char *text, size_t size,
				  struct iommu_regs **ret_regs)
{
	struct iommu_regs *r = calloc(1, sizeof(*r));
	struct text_lines lines = TEXT_LINES(text, size);
	const char *line, *end, *hash;
	size_t found = 0;
	int err = 0;

	if (!r)
		return -ENOMEM;
	while (err >= 0 && text_lines_next(&lines, &line, &end)) {
		size_t len;

		line = text_skip_space(line, end);
		len = (size_t)(end - line);
		if (!len)
			continue;
		if (*line == '#') {
			err = comment_line(r, line, len);
			continue;
		}
		/* A comment may end a line. */
		hash = memchr(line, '#', len);
		if (hash)
			len = (size_t)(hash - line);
		if (len > 6 && text_starts(line, line + len, "IOMMU:")) {
			err = debugfs_header(r, line, len);
		} else {
			err = register_line(r, line, len);
			if (err > 0)
				found++;
			else if (err == 0)
				dbg(ctx, "register file: ignored '%.*s'\n", (int)len, line);
		}
	}
	if (err >= 0 && !found)
		err = -EBADMSG;
	if (err < 0) {
		iommu_regs_unref(r);
		return err;
	}
	/* Units announced but holding no register (an "Invalid base address") are dropped. */
	for (size_t i = 0; i < r->nunits;) {
		if (r->units[i].nregs) {
			i++;
			continue;
		}
		free(r->units[i].name);
		memmove(&r->units[i], &r->units[i + 1], (r->nunits - i - 1) * sizeof(r->units[0]));
		r->nunits--;
	}
	*ret_regs = r;
	return 0;
}

IOMMU_EXPORT int iommu_regs_load(struct iommu_ctx *ctx, const char *path, struct iommu_regs **ret_regs)
{
	uint8_t *buf;
	size_t size;
	int r;

	r = read_file_at(AT_FDCWD, path, MAX_REGFILE, &buf, &size);
	if (r < 0)
		return r;
	r = iommu_regs_parse(ctx, (const char *)buf, size, ret_regs);
	free(buf);
	return r;
}

IOMMU_EXPORT int iommu_regs_new(struct iommu_regs **ret_regs)
{
	*ret_regs = calloc(1, sizeof(**ret_regs));
	return *ret_regs ? 0 : -ENOMEM;
}

IOMMU_EXPORT int iommu_regs_add_unit(struct iommu_regs *regs, const char *name, uint64_t base,
				     size_t *ret_unit)
{
	if (!unit_add(regs, name, name ? strlen(name) : 0, base))
		return -ENOMEM;
	*ret_unit = regs->nunits - 1;
	return 0;
}

IOMMU_EXPORT int iommu_regs_set(struct iommu_regs *regs, size_t unit, const char *name,
				uint64_t value)
{
	size_t len = strlen(name);
	struct unit *u;
	struct reg *reg, *bigger;
	char key[NAME_MAX_LEN + 1];

	if (unit >= regs->nunits || !valid_name(name, len))
		return -EINVAL;
	u = &regs->units[unit];
	normalize(key, name, len);
	reg = unit_find(u, key);
	if (!reg) {
		bigger = reallocarray(u->regs, u->nregs + 1, sizeof(*bigger));
		if (!bigger)
			return -ENOMEM;
		u->regs = bigger;
		reg = &u->regs[u->nregs++];
		memcpy(reg->name, key, sizeof(key));
	}
	reg->value = value;
	return 0;
}

IOMMU_EXPORT struct iommu_regs *iommu_regs_unref(struct iommu_regs *regs)
{
	if (!regs)
		return NULL;
	for (size_t i = 0; i < regs->nunits; i++) {
		free(regs->units[i].name);
		free(regs->units[i].regs);
	}
	free(regs->units);
	free(regs);
	return NULL;
}

IOMMU_EXPORT size_t iommu_regs_get_unit_count(const struct iommu_regs *regs)
{
	return regs->nunits;
}

IOMMU_EXPORT const char *iommu_regs_get_unit_name(const struct iommu_regs *regs, size_t unit)
{
	return unit < regs->nunits ? regs->units[unit].name : NULL;
}

IOMMU_EXPORT uint64_t iommu_regs_get_unit_base(const struct iommu_regs *regs, size_t unit)
{
	return unit < regs->nunits ? regs->units[unit].base : IOMMU_NO_ADDR;
}

IOMMU_EXPORT int iommu_regs_get(const struct iommu_regs *regs, size_t unit, const char *name,
				uint64_t *ret_value)
{
	char key[NAME_MAX_LEN + 1];
	const struct reg *reg;
	size_t len = strlen(name);

	if (unit >= regs->nunits || !valid_name(name, len))
		return -ENOENT;
	normalize(key, name, len);
	reg = unit_find(&regs->units[unit], key);
	if (!reg)
		return -ENOENT;
	*ret_value = reg->value;
	return 0;
}
