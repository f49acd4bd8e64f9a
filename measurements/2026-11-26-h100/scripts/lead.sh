#!/usr/bin/env bash
# One GPU session: unit checks on CUDA, the literal main command, the fast path cold and warm, the benchmark.
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-$PWD/.gpu/out}; mkdir -p "$OUT"
exec > >(tee "$OUT/log.txt") 2>&1
python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .gpu/whl/*.whl || exit 3
export PYTHONPATH=/tmp/site:$PWD PYTHONUNBUFFERED=1 PYTHONHASHSEED=1337 LITGPT_NB_DATA=$PWD/.gpu/input.txt
export TORCHINDUCTOR_CACHE_DIR=/tmp/inductor-cache
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
python3 -c "import torch, papermill; print('torch', torch.__version__, 'cuda', torch.version.cuda, 'papermill', papermill.__version__)"
t=$SECONDS
pm() {  # name, extra papermill args
  local out=outputs/$1; shift; rm -rf "$out"; mkdir -p "$out"; local t0=$SECONDS
  timeout ${PMT:-200} python3 -m papermill nbs/train.ipynb "$out/report.ipynb" -p out_dir "$out" "$@" --cwd . --log-output 2>&1 | grep -v "without encryption" | grep -E "step|done|Error|error|resumed|warning" | tail -25
  echo "papermill $out exit ${PIPESTATUS[0]} after $((SECONDS - t0)) s"
  python3 -c "import json; s=json.load(open('$out/summary.json')); print({k: s[k] for k in ['val_nats_per_char','best_val_nats_per_char','best_step','train_seconds','tokens_per_s','seconds','device','dtype','compile','target_met']})"
}
phase=${1:-main}
if [ "$phase" = main ]; then
echo "== unit checks on CUDA"; timeout 120 python3 .gpu/lead_unit.py; echo "unit rc $? after $((SECONDS - t)) s"
echo "== the literal main command: papermill nbs/train.ipynb out.ipynb -p steps 3000"
t0=$SECONDS; timeout 200 python3 -m papermill nbs/train.ipynb out.ipynb -p steps 3000 --cwd . 2>&1 | grep -v "without encryption" | tail -3
echo "literal exit ${PIPESTATUS[0]} after $((SECONDS - t0)) s"
python3 -c "import json; s=json.load(open('outputs/baseline/summary.json')); print(json.dumps(s))"
cp out.ipynb "$OUT/baseline-report.ipynb"
echo "== fast path, cold"; PMT=150 pm fast-cold -p steps 3000 -p fast True
echo "== fast path, warm (inductor cache)"; PMT=120 pm fast-warm -p steps 3000 -p fast True
tar czf "$OUT/results.tgz" --exclude=checkpoints outputs out.ipynb
fi
if [ "$phase" = graph ]; then
echo "== unit checks on CUDA"; timeout 100 python3 .gpu/lead_unit.py; echo "unit rc $?"
echo "== graphed vs eager, first steps"; timeout 150 python3 .gpu/lead_graph.py; echo "graph rc $?"
echo "== benchmark fast vs fast+graph"; timeout 150 python3 -c "import sys; from litgpt_nb.cli import main; sys.exit(main(sys.argv[1:]))" bench --devices cuda --presets baseline --modes fast,fast+graph --out-dir outputs/bench-graph --warmup 5 --steps 20; cp -r outputs/bench-graph "$OUT/" 2>/dev/null
echo "== fast path + cuda_graph, cold"; PMT=120 pm graph-cold -p steps 3000 -p fast True -p cuda_graph True
echo "== fast path + cuda_graph, warm"; PMT=100 pm graph-warm -p steps 3000 -p fast True -p cuda_graph True
tar czf "$OUT/results-graph.tgz" --exclude=checkpoints outputs
fi
if [ "$phase" = extra ]; then
echo "== recipe variants on the fast path"
PMT=90 pm var-lr2e-3 -p steps 3000 -p fast True -p lr 2e-3
PMT=90 pm var-beta2 -p steps 3000 -p fast True -p beta2 0.99 -p warmup_steps 100
echo "== benchmark"; timeout 200 python3 -c "import sys; from litgpt_nb.cli import main; sys.exit(main(sys.argv[1:]))" bench --devices cuda --presets baseline --modes reference,fast --nanogpt .gpu/nanogpt --out-dir outputs/bench-gpu --warmup 5 --steps 20; cp -r outputs/bench-gpu "$OUT/" 2>/dev/null
tar czf "$OUT/results-extra.tgz" --exclude=checkpoints outputs
fi
if [ "$phase" = dropout ]; then   # prepared 2026-11-26 in a session without a GPU; not yet run
echo "== unit checks on CUDA"; timeout 100 python3 .gpu/lead_unit.py; echo "unit rc $?"
echo "== the literal main command on this commit"
t0=$SECONDS; timeout 200 python3 -m papermill nbs/train.ipynb out.ipynb -p steps 3000 --cwd . 2>&1 | grep -v "without encryption" | tail -3
echo "literal exit ${PIPESTATUS[0]} after $((SECONDS - t0)) s"
python3 -c "import json; s=json.load(open('outputs/baseline/summary.json')); print(json.dumps(s))"
echo "== what dropout costs"; timeout 200 python3 -c "import sys; from litgpt_nb.cli import main; sys.exit(main(sys.argv[1:]))" bench --devices cuda --presets baseline --modes reference,reference+nodrop,fast,fast+nodrop --out-dir outputs/bench-dropout --warmup 5 --steps 20; cp -r outputs/bench-dropout "$OUT/" 2>/dev/null
echo "== fast path, cold"; PMT=100 pm fast-cold -p steps 3000 -p fast True
tar czf "$OUT/results-dropout.tgz" --exclude=checkpoints outputs out.ipynb
fi
echo "total $((SECONDS - t)) s"
