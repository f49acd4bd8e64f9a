# Two commands for a fresh machine:  `make run` (the CPU default, an executed report under
# outputs/) and `make test` (the notebooks' tests). Both build .venv first (with the optional Optuna extra, so
# the search tests run).
PYTHON ?= python3
TORCH ?= torch==2.13.0
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN ?= cpu
TEST_LOG := $(VENV)/nbdev_test.log
export PYTHONHASHSEED ?= 1337
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
NANOGPT ?=

.PHONY: run test test-fast test-run lab export bench compare readme

$(STAMP): settings.ini setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check "$(TORCH)"
	$(BIN)/pip install -q --disable-pip-version-check -e ".[dev,optuna]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (litgpt_nb)" >/dev/null
	$(BIN)/pip check
	touch $(STAMP)

## The main job: train the `cpu` preset and leave the executed report in outputs/$(RUN)/ (the log streams here).
run: $(STAMP)
	mkdir -p outputs/$(RUN)
	$(BIN)/papermill nbs/train.ipynb outputs/$(RUN)/report.ipynb -p preset cpu -p out_dir outputs/$(RUN) --cwd . \
	  --log-output --no-progress-bar 2>&1 | grep --line-buffered -v -e "without encryption" -e "^$$" -e "Executing Cell" -e "Ending Cell"
	@echo "report: outputs/$(RUN)/report.ipynb  summary: outputs/$(RUN)/summary.json"

## Every notebook's tests (nbdev_test) including the slow cells (`#| slow`), two notebooks at a time, one thread each.
test: TEST_FLAGS = --flags slow
test: $(STAMP) test-run

## The quick set for the edit loop: the slow cells (end to end, pod launches, fault suite) are skipped.
test-fast: $(STAMP) test-run

test-run:
	@rc=0; OMP_NUM_THREADS=1 $(BIN)/nbdev_test --n_workers 2 --do_print --timing $(TEST_FLAGS) >$(TEST_LOG) 2>&1 || rc=$$?; \
	cat $(TEST_LOG); \
	n=$$(grep -o 'Starting /[^ ]*\.ipynb' $(TEST_LOG) | wc -l); \
	f=$$(sed -n '/Tests Failed On/,$$p' $(TEST_LOG) | grep -c '\.ipynb'); \
	echo "$$((n-f)) passed, $$f failed"; exit $$rc

## JupyterLab on the project's kernel.
lab: $(STAMP)
	$(BIN)/pip install -q jupyterlab
	$(BIN)/jupyter lab nbs/ $$([ "$$(id -u)" = 0 ] && echo --allow-root)

## Regenerate the package and README from the notebooks and strip their outputs.
export: $(STAMP)
	$(BIN)/nbdev_export && $(BIN)/nbdev_clean && $(MAKE) readme

## The speed benchmark: a CSV and a markdown table under outputs/bench/ (NANOGPT=DIR adds nanoGPT's model).
bench: $(STAMP)
	$(BIN)/litgpt-nb bench --out-dir outputs/bench $(if $(NANOGPT),--nanogpt $(NANOGPT))

## Our model and nanoGPT's on nanoGPT's CPU "baby" recipe, whole-split validation: make compare NANOGPT=DIR
compare: $(STAMP)
	@test -n "$(NANOGPT)" || { echo "make compare needs NANOGPT=<path of a nanoGPT checkout>"; exit 2; }
	$(BIN)/litgpt-nb compare --nanogpt $(NANOGPT)

## README.md from nbs/index.ipynb (its markdown cells).
readme: $(STAMP)
	cd nbs && LITGPT_NB_WRITE_README=1 ../$(BIN)/nbdev_test --path index.ipynb
