// SPDX-License-Identifier: MIT
/*
 * The kernel command line: split as the kernel splits it (lib/cmdline.c
 * next_arg: spaces, double quotes, "--" ends the kernel's part), then the
 * IOMMU parameters read as their parsers read them: options separated by
 * commas, each matched by strncmp against a known prefix, processed in
 * order so that a later word wins.  The lint says which words do nothing,
 * which belong to the other vendor, which are deprecated or overridden.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "live/live.h"

/* Dashes and underscores are the same in parameter names (kernel/params.c parameq). */
static void normalize_key(char *key)
{
	for (char *c = key; *c; c++)
		if (*c == '-')
			*c = '_';
}

static int add_param(struct cmdline *c, const char *start, size_t len)
{
	struct cmdline_param *p, *bigger;
	char *text = strndup(start, len), *eq;
	size_t out = 0;

	if (!text)
		return -ENOMEM;
	bigger = reallocarray(c->params, c->count + 1, sizeof(*bigger));
	if (!bigger) {
		free(text);
		return -ENOMEM;
	}
	c->params = bigger;
	p = &c->params[c->count];
	memset(p, 0, sizeof(*p));
	p->text = text;
	/* The key and value without their quotes: "a=\"b c\"" is a = b c. */
	p->key = malloc(len + 1);
	if (!p->key) {
		free(text);
		return -ENOMEM;
	}
	for (size_t i = 0; i < len; i++)
		if (start[i] != '"')
			p->key[out++] = start[i];
	p->key[out] = 0;
	eq = strchr(p->key, '=');
	if (eq) {
		*eq = 0;
		p->value = eq + 1;
	}
	normalize_key(p->key);
	p->index = (unsigned int)c->count++;
	return 0;
}

int cmdline_parse(const char *text, struct cmdline *ret)
{
	struct cmdline c = { 0 };
	const char *p = text;

	while (*p) {
		const char *start;
		bool quoted = false;
		int r;

		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		start = p;
		for (; *p && (quoted || !isspace((unsigned char)*p)); p++)
			if (*p == '"')
				quoted = !quoted;
		/* "--" ends the kernel's parameters; the rest is init's. */
		if (p - start == 2 && strncmp(start, "--", 2) == 0)
			break;
		r = add_param(&c, start, (size_t)(p - start));
		if (r < 0) {
			cmdline_free(&c);
			return r;
		}
	}
	*ret = c;
	return 0;
}

void cmdline_free(struct cmdline *c)
{
	for (size_t i = 0; i < c->count; i++) {
		free(c->params[i].text);
		free(c->params[i].key);
	}
	free(c->params);
	memset(c, 0, sizeof(*c));
}

/* ---- the lint ----------------------------------------------------------- */

struct lint {
	const struct cmdline_param *param;
	enum iommu_vendor vendor;
	struct cmdline_settings *set;
	struct cmdline_issue *issues;
	size_t count;
	int error;
};

static void issue(struct lint *l, enum cmdline_issue_kind kind, const char *hint,
		  const char *format, ...) PRINTF_FMT(4, 5);
static void issue(struct lint *l, enum cmdline_issue_kind kind, const char *hint,
		  const char *format, ...)
{
	struct cmdline_issue *bigger;
	va_list args;
	char *message;
	int n;

	va_start(args, format);
	n = vasprintf(&message, format, args);
	va_end(args);
	if (n < 0) {
		l->error = -ENOMEM;
		return;
	}
	bigger = reallocarray(l->issues, l->count + 1, sizeof(*bigger));
	if (!bigger) {
		free(message);
		l->error = -ENOMEM;
		return;
	}
	l->issues = bigger;
	l->issues[l->count++] = (struct cmdline_issue){ kind, l->param->text, message, hint };
}

/* Record what a word asks for; a different earlier value is overridden. */
static void set(struct lint *l, struct cmdline_setting *s, int value)
{
	if (s->token && s->value != value)
		issue(l, CMDLINE_OVERRIDDEN, "keep one of them",
		      "'%s' is overridden by '%s' later on the line (the last one wins)",
		      s->token, l->param->text);
	s->value = value;
	s->token = l->param->text;
}

