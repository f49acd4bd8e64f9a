import time, torch, statistics
from litgpt_nb.config import make_config
from litgpt_nb.step import build
from litgpt_nb.step import train_step
from litgpt_nb.batches import get_batch, batch_starts, on_device
torch.manual_seed(0)
res = {}
setups = {}
for opt in ("adamw", "muon"):
    cfg = make_config("cpu", optimizer=opt)
    data, mc, model, o, _ = build(cfg, torch.device("cpu"))
    setups[opt] = (model, o, on_device(data.train), mc.block_size, cfg.batch_size)
times = {k: [] for k in setups}
for i in range(25):
    for k, (model, o, toks, T, B) in setups.items():
        x, y = get_batch(toks, batch_starts(len(toks), T, B, 1337, i), T)
        t = time.perf_counter(); train_step(model, o, [(x, y)]); times[k].append(time.perf_counter() - t)
for k, v in times.items(): print(k, f"median {1000*statistics.median(v[5:]):.1f} ms/step", f"threads {torch.get_num_threads()}")
print("ratio muon/adamw", statistics.median([m / a for m, a in zip(times['muon'][5:], times['adamw'][5:])]))
