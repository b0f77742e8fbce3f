# iommutool: `make` builds, `make run` runs it here, `make check` tests it.
# Both install missing Debian build dependencies first (tools/install-deps).

VERSION := 0.1.0
SOVERSION := 0

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
DESTDIR ?=

PKG_CONFIG ?= pkg-config
PKGS := libpci libudev json-c libkdumpfile libaddrxlat libbpf zlib

# SANITIZE=1 builds with AddressSanitizer and UndefinedBehaviorSanitizer into build/san.
# FUZZ=1 (set by `make fuzz`, fuzz/fuzz.mk) adds libFuzzer's coverage and builds with clang.
ifeq ($(SANITIZE),1)
O ?= build/san
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else ifeq ($(FUZZ),1)
O ?= build/libfuzzer
CC := clang
SANFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
else
O ?= build
SANFLAGS :=
endif

WARNINGS := -Wall -Wextra -Wshadow -Wformat=2 -Wformat-nonliteral -Wstrict-prototypes \
	-Wmissing-prototypes -Wold-style-definition -Wpointer-arith -Wvla -Wundef \
	-Wcast-align -Wwrite-strings -Wnull-dereference -Wno-missing-field-initializers
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif

CFLAGS ?= -O2 -g
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS := -std=gnu11 -D_GNU_SOURCE -DVERSION='"$(VERSION)"' -fPIC -fvisibility=hidden \
	-Ilib $(WARNINGS) $(SANFLAGS) $(CFLAGS) $(PKG_CFLAGS)
ALL_LDFLAGS := $(SANFLAGS) $(LDFLAGS)

