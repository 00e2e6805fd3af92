#!/usr/bin/env bash
# Install Poortwachter Audit on a fresh Debian machine and audit the bundled samples.
#   ./install.sh            install everything, then run the audit on samples/ (reports in out/samples)
#   ./install.sh --no-run   install only
# Installs Debian's tesseract-ocr + Dutch data (OCR), chromium (report screenshots in the tests)
# and poppler-utils, then a virtual environment in .venv with the package and its test tools.
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(tesseract-ocr tesseract-ocr-nld chromium poppler-utils fonts-dejavu-core python3-venv)

need_apt=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if ((${#need_apt[@]})); then
  echo "== Debian packages: ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "== virtual environment in .venv"
  "$PYTHON" -m venv .venv
fi
echo "== Python packages"
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"

if [ "${1:-}" != "--no-run" ]; then
  echo "== audit of the bundled samples (reports in out/samples)"
  .venv/bin/poortwachter batch samples --manifest samples/dossiers.csv -o out/samples --pipeline riv-toets
fi
