#!/usr/bin/env bash
# litgpt_nb pod start-up: arm the deadline, clone the launched commit, install, train, serve the results, end this pod.
# No `set -u` and no `set -e`: a missing variable or a failing line must never stop this script before its traps and
# its watchdog exist. Every number has a default, so a pod with a variable missing still ends itself.
set -o pipefail
num() { case "$1" in ''|*[!0-9]*) echo "$2";; *) echo "$1";; esac; }
calc() { python3 -c "$1" "${@:2}"; }   # arithmetic in Python: the values travel as arguments, never as source
NOW0=$(date +%s)
W="${LITGPT_NB_WORKDIR:-/workspace}"                     # the pod's persistent mount: it survives a container restart
SERVE="$W/serve"; OUT="$SERVE/${LITGPT_NB_TOKEN:-no-token}"
CREATED=$(num "$LITGPT_NB_CREATED_AT" "$NOW0")
DEADLINE=$(( CREATED + $(num "$LITGPT_NB_MAX_SECONDS" 3600) ))
RESERVE=$(num "$LITGPT_NB_RESERVE_S" 180); LINGER=$(num "$LITGPT_NB_LINGER_S" 600); PORT=$(num "$LITGPT_NB_PORT" 8000)
POD="${RUNPOD_POD_ID:-}"
RC=null; CAUSE=""; PHASE=starting; TERMS=""; TRYING=""; TERMINATED=0; ENDING=0
mkdir -p "$OUT" && : > "$SERVE/index.html"
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) $*" | tee -a "$OUT/boot.log"; }
clean() { printf '%s' "$1" | tr -d '"\\' | tr '\n\r\t' '   ' | tr -d '\000-\037' | cut -c1-300; }
status() {
  [ -n "$1" ] && PHASE=$1
  printf '{"phase": "%s", "time": %s, "exit_code": %s, "cause": "%s", "trying": "%s", "terminations": [%s]}\n' \
    "$PHASE" "$(date +%s)" "$RC" "$(clean "$CAUSE")" "$TRYING" "$TERMS" > "$OUT/.status.tmp" && mv "$OUT/.status.tmp" "$OUT/status.json"
}
# Ending this pod. REST v2 through one helper: METHOD PATH [JSON BODY] as arguments; 200 and 204 are the only successes.
REST_CALL=$(cat <<'PY'
import os, sys, urllib.error, urllib.request
method, path, body = sys.argv[1], sys.argv[2], (sys.argv[3].encode() if len(sys.argv) > 3 else None)
class Refuse(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a): return None          # the pod's key never follows a redirect
req = urllib.request.Request(os.environ.get("RUNPOD_REST_URL", "https://api.runpod.io/v2") + path, method=method, data=body,
                             headers={"User-Agent": "litgpt_nb-pod", "Content-Type": "application/json",
                                      "Authorization": "Bearer " + os.environ.get("RUNPOD_API_KEY", "")})
try: code = urllib.request.build_opener(Refuse).open(req, timeout=25).status
except urllib.error.HTTPError as e: code = e.code; print(f"HTTP {code}: {e.read()[:200].decode(errors='replace')}")
except OSError as e: print(f"{type(e).__name__}: {e}"); sys.exit(1)
else: print(f"HTTP {code}")
if code == 404: print("unknown: RunPod answers 404 for a pod that is gone or that this key cannot see")
sys.exit(0 if code in (200, 204) else 1)
PY
)
WAY_S=30
try_way() {  # $1: the way's name, then its command
  local way=$1 out rc; shift
  log "ending this pod: $way"; TRYING=$way; status "$ENDING_PHASE"
  sleep 2   # time for a launcher reading status.json to see which way ends the pod
  out=$(timeout -k 5 "$WAY_S" "$@" 2>&1); rc=$?
  log "  $way: exit $rc: $(clean "$out")"
  TERMS="$TERMS${TERMS:+, }{\"way\": \"$way\", \"exit_code\": $rc, \"output\": \"$(clean "$out")\"}"
  status "$ENDING_PHASE"
  return $rc
}
terminate_self() {
  [ "$TERMINATED" = 1 ] && return 0
  ENDING=1; ENDING_PHASE=terminating
  try_way "runpodctl remove pod" runpodctl remove pod "$POD" \
    || try_way "REST v2 action terminate" python3 -c "$REST_CALL" POST "/pods/$POD/action" '{"action": "terminate"}' \
    || try_way "REST v2 DELETE" python3 -c "$REST_CALL" DELETE "/pods/$POD" \
    || try_way "runpodctl pod delete" runpodctl pod delete "$POD" \
    || { log "no way terminated this pod (a 404 counts as unknown, not as gone)"; status unterminated; return 1; }
  TERMINATED=1; status terminated
}
stop_self() {  # the last resort: the GPU released, the volume kept (and billed) until the pod is terminated
  ENDING=1; ENDING_PHASE=stopping
  try_way "runpodctl stop pod" runpodctl stop pod "$POD" \
    || try_way "REST v2 action stop" python3 -c "$REST_CALL" POST "/pods/$POD/action" '{"action": "stop"}' \
    || { log "no way stopped this pod either: the launcher, or 'litgpt-nb pod terminate --all', must end it"; status unterminated; return 1; }
  status stopped; log "stopped: the GPU is released; the volume bills until the pod is terminated (litgpt-nb pod list)"
}
on_exit() {
  until terminate_self; do
    [ "$(date +%s)" -lt "$DEADLINE" ] || { log "past the deadline: the watchdog stops this pod"; wait "$WATCHDOG"; return; }
    sleep 30
  done
}
trap on_exit EXIT
# a signal while this pod is being ended is RunPod ending (or stopping) it: no second round of attempts
trap 'log "signal: stopping (${TRYING:-while no way was being tried})"; [ "$ENDING" = 1 ] && trap - EXIT; exit 143' TERM INT HUP
# The deadline over the pod's whole life: a watchdog that ends the pod at created_at + max_seconds, whatever the
# script below is doing (a hung clone, a hung install, a linger that never ends); stopped if it cannot be terminated.
(
  trap - EXIT TERM INT HUP
  while [ "$(date +%s)" -lt "$DEADLINE" ]; do sleep 1; done
  CAUSE="the wall-time cap"; log "the wall-time cap is reached: ending this pod"; status deadline
  until terminate_self || stop_self; do sleep 30; done
) &
WATCHDOG=$!

