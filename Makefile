# The two commands a contributor needs:
#   make run    the main job: `chiso evaluate` on the embedded NQ57 catalogue and the bundled
#               sample (34 provinces, 17 ministries): ranking tables, the report, exports in out/
#   make test   installs whatever is missing, then runs every check CI runs
# Every target is safe to repeat; installers skip what is already there.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := test

VENV := $(CURDIR)/.venv
PY := $(VENV)/bin/python
WASM_TARGET := wasm32-unknown-unknown
# The CLI that post-processes the module must be the version the crate is locked to.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/version = "\(.*\)"/\1/p}' Cargo.lock)
WASM_PKG := bindings-wasm/pkg
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test setup setup-rust setup-python setup-node setup-browser \
	fmt-check clippy test-rust test-python wasm test-wasm test-browser bench-test bench schema \
	bench-national package-python types web bench-web setup-fuzz fuzz soak bench-store bench-history

run:
	cargo run --release -q -- evaluate --period 2026-Q3 --as-of 2026-10-15T00:00:00 --out out

test: setup fmt-check clippy test-rust test-python package-python test-wasm test-browser bench-test
	@echo "make test: every check passed"

# --- set-up -----------------------------------------------------------------------------
setup: setup-rust setup-python setup-node setup-browser

setup-rust:
	rustup target add $(WASM_TARGET)
	@if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)"; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

setup-python:
	@[ -x $(PY) ] || python3 -m venv $(VENV)
	$(PY) -m pip install -q -r bindings-python/requirements-dev.txt

setup-node:
	cd bindings-wasm && npm ci --no-audit --no-fund --loglevel=error

