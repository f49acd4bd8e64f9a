#!/usr/bin/env bash
# litgpt_nb pod start-up: clone the launched commit, train, serve the results, terminate this pod.
set -uo pipefail
W="${LITGPT_NB_WORKDIR:-/workspace}"
SERVE="$W/serve"; OUT="$SERVE/$LITGPT_NB_TOKEN"
mkdir -p "$OUT"; : > "$SERVE/index.html"
RC=null; CAUSE=""; TERMINATED=0
deadline=$(( LITGPT_NB_CREATED_AT + LITGPT_NB_MAX_SECONDS ))
log() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$OUT/boot.log"; }
status() { printf '{"phase": "%s", "time": %s, "exit_code": %s, "cause": "%s"}\n' "$1" "$(date +%s)" "$RC" "$CAUSE" > "$OUT/.status.tmp" && mv "$OUT/.status.tmp" "$OUT/status.json"; }
api_delete() {  # RunPod REST API v2: DELETE /v2/pods/{id} answers 204; 404 means it is already gone
  python3 - <<'PY'
import os, urllib.error, urllib.request
url = os.environ.get("RUNPOD_REST_URL", "https://api.runpod.io/v2") + "/pods/" + os.environ["RUNPOD_POD_ID"]
r = urllib.request.Request(url, method="DELETE", headers={"User-Agent": "litgpt_nb-pod",
    "Authorization": "Bearer " + os.environ["RUNPOD_API_KEY"]})
try: urllib.request.urlopen(r, timeout=30)
except urllib.error.HTTPError as e: raise SystemExit(0 if e.code == 404 else 1)
PY
}
terminate_self() {
  [ "$TERMINATED" = 1 ] && return 0
  TERMINATED=1
  status terminating
  for attempt in 1 2 3 4 5 6; do
    if command -v runpodctl >/dev/null && runpodctl pod delete "$RUNPOD_POD_ID" >> "$OUT/boot.log" 2>&1; then log "terminated"; return 0; fi
    if api_delete; then log "terminated through the API"; return 0; fi
    log "terminate attempt $attempt failed"; sleep $((attempt * 5))
  done
}
