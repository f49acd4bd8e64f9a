import torch, numpy as np, time
from dataclasses import replace
from litgpt_nb.train import resolve_device, BatchStream, get_batch, evaluate, make_config, setup_device, build_run
from litgpt_nb.tokenizer import prepare_data
from litgpt_nb.speed.bench import first_losses, fast_config
assert resolve_device("cuda") == torch.device("cuda", 0); print("resolve_device ok", resolve_device(None))
d = prepare_data(None, "char")
toks = torch.from_numpy(d.train.astype(np.int64))
a, b = BatchStream(len(toks), 256, 32, 1337, 0, "cpu"), BatchStream(len(toks), 256, 32, 1337, 0, "cuda:0")
gt = toks.cuda()
for s in (0, 1, 499, 500, 2999):
    assert torch.equal(get_batch(toks, a(s), 256)[0], get_batch(gt, b(s), 256)[0].cpu()), s
print("same windows on CPU and GPU: ok")
cfg = make_config("smoke", lr=1e-3, device="cuda")
ref = first_losses(cfg, device="cuda:0")
fast = first_losses(fast_config(cfg, "cuda"), device="cuda:0")
print("smoke cuda reference", [round(v, 4) for v in ref]); print("smoke cuda fast", [round(v, 4) for v in fast])
assert all(abs(x - y) / y < 0.02 for x, y in zip(fast, ref))
c = make_config("baseline", device="cuda")
dev = setup_device(c)
data, mcfg, model, opt = build_run(c, dev)
val, pc = torch.from_numpy(data.val.astype(np.int64)), torch.from_numpy(data.tokenizer.piece_chars)
r_gpu = evaluate(model, val.to(dev), pc.to(dev), 256, 32)
r_cpu = evaluate(model.cpu(), val, pc, 256, 32)
print("evaluate init baseline: cuda", r_gpu, "cpu", r_cpu); assert abs(r_gpu[1] - r_cpu[1]) < 1e-3
