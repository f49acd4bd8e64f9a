#!/usr/bin/env bash
# litgpt_nb pod start-up: arm the deadline, clone the launched commit, install, train, serve the results, end this pod.
# No `set -u` and no `set -e`: a missing variable or a failing line must never stop this script before its traps and
# its watchdog exist. Every number has a default, so a pod with a variable missing still ends itself.
set -o pipefail
num() { case "$1" in ''|*[!0-9]*) echo "$2";; *) echo "$1";; esac; }
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
clean() { printf '%s' "$1" | tr -d '"\\' | tr '\n\r\t' '   ' | cut -c1-300; }
status() {
  [ -n "$1" ] && PHASE=$1
  printf '{"phase": "%s", "time": %s, "exit_code": %s, "cause": "%s", "trying": "%s", "terminations": [%s]}\n' \
    "$PHASE" "$(date +%s)" "$RC" "$(clean "$CAUSE")" "$TRYING" "$TERMS" > "$OUT/.status.tmp" && mv "$OUT/.status.tmp" "$OUT/status.json"
}

# Ending this pod, each way in the order of the evidence that it works from inside a pod; each outcome is logged
# in boot.log and status.json before the next way is tried, so a real launch shows which way worked.
# REST v2 DELETE /v2/pods/{id} with the pod's own key: 204 ends it, 404 means it is already gone
REST_DELETE=$(cat <<'PY'
import os, sys, urllib.error, urllib.request
url = os.environ.get("RUNPOD_REST_URL", "https://api.runpod.io/v2") + "/pods/" + os.environ.get("RUNPOD_POD_ID", "")
req = urllib.request.Request(url, method="DELETE", headers={"User-Agent": "litgpt_nb-pod",
                             "Authorization": "Bearer " + os.environ.get("RUNPOD_API_KEY", "")})
try: code = urllib.request.urlopen(req, timeout=30).status
except urllib.error.HTTPError as e: code = e.code; print(f"HTTP {code}: {e.read()[:200].decode(errors='replace')}")
except OSError as e: print(f"{type(e).__name__}: {e}"); sys.exit(1)
else: print(f"HTTP {code}")
sys.exit(0 if code in (200, 204, 404) else 1)
PY
)
try_way() {  # $1: the way's name, then its command
  local way=$1 out rc; shift
  log "terminating this pod: $way"; TRYING=$way; status terminating
  sleep 2   # time for a launcher reading status.json to see which way ends the pod
  out=$(timeout -k 5 60 "$@" 2>&1); rc=$?
  log "  $way: exit $rc: $(clean "$out")"
  TERMS="$TERMS${TERMS:+, }{\"way\": \"$way\", \"exit_code\": $rc, \"output\": \"$(clean "$out")\"}"
  status terminating
  return $rc
}
terminate_self() {
  [ "$TERMINATED" = 1 ] && return 0
  ENDING=1
  try_way "runpodctl remove pod" runpodctl remove pod "$POD" \
    || try_way "REST v2 DELETE" python3 -c "$REST_DELETE" \
    || try_way "runpodctl pod delete" runpodctl pod delete "$POD" \
    || { log "no way ended this pod: the launcher, or 'litgpt-nb pod terminate --all', must end it"; status unterminated; return 1; }
  TERMINATED=1; status terminated
}
on_exit() { until terminate_self; do [ "$(date +%s)" -lt "$DEADLINE" ] || break; sleep 30; done; }
trap on_exit EXIT
# a signal while this pod is being ended is RunPod ending it: no second round of attempts
trap 'log "signal: stopping"; [ "$ENDING" = 1 ] && trap - EXIT; exit 143' TERM INT HUP

# The deadline over the pod's whole life: a watchdog that ends the pod at created_at + max_seconds, whatever the
# script below is doing (a hung clone, a hung install, a linger that never ends).
(
  trap - EXIT TERM INT HUP
  while [ "$(date +%s)" -lt "$DEADLINE" ]; do sleep 1; done
  CAUSE="the wall-time cap"; log "the wall-time cap is reached: ending this pod"; status deadline
  until terminate_self; do sleep 30; done
) &

# A container that RunPod restarted after a run began ends the pod at once: the marker is on the persistent mount.
if [ -e "$W/.litgpt_nb_started" ]; then
  log "this container was restarted after a run began on this pod: ending it without training again"
  CAUSE="container restarted"; status restarted
  exit 0
fi
date +%s > "$W/.litgpt_nb_started"
log "started; pod ${POD:-unknown}, deadline $(date -u -d "@$DEADLINE" +%H:%M:%SZ 2>/dev/null || echo "$DEADLINE")"

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

python3 -m http.server "$PORT" --directory "$SERVE" >/dev/null 2>>"$W/http.log" &
for v in LITGPT_NB_REPO LITGPT_NB_COMMIT LITGPT_NB_TOKEN LITGPT_NB_PARAMS LITGPT_NB_USD_PER_HOUR LITGPT_NB_BUDGET_USD; do
  [ -n "${!v}" ] || fail "the pod's environment has no $v (a launcher bug: please report it)"
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
log "installing (at most ${t}s)"
timeout -k 10 "$t" bash -c "${LITGPT_NB_INSTALL:-pip install -q -e . || pip install -q --break-system-packages -e .}" >> "$OUT/boot.log" 2>&1 || fail "pip install failed or took over ${t}s"
now=$(date +%s)
train_s=$(left)
[ "$train_s" -gt 60 ] || fail "no time left for training before the wall-time cap"
echo "$LITGPT_NB_PARAMS" | base64 -d > outputs/run/params.yaml
usd_h="$LITGPT_NB_USD_PER_HOUR"
prior=$(python3 -c "print(round(($now - $CREATED) * float('$usd_h') / 3600, 4))")
status training
log "training: ${train_s}s left, \$${prior} spent before training"
gpus=$(num "$LITGPT_NB_GPU_COUNT" 1)
if [ -n "$LITGPT_NB_SWEEP" ]; then   # a whole sweep, one run per GPU, under what the pod may still spend
  echo "$LITGPT_NB_SWEEP" | base64 -d > outputs/run/sweep.yaml
  PYTHONHASHSEED="${PYTHONHASHSEED:-1337}" timeout -k 30 "$train_s" litgpt-nb sweep outputs/run/sweep.yaml \
    --out-root outputs/run/sweeps --usd-per-hour "$(python3 -c "print(float('$usd_h') / $gpus)")" \
    --budget-usd "$(python3 -c "print(round(float('$LITGPT_NB_BUDGET_USD') - $prior, 4))")" \
    --max-hours "$(python3 -c "print(round($gpus * ($train_s - 60) / 3600, 4))")" > outputs/run/papermill.log 2>&1 &
else
PYTHONHASHSEED="${PYTHONHASHSEED:-1337}" timeout -k 30 "$train_s" papermill nbs/train.ipynb outputs/run/report.ipynb \
  -f outputs/run/params.yaml -p out_dir outputs/run -p usd_per_hour "$usd_h" -p prior_usd "$prior" \
  -p budget_usd "$LITGPT_NB_BUDGET_USD" -p max_hours "$(python3 -c "print(round(($train_s - 60) / 3600, 4))")" \
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
