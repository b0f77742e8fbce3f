// SPDX-License-Identifier: MIT
/*
 * VT-d faults: the fault reasons (FRCD_REG.FR) with the specification's
 * condition code, the text Linux prints for the number
 * (drivers/iommu/intel/dmar.c, dma_remap_fault_reasons[],
 * irq_remap_fault_reasons[], dma_remap_sm_fault_reasons[]), what it means
 * and what usually causes it (VT-d 4.1 §7.1.3 address translation faults,
 * §7.1.2 interrupt remapping); the fault record (VT-d §9.9); and the
 * messages Linux has printed for it (drivers/pci/dmar.c, then
 * drivers/iommu/dmar.c, then drivers/iommu/intel/dmar.c, dmar_fault_do_one):
 *
 *   2.6-3.x, two lines:  DMAR:[DMA Write] Request device [00:02.0] fault addr 6df084000
 *                        DMAR:[fault reason 05] PTE Write access is not set
 *                        INTR-REMAP: Request device [[f0:1f.0] fault index 24
 *                        INTR-REMAP:[fault reason 34] Blocked a compatibility format ...
 *   one line, "%02d":    DMAR: [DMA Read] Request device [00:02.0] fault addr 9c000000 [fault reason 06] ...
 *   PASID after device:  DMAR: [DMA Read] Request device [00:02.0] PASID ffffffff fault addr 9c000000 [fault reason 06] ...
 *   NO_PASID/PASID tag:  DMAR: [DMA Read NO_PASID] Request device [00:02.0] fault addr 0x9c000000 [fault reason 0x06] ...
 *                        (one release printed the device as [0x00:0x02.0])
 *   with PCI segment:    DMAR: [DMA Write PASID 0x1] Request device [0000:00:02.0] fault addr 0x... [fault reason 0x..] ...
 *   interrupts:          DMAR: [INTR-REMAP] Request device [f0:1f.0] fault index 0x24 [fault reason 0x25] ...
 *
 * Without "0x" the reason is decimal (%02d); the reason text on the line,
 * when it matches the other reading, settles the rare ambiguous number.
 */
#include <errno.h>
#include <stdlib.h>

#include "bits.h"
#include "fault/fault.h"
#include "text.h"
#include "unit/vtd.h"

#define UNMAPPED_CAUSES                                                                  \
	"DMA to an address the driver never mapped or already unmapped: a device still "  \
	"using a buffer after the driver freed it, a stale or corrupted descriptor, a "   \
	"device given the wrong address (or a wrong DMA mask), or a mapping made with "   \
	"the opposite direction"

/* A catalogue entry in the order of the specification's table. */
#define REASON(fr, qualified, condition, kernel, meaning, causes) \
	{ fr, condition, meaning, causes, kernel, qualified }

