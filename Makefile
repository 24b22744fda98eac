# The two commands of the README: `make book` and `make test`. Each installs what it needs
# into .venv (once per change of requirements.txt or pyproject.toml).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
UV_VERSION := 0.13.9

.PHONY: book test check bench forms pack lab lock clean

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: set PYTHON=python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@# uv (one wheel from PyPI) installs the same pinned tree about ten times faster than pip;
	@# pip stays the fallback, and requirements.txt the lock either way. Both write the bytecode
	@# at install time (uv only when asked): where PYTHONDONTWRITEBYTECODE is set, every kernel,
	@# Sphinx run and command would otherwise compile its imports again, about 3 s each.
	@echo "installing the pinned dependencies into $(VENV) (requirements.txt)..."
	@if $(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)" >/dev/null 2>&1 \
	    && $(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -r requirements.txt \
	    && $(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e . ; then \
	  echo "installed with uv $(UV_VERSION)"; \
	else \
	  echo "uv was not usable here: installing with pip (a few minutes the first time)"; \
	  $(BIN)/python -m pip install --disable-pip-version-check --progress-bar off -r requirements.txt \
	  && $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e . ; \
	fi
	@$(BIN)/python -m compileall -q trainingkit >/dev/null
	@touch $@

book: $(STAMP)  ## build both editions: _build/participant/html and _build/trainer/html
	@.ci/ensure-fonts
	$(BIN)/trainingkit check
	$(BIN)/trainingkit build --edition all

test: $(STAMP)  ## the whole test suite, including slow end-to-end checks
	@.ci/ensure-chromium
	$(BIN)/trainingkit check
	@# one worker per core, up to 4: a module runs whole on one worker, so its fixtures are set up once
	$(BIN)/python -m pytest -n auto --maxprocesses 4 --dist loadfile --no-loadscope-reorder

pack: book  ## _build/pack/: both sites as offline zip files, a trainer PDF per day, participant handouts
	@.ci/ensure-chromium
	$(BIN)/trainingkit pack

lab: $(STAMP)  ## JupyterLab on the participant notebooks, for a trainee's laptop (work is kept in var/lab)
	@.ci/ensure-fonts
	$(BIN)/trainingkit build --edition participant
	$(BIN)/python -m trainingkit.pack.lab

check: $(STAMP)
	$(BIN)/trainingkit check

forms: $(STAMP)  ## serve the feedback forms to phones on the local network (Ctrl+C stops)
	$(BIN)/trainingkit forms serve

bench: $(STAMP)  ## performance figures (never timed tests)
	$(BIN)/python -m benchmarks

lock:  ## re-pin requirements.txt from a fresh resolve of pyproject.toml
	rm -rf /tmp/trainingkit-lock && $(PYTHON) -m venv /tmp/trainingkit-lock
	/tmp/trainingkit-lock/bin/pip install --quiet ".[all]"
	{ head -2 requirements.txt; /tmp/trainingkit-lock/bin/pip freeze --exclude trainingkit; } > requirements.new && mv requirements.new requirements.txt

clean:
	rm -rf _build
