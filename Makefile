# soan - build, test, benchmark.
#
#   make            build ./soan (installs missing Debian packages first, as root)
#   make demo       build, then run the main job on corpus/ into out/
#   make test       the fast tier for the edit loop: every test once, without
#                   LibreOffice, FOP or the sanitizer and valgrind passes
#   make check      build and run every test, then again under ASan+UBSan
#   make bench      print throughput figures beside other tools
#   make fuzz       build the libFuzzer harnesses with clang and run each briefly
#   make fuzz-cov   line coverage each fuzz corpus reaches
#   make robustness soan under ASan+UBSan over other projects' test files
#   make lint / format / install / clean
#
# Knobs: B=build dir, SANITIZE=address,undefined, VALGRIND=1, V=1,
# WERROR=1 (CI), PREFIX=/usr/local, DESTDIR=.  Local settings: config.mak.

B ?= build
PREFIX ?= /usr/local
CC ?= cc
-include config.mak

ifeq ($(V),)
Q = @
else
Q =
endif

CORE_PKGS = libxml-2.0 libxslt libzip libpcre2-8 libutf8proc fontconfig
PDF_PKGS = poppler-glib cairo-pdf
PKGS = $(CORE_PKGS) $(PDF_PKGS)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lm
CORE_LIBS = $(shell pkg-config --libs $(CORE_PKGS) 2>/dev/null) -lhpdf -lm -ldl
PDF_LIBS = $(shell pkg-config --libs $(PDF_PKGS) 2>/dev/null)

WARN = -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes -Wold-style-definition \
       -Wvla -Wpointer-arith -Wformat=2 -Wno-format-nonliteral -Wshadow=local \
       -Wno-unused-parameter
ifneq ($(WERROR),)
WARN += -Werror
endif
OPT ?= -O2 -g
CFLAGS_ALL = -std=c11 -D_GNU_SOURCE $(OPT) $(WARN) -I. $(PKG_CFLAGS) \
	-DSOAN_PREFIX='"$(PREFIX)"' -MMD -MP $(CFLAGS)
LDFLAGS_ALL = $(LDFLAGS)

ifneq ($(SANITIZE),)
CFLAGS_ALL += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS_ALL += -fsanitize=$(SANITIZE)
endif

# Library sources: every .c of the stage folders below (the README's
# Layout section says what each holds).  The command line (cli/) is in the
# library too, so that tests and fuzzers run it in-process through
# soan_main(); soan.c is only main().  Wildcards per folder rather than
# file lists, so that parallel work on separate pieces does not collide.
SRC_DIRS = cli extract extract/base extract/read extract/read/text extract/read/docx \
	extract/read/pdf extract/recognize extract/plan generate generate/layout generate/pdf \
	generate/docx generate/transform
ALL_SRC = $(sort $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.c)))
ALL_HDR = $(sort $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.h)))
LIB_SRC = $(filter-out extract/read/pdf/pdf_plugin.c,$(ALL_SRC))
LIB_OBJ = $(LIB_SRC:%.c=$(B)/%.o)
LIB = $(B)/libsoan.a
# The program reads PDF through a plugin, $(B)/soan-pdf.so (read_pdf.c on
# poppler-glib and cairo), so that it does not load those ~40 libraries
# on every start (extract/read/pdf/pdf_plugin.c says more).  The program holds
# every other library object, exported (-rdynamic) for the plugin.
EXE_OBJ = $(B)/soan.o $(B)/extract/read/pdf/pdf_plugin.o \
	$(filter-out $(B)/extract/read/pdf/read_pdf.o,$(LIB_OBJ))
PLUGIN = $(B)/soan-pdf.so

UNIT_SRC = $(sort $(wildcard tests/unit/t_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
# libFuzzer harnesses (see "fuzzing" below); make check replays their
# regression inputs through $(B)/fuzz/replay_NAME.
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES = $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
REPLAY_BIN = $(FUZZ_NAMES:%=$(B)/fuzz/replay_%)

# The packages go in first, then a second make reads pkg-config's flags and
# builds: so make -j on a fresh machine never compiles before the headers
# are there.
all: deps-build
	$(Q)$(MAKE) --no-print-directory programs
programs: $(B)/soan $(PLUGIN) soan

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

# the plugin comes with the program (tests run $(B)/soan), but a change
# to it does not relink the program
$(B)/soan: $(EXE_OBJ) | $(PLUGIN)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS_ALL) -rdynamic -o $@ $(EXE_OBJ) $(CORE_LIBS)

$(B)/pic/read_pdf.o: extract/read/pdf/read_pdf.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $< (plugin)")
	$(Q)$(CC) $(CFLAGS_ALL) -fPIC -Dread_pdf=soan_pdf_plugin_read -c -o $@ $<

$(PLUGIN): $(B)/pic/read_pdf.o
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS_ALL) -shared -o $@ $< $(PDF_LIBS)

