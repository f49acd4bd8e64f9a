"The study's table from the copied summaries: python measurements/2026-12-07-recipe/table.py"
import json
from pathlib import Path
here = Path(__file__).parent
print("| folder | run | seed | threads | val nats/char (whole split) | training s | tokens/s |")
print("| --- | --- | --- | --- | ---: | ---: | ---: |")
for s in sorted(here.glob("*/**/summary.json")):
    d, env, cfg = json.loads(s.read_text()), json.loads((s.parent/"env.json").read_text()), json.loads((s.parent/"config.json").read_text())
    threads = env.get("torch_threads") or env.get("threads") or "-"
    print(f"| {s.parent.parent.name if s.parent.parent != here else 'make run'} | {s.parent.name} | {cfg['train']['seed']} | {threads} | "
          f"{d['val_nats_per_char']:.4f} | {d['train_seconds']:.0f} | {d['tokens_per_s']:,.0f} |")