/* kstrtobool: 1/y/Y/on true, 0/n/N/off false; no value is true for a bool module parameter. */
static int parse_bool(const char *v, bool empty_true)
{
	if (!v || !*v)
		return empty_true ? 1 : -EINVAL;
	switch (v[0]) {
	case '1': case 'y': case 'Y':
		return 1;
	case '0': case 'n': case 'N':
		return 0;
	case 'o': case 'O':
		if (v[1] == 'n' || v[1] == 'N')
			return 1;
		if (v[1] == 'f' || v[1] == 'F')
			return 0;
		break;
	}
	return -EINVAL;
}

/* One comma-separated option of a parameter: "on" in "intel_iommu=on,sm_off". */
struct option_desc {
	const char *name;		/* matched as the kernel does: strncmp(opt, name, strlen(name)) */
	void (*apply)(struct lint *l, const char *opt);
};

static bool option_is(const char *opt, const char *name)
{
	return strncmp(opt, name, strlen(name)) == 0;
}

static void noop(struct lint *l, const char *opt, const char *why)
{
	if (strcspn(opt, ",") == strlen(l->param->value ? l->param->value : ""))
		issue(l, CMDLINE_NOOP, "remove it", "'%s' does nothing: %s", l->param->text, why);
	else
		issue(l, CMDLINE_NOOP, "remove it", "'%.*s' in '%s' does nothing: %s",
		      (int)strcspn(opt, ","), opt, l->param->text, why);
}

/* ---- intel_iommu= (drivers/iommu/intel/iommu.c intel_iommu_setup) ------ */

static void intel_on(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->intel, 1);
}

static void intel_off(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->intel, 0);
}

static void intel_igfx_off(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->igfx_off, 1);
}

static void intel_forcedac(struct lint *l, const char *opt)
{
	(void)opt;
	issue(l, CMDLINE_DEPRECATED, "write iommu.forcedac=1 instead",
	      "intel_iommu=forcedac is deprecated (the kernel warns at boot)");
}

static void intel_strict(struct lint *l, const char *opt)
{
	(void)opt;
	issue(l, CMDLINE_DEPRECATED, "write iommu.strict=1 instead",
	      "intel_iommu=strict is deprecated (the kernel warns at boot)");
	set(l, &l->set->strict, 1);
}

static void intel_sm_on(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->intel_sm, 1);
}

static void intel_sm_off(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->intel_sm, 0);
}

static void intel_tboot_noforce(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->tboot_noforce, 1);
}

static void accept(struct lint *l, const char *opt)
{
	(void)l;
	(void)opt;
}

static const struct option_desc intel_options[] = {
	{ "on", intel_on },
	{ "off", intel_off },
	{ "igfx_off", intel_igfx_off },
	{ "intgpu_off", intel_igfx_off },	/* Debian's kernels only */
	{ "forcedac", intel_forcedac },
	{ "strict", intel_strict },
	{ "sp_off", accept },
	{ "sm_on", intel_sm_on },
	{ "sm_off", intel_sm_off },
	{ "tboot_noforce", intel_tboot_noforce },
	{ NULL, NULL },
};

/* ---- amd_iommu= (drivers/iommu/amd/init.c parse_amd_iommu_options) ----- */

static void amd_off(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->amd_off, 1);
}

static void amd_fullflush(struct lint *l, const char *opt)
{
	(void)opt;
	issue(l, CMDLINE_DEPRECATED, "write iommu.strict=1 instead",
	      "amd_iommu=fullflush is deprecated (the kernel warns at boot)");
	set(l, &l->set->strict, 1);
}

static void amd_force_enable(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->amd_force_enable, 1);
}

static void amd_pgtbl_v1(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->amd_pgtbl, 1);
}

static void amd_pgtbl_v2(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->amd_pgtbl, 2);
}

