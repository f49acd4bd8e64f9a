"""Where a smoke step goes, by phase, ours and nanoGPT's model (one thread, median of 300 steps after 20).
Run: .venv/bin/python measurements/2026-12-02-optimizer/smoke_phases.py NANOGPT_DIR"""
import sys, torch, time, statistics, collections
from litgpt_nb.speed.bench import nanogpt_fn
from litgpt_nb.config import make_config
from litgpt_nb.model import GPT, Config, lm_loss
from litgpt_nb.step import make_optimizer
torch.set_num_threads(1)
cfg = make_config("smoke")
mc = Config.from_name("smoke")
ng = nanogpt_fn(sys.argv[1])
B, T = cfg.batch_size, mc.block_size
x = torch.randint(0, 300, (B, T)); y = torch.randint(0, 300, (B, T))
for name, m in (("ours", GPT(mc)), ("nanogpt", ng(mc))):
    o = make_optimizer(m, cfg); params = list(m.parameters())
    phases = collections.defaultdict(list); counts = {}
    def run(prof=None):
        t0 = time.perf_counter(); logits = m(x); t1 = time.perf_counter()
        loss = lm_loss(logits, y); t2 = time.perf_counter(); loss.backward(); t3 = time.perf_counter()
        torch.nn.utils.clip_grad_norm_(params, 1.0); t4 = time.perf_counter(); o.step(); t5 = time.perf_counter()
        o.zero_grad(set_to_none=True); t6 = time.perf_counter()
        return dict(fwd=t1-t0, loss=t2-t1, bwd=t3-t2, clip=t4-t3, opt=t5-t4, zero=t6-t5)
    for _ in range(20): run()
    for _ in range(300):
        for k, v in run().items(): phases[k].append(v * 1e3)
    med = {k: round(statistics.median(v), 3) for k, v in phases.items()}
    print(name, len(params), med, "sum", round(sum(med.values()), 3))
