"""The `cpu` preset's step by part, in CPU seconds of this process on one thread (robust to a busy machine, unlike wall
time), Muon's iterations in bfloat16 (torch's own Muon: the code before 2026-12-07) and in float32, and AdamW beside.
Run as is, and held to AVX2:  ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2 python step_parts.py
"""
import statistics, sys, time
import torch
from litgpt_nb.config import make_config, bfloat16_is_fast
from litgpt_nb.model import GPT, Config, lm_loss
from litgpt_nb.step import make_optimizer
from litgpt_nb.speed.bench import machine_name

torch.set_num_threads(1)
print(machine_name(), "| one thread, CPU seconds of this process")
steps = int(sys.argv[1]) if len(sys.argv) > 1 else 20
cases = {"Muon, bfloat16 iterations (before)": dict(optimizer="muon", muon_dtype="bfloat16"),
         "Muon, float32 iterations": dict(optimizer="muon", muon_dtype="float32"),
         "AdamW": dict(optimizer="adamw")}
cfg0 = make_config("cpu")
torch.manual_seed(0)
base = GPT(Config.from_name("cpu", vocab_size=65, tie_embeddings=True, dropout=0.0))
x = torch.randint(0, 65, (cfg0.batch_size, base.config.block_size)); y = torch.randint(0, 65, x.shape)
runs = {}
for name, kw in cases.items():
    model = GPT(base.config); model.load_state_dict(base.state_dict())
    runs[name] = (model, make_optimizer(model, make_config("cpu", **kw)))
ms = {n: dict(fwd_bwd=[], optimizer=[]) for n in cases}
for step in range(steps + 2):                     # the cases in turn, so a machine that drifts drifts on all
    for name, (model, opt) in runs.items():
        t = time.process_time(); lm_loss(model(x), y).backward(); t1 = time.process_time()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0); opt.step(); opt.zero_grad(set_to_none=True)
        t2 = time.process_time()
        if step >= 2: ms[name]["fwd_bwd"].append(1000 * (t1 - t)); ms[name]["optimizer"].append(1000 * (t2 - t1))
print(f"| case | fwd+bwd ms | optimizer ms | step ms | optimizer share |\n| --- | --- | --- | --- | --- |")
for name, d in ms.items():
    f, o = statistics.median(d["fwd_bwd"]), statistics.median(d["optimizer"])
    print(f"| {name} | {f:.1f} | {o:.1f} | {f + o:.1f} | {o / (f + o):.0%} |")
