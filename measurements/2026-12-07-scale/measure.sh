#!/bin/bash
# measure.sh LABEL SRC MB TOKENIZER [name=value ...]: one cold `litgpt-nb train --preset cpu` run (preparation, 20 steps,
# the final whole-split validation) on /tmp/scale-corpus-MB with the code in SRC (a folder holding litgpt_nb/) and a token
# cache of its own; /usr/bin/time -v's maximum RSS (the largest process) and peak_tree.py's tree sum go to results/.
# KILL_IN_EVAL_S=N: SIGKILL the run N s into its final validation (the old code allocates every window of the split
# before its first forward pass: its peak is reached by then; a 300 MB split takes hours on a loaded 2-core machine).
set -e
label=$1 src=$2 mb=$3 tok=$4; shift 4
here=$(cd "$(dirname "$0")" && pwd); res=$here/results; mkdir -p $res; name=$label-$mb-$tok
export LITGPT_NB_CACHE=/tmp/scale-cache-$name OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
rm -rf $LITGPT_NB_CACHE /tmp/scale-run-$name
if [ -n "$KILL_IN_EVAL_S" ]; then
  ( while sleep 5; do
      pid=$(pgrep -f "out_dir=/tmp/scale-run-$name" | grep -v "^$$\$" | while read p; do [ "$(cat /proc/$p/comm)" = litgpt-nb ] && echo $p; done | head -1)
      [ -z "$pid" ] && continue
      if /work/main/.venv/bin/py-spy dump --pid $pid 2>/dev/null | grep -q "validate (litgpt_nb/validator.py"; then
        sleep $KILL_IN_EVAL_S; echo "killed $pid ${KILL_IN_EVAL_S} s into the final validation" > $res/$name.killed.txt
        kill -9 $pid; break
      fi
    done ) &
  watcher=$!
fi
cd /tmp && PYTHONPATH=$src /work/main/.venv/bin/python $here/peak_tree.py $res/$name.tree.json -- \
  /usr/bin/time -v -o $res/$name.time.txt /work/main/.venv/bin/litgpt-nb train --preset cpu \
  data_path=/tmp/scale-corpus-$mb tokenizer=$tok steps=20 n_evals=1 log_every=10 out_dir=/tmp/scale-run-$name "$@" \
  > $res/$name.out.txt 2>&1 || echo "exit $?"
[ -n "$KILL_IN_EVAL_S" ] && kill $watcher 2>/dev/null
grep -E "Maximum resident|Elapsed" $res/$name.time.txt
cp /tmp/scale-run-$name/summary.json $res/$name.summary.json 2>/dev/null || true
