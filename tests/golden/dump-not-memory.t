# A --dump of no known format is read as a raw image only when it looks like memory (not
# empty, not text nor another file type, a whole number of pages); otherwise exit 65 says what
# the file looks like.  --base reads any file as a raw image.
$ cd $TMP && : >empty && iommutool translate --dump empty --rtaddr 0x1000 -d 00:02.0 0x1000
! iommutool: cannot read the dump 'empty': the file is empty
[exit 65]
$ cd $TMP && printf 'Hello, this is a README\nwith two lines\n' >readme && iommutool walk --dump readme --rtaddr 0x1000
! iommutool: cannot read the dump 'readme': the file is text, not a memory dump
[exit 65]
$ cd $TMP && { printf '\211PNG\r\n\032\n\0\0\0\rIHDR'; head -c 4080 /dev/zero; } >pic.png && iommutool translate --dump pic.png --rtaddr 0x1000 -d 00:02.0 0x1000
! iommutool: cannot read the dump 'pic.png': the file is a PNG image, not a memory dump
[exit 65]
$ cd $TMP && { printf '\0\1\2\3'; head -c 5000 /dev/zero; } >odd && iommutool walk --dump odd --rtaddr 0x1000
! iommutool: cannot read the dump 'odd': the file is of no known dump format, and not a whole number of pages as a raw memory image is (give --base to read it as one)
[exit 65]
$ cd $TMP && head -c 8192 /dev/zero >zeros && iommutool walk --dump zeros --rtaddr 0x1000
dump zeros (raw, 1 range)
root table 0x1000, legacy mode
no context entry is present
[exit 0]
$ cd $TMP && { printf '\0\1\2\3'; head -c 5000 /dev/zero; } >odd && iommutool walk --dump odd --base 0 --rtaddr 0x1000
dump odd (raw, 1 range)
root table 0x1000, legacy mode
! iommutool: the root table at 0x1000 is not in the dump
[exit 1]
