# A file that is not an ACPI table is not decoded as one: a Length past the file or a wrong
# checksum under a signature no ACPI table has is exit 65 naming the file, and a directory
# skips such a file with a note.  A known table cut short is still a truncated table.
$ cd $TMP && printf 'Hello, world: this is a plain text file, not a table.\n' >hello.txt && iommutool decode hello.txt
! iommutool: 'hello.txt', offset 0x0: not an ACPI table: no known table signature, and its Length is larger than the file
[exit 65]
$ cd $TMP && { printf 'ABCD\074\0\0\0'; head -c 52 /dev/zero; } >badsum && iommutool tables badsum
! iommutool: 'badsum', offset 0x0: not an ACPI table: no known table signature, and its checksum is wrong
[exit 65]
$ cd $TMP && { printf 'ABCD\074\0\0\0\001\271'; head -c 50 /dev/zero; } >goodsum && iommutool tables -a -o name,length,checksum goodsum
NAME  LENGTH  CHECKSUM
ABCD      60  ok
[exit 0]
$ cd $TMP && mkdir dir && printf 'Hello, world: this is a plain text file, not a table.\n' >dir/hello.txt && { printf 'DMAR\210\0\0\0\001'; head -c 39 /dev/zero; } >dir/DMAR && iommutool tables -o name,length,checksum dir
NAME  LENGTH  CHECKSUM
DMAR     136  truncated
! iommutool: 'dir/hello.txt': skipped: not an ACPI table: no known table signature, and its Length is larger than the file
! iommutool: 'dir/DMAR', offset 0: table DMAR is truncated: Length 136, 48 bytes present
[exit 1]
$ cd $TMP && mkdir other && printf 'Hello, world: this is a plain text file, not a table.\n' >other/hello.txt && iommutool decode other
! iommutool: 'other/hello.txt': skipped: not an ACPI table: no known table signature, and its Length is larger than the file
! iommutool: 'other': no ACPI tables in this directory
[exit 65]
