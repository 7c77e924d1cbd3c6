# Détente: the two commands a fresh machine needs are `make play` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export PYGAME_HIDE_SUPPORT_PROMPT := 1

.PHONY: play test lint typecheck bench screenshots golden clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

play: $(STAMP)
	$(BIN)/detente

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy game

test: $(STAMP) lint typecheck
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python -m pytest -q

bench: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python -m bench

screenshots: $(STAMP)
	SOURCE_DATE_EPOCH=1795167000 SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy \
		$(BIN)/detente screenshots docs/screenshots

golden: $(STAMP)
	$(BIN)/python -m tests.engine.make_golden

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