/* VT-d 4.1 §7.1.3 Table "Address Translation Faults", §7.1.2 interrupt remapping faults. */
static const struct fault_code reasons[] = {
	REASON(0x00, false, NULL, "Software",
	  "no fault reason: a software-generated record", ""),
	REASON(0x01, false, "LRT.2", "Present bit in root entry is clear",
	  "the root entry for the requester's bus is not present: nothing on that bus is set up for DMA remapping",
	  "DMA from a bus the kernel never attached a device on: a requester ID that does not match any device (bridge aliasing, phantom functions), firmware DMA after the kernel took over, a device missing from the DRHD scopes"),
	REASON(0x02, true, "LCT.2", "Present bit in context entry is clear",
	  "the context entry for the requester's device and function is not present",
	  "DMA from a device or function the kernel has not attached to a domain (or detached while DMA was in flight); requester ID aliasing (PCIe-to-PCI bridges, devices using another function's ID); a driver unbound without quiescing the device"),
	REASON(0x03, true, "LCT.4", "Invalid context entry",
	  "the context entry is present but unusable: a translation type or address width the unit does not support",
	  "a kernel or hypervisor programming a translation type the hardware lacks (pass-through without ECAP.PT, device-TLB without ECAP.DT) or an address width outside CAP.SAGAW; a corrupted context table"),
	REASON(0x04, true, "LGN.1", "Access beyond MGAW",
	  "the address is wider than the domain's address width (context AW) or the unit's MGAW",
	  "a device using an address above the DMA mask the driver set, a corrupted address, a 64-bit address given to a 39-bit domain"),
	REASON(0x05, true, "LGN.2", "PTE Write access is not set",
	  "a write to a page without write permission; second-level entries have no present bit, so an unmapped page (R and W clear) faults this way too",
	  UNMAPPED_CAUSES "; a device writing a buffer mapped DMA_TO_DEVICE"),
	REASON(0x06, true, "LGN.3", "PTE Read access is not set",
	  "a read of a page without read permission; second-level entries have no present bit, so an unmapped page (R and W clear) faults this way too",
	  UNMAPPED_CAUSES),
	REASON(0x07, true, "LSL.1", "Next page table ptr is invalid",
	  "reading a paging entry failed: the table address does not decode to memory (beyond the host address width)",
	  "a corrupted page-table entry pointing outside memory"),
	REASON(0x08, false, "LRT.1", "Root table address invalid",
	  "reading the root entry failed: RTADDR_REG does not point at memory",
	  "a root table address beyond the host address width, or memory that does not decode"),
	REASON(0x09, false, "LCT.1", "Context table ptr is invalid",
	  "reading the context entry failed: the root entry's context-table pointer does not point at memory",
	  "a corrupted root entry"),
	REASON(0x0a, false, "LRT.3", "non-zero reserved fields in RTP",
	  "the root entry has reserved bits set", "a corrupted root table, or a scalable-mode table read in legacy mode"),
	REASON(0x0b, true, "LCT.3", "non-zero reserved fields in CTP",
	  "the context entry has reserved bits set", "a corrupted context table, or a scalable-mode table read in legacy mode"),
	REASON(0x0c, true, "LSL.2", "non-zero reserved fields in PTE",
	  "a paging entry has reserved bits set: a large page where the unit supports none, address bits above the host width, snoop control without ECAP.SC",
	  "page-table corruption (memory written over a table page), or a kernel using page sizes the unit does not support"),
	REASON(0x0d, true, "LCT.5", "PCE for translation request specifies blocking",
	  "a translation request (ATS) or translated request from a device whose context entry does not enable device-TLBs",
	  "ATS enabled on the device but not in its context entry (TT is not 01)"),
	REASON(0x0e, true, "LGN.4", NULL,
	  "the translated address lies in the interrupt address range 0xFEE00000-0xFEEFFFFF",
	  "a mapping of physical addresses in the interrupt range; a corrupted page-table entry"),
	REASON(0x20, false, NULL, "Detected reserved fields in the decoded interrupt-remapped request",
	  "a remappable-format interrupt request has reserved fields set", "a device writing a malformed MSI"),
	REASON(0x21, false, NULL, "Interrupt index exceeded the interrupt-remapping table size",
	  "the interrupt's handle is beyond the interrupt-remapping table (IRTA_REG.S)",
	  "a device using an MSI programmed for another table, or stale after the table was resized"),
	REASON(0x22, true, NULL, "Present field in the IRTE entry is clear",
	  "the interrupt-remapping table entry the interrupt selects is not present",
	  "an interrupt from a device whose vector was freed (driver unloaded, MSI re-programmed) while the device still signals it"),
	REASON(0x23, false, NULL, "Error accessing interrupt-remapping table pointed by IRTA_REG",
	  "reading the interrupt-remapping table entry failed", "IRTA_REG pointing outside memory"),
	REASON(0x24, true, NULL, "Detected reserved fields in the IRTE entry",
	  "the interrupt-remapping table entry has reserved bits set", "a corrupted interrupt-remapping table"),
	REASON(0x25, false, NULL, "Blocked a compatibility format interrupt request",
	  "a compatibility-format interrupt was blocked (GSTS.CFIS clear, or x2APIC mode)",
	  "a device or IOAPIC using legacy MSI format while interrupt remapping enforces remappable format"),
	REASON(0x26, true, NULL, "Blocked an interrupt request due to source-id verification failure",
	  "the interrupt's requester ID does not pass the IRTE's source-id validation (SID, SQ, SVT)",
	  "requester ID aliasing (bridges), a device signalling an interrupt allocated to another device"),
	REASON(0x30, false, "RTA.1", "SM: Invalid Root Table Address",
	  "RTADDR_REG is invalid: reserved translation-table mode, or a mode the unit does not support",
	  "scalable mode without ECAP.SMTS, abort-DMA mode without ECAP.ADMS, TTM = 10"),
	REASON(0x31, false, "RTA.2", "SM: TTM 0 for request with PASID",
	  "a request with PASID while the root table is in legacy mode", "a device using PASIDs on a unit in legacy mode"),
	REASON(0x32, false, "RTA.3", "SM: TTM 0 for page group request", "a page request while the root table is in legacy mode", ""),
	REASON(0x38, false, "SRT.1", "SM: Error attempting to access Root Entry", "reading the scalable-mode root entry failed", ""),
	REASON(0x39, false, "SRT.2", "SM: Present bit in Root Entry is clear",
	  "the scalable-mode root entry half (lower for devfn 0x00-0x7f, upper for 0x80-0xff) is not present",
	  "DMA from a bus (or the upper half of a bus's functions) nothing has been attached on"),
	REASON(0x3a, false, "SRT.3", "SM: Non-zero reserved field set in Root Entry",
	  "the scalable-mode root entry has reserved bits set", "a corrupted root table"),
	REASON(0x40, true, "SCT.1", "SM: Error attempting to access Context Entry", "reading the scalable-mode context entry failed", ""),
	REASON(0x41, true, "SCT.2", "SM: Present bit in Context Entry is clear",
	  "the scalable-mode context entry for the device and function is not present",
	  "DMA from a device the kernel has not attached (or detached while DMA was in flight); requester ID aliasing"),
	REASON(0x42, true, "SCT.3", "SM: Non-zero reserved field set in the Context Entry",
	  "the scalable-mode context entry has reserved bits set", "a corrupted context table"),
	REASON(0x43, true, "SCT.4", "SM: Invalid Context Entry",
	  "the scalable-mode context entry is present but unusable (e.g. device-TLB enabled without ECAP.DT)", ""),
	REASON(0x44, true, "SCT.5", "SM: DTE field in Context Entry is clear",
	  "a translation request (ATS) from a device whose context entry does not enable device-TLBs", "ATS on the device, DTE clear"),
	REASON(0x45, true, "SCT.6", "SM: PASID Enable field in Context Entry is clear",
	  "a request with PASID from a device whose context entry does not enable PASIDs", "a device using PASIDs the kernel did not enable"),
	REASON(0x46, true, "SCT.7", "SM: PASID is larger than the max in Context Entry",
	  "the PASID is beyond the PASID directory the context entry describes (PDTS)", "a device using a PASID the kernel never allocated"),
	REASON(0x47, true, "SCT.8", "SM: PRE field in Context-Entry is clear", "a page request from a device whose context entry does not enable page requests", ""),
	REASON(0x48, true, "SCT.9", "SM: RID_PASID field error in Context-Entry", "the context entry's RID_PASID is invalid", ""),
	REASON(0x50, false, "SPD.1", "SM: Error attempting to access the PASID Directory Entry", "reading the PASID directory entry failed", ""),
	REASON(0x51, true, "SPD.2", "SM: Present bit in Directory Entry is clear",
	  "the PASID directory entry for the PASID (bits 19:6) is not present", "a PASID never set up, or torn down while the device used it"),
	REASON(0x52, true, "SPD.3", "SM: Non-zero reserved field set in PASID Directory Entry",
	  "the PASID directory entry has reserved bits set", "a corrupted PASID directory"),
	REASON(0x58, false, "SPT.1", "SM: Error attempting to access PASID Table Entry", "reading the PASID table entry failed", ""),
	REASON(0x59, true, "SPT.2", "SM: Present bit in PASID Table Entry is clear",
	  "the PASID table entry is not present", "a PASID (or RID_PASID) not attached, or detached while the device used it"),
	REASON(0x5a, true, "SPT.3", "SM: Non-zero reserved field set in PASID Table Entry",
	  "the PASID table entry has reserved bits set", "a corrupted PASID table"),
	REASON(0x5b, true, "SPT.4", "SM: Invalid Scalable-Mode PASID Table Entry",
	  "the PASID table entry is present but unusable: a reserved PGTT, an address width outside CAP.SAGAW, a first-stage paging mode the unit lacks",
	  "a kernel or VMM programming a mode the unit does not support; a corrupted PASID table"),
	REASON(0x5c, true, "SPT.5", "SM: ERE field is clear in PASID Table Entry", "an execute request while the PASID entry does not enable them", ""),
	REASON(0x5d, true, "SPT.6", "SM: SRE field is clear in PASID Table Entry",
	  "a privileged (supervisor) request while the PASID entry does not enable them", "a device issuing privileged requests (kernel SVA) on a user PASID"),
	REASON(0x70, true, "SFL.1", "SM: Error attempting to access first-level paging entry", "reading a first-stage paging entry failed", ""),
	REASON(0x71, true, "SFL.2", "SM: Present bit in first-level paging entry is clear",
	  "a first-stage paging entry the walk needs is not present", UNMAPPED_CAUSES),
	REASON(0x72, true, "SFL.3", "SM: Non-zero reserved field set in first-level paging entry",
	  "a first-stage paging entry has reserved bits set (a large page the unit lacks, address bits above the host width)",
	  "page-table corruption; 1 GiB pages without CAP.FL1GP"),
	REASON(0x73, true, "SFL.4", "SM: Error attempting to access FL-PML4 entry", "reading the first-stage root table failed", ""),
	REASON(0x74, true, "SFL.5", "SM: First-level entry address beyond MGAW in Nested translation",
	  "nested: a first-stage table address is beyond the second stage's address width", "a guest page table pointing outside guest memory"),
	REASON(0x75, true, "SFL.6", "SM: Read permission error in FL-PML4 entry in Nested translation",
	  "nested: the second stage does not let the hardware read the first-stage root table", "the guest's page-table root is not mapped in the second stage"),
	REASON(0x76, true, "SFL.7", "SM: Read permission error in first-level paging entry in Nested translation",
	  "nested: the second stage does not let the hardware read a first-stage table", "a guest page table in guest memory not mapped (readable) in the second stage"),
	REASON(0x77, true, "SFL.8", "SM: Write permission error in first-level paging entry in Nested translation",
	  "nested: the hardware must set an accessed or dirty bit in a first-stage entry, and the second stage maps that table read-only",
	  "guest page tables mapped read-only in the second stage (write-protected for shadowing or migration)"),
	REASON(0x78, true, "SSL.1", "SM: Error attempting to access second-level paging entry", "reading a second-stage paging entry failed", ""),
	REASON(0x79, true, "SSL.2", "SM: Read/Write permission error in second-level paging entry",
	  "a second-stage paging entry the walk needs has R and W clear (not present)", UNMAPPED_CAUSES),
	REASON(0x7a, true, "SSL.3", "SM: Non-zero reserved field set in second-level paging entry",
	  "a second-stage paging entry has reserved bits set", "page-table corruption; large pages the unit lacks"),
	REASON(0x7b, true, "SSL.4", "SM: Invalid second-level page table pointer", "the second-stage table pointer does not point at memory", ""),
	REASON(0x7c, true, "SSL.5", "SM: A/D bit update needed in second-level entry when set up in no snoop",
	  "the hardware must set a second-stage accessed/dirty bit, but page-walks are non-snooped (PASID entry PWSNP clear)", ""),
	REASON(0x80, true, "SGN.1", "SM: Address in first-level translation is not canonical",
	  "the address is not canonical for the first stage's 48- or 57-bit paging", "a device using a 64-bit address with stray high bits"),
	REASON(0x81, true, "SGN.2", "SM: U/S set 0 for first-level translation with user privilege",
	  "a user (non-privileged) request to a page whose first-stage entries do not all allow user access", "kernel pages reached by a user-mode PASID"),
	REASON(0x82, true, "SGN.3", "SM: No execute permission for request with PASID and ER=1", "an execute request to a page without execute permission", ""),
	REASON(0x83, true, "SGN.4", "SM: Address beyond the DMA hardware max",
	  "the address is beyond what the unit translates (CAP.MGAW)", "a device using an address above its DMA mask"),
	REASON(0x84, true, "SGN.5", "SM: Second-level entry address beyond the max",
	  "the second-stage input address is beyond the address width of the PASID entry (AW)", "a device using an address above the domain's width"),
	REASON(0x85, true, "SGN.6", "SM: No write permission for Write/AtomicOp request",
	  "a write to a page the translation does not let be written", "a device writing a buffer mapped read-only (DMA_TO_DEVICE)"),
	REASON(0x86, true, "SGN.7", "SM: No read permission for Read/AtomicOp request",
	  "a read of a page the translation does not let be read", "a device reading a buffer mapped write-only"),
	REASON(0x87, true, "SGN.8", "SM: Invalid address-interrupt address",
	  "the translated address lies in the interrupt address range 0xFEE00000-0xFEEFFFFF", "a corrupted page-table entry"),
	REASON(0x90, true, "SFL.9", "SM: A/D bit update needed in first-level entry when set up in no snoop",
	  "the hardware must set a first-stage accessed/dirty bit, but page-walks are non-snooped (PASID entry PWSNP clear)", ""),
};

