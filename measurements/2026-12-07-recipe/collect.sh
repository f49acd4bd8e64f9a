#!/usr/bin/env bash
# Copies the small files of the study's runs here (no checkpoints): each sweep's SPEC and report, each run's summary,
# metrics, config and env. Run from the repository root after the sweeps and the `make run`s below.
set -euo pipefail
here=measurements/2026-12-07-recipe
for s in cpu-recipe-screen cpu-recipe-seeds cpu-recipe-stage3 cpu-recipe-shape; do
  mkdir -p $here/$s; cp outputs/sweeps/$s/spec.yaml $here/$s/
  [ -f outputs/sweeps/$s/report.ipynb ] && cp outputs/sweeps/$s/report.ipynb $here/$s/
  for r in outputs/sweeps/$s/*/; do
    n=$(basename "$r"); mkdir -p "$here/$s/$n"
    cp "$r"/{summary.json,metrics.csv,config.json,env.json} "$here/$s/$n/"
  done
done
for r in "$@"; do   # make run folders: outputs/cpu outputs/cpu-seed1338 ...
  n=make-run-$(basename "$r"); mkdir -p "$here/$n"; cp "$r"/{summary.json,metrics.csv,config.json,env.json,train.log} "$here/$n/"
done
