// SPDX-License-Identifier: MIT
/*
 * The kernel command line: split as the kernel does (quotes, "--"), and the
 * lint of the IOMMU words against the kernel's own parsers
 * (intel_iommu_setup, parse_amd_iommu_options, x86 iommu_setup,
 * setup_irqremap): later words win, unknown options, the other vendor's
 * words, deprecated forms, unsafe VFIO knobs.
 */
#include "live/live.h"
#include "unit.h"

static size_t count_kind(const struct cmdline_issue *issues, size_t n, enum cmdline_issue_kind k)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++)
		count += issues[i].kind == k;
	return count;
}

static const struct cmdline_issue *find_kind(const struct cmdline_issue *issues, size_t n,
					     enum cmdline_issue_kind k)
{
	for (size_t i = 0; i < n; i++)
		if (issues[i].kind == k)
			return &issues[i];
	return NULL;
}

struct linted {
	struct cmdline c;
	struct cmdline_settings s;
	struct cmdline_issue *issues;
	size_t n;
};

static void lint(struct linted *l, const char *text, enum iommu_vendor vendor)
{
	memset(l, 0, sizeof(*l));
	CHECK(cmdline_parse(text, &l->c) == 0);
	CHECK(cmdline_lint(&l->c, vendor, &l->s, &l->issues, &l->n) == 0);
}

static void done(struct linted *l)
{
	cmdline_issues_free(l->issues, l->n);
	cmdline_free(&l->c);
}

static void test_split(void)
{
	struct cmdline c;

	CHECK(cmdline_parse("  BOOT_IMAGE=/vmlinuz  root=UUID=ab quiet  dyndbg=\"file x.c +p\" "
			    "intel-iommu=on -- intel_iommu=off init-arg",
			    &c) == 0);
	CHECK_EQ(c.count, 5);
	CHECK_STR(c.params[0].key, "BOOT_IMAGE");
	CHECK_STR(c.params[1].value, "UUID=ab");
	CHECK(c.params[2].value == NULL);
	CHECK_STR(c.params[3].text, "dyndbg=\"file x.c +p\"");
	CHECK_STR(c.params[3].value, "file x.c +p");
	/* Dashes are underscores in parameter names. */
	CHECK_STR(c.params[4].key, "intel_iommu");
	CHECK_STR(c.params[4].text, "intel-iommu=on");
	cmdline_free(&c);

	CHECK(cmdline_parse("", &c) == 0);
	CHECK_EQ(c.count, 0);
	cmdline_free(&c);
	/* An unterminated quote runs to the end, as in the kernel. */
	CHECK(cmdline_parse("a=\"b c", &c) == 0);
	CHECK_EQ(c.count, 1);
	CHECK_STR(c.params[0].value, "b c");
	cmdline_free(&c);
}

static void test_intel(void)
{
	struct linted l;

	/* The fixture's line: nothing wrong with it. */
	lint(&l, "console=ttyS0 nokaslr init_on_free=1 intel_iommu=on,sm_off iommu=nopt fixture.mode=full",
	     IOMMU_VENDOR_INTEL);
	CHECK_EQ(l.n, 0);
	CHECK_EQ(l.s.intel.value, 1);
	CHECK_STR(l.s.intel.token, "intel_iommu=on,sm_off");
	CHECK_EQ(l.s.passthrough.value, 0);
	CHECK_STR(l.s.passthrough.token, "iommu=nopt");
	CHECK_EQ(l.s.intel_sm.value, 0);
	CHECK_STR(l.s.intel_sm.token, "intel_iommu=on,sm_off");
	done(&l);

	/* Scalable mode: the last of sm_on and sm_off wins. */
	lint(&l, "intel_iommu=sm_off intel_iommu=on,sm_on", IOMMU_VENDOR_INTEL);
	CHECK_EQ(l.s.intel_sm.value, 1);
	CHECK_STR(l.s.intel_sm.token, "intel_iommu=on,sm_on");
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_OVERRIDDEN), 1);
	done(&l);

	/* Later wins, inside one word and across words. */
	lint(&l, "intel_iommu=on intel_iommu=igfx_off,off", IOMMU_VENDOR_INTEL);
	CHECK_EQ(l.s.intel.value, 0);
	CHECK_STR(l.s.intel.token, "intel_iommu=igfx_off,off");
	CHECK_EQ(l.s.igfx_off.value, 1);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_OVERRIDDEN), 1);
	done(&l);

	/* Repeating the same value is not an override. */
	lint(&l, "intel_iommu=on intel_iommu=on", IOMMU_VENDOR_INTEL);
	CHECK_EQ(l.n, 0);
	done(&l);

	/* Unknown option, deprecated option, and the strncmp prefix rule ("onx" is "on"). */
	lint(&l, "intel_iommu=enable,strict,onx", IOMMU_VENDOR_INTEL);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_UNKNOWN), 1);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_DEPRECATED), 1);
	CHECK_EQ(l.s.intel.value, 1);
	CHECK_EQ(l.s.strict.value, 1);
	done(&l);

	/* The AMD words on an Intel machine. */
	lint(&l, "amd_iommu=on iommu=pt ivrs_ioapic[32]=00:14.0", IOMMU_VENDOR_INTEL);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_OTHER_VENDOR), 2);
	CHECK_EQ(l.n, 2);
	CHECK_EQ(l.s.passthrough.value, 1);
	done(&l);
}