/*
 * What dmar_get_fault_reason() prints: the interrupt table for 0x20 up to
 * its end (0x26), the scalable-mode table for 0x30 up to its end (0x90),
 * the legacy table below 0x0e, "Unknown" elsewhere.
 */
static const char *vtd_kernel_name(unsigned int fr)
{
	const struct fault_code *r;

	if (fr >= 0x0e && fr < 0x20)
		return "Unknown";
	if ((fr > 0x26 && fr < 0x30) || fr > 0x90)
		return "Unknown";
	r = fault_code_find(&fault_vtd, fr);
	return r && r->kernel ? r->kernel : "Unknown";
}

bool vtd_fault_qualified(unsigned int fr)
{
	const struct fault_code *r = fault_code_find(&fault_vtd, fr);

	return r && r->qualified;
}

/* ---- the fault record ----------------------------------------------------- */

/* An interrupt-remapping fault: reasons 0x20-0x2f (VT-d 4.1 §7.1.2). */
#define FAULT_HAS_INTERRUPT (1u << 17)

/*
 * VT-d §9.9 Fault Record (FRCD_REG): FI 63:12 (an interrupt fault: the
 * interrupt index in 63:48), SID 79:64, PRIV 92, EXE 93, PP 95, FR 103:96,
 * PV 123:104, T 126 (1: read), F 127.
 */
