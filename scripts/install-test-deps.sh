#!/usr/bin/env bash
# Installs the system programs the tests need, on Debian or Ubuntu (apt-get; as root, or through sudo).
# Idempotent: when every program is already there it prints nothing and never runs apt-get.
# Elsewhere (macOS, other Linux) it prints what is missing and how to install it, and exits 1.
#
#   git (2.30+, with git-http-backend)   library sources, history; the smart-HTTP test server
#   chromium                             e2e specs and bench:ui (/usr/bin/chromium, or CHROMIUM_PATH)
#   openssh-server                       SSH remotes (/usr/sbin/sshd, ssh-keygen)
#   syncthing                            sync tests (syncthing on PATH, or SYNCTHING_BINARY)
#   ripgrep                              the search benchmark's floor (rg)
#   xvfb                                 a display for the Electron specs (xvfb-run)
#   ca-certificates                      TLS for npm ci
#
# Ubuntu has no Chromium .deb: its apt packages chromium-browser / chromium only install the Chromium snap.
# There the script installs chromium-browser (the snap, through snapd) and links /usr/bin/chromium to it,
# because the e2e config looks there. Where snaps cannot run (most containers), set CHROMIUM_PATH to any
# Chromium or Chrome binary instead: a CHROMIUM_PATH that is executable counts as Chromium being present.
set -euo pipefail

chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"

# "program package" pairs for whatever is missing, one per line.
missing() {
  command -v git >/dev/null 2>&1 || echo "git git"
  if command -v git >/dev/null 2>&1; then
    local v
    v="$(git --version | sed -n 's/^git version \([0-9]*\)\.\([0-9]*\).*/\1 \2/p')"
    if [ -z "$v" ] || [ "${v% *}" -lt 2 ] || { [ "${v% *}" -eq 2 ] && [ "${v#* }" -lt 30 ]; }; then
      echo "git>=2.30 git"
    fi
    [ -x "$(git --exec-path)/git-http-backend" ] || echo "git-http-backend git"
  fi
  [ -x "$chromium_bin" ] || echo "chromium chromium"
  [ -x /usr/sbin/sshd ] || echo "sshd openssh-server"
  command -v ssh-keygen >/dev/null 2>&1 || echo "ssh-keygen openssh-server"
  command -v "${SYNCTHING_BINARY:-syncthing}" >/dev/null 2>&1 || echo "syncthing syncthing"
  command -v rg >/dev/null 2>&1 || echo "rg ripgrep"
  command -v xvfb-run >/dev/null 2>&1 || echo "xvfb-run xvfb"
  [ -e /etc/ssl/certs/ca-certificates.crt ] || echo "ca-certificates ca-certificates"
}

gaps="$(missing)"
[ -z "$gaps" ] && exit 0

os_id=""
os_like=""
if [ -r /etc/os-release ]; then
  os_id="$(. /etc/os-release && echo "${ID:-}")"
  os_like="$(. /etc/os-release && echo "${ID_LIKE:-}")"
fi
family=""
case " $os_id $os_like " in
  *" ubuntu "*) family=ubuntu ;;
  *" debian "*) family=debian ;;
esac

if [ -z "$family" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: this script installs packages on Debian and Ubuntu only. Missing here:" >&2
  echo "$gaps" | while read -r program _; do echo "  $program" >&2; done
  if [ "$(uname -s)" = Darwin ]; then
    echo "On macOS: brew install git ripgrep syncthing && brew install --cask chromium," >&2
    echo "then export CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium (sshd ships with macOS)." >&2
  else
    echo "Install them with your package manager (git 2.30 or newer, Chromium, OpenSSH server, Syncthing, ripgrep," >&2
    echo "Xvfb); set CHROMIUM_PATH when Chromium is not /usr/bin/chromium." >&2
  fi
  exit 1
fi

packages="$(echo "$gaps" | awk '{print $2}' | sort -u | tr '\n' ' ')"
snap_chromium=""
if [ "$family" = ubuntu ] && [[ " $packages" == *" chromium "* ]]; then
  packages="${packages/chromium /}"
  snap_chromium=chromium-browser
fi
wanted="${packages}${snap_chromium:+$snap_chromium }"

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-test-deps: installing ${wanted}needs root: run this script as root, or install sudo." >&2
  exit 1
fi

echo "install-test-deps: installing ${wanted}(apt-get)"
"${as_root[@]}" apt-get update -qq
apt_install() {
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
# shellcheck disable=SC2086 # one word per package
[ -z "${packages// /}" ] || apt_install $packages

if [ -n "$snap_chromium" ]; then
  apt_install "$snap_chromium" ||
    echo "install-test-deps: $snap_chromium (the Chromium snap) did not install; set CHROMIUM_PATH to a Chromium." >&2
  for candidate in /snap/bin/chromium /usr/bin/chromium-browser; do
    if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -e /usr/bin/chromium ] && [ -x "$candidate" ]; then
      "${as_root[@]}" ln -s "$candidate" /usr/bin/chromium
      echo "install-test-deps: linked /usr/bin/chromium -> $candidate (the Chromium snap)"
      break
    fi
  done
fi

still="$(missing)"
if [ -n "$still" ]; then
  echo "install-test-deps: still missing after apt-get:" >&2
  echo "$still" | while read -r program package; do
    [ "$family:$package" != ubuntu:chromium ] || package=chromium-browser
    echo "  $program (package $package)" >&2
  done
  [ -z "${CHROMIUM_PATH:-}" ] || [ -x "$CHROMIUM_PATH" ] || echo "  CHROMIUM_PATH=$CHROMIUM_PATH is not executable" >&2
  exit 1
fi