static const struct option_desc amd_options[] = {
	{ "fullflush", amd_fullflush },
	{ "force_enable", amd_force_enable },
	{ "off", amd_off },
	{ "force_isolation", accept },
	{ "pgtbl_v1", amd_pgtbl_v1 },
	{ "pgtbl_v2", amd_pgtbl_v2 },
	{ "irtcachedis", accept },
	{ "nohugepages", accept },
	{ "v2_pgsizes_only", accept },
	{ NULL, NULL },
};

/* ---- iommu= on x86 (arch/x86/kernel/pci-dma.c iommu_setup, gart_parse_options) ---- */

static void x86_off(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->iommu_off, 1);
}

static void x86_pt(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->passthrough, 1);
}

static void x86_nopt(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->passthrough, 0);
}

static void x86_gart_only(struct lint *l, const char *opt)
{
	noop(l, opt, "it only concerns the old AMD GART; it does not turn on VT-d or AMD-Vi");
}

static void x86_ignored(struct lint *l, const char *opt)
{
	noop(l, opt, "the kernel ignores it (and says \"option ignored\")");
}

/* Every option is tested against every name (no else): "forcesac" also matches "force". */
static const struct option_desc x86_options[] = {
	{ "off", x86_off },
	{ "force", x86_gart_only },
	{ "noforce", x86_gart_only },
	{ "biomerge", x86_gart_only },
	{ "panic", x86_gart_only },
	{ "nopanic", x86_gart_only },
	{ "merge", x86_gart_only },
	{ "nomerge", x86_gart_only },
	{ "forcesac", x86_ignored },
	{ "allowdac", x86_ignored },
	{ "nodac", x86_ignored },
	{ "usedac", accept },
	{ "soft", accept },
	{ "pt", x86_pt },
	{ "nopt", x86_nopt },
	{ "fullflush", x86_gart_only },
	{ "nofullflush", x86_gart_only },
	{ "noagp", x86_gart_only },
	{ "noaperture", x86_gart_only },
	{ "memaper", x86_gart_only },
	{ "allowed", x86_gart_only },
	{ NULL, NULL },
};

/* ---- intremap= (drivers/iommu/irq_remapping.c setup_irqremap) ---------- */

static void intremap_on(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->intremap, 1);
}

static void intremap_off(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->intremap, 0);
}

static void intremap_nopost(struct lint *l, const char *opt)
{
	(void)opt;
	set(l, &l->set->nopost, 1);
}

static const struct option_desc intremap_options[] = {
	{ "on", intremap_on },
	{ "off", intremap_off },
	{ "nosid", accept },
	{ "no_x2apic_optout", accept },
	{ "nopost", intremap_nopost },
	{ "posted_msi", accept },
	{ NULL, NULL },
};

/* Walk "a,b,c": the first matching name (FIRST_ONLY) or every matching name; NULL when none. */
static void each_option(struct lint *l, const struct option_desc *table, bool first_only,
			void (*unknown)(struct lint *l, const char *opt))
{
	const char *opt = l->param->value ? l->param->value : "";

	while (*opt) {
		bool matched = false;

		for (const struct option_desc *o = table; o->name; o++) {
			if (!option_is(opt, o->name))
				continue;
			o->apply(l, opt);
			matched = true;
			if (first_only)
				break;
		}
		if (!matched)
			unknown(l, opt);
		opt += strcspn(opt, ",");
		opt += strspn(opt, ",");
	}
}

static void intel_unknown(struct lint *l, const char *opt)
{
	issue(l, CMDLINE_UNKNOWN, "see intel_iommu= in the kernel's kernel-parameters.txt",
	      "'%.*s' is not an intel_iommu option; the kernel logs \"DMAR: Unknown option - '%.*s'\" and goes on",
	      (int)strcspn(opt, ","), opt, (int)strcspn(opt, ","), opt);
}