#define FRCD_PRIV BIT(28)
#define FRCD_EXE BIT(29)
#define FRCD_PP BIT(31)
#define FRCD_READ BIT(62)
#define FRCD_F BIT(63)

static unsigned int fr_of(const uint64_t *record)
{
	return (unsigned int)(record[1] >> 32 & 0xff);
}

static unsigned int vtd_fields(const uint64_t *record)
{
	unsigned int fr = fr_of(record);

	if (fr >= 0x20 && fr < 0x30)
		return FAULT_HAS(IOMMU_FAULT_REQUESTER) | FAULT_HAS(IOMMU_FAULT_ADDRESS) |
		       FAULT_HAS_INTERRUPT;
	return FAULT_HAS(IOMMU_FAULT_REQUESTER) | FAULT_HAS(IOMMU_FAULT_ADDRESS) |
	       FAULT_HAS(IOMMU_FAULT_ACCESS);
}

static unsigned int vtd_record_of_code(uint64_t *record, unsigned int code)
{
	record[1] = (uint64_t)(code & 0xff) << 32;
	return vtd_fields(record) & FAULT_HAS_INTERRUPT;
}

static void vtd_decode(struct iommu_fault *f)
{
	const uint64_t *r = f->record;

	f->code = fr_of(r);
	f->interrupt = f->has & FAULT_HAS_INTERRUPT;
	if (f->has & FAULT_HAS(IOMMU_FAULT_REQUESTER))
		f->source_id = (uint16_t)r[1];
	if (f->has & FAULT_HAS(IOMMU_FAULT_ADDRESS))
		f->address = f->interrupt ? r[0] >> 48 : r[0];
	if (r[1] & FRCD_PP)
		f->pasid = (uint32_t)(r[1] >> 40 & 0xfffff);
	if (f->has & FAULT_HAS(IOMMU_FAULT_ACCESS)) {
		f->access = r[1] & FRCD_READ ? IOMMU_ACCESS_READ : IOMMU_ACCESS_WRITE;
		f->privileged = r[1] & FRCD_PRIV;
		f->exec = r[1] & FRCD_EXE;
	}
}

