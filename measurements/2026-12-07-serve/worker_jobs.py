"""A job's time through the RunPod SDK's local API (nbs/17b_worker.ipynb): `python worker_jobs.py RUN_DIR TOKENS [JOBS]`.

Starts `litgpt-nb worker RUN_DIR --rp_serve_api` (17b's `main`) on 127.0.0.1 from a hermetic environment, times its start
(until the API answers, the model loaded) and JOBS greedy /runsync jobs of TOKENS new tokens one after the other, prints a
markdown row, and stops it with SIGTERM.
"""
import os, signal, socket, statistics, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path
from litgpt_nb.serve import post_json
from litgpt_nb.testing.loopback import hermetic_env, refused

run, tokens, jobs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 20
folder = Path(tempfile.mkdtemp())
env = hermetic_env(folder)
with socket.socket() as s: s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
main = "import sys; from litgpt_nb.worker import main; sys.exit(main(sys.argv[1:]))"
worker = subprocess.Popen([sys.executable, "-c", main, run, "--accelerator", "cpu", "--rp_serve_api", "--rp_api_port", str(port)],
                          stdout=open(folder/"worker.log", "w"), stderr=subprocess.STDOUT, env=env, start_new_session=True)
try:
    t0 = time.time()
    while True:
        try: urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2); break
        except OSError:
            if worker.poll() is not None or time.time() - t0 > 600: sys.exit((folder/"worker.log").read_text()[-2000:])
            time.sleep(1)
    start_s, took = time.time() - t0, []
    for _ in range(jobs):
        t = time.perf_counter()
        status, out = post_json(f"http://127.0.0.1:{port}/runsync", {"input": {"prompt": "ROMEO:", "max_tokens": tokens, "temperature": 0}})
        took.append(time.perf_counter() - t); assert status == 200 and out["status"] == "COMPLETED", out
    cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    print(f"| {time.strftime('%Y-%m-%d %H:%M')} | {cpu}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} | {Path(run).name} | {tokens} "
          f"| {jobs} | {1000 * statistics.median(took):.0f} | {start_s:.0f} |")
finally:
    worker.send_signal(signal.SIGTERM); worker.wait(120)
    assert not refused(folder), refused(folder)
