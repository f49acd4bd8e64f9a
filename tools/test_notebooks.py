"""Run every notebook's tests (nbdev's `nbdev_test`, one notebook per process, N at a time) and say how each
went as it finishes: `ok`, `FAIL` (with the end of its log) or `skip`, its time and CPU time, then `N passed, N failed`.

The notebooks whose results depend on the CPU's vector level (`HELD_AVX2`) run a second time with PyTorch and oneDNN
held to AVX2, as on a laptop without AVX-512 or fast bfloat16 (on an AVX2-only CPU the hold changes nothing).

Each notebook's own output (kernel warnings, tracebacks) goes to its log under `.venv/test-logs/`; only a
failure shows it here. Usage: python tools/test_notebooks.py [--flags "slow"] [--workers 2] [NOTEBOOK ...]
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Notebooks that mostly wait (on the fake RunPod's provisioning, deadlines and retries: a quarter of their time is
# CPU time, measured): they run beside the pool of N, not in it, so the two cores are not left idle behind them.
WAITERS = ("12_pod_e2e.ipynb", "14_pod_faults.ipynb")
# Notebooks whose numbers or choices depend on the CPU's vector level: bfloat16's speed, Muon's dtype, the pinned losses.
HELD_AVX2 = ("03_config.ipynb", "03b_step.ipynb", "05a_learner.ipynb")
AVX2 = {"ATEN_CPU_CAPABILITY": "avx2", "ONEDNN_MAX_CPU_ISA": "AVX2"}   # both: ATen's kernels and oneDNN's matmuls

def skipped(nb:Path) -> bool:
    "Whether nbdev skips the notebook (`skip_exec: true` in its front matter)."
    cells = json.loads(nb.read_text())["cells"]
    first = "".join(cells[0]["source"]) if cells and cells[0]["cell_type"] == "raw" else ""
    return "skip_exec: true" in first

def run(nb:Path, flags:str, logs:Path, held:bool=False) -> tuple:
    log, t0 = logs/f"{nb.stem}{'.avx2' if held else ''}.log", time.time()
    cmd = [str(Path(sys.executable).parent/"nbdev_test"), "--path", str(nb), "--do_print"] + (["--flags", flags] if flags else [])
    # the notebook's temporary files (runs, fake pods, torchrun's folders) in a folder of its own, removed when it passes
    tmp = tempfile.mkdtemp(prefix=f"test-{nb.stem[:12]}-")
    with open(log, "w") as f:
        # compiled kernels kept, one cache per vector level: inductor's cache key leaves ATEN_CPU_CAPABILITY out, and kernels
        # compiled held to AVX2 crash an unheld process that loads them (06a: "double free or corruption", 2026-12-07)
        isa = (AVX2 if held else os.environ).get("ATEN_CPU_CAPABILITY", "native")
        env = {"TORCHINDUCTOR_CACHE_DIR": str(ROOT/".venv"/f"inductor-cache-{isa}"), **os.environ, "TMPDIR": tmp,
               **(AVX2 if held else {})}
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=f, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)   # its CPU time, with every process it waited for
    proc.returncode = rc = os.waitstatus_to_exitcode(status)
    if rc == 0: shutil.rmtree(tmp, ignore_errors=True)
    else:
        with open(log, "a") as f: f.write(f"\n(its temporary files are kept in {tmp})\n")
    return nb, held, rc, time.time() - t0, usage.ru_utime + usage.ru_stime, log

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("notebooks", nargs="*"); p.add_argument("--flags", default=""); p.add_argument("--workers", type=int, default=2)
    p.add_argument("--no-avx2", action="store_true", help="skip the second run of HELD_AVX2 held to AVX2")
    a = p.parse_args()
    nbs = [Path(n).resolve() for n in a.notebooks] or sorted((ROOT/"nbs").glob("[!_.]*.ipynb"))
    logs = ROOT/".venv"/"test-logs"; logs.mkdir(parents=True, exist_ok=True)
    todo, passed, failed = [], 0, []
    for nb in nbs:
        if skipped(nb): print(f"skip  {nb.name} (skip_exec: a papermill driver, run by the tests that use it)", flush=True)
        else: todo.append(nb)
    if "slow" in a.flags.split():   # the notebooks with the most slow cells first, so the last to finish is short
        todo.sort(key=lambda nb: -nb.read_text().count("#| slow"))
    waiters = [nb for nb in todo if nb.name in WAITERS]
    held = 0 if a.no_avx2 else sum(nb.name in HELD_AVX2 for nb in todo)
    print(f"testing {len(todo)} notebooks{f' (and {held} again held to AVX2)' if held else ''}, {a.workers} at a time{f' (and {len(waiters)} that mostly wait beside them)' if waiters else ''}"
          f"{' with flags ' + a.flags if a.flags else ''}; logs in {logs.relative_to(ROOT)}/", flush=True)
    with ThreadPoolExecutor(a.workers) as pool, ThreadPoolExecutor(max(1, len(waiters))) as beside:
        futs = [beside.submit(run, nb, a.flags, logs) for nb in waiters]
        futs += [pool.submit(run, nb, a.flags, logs) for nb in todo if nb not in waiters]
        futs += [pool.submit(run, nb, a.flags, logs, True) for nb in todo if nb.name in HELD_AVX2 and not a.no_avx2]
        for fut in as_completed(futs):
            nb, held, rc, secs, cpu, log = fut.result()
            name = nb.name + (" (AVX2)" if held else "")
            print(f"{'ok  ' if rc == 0 else 'FAIL'}  {name:<28} {secs:6.0f} s  (CPU {cpu:4.0f} s)", flush=True)
            if rc == 0: passed += 1
            else:
                failed.append(name)
                print("      " + "\n      ".join(log.read_text(errors="replace").splitlines()[-30:]), flush=True)
    if failed: print(f"failed: {', '.join(failed)} (logs in {logs.relative_to(ROOT)}/)")
    print(f"{passed} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)

if __name__ == "__main__": main()