# ./soan at the top of the tree is a link to the default build.
soan: $(B)/soan
	$(Q)[ "$(B)" = build ] && ln -sf build/soan soan || true

$(B)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB) $(PKG_LIBS) -lcmocka $(LDFLAGS_ALL)

# Tests-only programs (not unit tests): tests/tools/NAME.c -> $(B)/tests/NAME
TOOL_SRC = $(sort $(wildcard tests/tools/*.c))
TOOL_BIN = $(TOOL_SRC:tests/tools/%.c=$(B)/tests/%)

$(B)/tests/%: tests/tools/%.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB) $(PKG_LIBS) $(LDFLAGS_ALL)

tests: $(UNIT_BIN) $(TOOL_BIN) $(REPLAY_BIN) $(B)/inject/failio.so

# ---- Debian packages -------------------------------------------------------
# Installed only when missing (apt-get as root); quiet when all are there.
BUILD_DEBS = gcc make pkg-config libxml2-dev libxslt1-dev libzip-dev libpcre2-dev \
	libhpdf-dev libutf8proc-dev libfontconfig-dev fonts-liberation2 libpoppler-glib-dev libcairo2-dev
TEST_DEBS = libcmocka-dev jing libxml2-utils xsltproc poppler-utils qpdf valgrind \
	python3-docx python3-pdfminer pandoc libreoffice-writer fop clang

define install_missing
	@missing=$$(for p in $(1); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" != 0 ]; then \
			echo "soan: missing Debian packages:" $$missing "(run make deps as root)" >&2; exit 3; \
		fi; \
		echo "  APT     $$(echo $$missing)"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq >/dev/null && \
		apt-get install -y -qq $$missing >/dev/null 2>&1 || \
		{ echo "soan: apt-get install failed for:" $$missing >&2; exit 3; }; \
	fi
endef

deps-build:
	$(call install_missing,$(BUILD_DEBS))

deps-test: deps-build
	$(call install_missing,$(TEST_DEBS))

deps: deps-test

# ---- the main job ------------------------------------------------------------
demo: all
	$(Q)tests/demo.sh ./soan corpus out

# ---- tests -------------------------------------------------------------------
# One pass with the normal build, then the whole suite again under ASan and
# UBSan in its own build folder, then the tests of VALGRIND_CHECK under
# valgrind (every corpus document in every format through extract, every
# fuzz seed and regression input through each harness, the transforms'
# unit tests): the part of VALGRIND=1 (the whole suite under valgrind,
# 67 minutes on a busy 2-core machine) that CI can afford.
# NO_SANITIZER_PASS=1 skips both.
VALGRIND_CHECK = t0100-corpus t0255-doctype t0260-fuzz-replay t_rollover t_report t_fo t_docx_text t_encoding
check: deps-test
	$(Q)$(MAKE) --no-print-directory check-run
ifeq ($(SANITIZE)$(VALGRIND)$(NO_SANITIZER_PASS),)
	$(Q)$(MAKE) --no-print-directory check-run B=build-san SANITIZE=address,undefined OPT="-O1 -g"
	$(Q)$(MAKE) --no-print-directory check-run VALGRIND=1 TESTS="$(VALGRIND_CHECK)"
endif

# The fast tier: the normal build only, and the checks that start
# LibreOffice or FOP left out (SOAN_NO_EXTERNAL); make check runs them.
test: deps-test
	$(Q)$(MAKE) --no-print-directory check-run SOAN_NO_EXTERNAL=1

check-run: $(B)/soan tests
	$(Q)SOAN=$(B)/soan B=$(B) VALGRIND=$(VALGRIND) SANITIZE=$(SANITIZE) TESTS="$(TESTS)" \
		SOAN_NO_EXTERNAL=$(SOAN_NO_EXTERNAL) tests/run.sh

bench: all
	$(Q)tests/bench.sh ./soan

# ---- other projects' test files ---------------------------------------------
# make robustness: the ASan+UBSan build (build-san, as make check's second
# pass) runs extract over every file in ROBUSTNESS_DIR, and generate (DOCX
# and PDF) over what extracted, each under a time and a memory limit; it
# prints a table per source and fails only on findings (sanitizer reports,
# timeouts, crashes, exits other than 0 and 1, a refusal not in one line),
# never on files refused with one line.  The files are other projects'
# test suites (pandoc, python-docx, mammoth, pdf.js, qpdf), kept outside
# the repository: tests/robustness/gather.sh copies them from local git
# mirrors, and MANIFEST.tsv says where each came from.  Results in
# build-san/robustness/.  Knobs: ROBUSTNESS_JOBS (default 2).
ROBUSTNESS_DIR ?= /work/robustness-files
ROBUSTNESS_JOBS ?= 2
robustness: deps-build
	$(call install_missing,time)
	$(Q)$(MAKE) --no-print-directory programs B=build-san SANITIZE=address,undefined OPT="-O1 -g"
	$(Q)JOBS=$(ROBUSTNESS_JOBS) tests/robustness/run.sh build-san/soan "$(ROBUSTNESS_DIR)" build-san/robustness

# ---- fuzzing -------------------------------------------------------------------
# Each tests/fuzz/fuzz_NAME.c is a libFuzzer harness.  make fuzz builds the
# library once with clang, libFuzzer's coverage, ASan and UBSan into
# build-fuzz/, links every harness, and runs each of FUZZ (default: all)
# for FUZZ_TIME seconds at nice 19 on its corpus build-fuzz/NAME.corpus,
# seeded by tests/fuzz/seeds.sh from corpus/ and tests/.  Crashes, leaks
# and timeouts land in build-fuzz/NAME.crash-*; each one found becomes a
# file in tests/fuzz/regress/NAME/ that make check replays.
#   make fuzz FUZZ="text md" FUZZ_TIME=600 FUZZ_FLAGS=-runs=1000000
# Longer campaigns, harness after harness to a number of executions, with
# a line each in build-fuzz/campaign.log: tests/fuzz/campaign.sh.
FUZZ_B = build-fuzz
FUZZ ?= $(FUZZ_NAMES)
FUZZ_TIME ?= 30
FUZZ_FLAGS ?=
FUZZ_CFLAGS = -std=c11 -D_GNU_SOURCE -O1 -g -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all -I. $(PKG_CFLAGS) \
	-DSOAN_PREFIX='"$(PREFIX)"' -MMD -MP
FUZZ_LIB = $(FUZZ_B)/libsoan.a
# Some loops compare on every byte or pixel without steering anything the
# fuzzer could aim at, and tracing those comparisons cost more than the
# code itself: the pixel loops of the PDF ruling-line scan (over half of
# fuzz_pdf's time), the encoding detector's scoring of every candidate
# encoding and the byte buffer's bounds checks (about half of fuzz_text's),
# and the attribute count xmlsafe.c makes before parsing (an eighth of
# fuzz_docx's).  Their edges are still counted and still sanitized.
FUZZ_NOCMP = extract/read/pdf/read_pdf.c extract/read/pdf/pdf_rules.c extract/read/encoding.c extract/base/buf.c \
	extract/base/xmlsafe.c
$(FUZZ_NOCMP:%.c=$(FUZZ_B)/%.o): FUZZ_COV = -fno-sanitize-coverage=trace-cmp

$(FUZZ_B)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CLANG   $<")
	$(Q)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(FUZZ_COV) -c -o $@ $<

$(FUZZ_LIB): $(LIB_SRC:%.c=$(FUZZ_B)/%.o)
	$(Q)rm -f $@ && ar rcs $@ $^

$(FUZZ_B)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB)
	@$(if $(Q),echo "  FUZZLD  $@")
	$(Q)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB) $(PKG_LIBS)

fuzz-build: deps-test
	$(Q)$(MAKE) --no-print-directory fuzz-programs
fuzz-programs: $(FUZZ_NAMES:%=$(FUZZ_B)/fuzz_%)

fuzz: fuzz-build
	$(Q)for n in $(FUZZ); do \
		echo "  FUZZ    $$n ($(FUZZ_TIME) s)"; \
		tests/fuzz/seeds.sh $$n $(FUZZ_B)/$$n.seeds || exit 1; \
		mkdir -p $(FUZZ_B)/$$n.corpus; \
		nice -n 19 $(FUZZ_B)/fuzz_$$n -max_total_time=$(FUZZ_TIME) -timeout=30 \
			-rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_B)/$$n. $(FUZZ_FLAGS) \
			$(FUZZ_B)/$$n.corpus $(FUZZ_B)/$$n.seeds || exit 1; \
	done

# The harnesses built with the normal compiler and a small main()
# (tests/fuzz/replay.c) that feeds them files: make check replays
# tests/fuzz/regress/NAME/* through them, under ASan+UBSan and valgrind
# in those passes.
$(B)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< tests/fuzz/replay.c $(LIB) $(PKG_LIBS) $(LDFLAGS_ALL)

# make fuzz-cov: line coverage of what each corpus reaches, measured with
# the harnesses built by clang with source-based coverage and run over
# build-fuzz/NAME.corpus by replay.c; prints llvm-cov's summary per file.
COV_B = build-fuzz-cov
COV_CFLAGS = -std=c11 -D_GNU_SOURCE -O0 -g -fprofile-instr-generate -fcoverage-mapping -I. \
	$(PKG_CFLAGS) -DSOAN_PREFIX='"$(PREFIX)"' -MMD -MP

$(COV_B)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  COV     $<")
	$(Q)clang $(COV_CFLAGS) -c -o $@ $<

$(COV_B)/libsoan.a: $(LIB_SRC:%.c=$(COV_B)/%.o)
	$(Q)rm -f $@ && ar rcs $@ $^

$(COV_B)/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(COV_B)/libsoan.a
	$(Q)clang $(COV_CFLAGS) -o $@ $< tests/fuzz/replay.c $(COV_B)/libsoan.a $(PKG_LIBS)

fuzz-cov: deps-test
	$(Q)$(MAKE) --no-print-directory fuzz-cov-run
fuzz-cov-run: $(FUZZ:%=$(COV_B)/replay_%)
	$(Q)for n in $(FUZZ); do \
		[ -d $(FUZZ_B)/$$n.corpus ] || continue; \
		echo "  COVER   $$n: $$(ls $(FUZZ_B)/$$n.corpus | wc -l) inputs"; \
		rm -f $(COV_B)/$$n.profraw; \
		LLVM_PROFILE_FILE=$(COV_B)/$$n.profraw $(COV_B)/replay_$$n $(FUZZ_B)/$$n.corpus 2>/dev/null; \
		llvm-profdata merge -o $(COV_B)/$$n.profdata $(COV_B)/$$n.profraw && \
		llvm-cov report $(COV_B)/replay_$$n -instr-profile=$(COV_B)/$$n.profdata $(LIB_SRC) \
			| awk 'NR == 1 { printf "%-24s %8s %8s %8s %9s\n", "file", "lines", "missed", "cover", "branches" } \
				NF >= 13 && $$1 != "Filename" && ($$1 == "TOTAL" || $$10 != "0.00%") \
				{ printf "%-24s %8s %8s %8s %9s\n", $$1, $$8, $$9, $$10, $$13 }'; \
	done

# ---- failure injection -------------------------------------------------------
# tests/inject/failio.c: an LD_PRELOAD shim that makes write, fsync, close
# or rename fail (tests/cli/t0270-failio.sh).  Built without the
# sanitizers: it must load before them and only forwards calls.
INJECT_SO = $(B)/inject/failio.so

$(INJECT_SO): tests/inject/failio.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) -std=c11 -O2 -g $(WARN) -fPIC -shared -o $@ $< -ldl

# ---- developer targets ---------------------------------------------------------
# Legacy Vietnamese encodings: extract/read/encoding.inc is generated from the
# tables in extract/read/encodings/ and committed; the normal build never runs
# the script.  Rebuild it after editing a table.
encoding-tables:
	$(Q)python3 extract/read/encodings/mkinc.py >extract/read/encoding.inc.tmp-$$$$ && \
		mv extract/read/encoding.inc.tmp-$$$$ extract/read/encoding.inc

lint:
	$(Q)clang-format --dry-run --Werror soan.c soan.h $(ALL_SRC) $(ALL_HDR) tests/unit/*.c

format:
	$(Q)clang-format -i soan.c soan.h $(ALL_SRC) $(ALL_HDR) tests/unit/*.c

# The files soan reads at run time, found relative to the program or
# under PREFIX/share/soan (extract/base/paths.c).
DATA = extract/plan/plan.rng generate/layout/layout.rng generate/transform/renames.tsv \
	$(wildcard templates/*.xsl)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/soan $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(B)/soan $(DESTDIR)$(PREFIX)/bin/soan
	install -m 755 $(PLUGIN) $(DESTDIR)$(PREFIX)/lib/soan/soan-pdf.so
	for f in $(DATA); do \
		install -D -m 644 $$f $(DESTDIR)$(PREFIX)/share/soan/$$f || exit 1; \
	done
	install -m 644 soan.1 $(DESTDIR)$(PREFIX)/share/man/man1/

clean:
	rm -rf build build-san build-valgrind build-fuzz build-fuzz-cov soan out

.PHONY: all test programs fuzz-programs fuzz-cov-run deps deps-build deps-test demo check check-run tests bench fuzz fuzz-build fuzz-cov lint format install \
	robustness \
	clean encoding-tables

-include $(LIB_OBJ:.o=.d) $(B)/soan.d $(wildcard $(B)/fuzz/*.d) $(wildcard $(FUZZ_B)/*.d $(FUZZ_B)/*/*.d)