LIB_SRCS := $(sort $(wildcard lib/*.c lib/*/*.c))
CLI_SRCS := $(sort $(wildcard cli/*.c))
UNIT_SRCS := $(sort $(wildcard tests/unit/test-*.c))
TOOL_SRCS := $(sort $(wildcard tests/tools/*.c))

LIB_OBJS := $(LIB_SRCS:%.c=$(O)/%.o)
CLI_OBJS := $(CLI_SRCS:%.c=$(O)/%.o)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(O)/tests/%)
TOOL_BINS := $(TOOL_SRCS:tests/tools/%.c=$(O)/tests/%)

SONAME := libiommu.so.$(SOVERSION)
LIB_SHARED := $(O)/libiommu.so.$(VERSION)
LIB_STATIC := $(O)/libiommu.a
BIN := $(O)/iommutool
EXAMPLES := $(patsubst examples/%.c,$(O)/examples/%,$(sort $(wildcard examples/*.c)))

# Quiet build lines ("CC lib/acpi/dmar-decode.c"); V=1 shows the commands.
ifeq ($(V),1)
Q :=
say := @true
else
Q := @
say := @printf '  %-6s %s\n'
endif

.PHONY: all deps run check check-sanitize check-valgrind install uninstall clean bench fuzz

all: deps-checked $(BIN) $(LIB_SHARED) $(O)/libiommu.so $(EXAMPLES) $(UNIT_BINS) $(TOOL_BINS) \
	lib/libiommu.pc iommutool

# The build needs the -dev packages; say so plainly instead of failing on a header.
.PHONY: deps-checked
deps-checked:
	@$(PKG_CONFIG) --exists $(PKGS) || { echo "missing build dependencies: run 'make deps' (or make run / make check, which do it)" >&2; exit 1; }

deps:
	@./tools/install-deps

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(LIB_STATIC): $(LIB_OBJS)
	@rm -f $@
	$(say) AR $@
	$(Q)$(AR) rcs $@ $^

$(LIB_SHARED): $(LIB_OBJS) lib/libiommu.sym
	$(say) LD $@
	$(Q)$(CC) $(ALL_LDFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=lib/libiommu.sym \
		-Wl,--no-undefined -o $@ $(LIB_OBJS) $(PKG_LIBS)

$(O)/libiommu.so: $(LIB_SHARED)
	@ln -sf libiommu.so.$(VERSION) $(O)/$(SONAME)
	@ln -sf $(SONAME) $@

# The command links the archive: it is one self-contained binary.
$(BIN): $(CLI_OBJS) $(LIB_STATIC)
	$(say) LD $@
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJS) $(LIB_STATIC) $(PKG_LIBS)

iommutool: $(BIN)
	@[ "$(O)" = build ] && cp $(BIN) $@ || true

# The examples use only the public header and the shared library.
$(O)/examples/%: examples/%.c lib/libiommu.h $(O)/libiommu.so
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< -L$(O) -liommu -Wl,-rpath,'$$ORIGIN/..'

# The image builders are headers the unit tests and tools include.
TOOL_HDRS := $(wildcard tests/tools/*.h)

$(O)/tests/%: tests/unit/%.c tests/unit/unit.h $(TOOL_HDRS) $(LIB_STATIC)
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(LIB_STATIC) $(PKG_LIBS)

# The output layer's tests link its objects too.
OUTPUT_OBJS := $(O)/cli/output.o $(O)/cli/output-prometheus.o
$(O)/tests/test-output: tests/unit/test-output.c tests/unit/unit.h $(OUTPUT_OBJS) $(LIB_STATIC)
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit -Icli -o $@ $< $(OUTPUT_OBJS) $(LIB_STATIC) $(PKG_LIBS)

$(O)/tests/%: tests/tools/%.c $(TOOL_HDRS) $(LIB_STATIC)
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_STATIC) $(PKG_LIBS)

# `make bench`: the walker's speed against a bare loop over the same tables (not part of check).
BENCH_BINS := $(patsubst tests/bench/%.c,$(O)/bench/%,$(sort $(wildcard tests/bench/*.c)))
$(O)/bench/%: tests/bench/%.c tests/tools/mkimage.h $(LIB_STATIC)
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_STATIC) $(PKG_LIBS)

bench: deps-checked $(BENCH_BINS) $(BIN)
	@for b in $(BENCH_BINS); do echo "== $$b"; $$b || exit 1; done
	@for s in tests/bench/*.sh; do echo "== $$s"; IOMMUTOOL=$(BIN) $$s || exit 1; done

lib/libiommu.pc: lib/libiommu.pc.in Makefile
	@sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
	    -e 's|@VERSION@|$(VERSION)|' -e 's|@REQUIRES@|$(PKGS)|' $< > $@

# `make run`: set up, build, and tell what this machine's IOMMU is doing.
# A machine without an IOMMU is a normal answer, so the verdict's exit code is shown, not failed on.
run: deps
	@$(MAKE) --no-print-directory all
	@./iommutool status; code=$$?; echo "(iommutool exited with $$code: see iommutool-status(1), EXIT STATUS)"

check: deps
	@$(MAKE) --no-print-directory all
	@O=$(O) tests/run

check-sanitize: deps
	@$(MAKE) --no-print-directory SANITIZE=1 all
	@O=build/san ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 tests/run

check-valgrind: deps
	@WITH_VALGRIND=1 ./tools/install-deps
	@$(MAKE) --no-print-directory all
	@O=$(O) VALGRIND=1 tests/run

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
		$(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/iommutool
	install -m 755 $(LIB_SHARED) $(DESTDIR)$(LIBDIR)/
	ln -sf libiommu.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libiommu.so
	install -m 644 $(LIB_STATIC) $(DESTDIR)$(LIBDIR)/
	install -m 644 lib/libiommu.h $(DESTDIR)$(INCLUDEDIR)/
	install -m 644 lib/libiommu.pc $(DESTDIR)$(PKGCONFIGDIR)/
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 man/*.3 $(DESTDIR)$(MANDIR)/man3/
	install -m 644 completions/iommutool.bash $(DESTDIR)$(BASHCOMPDIR)/iommutool
	install -m 644 completions/_iommutool $(DESTDIR)$(ZSHCOMPDIR)/_iommutool

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/iommutool $(DESTDIR)$(LIBDIR)/libiommu.* \
		$(DESTDIR)$(INCLUDEDIR)/libiommu.h $(DESTDIR)$(PKGCONFIGDIR)/libiommu.pc \
		$(DESTDIR)$(BASHCOMPDIR)/iommutool $(DESTDIR)$(ZSHCOMPDIR)/_iommutool
	cd man && for m in *.1; do rm -f $(DESTDIR)$(MANDIR)/man1/$$m; done
	cd man && for m in *.3; do rm -f $(DESTDIR)$(MANDIR)/man3/$$m; done

clean:
	rm -rf build iommutool lib/libiommu.pc tests/out

-include $(LIB_OBJS:.o=.d) $(CLI_OBJS:.o=.d)

include fuzz/fuzz.mk
