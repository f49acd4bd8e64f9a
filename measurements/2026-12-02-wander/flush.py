import sys, torch
if sys.argv[1] == "flush": print("flush_denormal", torch.set_flush_denormal(True))
from litgpt_nb.config import make_config
from litgpt_nb.learner import train
s = train(make_config("cpu", steps=int(sys.argv[2]), log_every=25, out_dir=f"/tmp/w/{sys.argv[1]}"), progress=False)
import csv
r=[int(float(x['tokens_per_s'])) for x in csv.DictReader(open(f'/tmp/w/{sys.argv[1]}/metrics.csv')) if x['tokens_per_s']]
print(sys.argv[1], s["val_nats_per_char"], r)
