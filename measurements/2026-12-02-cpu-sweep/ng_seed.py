import sys, json, time
from dataclasses import replace
from litgpt_nb.speed.nanogpt import load_nanogpt, NanoGPT, train_and_score
from litgpt_nb.config import make_config
seed = int(sys.argv[1])
mod = load_nanogpt("/tmp/ng")
cfg = make_config("baby", steps=int(sys.argv[2]) if len(sys.argv) > 2 else 7000, seed=seed, n_evals=1)
t = time.time()
r = train_and_score(cfg, lambda config: NanoGPT(mod, config))
r.update(seed=seed, wall_s=round(time.time()-t,1))
print(json.dumps(r)); open(f"/tmp/ng_seed{seed}_{cfg.steps}.json","w").write(json.dumps(r))
