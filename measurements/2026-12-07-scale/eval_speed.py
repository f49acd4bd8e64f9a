"""Where a whole-split validation's time goes, at the `cpu` model with a 16k vocabulary (block 128): the forward pass alone
against `evaluate`, by windows per pass, threads, no_grad against inference_mode, and the old evaluate (SRC_OLD, a folder
holding the previous litgpt_nb/) on the same split. Best of ROUNDS interleaved rounds (a loaded machine: see the README).
Usage: eval_speed.py OUT.json [SRC_OLD]"""
import importlib.util, json, os, platform, sys, tempfile, time
from pathlib import Path
import numpy as np, torch
import litgpt_nb.evaluate as ev
from litgpt_nb.model import GPT, Config
from litgpt_nb.prepare import TokenShards

V, T, N, ROUNDS = 16_000, 128, 8192 * 2 + 1, 3
torch.manual_seed(0)
model = GPT(Config.from_name("cpu", vocab_size=V)).eval()
tmp = Path(tempfile.mkdtemp())
np.random.default_rng(0).integers(0, V, N).astype(np.uint16).tofile(tmp/"val-00000.bin")
shards, pc = TokenShards([tmp/"val-00000.bin"], np.uint16), torch.ones(V, dtype=torch.long)
x = torch.randint(0, V, (64, T))

def rate(fn, tokens) -> tuple:
    "(tokens per wall second, tokens per CPU second of this process): on a loaded machine the second is the robust one."
    fn(); t, c = time.perf_counter(), time.process_time(); fn()
    return tokens / (time.perf_counter() - t), tokens / (time.process_time() - c)

def forward(rows, ctx):
    def f():
        with ctx():
            for i in range(0, 64, rows): model(x[i:i + rows])
    return f

def evaluate(rows, ctx=torch.no_grad):
    def f():
        ev.HOST_LOGITS_BYTES = 1 << 40   # the rows asked for, uncapped
        with ctx(): ev.evaluate(model, shards, pc, T, batch_size=rows)
    return f

old = None
if len(sys.argv) > 2:
    spec = importlib.util.spec_from_file_location("old_litgpt_nb", Path(sys.argv[2])/"litgpt_nb"/"__init__.py",
                                                  submodule_search_locations=[str(Path(sys.argv[2])/"litgpt_nb")])
    sys.modules["old_litgpt_nb"] = importlib.util.module_from_spec(spec); spec.loader.exec_module(sys.modules["old_litgpt_nb"])
    import old_litgpt_nb.evaluate as old_ev
    val_t = torch.from_numpy(np.asarray(shards).astype(np.int64))
    old = lambda: old_ev.evaluate(model, val_t, pc, T, batch_size=64)

cases = {}
for threads in (1, 2):
    for rows in (1, 2, 4, 8, 16, 32, 64):
        cases[f"forward rows={rows} threads={threads} no_grad"] = (threads, forward(rows, torch.no_grad), 64 * T)
        cases[f"evaluate rows={rows} threads={threads}"] = (threads, evaluate(rows), N - 1)
    cases[f"forward rows=8 threads={threads} inference_mode"] = (threads, forward(8, torch.inference_mode), 64 * T)
    cases[f"evaluate rows=8 threads={threads} inference_mode"] = (threads, evaluate(8, torch.inference_mode), N - 1)
    if old: cases[f"old evaluate rows=64 threads={threads}"] = (threads, old, N - 1)
best = {k: (0.0, 0.0) for k in cases}
for r in range(ROUNDS):
    for k, (threads, fn, tokens) in cases.items():
        torch.set_num_threads(threads); wall, cpu = rate(fn, tokens)
        best[k] = (max(best[k][0], wall), max(best[k][1], cpu))
        print(f"round {r} {k}: {best[k][0]:,.0f} tok/s, {best[k][1]:,.0f} tok per CPU s", flush=True)
res = dict(date=time.strftime("%Y-%m-%d %H:%M"), machine=platform.processor() or platform.machine(), cpus=os.cpu_count(),
           load=os.getloadavg(), torch=torch.__version__, tokens_per_s={k: round(v[0]) for k, v in best.items()},
           tokens_per_cpu_s={k: round(v[1]) for k, v in best.items()})
Path(sys.argv[1]).write_text(json.dumps(res, indent=1)); print(json.dumps(res, indent=1))
