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
linger() {  # on success and on failure alike: the launcher needs the logs
  manifest
  log "waiting up to ${LITGPT_NB_LINGER_S}s for the launcher to collect the results"
  local end=$(( $(date +%s) + LITGPT_NB_LINGER_S ))
  while [ "$(date +%s)" -lt "$end" ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 2; done
}
fail() { RC=1; CAUSE="$1"; touch "$W/.litgpt_nb_finished"; status failed; log "failed: $1"; linger; exit 1; }
