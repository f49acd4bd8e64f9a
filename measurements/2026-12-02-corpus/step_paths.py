"""Training throughput of the `cpu` preset on Tiny Shakespeare with the training split on the device
(every run before issue 20) and with its windows read from the memory-mapped shards, measured in one
process with the two paths alternating step by step, so that the load of a shared machine falls on
both alike. Each step is the Learner's: the batch (get_batch) and the optimizer step (make_stepper).
Usage, from the project root: python measurements/2026-12-02-corpus/step_paths.py [STEPS]"""
import sys, time, statistics, json
from contextlib import nullcontext
import torch
from litgpt_nb.config import make_config
from litgpt_nb.prepare import prepare_data
from litgpt_nb.model import GPT, Config
from litgpt_nb.batches import on_device, BatchStream, get_batch, lr_at
from litgpt_nb.step import make_optimizer, make_stepper
from litgpt_nb.runfiles import cpu_model

steps = int(sys.argv[1]) if len(sys.argv) > 1 else 200
cfg = make_config("cpu")
data = prepare_data(None, cfg.tokenizer)
torch.manual_seed(cfg.seed)
model = GPT(Config.from_name("cpu", vocab_size=data.tokenizer.vocab_size))
T, opt = model.config.block_size, make_optimizer(model, cfg)
step = make_stepper(model, model, opt, cfg, nullcontext)
paths = {"device": on_device(data.train), "shards": data.train}
stream = BatchStream(len(data.train), T, cfg.batch_size, cfg.seed)
times, batch_s = {k: [] for k in paths}, {k: [] for k in paths}
for s in range(steps):
    for name in (("device", "shards") if s % 2 == 0 else ("shards", "device")):   # the order alternates too
        t0 = time.perf_counter()
        batch = get_batch(paths[name], stream(s), T)
        t1 = time.perf_counter()
        step([batch], lr_at(s, cfg)).item()
        t2 = time.perf_counter()
        times[name].append(t2 - t0); batch_s[name].append(t1 - t0)
tokens = cfg.batch_size * T
out = {k: dict(tokens_per_s=round(tokens / statistics.median(v[10:])), median_step_ms=round(1e3 * statistics.median(v[10:]), 2),
               median_batch_ms=round(1e3 * statistics.median(batch_s[k][10:]), 3)) for k, v in times.items()}
print(json.dumps(dict(machine=cpu_model(), threads=torch.get_num_threads(), date=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                      steps_each=steps - 10, train_tokens=len(data.train), **out), indent=1))
