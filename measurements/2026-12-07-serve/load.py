"""The load test of nbs/17a_serve_api.ipynb on any run: `python load.py RUN_DIR TOKENS [CLIENTS REQUESTS]`.

Starts `litgpt-nb serve RUN_DIR` (17a's `main`) on 127.0.0.1 from a hermetic environment (no RUNPOD_*, every process
guarded to loopback), sends REQUESTS greedy completions of TOKENS new tokens after "ROMEO:" from CLIENTS threads,
prints one markdown row of figures with the machine and its load, and stops the server with SIGTERM.
"""
import os, signal, socket, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path
from litgpt_nb.serve import load_test, post_json
from litgpt_nb.testing.loopback import hermetic_env, refused

run, tokens = sys.argv[1], int(sys.argv[2])
clients, requests = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (16, 200)
folder = Path(tempfile.mkdtemp())
env = hermetic_env(folder)
with socket.socket() as s: s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
main = "import sys; from litgpt_nb.serve_api import main; sys.exit(main(sys.argv[1:]))"
server = subprocess.Popen([sys.executable, "-c", main, run, "--port", str(port), "--accelerator", "cpu"],
                          stdout=open(folder/"serve.log", "w"), stderr=subprocess.STDOUT, env=env, start_new_session=True)
try:
    t0 = time.time()
    while True:
        try: urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2); break
        except OSError:
            if server.poll() is not None or time.time() - t0 > 600: sys.exit((folder/"serve.log").read_text()[-2000:])
            time.sleep(1)
    start_s, url = time.time() - t0, f"http://127.0.0.1:{port}/v1/chat/completions"
    body = dict(model="litgpt-nb", messages=[dict(role="user", content="ROMEO:")], max_tokens=tokens, temperature=0)
    assert post_json(url, body)[0] == 200
    load_before = os.getloadavg()[0]
    f = load_test(url, body, clients=clients, requests=requests, cap_s=600)
    cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    print(f"| {time.strftime('%Y-%m-%d %H:%M')} | {cpu}, {os.cpu_count()} cores, load {load_before:.1f} to {os.getloadavg()[0]:.1f} "
          f"| {Path(run).name} | {tokens} | {clients} | {f['sent']} | {f['failed']} | {f['requests_per_s']} | {f['p50_ms']:.0f} "
          f"| {f['p99_ms']:.0f} | {f['tokens_per_s']} | {start_s:.0f} |")
finally:
    server.send_signal(signal.SIGTERM); server.wait(120)
    assert not refused(folder), refused(folder)