static void amd_unknown(struct lint *l, const char *opt)
{
	bool on = strncmp(opt, "on", 2) == 0 && (opt[2] == 0 || opt[2] == ',');

	issue(l, CMDLINE_UNKNOWN,
	      on ? "remove it: AMD-Vi is on by default whenever the firmware has an IVRS table"
		 : "see amd_iommu= in the kernel's kernel-parameters.txt",
	      "'%.*s' is not an amd_iommu option; the kernel logs \"AMD-Vi: Unknown option - '%.*s'\" and goes on",
	      (int)strcspn(opt, ","), opt, (int)strcspn(opt, ","), opt);
}

static void x86_unknown(struct lint *l, const char *opt)
{
	/* A number is the GART aperture size (gart_parse_options): "iommu=1". */
	if (isdigit((unsigned char)*opt))
		noop(l, opt, "a number sets the size of the old AMD GART aperture; it does not turn on VT-d or AMD-Vi");
	else
		noop(l, opt, "not an iommu= option, and the kernel ignores unknown ones silently");
}

static void intremap_unknown(struct lint *l, const char *opt)
{
	noop(l, opt, "not an intremap= option, and the kernel ignores unknown ones silently");
}

static void amd_intr_check(struct lint *l)
{
	const char *v = l->param->value ? l->param->value : "";

	/* parse_amd_iommu_intr looks for either word anywhere in the value. */
	if (!strstr(v, "legacy") && !strstr(v, "vapic"))
		noop(l, v, "amd_iommu_intr= takes legacy or vapic");
}

/* A generic boolean parameter (iommu.passthrough=, iommu.strict=, module parameters). */
static int bool_param(struct lint *l, bool empty_true)
{
	int b = parse_bool(l->param->value, empty_true);

	if (b < 0)
		issue(l, CMDLINE_UNKNOWN, "give it 0 or 1",
		      "'%s' is not a boolean value; the kernel rejects the parameter", l->param->text);
	return b;
}

static bool vendor_is_not(const struct lint *l, enum iommu_vendor v)
{
	return l->vendor != IOMMU_VENDOR_UNKNOWN && l->vendor != v;
}

static void other_vendor(struct lint *l, enum iommu_vendor owner)
{
	issue(l, CMDLINE_OTHER_VENDOR, "remove it",
	      "'%s' is for %s; it does nothing for %s", l->param->text, vendor_title(owner),
	      vendor_title(l->vendor));
}

