"""Before/after at one shape, every step paired: the model as it was before issue 21 (MAIN_MODEL: a model.py of
an older checkout, e.g. main at 865aeb5), this checkout's, nanoGPT's on the math kernel ours runs on, and nanoGPT's
on the kernel it picks itself, stepped in turn through this checkout's Learner (`paired_steps`).
Usage: OMP_NUM_THREADS=1 python race.py PRESET WARMUP STEPS MAIN_MODEL NANOGPT_DIR OUT.json"""
import sys, json, types, statistics, time
from dataclasses import replace
import torch
from litgpt_nb.speed.bench import paired_steps, op_table, machine_name
from litgpt_nb.config import make_config
from litgpt_nb.speed.nanogpt import NanoGPT, load_nanogpt
preset, warmup, steps, main_model, nanogpt, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:7]
src = open(main_model).read().replace("from .tokenizer import BPE_VOCAB_SIZE", "BPE_VOCAB_SIZE = 16000")
old = types.ModuleType("main_model"); exec(compile(src, "main_model", "exec"), old.__dict__)
def main_fn(config): return old.GPT(old.Config(**config.as_dict()))
mod = load_nanogpt(nanogpt)
fns = {"main": main_fn, "branch": None, "nanoGPT": lambda c: NanoGPT(mod, c), "nanoGPT_flash": lambda c: NanoGPT(mod, replace(c, flash=True))}
r = paired_steps(make_config(preset, device="cpu"), fns, warmup, steps, profile_steps=2)
json.dump(dict(preset=preset, date=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), machine=machine_name(),
               threads=torch.get_num_threads(), warmup=warmup, steps=steps, ms={k: v["ms"] for k, v in r.items()},
               ops={k: v["ops"].to_dict(orient="index") for k, v in r.items()}), open(out, "w"))
b = r["branch"]["ms"]
for k, v in r.items():
    q = statistics.quantiles([x / y for x, y in zip(v["ms"], b)], n=4)
    print(f"{preset} {k:14s} median {statistics.median(v['ms']):8.1f} ms, {k}/branch {q[1]:.3f} ({q[0]:.3f}-{q[2]:.3f}), "
          f"{v['ops'].calls.sum():.0f} ATen ops a step")
print(op_table(r["branch"]["ops"], r["nanoGPT"]["ops"]).to_string())
