#!/usr/bin/env bash
# The README's quick start. On a fresh Debian 12 machine (root, or a user with sudo):
#   packaging/quickstart.sh run    installs build dependencies, builds (Release), opens the sample
#   packaging/quickstart.sh test   installs build dependencies, builds, runs the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-run}"
preset="${FILINGLENS_PRESET:-release}"
[ "$mode" = test ] && preset="${FILINGLENS_PRESET:-ci}"

# Everything the build, the tests and the package need, from Debian's archive.
packages=(
    build-essential cmake ninja-build pkg-config file
    qt6-base-dev qt6-base-dev-tools qt6-pdf-dev qt6-svg-dev libqt6svg6 qt6-qpa-plugins
    libqt6sql6-sqlite
    libgl-dev fonts-dejavu-core libxlsxwriter-dev
    poppler-utils python3 xvfb xauth
    desktop-file-utils appstream dpkg-dev
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    sudo_cmd=()
    [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -q
    "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake --preset "$preset"
cmake --build --preset "$preset" --parallel "$(nproc)"

case "$mode" in
run)
    exec "build/$preset/filing-lens" --sample
    ;;
test)
    QT_QPA_PLATFORM=offscreen ctest --preset "$preset" --parallel "$(nproc)"
    ;;
*)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
