#!/usr/bin/env bash
# One command on a fresh Debian machine: installs what is missing (Debian's
# Chromium, poppler's PDF tools and qpdf (the tests' preflight), open TrueType
# fonts: LXGW WenKai for 楷体, Liberation Serif for digits and Latin; the CMYK
# ICC profile of the press PDF's output intent, from libgs-common; LibreOffice
# Writer without its GUI, which `yongzu import` uses to convert old .doc and
# .wps files), the npm packages (which compiles the TypeScript; Noto Serif SC
# and Noto Sans SC come that way, as @fontsource packages), and builds the
# sample archive and its PDF into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x "${YONGZU_CHROMIUM:-/usr/bin/chromium}" ] || need+=(chromium)
command -v pdffonts >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
command -v fc-scan >/dev/null 2>&1 || need+=(fontconfig)
# Artifex's CMYK SWOP profile (AGPL-3+, GPL Ghostscript's iccprofiles/), embedded in every press PDF.
[ -f /usr/share/color/icc/ghostscript/default_cmyk.icc ] || need+=(libgs-common)
[ -d /usr/share/fonts/truetype/lxgw-wenkai ] || need+=(fonts-lxgw-wenkai)
[ -f /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] || need+=(fonts-liberation)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # With recommends: the same install that was verified on this kind of machine.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
node bin/yongzu.js build
