#!/usr/bin/env bash
# Regenerate the screenshots in docs/screens/: the game played in tmux at 80×24 and 200×50, each
# screen captured with `tmux capture-pane`.
#   NAME-WxH.txt   the text, as seen with NO_COLOR set (what a screen shows, no escape codes)
#   NAME-WxH.ansi  the same screen in colour (256-colour palette): view it with `cat` or `less -R`
# Screens: 1-scenarios, 2-briefing, 3-decision, 4-main, 5-orders, 6-help, 7-too-small, 8-debrief,
# 9-map (the map focused, a party highlighted), 10-forums (the forums focused), 11-results (a
# month's results, after e).
# Needs tmux. Run from anywhere: docs/screens/capture.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet
BIN="$PWD/target/release/sixparty"
OUT="$PWD/docs/screens"
SOCK=""
SAVES="$(mktemp -d)"
t() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap '[ -n "$SOCK" ] && t kill-server 2>/dev/null; rm -rf "$SAVES"' EXIT

screen() { t capture-pane -p -t s; }

# Wait (up to a minute) until the screen shows this text.
wait_for() {
  for _ in $(seq 1 1200); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.05
  done
  echo "capture.sh: waited in vain for '$1'; the screen shows:" >&2
  screen >&2
  exit 1
}

# Wait until the screen differs from $1.
wait_change() {
  for _ in $(seq 1 1200); do
    [ "$(screen)" != "$1" ] && return 0
    sleep 0.05
  done
  echo "capture.sh: the screen did not change" >&2
  exit 1
}

shot() { # name
  if [ "$MODE" = plain ]; then
    screen > "$OUT/$1-${W}x${H}.txt"
  else
    t capture-pane -p -e -t s > "$OUT/$1-${W}x${H}.ansi"
  fi
}

play_through() { # W H MODE
  W=$1 H=$2 MODE=$3
  local env="SIXPARTY_COLORS=256"
  [ "$MODE" = plain ] && env="NO_COLOR=1"
  rm -rf "${SAVES:?}"/*
  # A tmux server of its own for each pass.
  SOCK="sixparty-screens-$$-$W-$MODE"
  t new-session -d -s s -x "$W" -y "$H" \
    "env $env '$BIN' --saves-dir '$SAVES' play --seed 7; sleep 600"
  wait_for "choose a scenario"
  shot 1-scenarios
  t send-keys -t s Enter
  wait_for "choose your seat"
  t send-keys -t s Down Down
  wait_for "Briefing · Japan"
  shot 2-briefing
  t send-keys -t s Enter
  wait_for "What do you do?"
  shot 3-decision
  while screen | grep -qF "What do you do?"; do
    local before; before="$(screen)"
    t send-keys -t s a
    wait_change "$before"
  done
  wait_for "Orders ·"
  shot 4-main
  t send-keys -t s Enter
  wait_for "orders 1 of 2"
  t send-keys -t s Down
  sleep 0.3
  shot 5-orders
  t send-keys -t s '?'
  wait_for "Ctrl-C"
  shot 6-help
  t send-keys -t s Escape
  wait_for "▶ Orders"
  t send-keys -t s Tab Tab
  wait_for "▶ Region"
  t send-keys -t s l
  wait_for "On the map · United States"
  shot 9-map
  t send-keys -t s Tab
  wait_for "▶ Forums"
  shot 10-forums
  t send-keys -t s Escape
  wait_for "▶ Orders"
  if [ "$W" = 80 ]; then
    t resize-window -t s -x 60 -y 20
    wait_for "Please enlarge"
    W=60 H=20 shot 7-too-small
    t resize-window -t s -x 80 -y 24
    wait_for "Orders ·"
  fi
  # Play on as the advisor would, to the end; the first month's results are a screen of their own.
  local results=""
  until screen | grep -qF "DEBRIEF"; do
    local before; before="$(screen)"
    if echo "$before" | grep -qF "What do you do?"; then
      t send-keys -t s a
    elif echo "$before" | grep -qF "the month's results"; then
      if [ -z "$results" ]; then
        shot 11-results
        results=1
      fi
      t send-keys -t s Enter
    else
      t send-keys -t s e
    fi
    wait_change "$before"
  done
  shot 8-debrief
  t kill-server
}

for mode in plain colour; do
  play_through 80 24 "$mode"
  play_through 200 50 "$mode"
done
echo "screens written to docs/screens/"
