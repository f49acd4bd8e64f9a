"""Run every notebook's tests (nbdev's `nbdev_test`, one notebook per process, N at a time) and say how each
went as it finishes: `ok`, `FAIL` (with the end of its log) or `skip`, its time, then `N passed, N failed`.

Each notebook's own output (kernel warnings, tracebacks) goes to its log under `.venv/test-logs/`; only a
failure shows it here. Usage: python tools/test_notebooks.py [--flags "slow"] [--workers 2] [NOTEBOOK ...]
"""
import argparse, json, os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def skipped(nb:Path) -> bool:
    "Whether nbdev skips the notebook (`skip_exec: true` in its front matter)."
    cells = json.loads(nb.read_text())["cells"]
    first = "".join(cells[0]["source"]) if cells and cells[0]["cell_type"] == "raw" else ""
    return "skip_exec: true" in first

def run(nb:Path, flags:str, logs:Path) -> tuple:
    log, t0 = logs/f"{nb.stem}.log", time.time()
    cmd = [str(Path(sys.executable).parent/"nbdev_test"), "--path", str(nb), "--do_print"] + (["--flags", flags] if flags else [])
    with open(log, "w") as f: rc = subprocess.run(cmd, cwd=ROOT, stdout=f, stderr=subprocess.STDOUT).returncode
    return nb, rc, time.time() - t0, log

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("notebooks", nargs="*"); p.add_argument("--flags", default=""); p.add_argument("--workers", type=int, default=2)
    a = p.parse_args()
    nbs = [Path(n).resolve() for n in a.notebooks] or sorted((ROOT/"nbs").glob("[!_.]*.ipynb"))
    logs = ROOT/".venv"/"test-logs"; logs.mkdir(parents=True, exist_ok=True)
    todo, passed, failed = [], 0, []
    for nb in nbs:
        if skipped(nb): print(f"skip  {nb.name} (skip_exec: a papermill driver, run by the tests that use it)", flush=True)
        else: todo.append(nb)
    if "slow" in a.flags.split():   # the notebooks with the most slow cells first, so the last to finish is short
        todo.sort(key=lambda nb: -nb.read_text().count("#| slow"))
    print(f"testing {len(todo)} notebooks, {a.workers} at a time{' with flags ' + a.flags if a.flags else ''}; logs in {logs.relative_to(ROOT)}/", flush=True)
    with ThreadPoolExecutor(a.workers) as pool:
        for fut in as_completed([pool.submit(run, nb, a.flags, logs) for nb in todo]):
            nb, rc, secs, log = fut.result()
            print(f"{'ok  ' if rc == 0 else 'FAIL'}  {nb.name:<28} {secs:6.0f} s", flush=True)
            if rc == 0: passed += 1
            else:
                failed.append(nb.name)
                print("      " + "\n      ".join(log.read_text(errors="replace").splitlines()[-30:]), flush=True)
    if failed: print(f"failed: {', '.join(failed)} (logs in {logs.relative_to(ROOT)}/)")
    print(f"{passed} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)

if __name__ == "__main__": main()
