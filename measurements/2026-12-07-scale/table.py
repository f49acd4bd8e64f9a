"""The README's memory table from results/: /usr/bin/time -v's maximum RSS (the largest process), peak_tree.py's
summed tree, the run's own summary.json figures, and whether the run was stopped early."""
import json, re
from pathlib import Path
res = Path(__file__).parent/"results"
rows = ["| run | code | corpus | tokenizer | largest process (MiB) | process tree (MiB) | summary peak_rss_mb | eval tokens/s | train tokens/s | wall |",
        "|---|---|---:|---|---:|---:|---:|---:|---:|---:|"]
CODE = {'before': 'HEAD 585b94a', 'after': 'the change, one pass a step', 'after-mb8': 'the change, micro_batch_size=8 given',
        'after-auto': 'the change with the CPU micro-batches (83d0800)'}
for t in sorted(res.glob("*.time.txt")):
    name = t.name[:-len(".time.txt")]
    label, mb, tok = name.rsplit("-", 2)
    text = t.read_text()
    if "Maximum resident" not in text: continue   # still running
    largest = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)[1]) / 1024
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)[1]
    tree = json.loads((res/f"{name}.tree.json").read_text())["tree_peak_mb"]
    s = json.loads((res/f"{name}.summary.json").read_text()) if (res/f"{name}.summary.json").exists() else {}
    killed = f" (stopped in its final validation)" if (res/f"{name}.killed.txt").exists() else ""
    rows.append(f"| {label}{killed} | {CODE.get(label, label)} | {mb} MB | {tok} | "
                f"{largest:,.0f} | {tree:,.0f} | {s.get('peak_rss_mb', '-')} | {s.get('eval_tokens_per_s') or '-'} | "
                f"{round(s['tokens_per_s']) if s.get('tokens_per_s') else '-'} | {wall} |")
print("\n".join(rows))