# A container that RunPod restarted after a run began ends the pod at once: the marker is on the persistent mount.
if [ -e "$W/.litgpt_nb_started" ]; then
  log "this container was restarted after a run began on this pod: ending it without training again"
  CAUSE="container restarted"; status restarted
  exit 0
fi
date +%s > "$W/.litgpt_nb_started"
log "started; pod ${POD:-unknown}, deadline $(date -u -d "@$DEADLINE" +%H:%M:%SZ 2>/dev/null || echo "$DEADLINE")"
RPC=$(command -v runpodctl)
log "runpodctl: ${RPC:-not on PATH}${RPC:+ ($(clean "$(timeout 10 runpodctl version 2>&1 | head -n 1)"))}"
left() { echo $(( DEADLINE - $(date +%s) - RESERVE )); }
bounded() { local cap; cap=$(left); [ "$1" -lt "$cap" ] && echo "$1" || echo "$(( cap > 1 ? cap : 1 ))"; }
linger() {  # on success and on failure alike: the launcher needs the logs; it says when it has them
  log "waiting up to ${LINGER}s for the launcher to collect the results"
  local end=$(( $(date +%s) + LINGER ))
  while [ "$(date +%s)" -lt "$end" ] && [ "$(date +%s)" -lt "$DEADLINE" ]; do
    grep -q "GET /${LITGPT_NB_TOKEN:-no-token}/collected" "$W/http.log" 2>/dev/null && { log "the launcher has the results"; return; }
    sleep 1
  done
}
manifest() {  # sizes and sha256 of the run's files, so the launcher can verify every download
  python3 - "$OUT" <<'PY'
import hashlib, json, os, sys
from pathlib import Path
out = Path(sys.argv[1]); run = out/"run"; files = {}
for p in sorted(run.rglob("*")) if run.is_dir() else []:
    if p.is_file():
        h = hashlib.sha256()
        with open(p, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""): h.update(block)
        files["run/" + str(p.relative_to(run))] = dict(size=p.stat().st_size, sha256=h.hexdigest())
(out/".manifest.tmp").write_text(json.dumps(files, indent=1)); os.replace(out/".manifest.tmp", out/"manifest.json")
PY
}
fail() { RC=1; CAUSE="$1"; manifest; status failed; log "failed: $1"; linger; exit 1; }   # the manifest first: a launcher
                                                                                      # reading "failed" fetches at once
SERVER=$(cat <<'PY'
import http.server, os, re, sys
from functools import partial
class Ranged(http.server.SimpleHTTPRequestHandler):
    "http.server's files, and one byte range per request, so a cut download resumes where it stopped."
    def send_head(self):
        self.left, m = None, re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", "").strip())
        path = self.translate_path(self.path)
        if not m or not os.path.isfile(path): return super().send_head()
        f = open(path, "rb"); size = os.fstat(f.fileno()).st_size
        start, end = int(m[1]), min(int(m[2]) if m[2] else size - 1, size - 1)
        if start >= size or end < start:
            f.close(); self.send_response(416); self.send_header("Content-Range", f"bytes */{size}"); self.end_headers(); return None
        f.seek(start); self.left = end - start + 1
        self.send_response(206); self.send_header("Content-Type", self.guess_type(path)); self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}"); self.send_header("Content-Length", str(self.left)); self.end_headers()
        return f
    def copyfile(self, src, dst):
        if self.left is None: return super().copyfile(src, dst)
        while self.left > 0 and (block := src.read(min(self.left, 1 << 16))): dst.write(block); self.left -= len(block)
