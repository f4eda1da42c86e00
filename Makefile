# gipr: a loadable SQLite extension reading government information-disclosure annual reports.
#
#   make          build ./gipr.so
#   make demo     run sql-examples/ on the bundled sample reports
#   make test     install what is missing, build, run every test; again under ASan+UBSan
#   make bench    benchmarks, as ratios against baselines run in the same process tree
#   make fuzz     build the fuzz harness (clang/libFuzzer)

SHELL := /bin/bash
CC ?= cc
PYTHON := /usr/bin/python3
SQLITE3 := /usr/bin/sqlite3
MODE ?= release
BUILD ?= build/$(MODE)

# Debian packages the build and the tests need (installed by `make deps` when missing).
DEB_PACKAGES := gcc make pkg-config sqlite3 libsqlite3-dev libcmocka-dev libxml2-dev \
                python3 valgrind sqlite-utils

PKGS := libxml-2.0
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN := -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
CFLAGS_release := -O2 -g
CFLAGS_asan := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS_asan := -fsanitize=address,undefined
CFLAGS := -std=c11 -D_GNU_SOURCE -fPIC $(WARN) $(CFLAGS_$(MODE)) $(PKG_CFLAGS)
LDLIBS := $(PKG_LIBS) -lm

CORE_SRC := $(sort $(wildcard core/*.c))
EXT_SRC := $(sort $(wildcard ext/*.c))
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o)
EXT_OBJ := $(EXT_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HEADERS := $(wildcard core/*.h core/*.def ext/*.h)

SO := $(if $(filter build/release,$(BUILD)),gipr.so,$(BUILD)/gipr.so)

.PHONY: all deps demo test test-one unit sql python valgrind bench fuzz clean
all: $(SO)

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/libgipr.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(SO): $(EXT_OBJ) $(BUILD)/libgipr.a
	$(CC) -shared $(LDFLAGS_$(MODE)) -o $@ $(EXT_OBJ) $(BUILD)/libgipr.a $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libgipr.a tests/unit/testutil.h $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Icore -o $@ $< $(BUILD)/libgipr.a $(LDFLAGS_$(MODE)) $(LDLIBS) -lcmocka

# Install what a fresh Debian 12 lacks (as root; sudo when not root).
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

demo: deps
	@$(MAKE) --no-print-directory all
	@tests/sql/demo.sh ./gipr.so

# One mode's whole suite: unit tests, then the SQL tests through the shell and Python.
test-one: $(SO) $(UNIT_BIN)
	@tests/run_unit.sh $(BUILD)/tests $(MODE)
	@tests/sql/run.sh $(SO) $(MODE)
	@tests/python/run.sh $(SO) $(MODE)

test: deps
	@$(MAKE) --no-print-directory MODE=release test-one
	@$(MAKE) --no-print-directory MODE=asan test-one
	@$(MAKE) --no-print-directory MODE=release valgrind

valgrind: $(SO) $(UNIT_BIN)
	@tests/run_valgrind.sh $(BUILD)/tests
	@tests/sql/run.sh $(SO) valgrind

bench: deps
	@$(MAKE) --no-print-directory all
	@bench/run.sh ./gipr.so

fuzz:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="clang libclang-rt-14-dev $(DEB_PACKAGES)"
	@$(MAKE) --no-print-directory -C fuzz

clean:
	rm -rf build gipr.so