static void test_amd(void)
{
	struct linted l;
	const struct cmdline_issue *i;

	lint(&l, "amd_iommu=on", IOMMU_VENDOR_AMD);
	CHECK_EQ(l.n, 1);
	i = find_kind(l.issues, l.n, CMDLINE_UNKNOWN);
	CHECK(i && strstr(i->message, "Unknown option - 'on'"));
	CHECK(i && strstr(i->hint, "on by default"));
	CHECK(l.s.amd_off.token == NULL);
	done(&l);

	lint(&l, "amd_iommu=fullflush,off amd_iommu_intr=vapic", IOMMU_VENDOR_AMD);
	CHECK_EQ(l.s.amd_off.value, 1);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_DEPRECATED), 1);
	CHECK_EQ(l.s.strict.value, 1);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_OTHER_VENDOR), 0);
	CHECK(l.s.amd_pgtbl.token == NULL);
	done(&l);

	/* The page tables: pgtbl_v1 1, pgtbl_v2 2, the last one wins. */
	lint(&l, "amd_iommu=pgtbl_v1,pgtbl_v2", IOMMU_VENDOR_AMD);
	CHECK_EQ(l.s.amd_pgtbl.value, 2);
	CHECK_STR(l.s.amd_pgtbl.token, "amd_iommu=pgtbl_v1,pgtbl_v2");
	done(&l);

	/* The guides' "iommu=pt iommu=1": the number is the GART size; intel_iommu=on is Intel's. */
	lint(&l, "iommu=pt iommu=1 intel_iommu=on", IOMMU_VENDOR_AMD);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_NOOP), 1);
	i = find_kind(l.issues, l.n, CMDLINE_NOOP);
	CHECK(i && strstr(i->message, "GART"));
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_OTHER_VENDOR), 1);
	done(&l);
}

static void test_x86_iommu(void)
{
	struct linted l;

	/* iommu=off turns every x86 IOMMU driver off; force only the GART; on is no option at all. */
	lint(&l, "iommu=off,force iommu=on", IOMMU_VENDOR_INTEL);
	CHECK_EQ(l.s.iommu_off.value, 1);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_NOOP), 2);
	done(&l);

	/* "nopt" is not "pt"; iommu.passthrough=1 after iommu=nopt overrides it. */
	lint(&l, "iommu=nopt iommu.passthrough=1", IOMMU_VENDOR_INTEL);
	CHECK_EQ(l.s.passthrough.value, 1);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_OVERRIDDEN), 1);
	done(&l);

	/* kstrtobool: "on"/"off", "y"/"n"; "maybe" is rejected. */
	lint(&l, "iommu.strict=off iommu.passthrough=maybe", IOMMU_VENDOR_INTEL);
	CHECK_EQ(l.s.strict.value, 0);
	CHECK(l.s.passthrough.token == NULL);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_UNKNOWN), 1);
	done(&l);

	/* On Arm, iommu= is no parameter at all. */
	lint(&l, "iommu=pt arm-smmu.disable_bypass=0", IOMMU_VENDOR_ARM);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_UNKNOWN), 1);
	CHECK(l.s.passthrough.token == NULL);
	done(&l);
}

static void test_misc(void)
{
	struct linted l;

	lint(&l, "intremap=off nointremap intremap=bogus nox2apic pci=realloc,noats", IOMMU_VENDOR_INTEL);
	CHECK_EQ(l.s.intremap.value, 0);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_DEPRECATED), 1);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_NOOP), 1);
	CHECK_EQ(l.s.nox2apic.value, 1);
	CHECK_EQ(l.s.noats.value, 1);
	done(&l);

	lint(&l, "vfio_iommu_type1.allow_unsafe_interrupts=1 vfio.enable_unsafe_noiommu_mode "
		 "iommufd.allow_unsafe_interrupts=N pcie_acs_override=downstream,multifunction",
	     IOMMU_VENDOR_UNKNOWN);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_UNSAFE), 2);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_ACS_OVERRIDE), 1);
	CHECK_EQ(l.s.unsafe_interrupts.value, 1);
	CHECK_EQ(l.s.unsafe_noiommu.value, 1);
	done(&l);

	/* Made-up IOMMU parameters; other parameters are none of the lint's business. */
	lint(&l, "intel_iommu_on iommu_enable amd_iommu_v2=1 acpi=off quiet splash", IOMMU_VENDOR_UNKNOWN);
	CHECK_EQ(count_kind(l.issues, l.n, CMDLINE_UNKNOWN), 3);
	CHECK_EQ(l.n, 3);
	CHECK_EQ(l.s.acpi_off.value, 1);
	done(&l);
}

int main(void)
{
	test_split();
	test_intel();
	test_amd();
	test_x86_iommu();
	test_misc();
	return unit_report("cmdline");
}
