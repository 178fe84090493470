# Outpost CRM. `make run` opens the app; `make test` runs every test.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
APP := target/debug/outpost
CRM := target/debug/crm

.PHONY: run test deps ui app fmt lint test-rust test-ui e2e bench bench-startup

run: deps app
	./$(APP)

deps:
	@scripts/deps.sh

ui:
	cd ui && npm run build

# The desktop app with the built UI embedded, and the crm tool.
app: ui
	cargo build -p outpost -p crm-cli --features outpost/custom-protocol

test: deps app lint test-rust test-ui e2e
	@echo "All tests passed."

fmt:
	cargo fmt --all

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets --features custom-protocol -- -D warnings
	cd ui && npm run check

test-rust:
	cargo test --workspace --features custom-protocol

test-ui:
	cd ui && npm test

e2e: app
	tests/e2e/run.sh

bench: deps
	cargo build --release -p crm-cli
	./target/release/crm bench --contacts 1000000
	$(MAKE) bench-startup

# App start to the first painted contacts list on a 1,000,000-contact database.
bench-startup: ui
	cargo build --release -p outpost -p crm-cli --features outpost/custom-protocol
	scripts/bench-startup.sh 1000000
