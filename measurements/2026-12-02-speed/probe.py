"""The `cpu` preset's loop, 240 steps: per log window (20 steps) the tokens/s, the CPU this process got (seconds of
all its threads per second) and how busy the whole machine was (cores). `python probe.py plain` here, or
`probe.main("kernel")` from a notebook cell run by papermill; writes TAG.json."""
import os, sys, time, json, tempfile
from litgpt_nb.config import make_config
from litgpt_nb.callbacks import Callback, default_callbacks
from litgpt_nb.learner import Learner

def machine():   # (busy, total) jiffies of the whole machine
    v = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    return sum(v) - v[3] - v[4], sum(v)

class Probe(Callback):
    order = 20
    def __init__(self): self.rows, self.last = [], None
    def after_step(self, learn):
        if learn.progress.step % learn.cfg.log_every: return
        now = (time.perf_counter(), sum(os.times()[:2]), *machine())
        if self.last:
            w, c, b, t = (a - b for a, b in zip(now, self.last))
            steps = learn.cfg.log_every
            self.rows.append(dict(step=learn.progress.step, tokens_per_s=round(steps * learn.cfg.batch_size * 128 / w),
                                  own_cpu_share=round(c / w, 2), machine_busy=round(b / t * 2, 2)))
        self.last = (time.perf_counter(), sum(os.times()[:2]), *machine())

def main(tag, steps=240):
    p = Probe()
    cfg = make_config("cpu", steps=steps, out_dir=tempfile.mkdtemp(), n_evals=2, log_every=20)
    Learner(cfg, default_callbacks() + [p], None).fit()
    json.dump(p.rows, open(f"{tag}.json", "w"))
    for r in p.rows: print(tag, r)

if __name__ == "__main__": main(sys.argv[1])
