trap terminate_self EXIT
trap 'log "signal: stopping"; exit 143' TERM INT HUP
if [ -e "$W/.litgpt_nb_finished" ]; then log "restarted after the run finished: terminating"; exit 0; fi
python3 -m http.server "$LITGPT_NB_PORT" --directory "$SERVE" >/dev/null 2>&1 &
status installing
log "cloning $LITGPT_NB_COMMIT"
rm -rf "$W/litgpt_nb"
{ git clone -q "$LITGPT_NB_REPO" "$W/litgpt_nb" && git -C "$W/litgpt_nb" checkout -q "$LITGPT_NB_COMMIT"; } >> "$OUT/boot.log" 2>&1 \
  || fail "could not clone the repository at the launched commit"
cd "$W/litgpt_nb"
mkdir -p outputs/run && ln -sfn "$W/litgpt_nb/outputs/run" "$OUT/run"
log "installing"
bash -c "${LITGPT_NB_INSTALL:-pip install -q -e .}" >> "$OUT/boot.log" 2>&1 || fail "pip install failed"
now=$(date +%s)
left=$(( deadline - now - LITGPT_NB_RESERVE_S ))
[ "$left" -gt 60 ] || fail "no time left for training before the wall-time cap"
echo "$LITGPT_NB_PARAMS" | base64 -d > outputs/run/params.yaml
prior=$(python3 -c "print(round(($now - $LITGPT_NB_CREATED_AT) * $LITGPT_NB_USD_PER_HOUR / 3600, 4))")
status training
log "training: ${left}s left, \$${prior} spent before training"
PYTHONHASHSEED="${PYTHONHASHSEED:-1337}" timeout -k 30 "$left" papermill nbs/train.ipynb outputs/run/report.ipynb \
  -f outputs/run/params.yaml -p out_dir outputs/run -p usd_per_hour "$LITGPT_NB_USD_PER_HOUR" -p prior_usd "$prior" \
  -p budget_usd "$LITGPT_NB_BUDGET_USD" -p max_hours "$(python3 -c "print(round(($left - 60) / 3600, 4))")" \
  -p nproc "$LITGPT_NB_GPU_COUNT" --cwd . > outputs/run/papermill.log 2>&1 &
wait $!   # in the background, so a signal to this script is handled at once, not after training
rc=$?
touch "$W/.litgpt_nb_finished"
RC=$rc
if [ "$rc" = 0 ]; then status done; else CAUSE="training failed: papermill exited $rc (see papermill.log)"; status failed; fi
log "papermill exited $rc"
linger
exit "$rc"
