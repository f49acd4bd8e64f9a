#!/usr/bin/env bash
# Copies the small files of the study's runs here (no checkpoints): each sweep's SPEC and report, each run's summary,
# metrics, config and env. Run from the repository root after the sweeps and the `make run`s below; SWEEPS= names
# the sweeps folder when the sweeps ran in another checkout (the later stages ran in a worktree of the commit before
# the study's, while the code around them was rebuilt: SWEEPS=/work/exp/outputs/sweeps).
set -euo pipefail
here=measurements/2026-12-07-recipe
SWEEPS=${SWEEPS:-outputs/sweeps}
for s in ${STAGES:-cpu-recipe-screen cpu-recipe-seeds cpu-recipe-stage3 cpu-recipe-shape cpu-recipe-tokens cpu-recipe-stage5 cpu-recipe-stage6}; do
  [ -d $SWEEPS/$s ] || continue
  mkdir -p $here/$s; cp $SWEEPS/$s/spec.yaml $here/$s/
  [ -f $SWEEPS/$s/report.ipynb ] && cp $SWEEPS/$s/report.ipynb $here/$s/
  for r in $SWEEPS/$s/*/; do
    n=$(basename "$r"); mkdir -p "$here/$s/$n"
    cp "$r"/{summary.json,metrics.csv,config.json,env.json} "$here/$s/$n/"
  done
done
for r in "$@"; do   # make run folders: outputs/cpu outputs/cpu-seed1338 ...
  n=make-run-$(basename "$r"); mkdir -p "$here/$n"; cp "$r"/{summary.json,metrics.csv,config.json,env.json,train.log} "$here/$n/"
done
