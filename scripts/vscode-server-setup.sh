#!/usr/bin/env bash
# Installs a real VS Code server build (VS Code 1.100.3, carried by the npm
# package code-server@4.100.3) into a git-ignored cache, once. Later runs find
# the finished cache and return at once. See docs/editor-tests.md.
#
#   scripts/vscode-server-setup.sh            install when missing, print the server folder
#   VSCODE_SERVER_DIR=/path scripts/...       another cache folder
#   scripts/vscode-server-setup.sh --force    reinstall
#
# Needs Node 20 (4.100.3 is the last code-server that takes Node 20), the npm
# registry, and Debian packages: chromium (drives the workbench headless),
# ripgrep (VS Code's search binary; its npm package would download one) and the
# headers the server's native modules build against. Missing Debian packages
# are installed with apt-get when running as root (CI), else with sudo.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${VSCODE_SERVER_DIR:-$ROOT/.vscode-test/server}"
VSCODE="$DIR/node_modules/code-server/lib/vscode"
# Native modules are built for one Node ABI: a different Node needs a rebuild.
STAMP_TEXT="code-server@$CODE_SERVER_VERSION node-abi-$(node -p process.versions.modules)"
STAMP="$DIR/.complete"

log() { printf '[vscode-server-setup] %s\n' "$*" >&2; }

missing_debian_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || printf '%s\n' "$pkg"
  done
}

apt_install() {
  [ $# -eq 0 ] && return 0
  log "installing Debian packages: $*"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "not root and no sudo: install $* by hand"; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

force=false
[ "${1:-}" = "--force" ] && force=true

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  log "warning: Node $node_major; code-server@$CODE_SERVER_VERSION wants Node 20"
fi

# Needed on every run: the browser and the search binary.
runtime_packages=(chromium ripgrep)
if ! $force && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_TEXT" ] && [ -f "$VSCODE/out/server-main.js" ]; then
  mapfile -t missing < <(missing_debian_packages "${runtime_packages[@]}")
  apt_install "${missing[@]}"
  log "cached: $DIR ($STAMP_TEXT)"
  echo "$DIR"
  exit 0
fi

started=$(date +%s)
mapfile -t missing < <(missing_debian_packages "${runtime_packages[@]}" libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config)
apt_install "${missing[@]}"

# Build in a side folder and move it into place when complete, so an
# interrupted install never looks finished.
PARTIAL="$DIR.partial"
rm -rf "$PARTIAL"
mkdir -p "$PARTIAL"
cd "$PARTIAL"
echo '{"private":true}' > package.json
log "npm install code-server@$CODE_SERVER_VERSION"
npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2

cd "$PARTIAL/node_modules/code-server/lib/vscode"
log "npm install VS Code server dependencies"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2
# @vscode/ripgrep's install script downloads a binary: hand it Debian's instead.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
log "building native modules (node-pty, kerberos, ...)"
npm_config_yes=true npm rebuild --loglevel=error >&2
ln -sfn node_modules node_modules.asar
log "npm install built-in extension dependencies"
(cd extensions && npm install --omit=dev --no-audit --no-fund --loglevel=error >&2)

cd "$ROOT"
rm -rf "$DIR"
mv "$PARTIAL" "$DIR"
echo "$STAMP_TEXT" > "$STAMP"
log "installed in $(( $(date +%s) - started )) s: $DIR"
echo "$DIR"
