"""Are the steps right after a validation slower (the background checkpoint write shares the 2 cores)?
Every step's time (ms) of the `cpu` preset, and the validation points; prints the mean step time of
the `k` steps after each validation against all the others, and how much of the logged throughput's
spread the slow steps explain.  Usage: python after_eval.py STEPS K OUT.json"""
import json, statistics, sys, tempfile
from litgpt_nb.config import make_config
from litgpt_nb.callbacks import StepTimer, default_callbacks
from litgpt_nb.batches import eval_points
from litgpt_nb.learner import train
steps, k, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
cfg = make_config("cpu", steps=steps)
timer = StepTimer(sync=False)
with tempfile.TemporaryDirectory() as tmp:
    from dataclasses import replace
    train(replace(cfg, out_dir=tmp), callbacks=default_callbacks() + [timer], progress=False)
evals = sorted(eval_points(cfg))
after = {s for e in evals for s in range(e, min(e + k, steps))}   # timer.ms[i] is step i (0-based): step e runs after the eval at e
ms = timer.ms
a, o = [ms[i] for i in range(steps) if i in after], [ms[i] for i in range(steps) if i not in after]
top = sorted(range(steps), key=lambda i: -ms[i])[:20]
res = dict(steps=steps, k=k, evals=evals, mean_after_eval_ms=statistics.mean(a), mean_other_ms=statistics.mean(o),
           median_after_eval_ms=statistics.median(a), median_other_ms=statistics.median(o),
           slowest=[dict(step=i, ms=round(ms[i], 1), after_eval=i in after) for i in top], ms=[round(m, 2) for m in ms])
json.dump(res, open(out, "w"), indent=1)
print(json.dumps({k: v for k, v in res.items() if k not in ("ms",)}))
