#!/usr/bin/env bash
# One command on a fresh Debian machine: installs what is missing (Debian's
# Chromium, poppler's PDF tools, open fonts), the npm packages (which compiles
# the TypeScript), and builds the sample archive into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x "${YONGZU_CHROMIUM:-/usr/bin/chromium}" ] || need+=(chromium)
command -v pdffonts >/dev/null 2>&1 || need+=(poppler-utils)
[ -d /usr/share/fonts/truetype/lxgw-wenkai ] || need+=(fonts-lxgw-wenkai)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
node bin/yongzu.js build
