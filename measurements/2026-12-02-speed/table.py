import json, statistics as st, sys
print("| preset | pairs | ours ms/step | before (main) | nanoGPT, math kernel | nanoGPT, its own kernel | ATen ops per step: main / ours / nanoGPT |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for p in ["smoke", "baby", "cpu", "baseline"]:
    try: r = json.load(open(f"race-{p}.json"))
    except FileNotFoundError: continue
    n = r["steps"]; ms = {k: v[:n] for k, v in r["ms"].items()}; b = ms["branch"]
    def sp(k):
        q = st.quantiles([x / y for x, y in zip(ms[k], b)], n=4); return f"{q[1]:.2f} ({q[0]:.2f}-{q[2]:.2f})"
    ops = {k: round(sum(v["calls"] for v in r["ops"][k].values())) for k in r["ops"]}
    med = st.median(b)
    print(f"| {p} | {n} | {med:,.1f} | {sp('main')} | {sp('nanoGPT')} | {sp('nanoGPT_flash')} | {ops['main']:,} / {ops['branch']:,} / {ops['nanoGPT']:,} |")
    print(p, r["date"], r["machine"], "threads", r["threads"], "warmup", r["warmup"], file=sys.stderr)