/* ---- kernel lines -------------------------------------------------------- */

/* What a line says, before it becomes a record. */
struct vtd_line {
	bool interrupt, write;
	uint16_t sid;
	uint32_t pasid;
	uint64_t addr;
	unsigned int reason;
};

/* The reason number: "0x.." hexadecimal, else decimal unless the text says it is hex. */
static unsigned int parse_reason(const char *s, const char *end, const char *text, size_t text_len)
{
	uint64_t hex, dec;

	s = text_skip_blanks(s, end);
	if (text_starts(s, end, "0x")) {
		if (!text_hex(s, end, &hex))
			hex = 0;
		return (unsigned int)(hex & 0xff);
	}
	if (!text_dec(s, end, &dec))
		dec = 0;
	if (!text_hex(s, end, &hex))
		return (unsigned int)(dec & 0xff);
	if (text_len && dec != hex) {
		const char *as_dec = vtd_kernel_name((unsigned int)(dec & 0xff));
		const char *as_hex = vtd_kernel_name((unsigned int)(hex & 0xff));

		if (strlen(as_hex) == text_len && memcmp(as_hex, text, text_len) == 0 &&
		    !(strlen(as_dec) == text_len && memcmp(as_dec, text, text_len) == 0))
			return (unsigned int)(hex & 0xff);
	}
	return (unsigned int)(dec & 0xff);
}

