import torch, time
from dataclasses import replace
from litgpt_nb.train import make_config
from litgpt_nb.speed.bench import first_losses, fast_config
for name, base in [("smoke", make_config("smoke", lr=1e-3, device="cuda")), ("baseline", make_config("baseline", device="cuda"))]:
    fast = fast_config(base, "cuda")
    eager = first_losses(fast, steps=8, device="cuda:0")
    graphed = first_losses(replace(fast, cuda_graph=True), steps=8, device="cuda:0")
    print(name, "eager ", [round(v, 4) for v in eager]); print(name, "graphed", [round(v, 4) for v in graphed])
    print(name, "max rel diff", max(abs(a - b) / b for a, b in zip(graphed, eager)))
