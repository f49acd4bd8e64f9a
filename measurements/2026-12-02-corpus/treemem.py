"""Run a command and report the peak of the summed resident memory of it and all its descendants
(sampled every 0.2 s from /proc), beside /usr/bin/time's per-process peak.
Usage: python treemem.py CMD ARGS..."""
import os, subprocess, sys, time

def tree(root:int) -> list:
    kids = {}
    for p in os.listdir("/proc"):
        if not p.isdigit(): continue
        try: ppid = int(open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()[1])
        except OSError: continue
        kids.setdefault(ppid, []).append(int(p))
    out, todo = [], [root]
    while todo:
        p = todo.pop(); out.append(p); todo += kids.get(p, [])
    return out

def rss_kb(pid:int) -> int:
    try: return next(int(l.split()[1]) for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS:"))
    except (OSError, StopIteration): return 0

proc, peak, t0 = subprocess.Popen(sys.argv[1:]), 0, time.time()
while proc.poll() is None:
    peak = max(peak, sum(rss_kb(p) for p in tree(proc.pid)))
    time.sleep(0.2)
print(f"treemem: exit {proc.returncode}, {time.time() - t0:.1f} s, peak summed RSS of the process tree {peak / 1024:.0f} MiB", file=sys.stderr)
sys.exit(proc.returncode)
