# VT-d capability registers: the q35 fixture's CAP and ECAP (registers.txt; the guest's
# /sys/class/iommu/dmar0/intel-iommu/{cap,ecap} show the same), each alone, JSON, bad values.
$ iommutool decode --vtd-cap d2008c22260286 --vtd-ecap 0xf00f4a
VT-d Capability Registers
  Capability Register (VT-d 4.1 §11.4.2)  value=0x00d2008c22260286  cm  sagaw=2 (39-bit 3-level)  mgaw=38 (39 bits)  sslps=3 (2 MiB, 1 GiB)  psi  dwd  drd
  Extended Capability Register (VT-d 4.1 §11.4.3)  value=0x0000000000f00f4a  qi  ir  pt
[exit 0]
$ iommutool decode -v --vtd-cap 0x00d2008c22260286
VT-d Capability Registers  [0x000, 16 bytes]
  Capability Register (VT-d 4.1 §11.4.2)  [0x000, 8 bytes]
    [0x000]      Capability Register (CAP_REG)  : 0x00d2008c22260286
      bits 2-0   Number of Domains Supported (ND) : 6 (65536 domains)
      bit 3      Advanced Fault Logging (AFL)   : no
      bit 4      Required Write-Buffer Flushing (RWBF) : no
      bit 5      Protected Low-Memory Region (PLMR) : no
      bit 6      Protected High-Memory Region (PHMR) : no
      bit 7      Caching Mode (CM)              : yes
      bits 12-8  Supported Adjusted Guest Address Widths (SAGAW) : 2 (39-bit 3-level)
      bits 21-16 Maximum Guest Address Width (MGAW) : 38 (39 bits)
      bit 22     Zero Length Read (ZLR)         : no
      bits 33-24 Fault-recording Register Offset (FRO) : 0x022 (register offset 0x220)
      bits 37-34 Second Stage Large Page Support (SSLPS) : 3 (2 MiB, 1 GiB)
      bit 39     Page Selective Invalidation (PSI) : yes
      bits 47-40 Number of Fault-recording Registers (NFR) : 0 (1 fault-recording register(s))
      bits 53-48 Maximum Address Mask Value (MAMV) : 18 (up to 2^18)
      bit 54     Write Draining (DWD)           : yes
      bit 55     Read Draining (DRD)            : yes
      bit 56     First Stage 1-GByte Page Support (FS1GP) : no
      bit 59     Posted Interrupts Support (PI) : no
      bit 60     First Stage 5-level Paging Support (FS5LP) : no
      bit 61     Enhanced Command Support (ECMDS) : no
      bit 62     Enhanced Set Interrupt Remap Table Pointer Support (ESIRTPS) : no
      bit 63     Enhanced Set Root Table Pointer Support (ESRTPS) : no
[exit 0]
$ iommutool --json decode --vtd-ecap f00f4a
{
  "schema_version": 2,
  "registers": {
    "kind": "vtd_registers",
    "title": "VT-d Capability Registers",
    "offset": "0x0",
    "length": 16,
    "children": [
      {
        "kind": "ecap",
        "title": "Extended Capability Register (VT-d 4.1 §11.4.3)",
        "offset": "0x8",
        "length": 8,
        "value": "0xf00f4a",
        "c": false,
        "qi": true,
        "dt": false,
        "ir": true,
        "eim": false,
        "pt": true,
        "sc": false,
        "iro": "0xf",
        "iro_text": "register offset 0xf0",
        "mhmv": 15,
        "mhmv_text": "up to 2^15",
        "mts": false,
        "nest": false,
        "prs": false,
        "ers": false,
        "srs": false,
        "nwfs": false,
        "eafs": false,
        "pss": 0,
        "pss_text": "1-bit PASIDs",
        "pasid": false,
        "dit": false,
        "pds": false,
        "smts": false,
        "vcs": false,
        "ssads": false,
        "ssts": false,
        "fsts": false,
        "smpwcs": false,
        "rps": false,
        "pms": false,
        "adms": false,
        "rprivs": false
      }
    ]
  }
}
[exit 0]
$ iommutool decode --vtd-ecap 0x800000000000080e
VT-d Capability Registers
  Extended Capability Register (VT-d 4.1 §11.4.3)  value=0x800000000000080e  qi  dt  ir  undefined_bits=0x8000000000000000 (set, though VT-d 4.1 defines no field there)
[exit 0]
$ iommutool decode --vtd-cap 12zz
! iommutool decode: '12zz' is not a hexadecimal register value
! Try `iommutool decode --help' or `iommutool decode --usage' for more
! information.
[exit 64]
$ iommutool decode --vtd-cap 1 $SHARED/corpus/templates/dmar.aml
! iommutool decode: --vtd-cap and --vtd-ecap decode register values, not FILEs
! Try `iommutool decode --help' or `iommutool decode --usage' for more
! information.
[exit 64]
