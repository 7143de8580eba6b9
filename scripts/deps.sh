#!/usr/bin/env bash
# Installs every Debian package jaarverslag needs to build, run and test.
set -euo pipefail
pkgs=(build-essential cmake pkg-config
      libcairo2-dev libhpdf-dev libcsv-dev libcmocka-dev libcmark-dev
      libhyphen-dev hyphen-nl libjansson-dev libfreetype-dev nettle-dev
      libpng-dev zlib1g-dev libisal-dev libjpeg-dev time imagemagick
      libzip-dev libexpat1-dev libxlsxwriter-dev python3-openpyxl
      poppler-utils qpdf valgrind python3 clang-format
      colord-data python3-pikepdf python3-pil nodejs)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm for the pdf.js test; NodeSource's nodejs already carries it
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
