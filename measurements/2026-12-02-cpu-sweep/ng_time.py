import time, torch, statistics
from litgpt_nb.config import make_config
from litgpt_nb.step import build
from litgpt_nb.step import train_step
from litgpt_nb.batches import get_batch, batch_starts, on_device
from litgpt_nb.speed.nanogpt import load_nanogpt, NanoGPT
mod = load_nanogpt("/tmp/ng")
setups = {}
for name, preset, kw, fn in (("ours cpu muon", "cpu", dict(optimizer="muon"), None), ("ours cpu adamw", "cpu", {}, None),
                             ("nanoGPT baby", "baby", {}, lambda c: NanoGPT(mod, c))):
    torch.manual_seed(0)
    cfg = make_config(preset, **kw)
    data, mc, model, o, _ = build(cfg, torch.device("cpu"), fn)
    setups[name] = (model, o, on_device(data.train), mc.block_size, cfg.batch_size, cfg.steps)
times = {k: [] for k in setups}
for i in range(40):
    for k, (model, o, toks, T, B, S) in setups.items():
        x, y = get_batch(toks, batch_starts(len(toks), T, B, 1337, i), T)
        t = time.perf_counter(); train_step(model, o, [(x, y)]); times[k].append(time.perf_counter() - t)
for k, v in times.items():
    ms = 1000 * statistics.median(v[5:]); print(f"{k}: median {ms:.1f} ms/step, x {setups[k][5]} steps = {ms * setups[k][5] / 1000:.0f} s")