static void lint_param(struct lint *l)
{
	const char *key = l->param->key;
	bool x86 = l->vendor != IOMMU_VENDOR_ARM;
	int b;

	/* The other vendor's words: that is all there is to say about them. */
	if (strcmp(key, "intel_iommu") == 0) {
		if (vendor_is_not(l, IOMMU_VENDOR_INTEL))
			other_vendor(l, IOMMU_VENDOR_INTEL);
		else
			each_option(l, intel_options, true, intel_unknown);
	} else if (strcmp(key, "amd_iommu") == 0) {
		if (vendor_is_not(l, IOMMU_VENDOR_AMD))
			other_vendor(l, IOMMU_VENDOR_AMD);
		else
			each_option(l, amd_options, true, amd_unknown);
	} else if (strcmp(key, "amd_iommu_intr") == 0) {
		if (vendor_is_not(l, IOMMU_VENDOR_AMD))
			other_vendor(l, IOMMU_VENDOR_AMD);
		else
			amd_intr_check(l);
	} else if (strcmp(key, "amd_iommu_dump") == 0 || strncmp(key, "ivrs_", 5) == 0) {
		if (vendor_is_not(l, IOMMU_VENDOR_AMD))
			other_vendor(l, IOMMU_VENDOR_AMD);
	} else if (strcmp(key, "iommu") == 0) {
		if (!x86)
			issue(l, CMDLINE_UNKNOWN, "use iommu.passthrough= or iommu.strict= instead",
			      "iommu= is an x86 parameter; on Arm the kernel passes '%s' to init",
			      l->param->text);
		else
			each_option(l, x86_options, false, x86_unknown);
	} else if (strcmp(key, "iommu.passthrough") == 0) {
		if ((b = bool_param(l, false)) >= 0)
			set(l, &l->set->passthrough, b);
	} else if (strcmp(key, "iommu.strict") == 0) {
		if ((b = bool_param(l, false)) >= 0)
			set(l, &l->set->strict, b);
	} else if (strcmp(key, "iommu.forcedac") == 0) {
		bool_param(l, false);
	} else if (strcmp(key, "intremap") == 0) {
		each_option(l, intremap_options, true, intremap_unknown);
	} else if (strcmp(key, "nointremap") == 0) {
		issue(l, CMDLINE_DEPRECATED, "write intremap=off instead", "nointremap is deprecated");
		set(l, &l->set->intremap, 0);
	} else if (strcmp(key, "nox2apic") == 0) {
		set(l, &l->set->nox2apic, 1);
	} else if (strcmp(key, "acpi") == 0 && l->param->value && strcmp(l->param->value, "off") == 0) {
		set(l, &l->set->acpi_off, 1);
	} else if (strcmp(key, "pci") == 0 && l->param->value) {
		for (const char *o = l->param->value; *o; o += strcspn(o, ","), o += strspn(o, ","))
			if (strncmp(o, "noats", 5) == 0 && (o[5] == 0 || o[5] == ','))
				set(l, &l->set->noats, 1);
	} else if (strcmp(key, "pcie_acs_override") == 0) {
		issue(l, CMDLINE_ACS_OVERRIDE,
		      "on a patched kernel the groups no longer say which devices can reach each other; on upstream kernels it does nothing (pci=config_acs= is the upstream way to change ACS)",
		      "'%s' is an out-of-tree patch: it makes the kernel pretend that devices are isolated",
		      l->param->text);
		set(l, &l->set->acs_override, 1);
	} else if (strcmp(key, "vfio_iommu_type1.allow_unsafe_interrupts") == 0 ||
		   strcmp(key, "iommufd.allow_unsafe_interrupts") == 0) {
		if (bool_param(l, true) == 1) {
			issue(l, CMDLINE_UNSAFE,
			      "without interrupt remapping a device given to a VM can inject interrupts into the host; fix interrupt remapping instead",
			      "'%s' lets VFIO work without interrupt remapping", l->param->text);
			set(l, &l->set->unsafe_interrupts, 1);
		}
	} else if (strcmp(key, "vfio.enable_unsafe_noiommu_mode") == 0) {
		if (bool_param(l, true) == 1) {
			issue(l, CMDLINE_UNSAFE, "use it only for devices you trust with all of memory",
			      "'%s' lets VFIO drive devices with no IOMMU at all (the kernel is tainted)",
			      l->param->text);
			set(l, &l->set->unsafe_noiommu, 1);
		}
	} else if (strcmp(key, "arm_smmu.disable_bypass") == 0 ||
		   strcmp(key, "arm_smmu_v3.disable_bypass") == 0) {
		if (vendor_is_not(l, IOMMU_VENDOR_ARM))
			other_vendor(l, IOMMU_VENDOR_ARM);
		bool_param(l, true);
	} else if ((strncmp(key, "intel_iommu", 11) == 0 || strncmp(key, "amd_iommu", 9) == 0 ||
		    strncmp(key, "iommu", 5) == 0) && !strchr(key, '.')) {
		issue(l, CMDLINE_UNKNOWN, "see kernel-parameters.txt for the parameters that exist",
		      "'%s' is not a kernel parameter; the kernel passes it to init", l->param->text);
	}
}

int cmdline_lint(const struct cmdline *c, enum iommu_vendor vendor, struct cmdline_settings *ret,
		 struct cmdline_issue **ret_issues, size_t *ret_count)
{
	struct lint l = { .vendor = vendor, .set = ret };

	memset(ret, 0, sizeof(*ret));
	for (size_t i = 0; i < c->count && !l.error; i++) {
		l.param = &c->params[i];
		lint_param(&l);
	}
	if (l.error) {
		cmdline_issues_free(l.issues, l.count);
		return l.error;
	}
	*ret_issues = l.issues;
	*ret_count = l.count;
	return 0;
}

void cmdline_issues_free(struct cmdline_issue *issues, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(issues[i].message);
	free(issues);
}
