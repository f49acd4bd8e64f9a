# Two commands for a fresh machine:  `make run` (the CPU default, an executed report under
# outputs/) and `make test` (the notebooks' tests). Both build .venv first (with the optional Optuna and scaling extras, so
# the search and scaling tests run).
PYTHON ?= python3
TORCH ?= torch==2.13.0
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN ?= cpu
PRESET ?= cpu
export PYTHONHASHSEED ?= 1337
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
NANOGPT ?=

.PHONY: run report test test-fast test-run lab export bench compare readme docs preview

$(STAMP): settings.ini setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check "$(TORCH)"
	$(BIN)/pip install -q --disable-pip-version-check -e ".[dev,export,optuna,scaling,docs,serve,worker,tensorboard,wandb]" "$(TORCH)"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (litgpt_nb)" >/dev/null
	$(BIN)/pip check
	touch $(STAMP)

## The main job: train the `cpu` preset into outputs/$(RUN)/ through nbs/train.ipynb (`litgpt-nb train --report`): the
## parameters (PRESET=) and the corpus are checked first, then an earlier run there moves to its archive/, report included;
## the training log streams here; then the headline, and report.ipynb with its reader's copy, report.html.
run: $(STAMP)
	@$(BIN)/litgpt-nb train --report --preset $(PRESET) out_dir=outputs/$(RUN)

## The headline of the last `make run` and the path of its reader's copy (report.html, written if missing).
report: $(STAMP)
	@$(BIN)/litgpt-nb report outputs/$(RUN)

## Every notebook's tests (nbdev_test) including the slow cells (`#| slow`), three notebooks at a time (the pod notebooks mostly wait), one thread each;
## each notebook's pass or fail as it finishes, its log under .venv/test-logs/.
test: TEST_FLAGS = slow
test: $(STAMP) test-run

## The quick set for the edit loop: the slow cells (end to end, pod launches, fault suite) are skipped.
test-fast: $(STAMP) test-run

test-run:
	@OMP_NUM_THREADS=1 $(BIN)/python tools/test_notebooks.py --workers 2 $(if $(TEST_FLAGS),--flags "$(TEST_FLAGS)")

## JupyterLab on the project's kernel, serving the project root: the notebooks in nbs/, the reports in outputs/.
## PORT= (default 8888), ARGS= more options for jupyter lab (e.g. ARGS=--no-browser).
lab: $(STAMP)
	@$(BIN)/python -c "import jupyterlab" 2>/dev/null || $(BIN)/pip install -q jupyterlab
	$(BIN)/jupyter lab --notebook-dir=. --port=$(or $(PORT),8888) $(ARGS) $$([ "$$(id -u)" = 0 ] && echo --allow-root)

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

## The documentation site in _docs/: the front page, the guides (nbs/guides/) and every notebook; fails on a broken page or link.
docs: $(STAMP)
	@NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict 2>&1 | { grep -v '^INFO' || true; }   # --quiet would hide the warnings --strict fails on

## The documentation site served locally with live reload (PORT=8000).
preview: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(or $(PORT),8000)
