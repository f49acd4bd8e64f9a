"""AdamW's update alone at each preset's model, torch's three implementations: the per-tensor loop (torch's
default on a CPU, our reference), foreach and fused. Alternated step by step on one thread; the median ms and
the median of the paired ratios. Then whether each ends on the loop's weights after 40 training steps.
Run: .venv/bin/python measurements/2026-12-02-optimizer/adamw_impls.py"""
import copy, statistics, time
import torch
from litgpt_nb.model import GPT, Config, lm_loss
torch.set_num_threads(1)
IMPLS = dict(loop=dict(foreach=False), foreach=dict(foreach=True), fused=dict(fused=True))
def adamw(ps, **kw):
    return torch.optim.AdamW([dict(params=[p for p in ps if p.dim() >= 2], weight_decay=0.1),
                              dict(params=[p for p in ps if p.dim() < 2], weight_decay=0.0)], lr=1e-5, **kw)
print("preset  tensors  " + "  ".join(f"{k:>8} ms" for k in IMPLS) + "   loop/foreach  loop/fused")
for preset in ("smoke", "baby", "cpu", "baseline"):
    torch.manual_seed(0); m = GPT(Config.from_name(preset, vocab_size=322)); ps = list(m.parameters())
    for p in ps: p.grad = torch.randn_like(p) * 1e-3
    opts = {k: adamw(ps, **kw) for k, kw in IMPLS.items()}
    ms = {k: [] for k in IMPLS}
    for _ in range(60):
        for k, o in opts.items():
            t = time.perf_counter(); o.step(); ms[k].append((time.perf_counter() - t) * 1e3)
    ratio = lambda k: statistics.median(a / b for a, b in zip(ms["loop"], ms[k]))
    print(f"{preset:<8}{len(ps):>7}  " + "  ".join(f"{statistics.median(v):>11.3f}" for v in ms.values())
          + f"   {ratio('foreach'):>12.2f}  {ratio('fused'):>10.2f}")
torch.manual_seed(0); m0 = GPT(Config.from_name("smoke")); x, y = torch.randint(0, 300, (2, 4, 16))
ends = {}
for k, kw in IMPLS.items():
    m = copy.deepcopy(m0); ps = list(m.parameters()); o = adamw(ps, **kw)
    for _ in range(40):
        lm_loss(m(x), y).backward(); torch.nn.utils.clip_grad_norm_(ps, 1.0); o.step(); o.zero_grad()
    ends[k] = m
for k, m in ends.items():
    d = max((a - b).abs().max().item() for a, b in zip(ends["loop"].parameters(), m.parameters()))
    print(f"40 smoke steps, {k}: largest weight difference from the loop {d:.3g}")
