# soan - build, test, benchmark.
#
#   make            build ./soan (installs missing Debian packages first, as root)
#   make demo       build, then run the main job on corpus/ into out/
#   make check      build and run every test, then again under ASan+UBSan
#   make bench      print throughput figures beside other tools
#   make fuzz       build the libFuzzer harnesses with clang and run each briefly
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

PKGS = libxml-2.0 libxslt libzip libpcre2-8 libutf8proc fontconfig poppler-glib cairo-pdf
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lm

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

# Library sources: every .c in extract/ and generate/ except the CLI
# commands' own files are in the library too (they are small and tests
# call them in-process through soan_main()).  Wildcards rather than lists
# so that parallel work on separate readers and writers does not collide.
LIB_SRC = $(sort $(wildcard extract/*.c generate/*.c))
LIB_OBJ = $(LIB_SRC:%.c=$(B)/%.o)
LIB = $(B)/libsoan.a

UNIT_SRC = $(sort $(wildcard tests/unit/t_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

all: deps-build $(B)/soan soan

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(B)/soan: $(B)/soan.o $(LIB)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS_ALL) -o $@ $< $(LIB) $(PKG_LIBS)

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

tests: $(UNIT_BIN) $(TOOL_BIN)

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
# UBSan in its own build folder.  VALGRIND=1 runs the suite under valgrind.
check: deps-test
	$(Q)$(MAKE) --no-print-directory check-run
ifeq ($(SANITIZE)$(VALGRIND)$(NO_SANITIZER_PASS),)
	$(Q)$(MAKE) --no-print-directory check-run B=build-san SANITIZE=address,undefined OPT="-O1 -g"
endif

check-run: $(B)/soan tests
	$(Q)SOAN=$(B)/soan B=$(B) VALGRIND=$(VALGRIND) SANITIZE=$(SANITIZE) tests/run.sh

bench: all
	$(Q)tests/bench.sh ./soan

# ---- fuzzing -------------------------------------------------------------------
# Each tests/fuzz/fuzz_NAME.c is linked with the library sources by clang
# with libFuzzer and ASan into build-fuzz/fuzz_NAME, then run briefly
# (FUZZ_TIME seconds, niced) on its seeds in tests/fuzz/seeds_NAME/.
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_TIME ?= 30
fuzz: deps-test
	@mkdir -p build-fuzz
	$(Q)for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
		echo "  FUZZ    $$n"; \
		clang -std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -I. $(PKG_CFLAGS) \
			-DSOAN_PREFIX='"$(PREFIX)"' -Dmain=soan_cli_main -o build-fuzz/$$n $$f soan.c $(LIB_SRC) \
			$(PKG_LIBS) || exit 1; \
		mkdir -p build-fuzz/$$n.corpus; \
		nice build-fuzz/$$n -max_total_time=$(FUZZ_TIME) -max_len=200000 -rss_limit_mb=2048 \
			build-fuzz/$$n.corpus $$( [ -d tests/fuzz/seeds_$${n#fuzz_} ] && echo tests/fuzz/seeds_$${n#fuzz_} ) \
			|| exit 1; \
	done

# ---- developer targets ---------------------------------------------------------
# Legacy Vietnamese encodings: extract/encoding.inc is generated from the
# tables in extract/encodings/ and committed; the normal build never runs
# the script.  Rebuild it after editing a table.
encoding-tables:
	$(Q)python3 extract/encodings/mkinc.py >extract/encoding.inc.tmp-$$$$ && \
		mv extract/encoding.inc.tmp-$$$$ extract/encoding.inc

lint:
	$(Q)clang-format --dry-run --Werror soan.c soan.h extract/*.[ch] generate/*.[ch] tests/unit/*.c

format:
	$(Q)clang-format -i soan.c soan.h extract/*.[ch] generate/*.[ch] tests/unit/*.c

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/soan/extract \
		$(DESTDIR)$(PREFIX)/share/soan/templates $(DESTDIR)$(PREFIX)/share/soan/generate \
		$(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(B)/soan $(DESTDIR)$(PREFIX)/bin/soan
	install -m 644 extract/*.rng $(DESTDIR)$(PREFIX)/share/soan/extract/
	-install -m 644 extract/*.tsv $(DESTDIR)$(PREFIX)/share/soan/extract/ 2>/dev/null
	-install -m 644 generate/*.rng generate/*.tsv $(DESTDIR)$(PREFIX)/share/soan/generate/ 2>/dev/null
	-install -m 644 templates/*.xsl $(DESTDIR)$(PREFIX)/share/soan/templates/ 2>/dev/null
	-install -m 644 soan.1 $(DESTDIR)$(PREFIX)/share/man/man1/ 2>/dev/null

clean:
	rm -rf build build-san build-valgrind build-fuzz soan out

.PHONY: all deps deps-build deps-test demo check check-run tests bench fuzz lint format install clean \
	encoding-tables

-include $(LIB_OBJ:.o=.d) $(B)/soan.d
