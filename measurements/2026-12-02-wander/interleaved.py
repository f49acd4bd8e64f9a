"""Does the `cpu` preset's step slow down when the machine does? Train with a step timer, and every
`every` steps run a fixed fp32 matmul workload for `probe_s` seconds (the control: no model, no
loop), in the same process and threads. Per window of `every` steps: the median step time and the
control's rate; their correlation says whether the wander is the machine's (both move together) or
the loop's (the step moves alone).  Usage: python interleaved.py STEPS [EVERY] [PROBE_S] OUT.json"""
import json, statistics, sys, tempfile, time
import numpy as np, torch
from litgpt_nb.config import make_config
from litgpt_nb.callbacks import Callback, StepTimer, default_callbacks
from litgpt_nb.learner import train

steps, every, probe_s, out = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
a, b = torch.randn(2048, 128), torch.randn(128, 512)

class Probe(Callback):
    "Every `every` steps, the control workload's rate (matmuls/s) over `probe_s` seconds."
    def __init__(self): self.rates = []
    def after_step(self, learn):
        if learn.progress.step % every: return
        n, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < probe_s:
            for _ in range(10): (a @ b).sum()
            n += 10
        self.rates.append(n / (time.perf_counter() - t0))

timer, probe = StepTimer(sync=False), Probe()
with tempfile.TemporaryDirectory() as tmp:
    train(make_config("cpu", steps=steps, out_dir=tmp), callbacks=default_callbacks() + [timer, probe], progress=False)
ms = [statistics.median(timer.ms[i:i + every]) for i in range(0, every * len(probe.rates), every)]
tps = [16 * 128 / (m / 1000) for m in ms]
r = float(np.corrcoef(tps, probe.rates)[0, 1])
cv = lambda x: statistics.pstdev(x) / statistics.mean(x)
res = dict(steps=steps, every=every, probe_s=probe_s, threads=torch.get_num_threads(), correlation=r,
           step_tokens_per_s=dict(min=min(tps), median=statistics.median(tps), max=max(tps), cv=cv(tps)),
           control_rate=dict(min=min(probe.rates), median=statistics.median(probe.rates), max=max(probe.rates), cv=cv(probe.rates)),
           windows=[dict(tokens_per_s=round(t), control=round(c, 1)) for t, c in zip(tps, probe.rates)])
json.dump(res, open(out, "w"), indent=1)
print(json.dumps({k: v for k, v in res.items() if k != "windows"}))
