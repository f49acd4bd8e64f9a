"""A control for make run's wandering throughput: a fixed fp32 matmul workload (no model, no loop, no
papermill), its rate per window of `window_s` seconds for `total_s` seconds. If this wanders as much as
the training log does, the machine wanders, not our loop.  Usage: python probe.py [total_s] [window_s]"""
import json, statistics, sys, time
import torch
total_s, window_s = (float(a) for a in (sys.argv[1:3] + ["120", "5"][len(sys.argv[1:3]):]))
a, b = torch.randn(2048, 128), torch.randn(128, 512)   # about the cpu preset's MLP matmul at batch 16 x 128
rates, t_end = [], time.perf_counter() + total_s
while time.perf_counter() < t_end:
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < window_s:
        for _ in range(20): (a @ b).sum()
        n += 20
    rates.append(n / (time.perf_counter() - t0))
s = dict(windows=len(rates), median=statistics.median(rates), min=min(rates), max=max(rates),
         cv=statistics.pstdev(rates) / statistics.mean(rates), threads=torch.get_num_threads(), rates=[round(r, 1) for r in rates])
print(json.dumps(s))