http.server.ThreadingHTTPServer((sys.argv[2], int(sys.argv[1])), partial(Ranged, directory=sys.argv[3])).serve_forever()
PY
)
python3 -c "$SERVER" "$PORT" "${LITGPT_NB_BIND:-0.0.0.0}" "$SERVE" >/dev/null 2>>"$W/http.log" &
for v in LITGPT_NB_REPO LITGPT_NB_COMMIT LITGPT_NB_TOKEN LITGPT_NB_PARAMS LITGPT_NB_USD_PER_HOUR LITGPT_NB_BUDGET_USD; do
  [ -n "${!v}" ] || fail "the pod's environment has no $v (a launcher bug: please report it)"
done
for v in LITGPT_NB_USD_PER_HOUR LITGPT_NB_BUDGET_USD; do
  calc 'import sys; float(sys.argv[1])' "${!v}" 2>/dev/null || fail "$v is not a number (a launcher bug: please report it)"
done
status installing
log "cloning $LITGPT_NB_COMMIT"
rm -rf "$W/litgpt_nb"
t=$(bounded "$(num "$LITGPT_NB_CLONE_S" 600)")
{ timeout -k 10 "$t" git clone -q "$LITGPT_NB_REPO" "$W/litgpt_nb" && git -C "$W/litgpt_nb" checkout -q "$LITGPT_NB_COMMIT"; } \
  >> "$OUT/boot.log" 2>&1 || fail "could not clone the repository at the launched commit within ${t}s"
cd "$W/litgpt_nb" || fail "the clone is missing"
mkdir -p outputs/run && ln -sfn "$W/litgpt_nb/outputs/run" "$OUT/run"
t=$(bounded "$(num "$LITGPT_NB_INSTALL_S" 1800)")
case "$LITGPT_NB_EXTRAS" in *[!a-z,]*) fail "LITGPT_NB_EXTRAS is not names of extras (a launcher bug: please report it)";; esac
TARGET=".${LITGPT_NB_EXTRAS:+[$LITGPT_NB_EXTRAS]}"   # the project, with the extras its trackers need: .[tensorboard,wandb]
log "installing $TARGET (at most ${t}s)"
timeout -k 10 "$t" bash -c "${LITGPT_NB_INSTALL:-pip install -q -e \"\$1\" || pip install -q --break-system-packages -e \"\$1\"}" install "$TARGET" \
  >> "$OUT/boot.log" 2>&1 || fail "pip install failed or took over ${t}s"
now=$(date +%s)
train_s=$(left)
[ "$train_s" -gt 60 ] || fail "no time left for training before the wall-time cap"
echo "$LITGPT_NB_PARAMS" | base64 -d > outputs/run/params.yaml
usd_h="$LITGPT_NB_USD_PER_HOUR"; gpus=$(num "$LITGPT_NB_GPU_COUNT" 1)
prior=$(calc 'import sys; print(round((int(sys.argv[1]) - int(sys.argv[2])) * float(sys.argv[3]) / 3600, 4))' "$now" "$CREATED" "$usd_h")
status training
log "training: ${train_s}s left, \$${prior} spent before training"
if [ -n "$LITGPT_NB_SWEEP" ]; then   # a whole sweep, one run per GPU, under what the pod may still spend
  echo "$LITGPT_NB_SWEEP" | base64 -d > outputs/run/sweep.yaml
  PYTHONHASHSEED="${PYTHONHASHSEED:-1337}" timeout -k 30 "$train_s" litgpt-nb sweep outputs/run/sweep.yaml \
    --out-root outputs/run/sweeps --usd-per-hour "$(calc 'import sys; print(float(sys.argv[1]) / int(sys.argv[2]))' "$usd_h" "$gpus")" \
    --budget-usd "$(calc 'import sys; print(round(float(sys.argv[1]) - float(sys.argv[2]), 4))' "$LITGPT_NB_BUDGET_USD" "$prior")" \
    --max-hours "$(calc 'import sys; print(round(int(sys.argv[1]) * (int(sys.argv[2]) - 60) / 3600, 4))' "$gpus" "$train_s")" \
    > outputs/run/papermill.log 2>&1 &
else
PYTHONHASHSEED="${PYTHONHASHSEED:-1337}" timeout -k 30 "$train_s" papermill nbs/train.ipynb outputs/run/report.ipynb \
  -f outputs/run/params.yaml -p out_dir outputs/run -p usd_per_hour "$usd_h" -p prior_usd "$prior" \
  -p budget_usd "$LITGPT_NB_BUDGET_USD" -p max_hours "$(calc 'import sys; print(round((int(sys.argv[1]) - 60) / 3600, 4))' "$train_s")" \
  -p nproc "$gpus" --cwd . > outputs/run/papermill.log 2>&1 &
fi
wait $!   # in the background, so a signal to this script is handled at once, not after training
rc=$?
RC=$rc
manifest   # before the status says the run ended: the launcher fetches as soon as it reads that
if [ "$rc" = 0 ]; then status done; else CAUSE="training failed: papermill exited $rc (see papermill.log)"; status failed; fi
log "papermill exited $rc"
linger
exit "$rc"
