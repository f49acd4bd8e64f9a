# Two commands for a fresh machine:  `make run` (the CPU default, an executed report under
# outputs/) and `make test` (the notebooks' tests). Both build .venv first.
PYTHON ?= python3
TORCH ?= torch==2.13.0
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN ?= cpu
TEST_LOG := $(VENV)/nbdev_test.log
export PYTHONHASHSEED ?= 1337

.PHONY: run test lab export bench readme

$(STAMP): settings.ini setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check "$(TORCH)"
	$(BIN)/pip install -q --disable-pip-version-check -e ".[dev]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (litgpt_nb)" >/dev/null
	$(BIN)/pip check
	touch $(STAMP)

## The main job: train the `cpu` preset and leave the executed report in outputs/$(RUN)/.
run: $(STAMP)
	mkdir -p outputs/$(RUN)
	$(BIN)/papermill nbs/train.ipynb outputs/$(RUN)/report.ipynb -p preset cpu -p out_dir outputs/$(RUN) --cwd . --progress-bar
	@echo "report: outputs/$(RUN)/report.ipynb  summary: outputs/$(RUN)/summary.json"

## Every notebook's tests (nbdev_test), two notebooks at a time, one thread each.
test: $(STAMP)
	@rc=0; OMP_NUM_THREADS=1 $(BIN)/nbdev_test --n_workers 2 --do_print --timing >$(TEST_LOG) 2>&1 || rc=$$?; \
	cat $(TEST_LOG); \
	n=$$(grep -o 'Starting /[^ ]*\.ipynb' $(TEST_LOG) | wc -l); \
	f=$$(sed -n '/Tests Failed On/,$$p' $(TEST_LOG) | grep -c '\.ipynb'); \
	echo "$$((n-f)) passed, $$f failed"; exit $$rc

## JupyterLab on the project's kernel.
lab: $(STAMP)
	$(BIN)/pip install -q jupyterlab
	$(BIN)/jupyter lab nbs/

## Regenerate the package and README from the notebooks and strip their outputs.
export: $(STAMP)
	$(BIN)/nbdev_export && $(BIN)/nbdev_clean && $(MAKE) readme

## The speed benchmark (issue 5): a CSV and a markdown table under outputs/bench/.
bench: $(STAMP)
	$(BIN)/litgpt-nb bench --out-dir outputs/bench

## README.md from nbs/index.ipynb (its markdown cells).
readme: $(STAMP)
	cd nbs && LITGPT_NB_WRITE_README=1 ../$(BIN)/nbdev_test --path index.ipynb
