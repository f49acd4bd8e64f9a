#!/usr/bin/env bash
# One lent-GPU session for issue 21 (speed) or the recipe sweep, as one prepared call: one phase per session
# (a session has about 15 minutes of device time, start-up included).
#
# Here, before the call (the GPU machine reaches no registry and no GitHub):
#   bash ../shared/gpu/prepare.sh                       # .gpu/: papermill wheels, the corpus, check.sh
#   mkdir -p .gpu/nanogpt && cp NANOGPT_CHECKOUT/model.py .gpu/nanogpt/   # nanoGPT's model, read there, never committed
# Then on the GPU machine (device tool: command `bash tools/gpu_session.sh speed`, carry [".gpu"], timeout 570):
#   speed   the literal main command on this commit, the fast path cold (3,000 steps), and the side-by-side with
#           nanoGPT's model at every shape (baseline first), eager, compiled and compiled with the CUDA graph
#   sweep   sweeps/gpu-regularisers.yaml, the recipe sweep toward 1.47 nats/char, two seeds (22 runs of ~25 s; what
#           does not fit is left: a second call on the still-warm machine skips the finished runs and goes on)
# Everything lands in $OUT (log.txt, summaries, side_by_side.md, results-*.tgz without checkpoints), packed on exit
# too, and the script ends itself by DEADLINE_S (default 540) seconds so the packing happens inside the call.
# To check the plumbing on a CPU (no GPU figures): PY=.venv/bin/python DEVICE=cpu STEPS=20 PRESETS=smoke \
#   EXTRA="-p preset smoke" LITERAL_DIR=outputs/smoke bash tools/gpu_session.sh speed
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-$PWD/.gpu/out}; mkdir -p "$OUT"
exec > >(tee -a "$OUT/log.txt") 2>&1
PY=${PY:-python3}; DEVICE=${DEVICE:-cuda}; STEPS=${STEPS:-3000}; EXTRA=${EXTRA:-}; DEADLINE_S=${DEADLINE_S:-540}
PRESETS=${PRESETS:-baseline,cpu,baby,smoke}     # the baseline first: if time runs out, it is measured
LITERAL_DIR=${LITERAL_DIR:-outputs/baseline}    # where the literal command writes (its preset's folder)
phase=${1:-speed}
left() { local l=$((DEADLINE_S - SECONDS - 15)); [ "$l" -lt 1 ] && l=1; [ "$l" -lt "$1" ] && echo "$l" || echo "$1"; }   # a step's limit within the deadline
pack() {
  cp outputs/gpu/side-by-side/side_by_side.md "$OUT/" 2>/dev/null
  tar czf "$OUT/results-$phase.tgz" --exclude=checkpoints outputs/gpu "$LITERAL_DIR" out.ipynb 2>/dev/null
  echo "packed $OUT/results-$phase.tgz after $SECONDS s"
}
trap pack EXIT
if [ "$PY" = python3 ]; then   # the GPU image: its own torch, papermill from the prepared wheels
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .gpu/whl/*.whl || exit 3
  export PYTHONPATH=/tmp/site:$PWD LITGPT_NB_DATA=$PWD/.gpu/input.txt
  nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
fi
export PYTHONUNBUFFERED=1 PYTHONHASHSEED=1337 TORCHINDUCTOR_CACHE_DIR=/tmp/inductor-cache-$$   # a fresh cache: "cold" is cold
$PY -c "import torch, papermill; print('torch', torch.__version__, 'cuda', torch.version.cuda, 'papermill', papermill.__version__)"
mkdir -p outputs/gpu
pm() {  # name, limit, papermill -p arguments: one run of nbs/train.ipynb into outputs/gpu/NAME, its summary printed
  local name=$1 limit; limit=$(left "$2"); shift 2; local out=outputs/gpu/$name; mkdir -p "$out"; local t0=$SECONDS
  timeout "$limit" $PY -m papermill nbs/train.ipynb "$out/report.ipynb" -p out_dir "$out" -p device "$DEVICE" "$@" $EXTRA --cwd . --log-output 2>&1 \
    | grep -v "without encryption" | grep -E "step|done|rror|warning|Traceback" | tail -20
  echo "papermill $name exit ${PIPESTATUS[0]} after $((SECONDS - t0)) s (limit $limit s)"
  $PY -c "import json; s=json.load(open('$out/summary.json')); print({k: s.get(k) for k in ['val_nats_per_char','best_val_nats_per_char','best_step','train_seconds','tokens_per_s','device','dtype','compile','target_met']})"
  cp "$out/summary.json" "$OUT/summary-$name.json" 2>/dev/null
}
if [ "$phase" = speed ]; then
  rm -rf outputs/gpu/fast-cold outputs/gpu/side-by-side   # nothing stale from an earlier call on a warm machine
  echo "== the literal main command: papermill nbs/train.ipynb out.ipynb -p steps 3000"
  device_arg=(); [ "$DEVICE" = cuda ] || device_arg=(-p device "$DEVICE")   # on the GPU, the user's command exactly
  t0=$SECONDS; timeout "$(left 200)" $PY -m papermill nbs/train.ipynb out.ipynb -p steps "$STEPS" ${device_arg[@]+"${device_arg[@]}"} $EXTRA --cwd . 2>&1 \
    | grep -v "without encryption" | tail -3
  echo "literal exit ${PIPESTATUS[0]} after $((SECONDS - t0)) s"
  $PY -c "import json; s=json.load(open('$LITERAL_DIR/summary.json')); print(json.dumps(s))"
  cp "$LITERAL_DIR/summary.json" "$OUT/summary-literal.json" 2>/dev/null; cp out.ipynb "$OUT/literal-report.ipynb" 2>/dev/null
  echo "== the fast path, cold (target: train_seconds <= 12 with compilation and the twelve whole-split validations)"
  pm fast-cold 150 -p steps "$STEPS" -p fast True
  echo "== side by side with nanoGPT's model: eager, compiled, compiled with the CUDA graph (fast); written after each race"
  modes=reference,reference+compile,fast; [ "$DEVICE" = cpu ] && modes=reference
  timeout "$(left 330)" env OMP_NUM_THREADS=${OMP_NUM_THREADS:-4} $PY -c "import sys; from litgpt_nb.cli import main; sys.exit(main(sys.argv[1:]))" \
    bench --side-by-side --nanogpt "${NANOGPT:-.gpu/nanogpt}" --devices "$DEVICE" --presets "$PRESETS" --modes "$modes" --warmup 5 --steps 20 \
    --out-dir outputs/gpu/side-by-side
  echo "side-by-side exit $?"
fi
if [ "$phase" = sweep ]; then
  echo "== the GPU recipe sweep: sweeps/gpu-regularisers.yaml"
  timeout "$(left 600)" $PY -c "import sys; from litgpt_nb.cli import main; sys.exit(main(sys.argv[1:]))" sweep sweeps/gpu-regularisers.yaml \
    --out-root outputs/gpu/sweep
  echo "sweep exit $?"
fi
echo "total $SECONDS s"