/* "[fault reason NN] TEXT" in [s, end): the reason and the text; false when absent. */
static bool reason_part(const char *s, const char *end, struct iommu_fault *f,
			struct vtd_line *l, int *ret_error)
{
	const char *at = text_find(s, end, "[fault reason "), *close, *text, *text_end;

	if (!at)
		return false;
	at += 14;
	close = memchr(at, ']', (size_t)(end - at));
	if (!close)
		return false;
	text = text_skip_blanks(close + 1, end);
	for (text_end = end; text_end > text && (text_end[-1] == ' ' || text_end[-1] == '\t');)
		text_end--;
	l->reason = parse_reason(at, close, text, (size_t)(text_end - text));
	if (text_end > text) {
		f->logged_text = strndup(text, (size_t)(text_end - text));
		if (!f->logged_text) {
			*ret_error = -ENOMEM;
			return false;
		}
	}
	return true;
}

/* The tag before "Request device": "[DMA Read NO_PASID]", "[DMA Write PASID 0x5]", "[INTR-REMAP]". */
static bool parse_tag(const char *text, const char *req, struct vtd_line *l, bool *ret_tagged)
{
	const char *tag, *close, *p;
	uint64_t v;

	/* The tag: the last '[' before "Request device". */
	for (tag = req; tag > text && tag[-1] != '['; tag--)
		;
	if (tag == text) {
		l->interrupt = text_find(text, req, "INTR-REMAP") != NULL;
		return l->interrupt;
	}
	close = memchr(tag, ']', (size_t)(req - tag));
	if (!close)
		close = tag;
	if (text_starts(tag, close, "INTR-REMAP"))
		l->interrupt = true;
	else if (text_starts(tag, close, "DMA Read"))
		l->write = false;
	else if (text_starts(tag, close, "DMA Write"))
		l->write = true;
	else
		return false;
	p = text_find(tag, close, "PASID ");
	if (text_find(tag, close, "NO_PASID")) {
		*ret_tagged = true;
	} else if (p && text_hex(p + 6, close, &v)) {
		*ret_tagged = true;
		l->pasid = (uint32_t)v;
	}
	return true;
}

