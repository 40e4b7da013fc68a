#!/usr/bin/env bash
# Opens the example deployment in headless Neovim with the set-up the README
# documents and checks what the user sees: diagnostics, hover, completion.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v nvim >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq neovim >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq neovim >/dev/null; fi
fi
[ -f dist/server.js ] || npm run build --silent
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r examples "$work/ws"
export NEUTRON_CONFIG_SERVER="$PWD/dist/server.js" NEUTRON_CONFIG_RESULT="$work/result.txt"
(cd "$work/ws" && timeout 90 nvim --headless -u "$OLDPWD/test/neovim/init.lua" \
  compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini -c "luafile $OLDPWD/test/neovim/check.lua")
expected='diagnostics_arrived=true
diagnostic 21:27-21:34 bridge-undefined
hover_first_line=**[ovs] bridge_mappings** · `openvswitch_agent.ini`
completion br-ex'
actual=$(cat "$work/result.txt" 2>/dev/null || true)
if [ "$actual" = "$expected" ]; then
  echo "neovim: 1 passed, 0 failed"
else
  printf 'neovim: expected\n%s\n--- got\n%s\n' "$expected" "$actual"
  echo "neovim: 0 passed, 1 failed"
  exit 1
fi
