#!/usr/bin/env bash
# One lent-GPU session for issue 21 (speed) and the recipe sweep, as one prepared call.
#
# Here, before the call (the GPU machine reaches no registry and no GitHub):
#   bash ../shared/gpu/prepare.sh                       # .gpu/: papermill wheels, the corpus, check.sh
#   mkdir -p .gpu/nanogpt && cp NANOGPT_CHECKOUT/model.py .gpu/nanogpt/   # nanoGPT's model, read there, never committed
# Then on the GPU machine (device tool: command `bash tools/gpu_session.sh speed`, carry [".gpu"], timeout ~560 s):
#   speed   the literal main command on this commit, the fast path cold (3,000 steps), and the side-by-side with
#           nanoGPT's model at every shape, eager, compiled and compiled with the CUDA graph      (about 8 minutes)
#   sweep   sweeps/gpu-regularisers.yaml, the recipe sweep toward 1.47 nats/char, two seeds (22 runs of ~25 s; cut at
#           9 minutes, a second call on the still-warm machine skips the finished runs and goes on)
# Everything lands in $OUT (log.txt, summaries, side_by_side.md, results-*.tgz without checkpoints).
# To check the plumbing on a CPU (no GPU figures): PY=.venv/bin/python DEVICE=cpu STEPS=20 PRESETS=smoke EXTRA="-p preset smoke" LITERAL_DIR=outputs/smoke \
#   bash tools/gpu_session.sh speed
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-$PWD/.gpu/out}; mkdir -p "$OUT"
exec > >(tee -a "$OUT/log.txt") 2>&1
PY=${PY:-python3}; DEVICE=${DEVICE:-cuda}; STEPS=${STEPS:-3000}; EXTRA=${EXTRA:-}
PRESETS=${PRESETS:-baseline,cpu,baby,smoke}   # the baseline first: if time runs out, it is measured
LITERAL_DIR=${LITERAL_DIR:-outputs/baseline}   # where the literal command writes (its preset's folder)
if [ "$PY" = python3 ]; then   # the GPU image: its own torch, papermill from the prepared wheels
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .gpu/whl/*.whl || exit 3
  export PYTHONPATH=/tmp/site:$PWD LITGPT_NB_DATA=$PWD/.gpu/input.txt
  nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
fi
export PYTHONUNBUFFERED=1 PYTHONHASHSEED=1337 TORCHINDUCTOR_CACHE_DIR=${TORCHINDUCTOR_CACHE_DIR:-/tmp/inductor-cache}
$PY -c "import torch, papermill; print('torch', torch.__version__, 'cuda', torch.version.cuda, 'papermill', papermill.__version__)"
t=$SECONDS
pm() {  # name, timeout, papermill -p arguments: one run of nbs/train.ipynb into outputs/gpu/NAME, its summary printed
  local name=$1 limit=$2; shift 2; local out=outputs/gpu/$name; rm -rf "$out"; mkdir -p "$out"; local t0=$SECONDS
  timeout "$limit" $PY -m papermill nbs/train.ipynb "$out/report.ipynb" -p out_dir "$out" -p device "$DEVICE" "$@" $EXTRA --cwd . --log-output 2>&1 \
    | grep -v "without encryption" | grep -E "step|done|rror|warning|Traceback" | tail -20
  echo "papermill $name exit ${PIPESTATUS[0]} after $((SECONDS - t0)) s"
  $PY -c "import json; s=json.load(open('$out/summary.json')); print({k: s.get(k) for k in ['val_nats_per_char','best_val_nats_per_char','best_step','train_seconds','tokens_per_s','device','dtype','compile','cuda_graph','target_met']})"
  cp "$out/summary.json" "$OUT/summary-$name.json" 2>/dev/null
}
phase=${1:-speed}
if [ "$phase" = speed ]; then
  echo "== the literal main command: papermill nbs/train.ipynb out.ipynb -p steps 3000"
  t0=$SECONDS; timeout 200 $PY -m papermill nbs/train.ipynb out.ipynb -p steps "$STEPS" -p device "$DEVICE" $EXTRA --cwd . 2>&1 | grep -v "without encryption" | tail -3
  echo "literal exit ${PIPESTATUS[0]} after $((SECONDS - t0)) s"
  $PY -c "import json; s=json.load(open('$LITERAL_DIR/summary.json')); print(json.dumps(s))"
  cp $LITERAL_DIR/summary.json "$OUT/summary-literal.json" 2>/dev/null; cp out.ipynb "$OUT/literal-report.ipynb" 2>/dev/null
  echo "== the fast path, cold (target: train_seconds <= 12 with compilation and the twelve whole-split validations)"
  pm fast-cold 150 -p steps "$STEPS" -p fast True
  echo "== side by side with nanoGPT's model: eager, compiled, compiled with the CUDA graph (fast)"
  modes=reference,reference+compile,fast; [ "$DEVICE" = cpu ] && modes=reference
  timeout 330 env OMP_NUM_THREADS=${OMP_NUM_THREADS:-4} $PY -c "import sys; from litgpt_nb.cli import main; sys.exit(main(sys.argv[1:]))" \
    bench --side-by-side --nanogpt "${NANOGPT:-.gpu/nanogpt}" --devices "$DEVICE" --presets "$PRESETS" --modes "$modes" --warmup 5 --steps 20 \
    --out-dir outputs/gpu/side-by-side
  echo "side-by-side exit $?"; cp outputs/gpu/side-by-side/side_by_side.md "$OUT/" 2>/dev/null
  tar czf "$OUT/results-speed.tgz" --exclude=checkpoints outputs/gpu "$LITERAL_DIR" out.ipynb 2>/dev/null
fi
if [ "$phase" = sweep ]; then
  echo "== the GPU recipe sweep: sweeps/gpu-regularisers.yaml"
  timeout 540 $PY -c "import sys; from litgpt_nb.cli import main; sys.exit(main(sys.argv[1:]))" sweep sweeps/gpu-regularisers.yaml \
    --out-root outputs/gpu/sweep
  echo "sweep exit $?"
  tar czf "$OUT/results-sweep.tgz" --exclude=checkpoints outputs/gpu/sweep 2>/dev/null
fi
echo "total $((SECONDS - t)) s"
