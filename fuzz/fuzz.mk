# libFuzzer harnesses (fuzz/*.c), included by the Makefile.
#
#   make fuzz                      build them (clang, ASan + UBSan) and run each FUZZ_SECONDS
#   make fuzz FUZZ_SECONDS=600     longer; FUZZ_JOBS harnesses run at once (default: all cores)
#   make fuzz O=build/mine         another build directory (default build/libfuzzer)
#   make fuzz FUZZ_SKIP="a b"      every harness but these
#
# fuzz/table.c is built once per signature; fuzz/common.c goes into every harness.
# fuzz/run seeds each corpus (kept in $(FUZZ_O)/fuzz/corpus) and fails on any crash.

FUZZ_SECONDS ?= 60
FUZZ_O := $(if $(filter command line,$(origin O)),$(O),build/libfuzzer)
FUZZ_SIGNATURES := dmar iort ivrs viot
upper = $(shell printf %s '$(1)' | tr a-z A-Z)
FUZZ_SRCS := $(filter-out fuzz/common.c fuzz/table.c,$(sort $(wildcard fuzz/*.c)))
FUZZ_BINS := $(FUZZ_SRCS:fuzz/%.c=$(O)/fuzz/%) $(FUZZ_SIGNATURES:%=$(O)/fuzz/table-%)

.PHONY: fuzz fuzz-build
fuzz: deps
	@WITH_CLANG=1 ./tools/install-deps
	@$(MAKE) --no-print-directory FUZZ=1 O=$(FUZZ_O) fuzz-build
	@O=$(FUZZ_O) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_SKIP='$(FUZZ_SKIP)' fuzz/run

ifeq ($(FUZZ),1)
# mkimage builds the walker harnesses' seeds (fuzz/seeds.sh).
fuzz-build: deps-checked $(FUZZ_BINS) $(O)/tests/mkimage

$(O)/fuzz/%: fuzz/%.c fuzz/common.c fuzz/common.h $(LIB_STATIC)
	@mkdir -p $(dir $@)
	$(say) FUZZ $<
	$(Q)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -Ifuzz -o $@ $< fuzz/common.c $(LIB_STATIC) $(PKG_LIBS)

$(O)/fuzz/table-%: fuzz/table.c fuzz/common.c fuzz/common.h $(LIB_STATIC)
	@mkdir -p $(dir $@)
	$(say) FUZZ "$< ($*)"
	$(Q)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -Ifuzz \
		-DFUZZ_SIGNATURE='"$(call upper,$*)"' -DFUZZ_$(call upper,$*) \
		-o $@ $< fuzz/common.c $(LIB_STATIC) $(PKG_LIBS)
else
fuzz-build:
	@echo "fuzz-build needs FUZZ=1 (make fuzz does it)" >&2; exit 1
endif