static const char *vtd_parse(const char *text, const char *end, struct iommu_fault *f,
			     int *ret_error)
{
	const char *eol = text_line_end(text, end), *req, *dev, *p, *after, *next;
	struct vtd_line l = { .pasid = IOMMU_NO_PASID };
	bool tagged = false, pasid_after = false, two_lines = false, seg = false;
	uint64_t v;

	req = text_find(text, eol, "Request device [");
	if (!req || !parse_tag(text, req, &l, &tagged))
		return NULL;
	dev = req + 16;
	if (dev < eol && *dev == '[')	/* the oldest interrupt format doubled the bracket */
		dev++;
	after = memchr(dev, ']', (size_t)(eol - dev));
	if (!after || text_bdf(dev, after, &f->segment, &l.sid, &seg) != after)
		return NULL;
	p = text_skip_blanks(after + 1, eol);
	if (text_starts(p, eol, "PASID ")) {
		p = text_hex(p + 6, eol, &v);
		if (!p)
			return NULL;
		pasid_after = true;
		l.pasid = v == 0xffffffff ? IOMMU_NO_PASID : (uint32_t)v;
		p = text_skip_blanks(p, eol);
	}
	if (!text_starts(p, eol, l.interrupt ? "fault index" : "fault addr ") ||
	    !(p = text_hex(text_skip_blanks(p + 11, eol), eol, &l.addr)))
		return NULL;
	next = text_next_line(text, end);
	if (!reason_part(p, eol, f, &l, ret_error)) {
		/* The two-line format: the reason follows on the next line. */
		if (*ret_error || next == end ||
		    !reason_part(next, text_line_end(next, end), f, &l, ret_error))
			return NULL;
		two_lines = true;
		eol = text_line_end(next, end);
		next = text_next_line(next, end);
	}
	f->format = two_lines ? "two lines, decimal reason"
		    : pasid_after ? "PASID after the device, decimal reason"
		    : seg ? "with PCI segment"
		    : text_starts(dev, eol, "0x") ? "0x-prefixed device"
		    : tagged ? "NO_PASID/PASID tag"
		    : text_find(text, eol, "fault reason 0x") ? "hexadecimal reason"
							       : "one line, decimal reason";
	f->has = FAULT_HAS(IOMMU_FAULT_REQUESTER) | FAULT_HAS(IOMMU_FAULT_ADDRESS) |
		 (l.interrupt ? FAULT_HAS_INTERRUPT : FAULT_HAS(IOMMU_FAULT_ACCESS));
	f->record[0] = l.interrupt ? (l.addr & 0xffff) << 48 : l.addr;
	f->record[1] = l.sid | (uint64_t)l.reason << 32 | FRCD_F |
		       (l.interrupt || l.write ? 0 : FRCD_READ) |
		       (l.pasid == IOMMU_NO_PASID ? 0 : FRCD_PP | (uint64_t)(l.pasid & 0xfffff) << 40);
	return next;
}

const struct fault_vendor fault_vtd = {
	.vendor = IOMMU_VENDOR_INTEL,
	.words = 2,
	.codes = reasons,
	.ncodes = ARRAY_SIZE(reasons),
	.record_of_code = vtd_record_of_code,
	.fields = vtd_fields,
	.decode = vtd_decode,
	.kernel_name = vtd_kernel_name,
	.parse = vtd_parse,
};
