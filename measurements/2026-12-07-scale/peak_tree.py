"""Run a command; print the peak of the summed resident memory of its whole process tree (sampled every 0.1 s from /proc)
and the largest single process's peak (VmHWM, read while it lives). Usage: peak_tree.py OUT.json -- COMMAND..."""
import json, os, subprocess, sys, time
from pathlib import Path

def status(pid):
    try: text = Path(f"/proc/{pid}/status").read_text()
    except OSError: return None
    f = dict(l.split(":", 1) for l in text.splitlines() if ":" in l)
    kb = lambda k: int(f.get(k, "0 kB").split()[0])
    return dict(ppid=int(f["PPid"]), rss=kb("VmRSS"), hwm=kb("VmHWM"), name=f["Name"].strip())

def tree(root):
    procs = {int(p): s for p in os.listdir("/proc") if p.isdigit() and (s := status(p))}
    kids, out, todo = {}, {}, [root]
    for pid, s in procs.items(): kids.setdefault(s["ppid"], []).append(pid)
    while todo:
        pid = todo.pop()
        if pid in procs: out[pid] = procs[pid]; todo += kids.get(pid, [])
    return out

if __name__ == "__main__":
    out, cmd = sys.argv[1], sys.argv[sys.argv.index("--") + 1:]
    t0, p = time.time(), subprocess.Popen(cmd)
    peak_sum = 0; hwm = {}
    while p.poll() is None:
        t = tree(p.pid)
        peak_sum = max(peak_sum, sum(s["rss"] for s in t.values()))
        for pid, s in t.items(): hwm[pid] = (max(s["hwm"], hwm.get(pid, (0,))[0]), s["name"])
        time.sleep(0.1)
    top = sorted(hwm.values(), reverse=True)[:5]
    res = dict(cmd=cmd, rc=p.returncode, wall_s=round(time.time() - t0, 1), tree_peak_mb=round(peak_sum / 1024, 1),
               largest_mb=[(round(k / 1024, 1), n) for k, n in top], processes=len(hwm))
    Path(out).write_text(json.dumps(res, indent=1)); print(json.dumps(res))
    sys.exit(p.returncode)