# Chromium for the browser tests, and Noto fonts so the form's Vietnamese renders as users see it.
setup-browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -d /usr/share/fonts/truetype/noto ]; then \
		$(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-core; \
	fi

# --- checks -----------------------------------------------------------------------------
fmt-check:
	cargo fmt --all --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p chiso -p chiso-wasm --target $(WASM_TARGET) -- -D warnings

# The stores' tests and the fault harness run PostgreSQL against a real server on loopback,
# installed (Debian's postgresql) and started by store/scripts/postgres-server.
test-rust:
	CHISO_REQUIRE_POSTGRES=1 CHISO_TEST_POSTGRES="$$(store/scripts/postgres-server)" \
		cargo test --workspace

test-python:
	cd bindings-python && VIRTUAL_ENV=$(VENV) $(VENV)/bin/maturin develop -q
	$(PY) -m pytest -q bindings-python/tests
	$(PY) -m pytest -q --doctest-modules --pyargs chiso
	cd bindings-python && $(PY) -m mypy.stubtest chiso._chiso && $(PY) -m mypy --strict python/chiso

# The browser package: the `wasm` profile, wasm-bindgen for the web and Node, then one
# `wasm-opt -O3` pass (both targets carry the same module) and the sizes against the budget.
WASM_OUT := target/$(WASM_TARGET)/wasm/chiso_wasm.wasm
wasm:
	cargo build -p chiso-wasm --target $(WASM_TARGET) --profile wasm
	wasm-bindgen --target nodejs --out-dir $(WASM_PKG)/node $(WASM_OUT)
	wasm-bindgen --target web --out-dir $(WASM_PKG)/web $(WASM_OUT)
	@# The web target types its raw exports (InitOutput) loosely; no `any` leaves the package.
	sed -i -E '/^    readonly /s/\bany\b/unknown/g' $(WASM_PKG)/web/chiso_wasm.d.ts
	echo '{"type": "module"}' > $(WASM_PKG)/web/package.json
	cd bindings-wasm && npx --no-install wasm-opt -O3 --strip-debug --strip-producers \
		--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
		pkg/web/chiso_wasm_bg.wasm -o pkg/web/chiso_wasm_bg.wasm
	cp $(WASM_PKG)/web/chiso_wasm_bg.wasm $(WASM_PKG)/node/chiso_wasm_bg.wasm
	@echo "wasm size: $$(stat -c %s $(WASM_PKG)/web/chiso_wasm_bg.wasm) bytes, $$(gzip -9c $(WASM_PKG)/web/chiso_wasm_bg.wasm | wc -c) gzipped (budget 600000 / 200000)"

# The TypeScript types of the package's objects: regenerated from the core's JSON Schema
# (`CHISO_BLESS=1 cargo test -p chiso-wasm --test types` writes bindings-wasm/types/schema.json).
types:
	cd bindings-wasm && npx --no-install json2ts --unreachableDefinitions --additionalProperties false \
		-i types/schema.json -o types/chiso.d.ts

test-wasm: wasm
	cd bindings-wasm && node --test tests/
	cd bindings-wasm && npx --no-install json2ts --unreachableDefinitions --additionalProperties false \
		-i types/schema.json | diff -q - types/chiso.d.ts > /dev/null \
		|| { echo "bindings-wasm/types/chiso.d.ts is stale: run make types"; exit 1; }
	@! grep -nE '(:|=>) any\b' $(WASM_PKG)/*/chiso_wasm.d.ts || { echo "an \`any\` in the declarations"; exit 1; }
	cd bindings-wasm && npx --no-install tsc -p tsconfig.json

test-browser: wasm
	cd bindings-wasm && node browser/run.mjs
	cd bindings-wasm && node browser/form.mjs

bench-test: wasm setup-python
	CHISO_TEST_POSTGRES="$$(store/scripts/postgres-server)" cargo test -p chiso-benches --benches
	node benches/js/formula.mjs --quick
	cargo build -q -p chiso-benches --bins
	$(PY) benches/python/national.py --quick --bin-dir target/debug
	target/debug/history 0.01x 1 > /dev/null   # a year of the smallest set: evaluates, chain intact

# --- other tasks ------------------------------------------------------------------------
# Ten years of 2.5 times the units of the national set (9,176 units, 123 million rows: the
# goal's "about 120 million"), evaluated quarter by quarter (BENCHMARKS.md, issue 19): about
# 30 minutes and 22 GB. `target/release/history 1x 10` is the 49-million-row run beside it.
bench-history:
	cargo build --release -p chiso-benches --bins
	target/release/history 2.5x 10

# The browser package's benches: one field checked in Chromium, and formulas under Node beside
# mathjs (BigNumber) and @dhis2/expression-parser.
bench-web: wasm
	cd bindings-wasm && node browser/bench.mjs
	node benches/js/formula.mjs

# The reporting web form (examples/web) served with the package, at
# http://127.0.0.1:8057/examples/web/index.html
web: wasm
	python3 -m http.server 8057 --bind 127.0.0.1 --directory .

bench:
	CHISO_TEST_POSTGRES="$$(store/scripts/postgres-server)" cargo bench -p chiso-benches

# One durable append at 10 thousand and 1 million entries on each store (BENCHMARKS.md).
bench-store:
	CHISO_TEST_POSTGRES="$$(store/scripts/postgres-server)" cargo bench -p chiso-benches --bench append

# The fault harness at length: 10,000 SIGKILLs of `chiso ledger append` per backend, and the
# 8 x 100 race, in release; the figures go to target/soak.log (recorded in SECURITY.md).
SOAK_KILLS ?= 10000
soak:
	CHISO_REQUIRE_POSTGRES=1 CHISO_TEST_POSTGRES="$$(store/scripts/postgres-server)" \
		CHISO_FAULT_KILLS=$(SOAK_KILLS) cargo test --release -p chiso-examples --test faults \
		-- --nocapture --test-threads 1 2>&1 | tee target/soak.log

# The fuzzers (cargo-fuzz, libFuzzer, nightly): each target for FUZZ_RUNS executions or
# FUZZ_SECONDS, whichever comes first, from its seeds, the crashes kept in fuzz/regressions
# and the corpus grown so far (fuzz/corpus, not committed). The targets are built once, then run
# as built, so editing the code meanwhile does not rebuild under a run. A crash stops it; minimise it
# (`cargo +nightly fuzz tmin -O TARGET ARTIFACT`), copy it into fuzz/regressions/TARGET/, and
# `cargo test -p chiso --test fuzz_replay` replays it on stable from then on.
FUZZ_TARGETS := formula catalogue period ledger filing field
FUZZ_RUNS ?= 10000000
FUZZ_SECONDS ?= 1500
FUZZ_TRIPLE := $(shell rustc -vV | sed -n 's/^host: //p')
setup-fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@cargo fuzz --version > /dev/null 2>&1 || cargo install cargo-fuzz --locked

fuzz: setup-fuzz
	cd fuzz && cargo +nightly fuzz build -O
	@mkdir -p target/fuzz
	cd fuzz && for t in $(FUZZ_TARGETS); do \
		mkdir -p corpus/$$t regressions/$$t artifacts/$$t; \
		case $$t in formula) dict=formula; max=4400;; field|period) dict=json; max=256;; *) dict=json; max=16384;; esac; \
		echo "fuzz $$t: up to $(FUZZ_RUNS) runs or $(FUZZ_SECONDS) s"; \
		target/$(FUZZ_TRIPLE)/release/$$t corpus/$$t seeds/$$t regressions/$$t \
			-runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECONDS) -max_len=$$max -dict=dict/$$dict.dict \
			-print_final_stats=1 -artifact_prefix=artifacts/$$t/ > ../target/fuzz/$$t.log 2>&1 \
			|| { tail -40 ../target/fuzz/$$t.log; exit 1; }; \
		grep -E '^Done [0-9]+ runs' ../target/fuzz/$$t.log || true; \
		grep -E '^#[0-9]+' ../target/fuzz/$$t.log | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9A-Za-z]+' || true; \
		grep -E 'stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' ../target/fuzz/$$t.log; \
	done

# The national quarter at 0.25x, 0.5x, 1x and 2x of 2.6M observations, side by side: native
# Rust, Python from a DataFrame, the pandas baseline (checked unit by unit), wasm under Node.
bench-national: setup-python wasm
	cargo build --release -p chiso-benches --bins
	cd bindings-python && VIRTUAL_ENV=$(VENV) $(VENV)/bin/maturin develop --release -q
	$(PY) benches/python/national.py

# The real packaging path: `pip install ./bindings-python` into a fresh virtualenv, then the
# package imported and used without pandas.
package-python:
	rm -rf target/pip-check && python3 -m venv target/pip-check
	target/pip-check/bin/pip install -q ./bindings-python
	target/pip-check/bin/python -c "import chiso, decimal; assert chiso.score('B05', decimal.Decimal(68), 2026) == decimal.Decimal('0.8'); print('pip install ./bindings-python: chiso', chiso.__version__)"

# Regenerates the committed JSON Schema and the golden outputs after a deliberate change.
schema:
	cargo run -q -- catalogue schema > schema/catalogue.schema.json
