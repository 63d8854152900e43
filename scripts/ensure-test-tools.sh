#!/usr/bin/env bash
# First step of `npm test` (and of test:e2e and the browser benchmarks): make sure this machine has
# what the tests need beyond node_modules, so a fresh machine does not fail minutes later, after
# lint, typecheck and build, with "executable doesn't exist". That is a Chromium (Playwright's own
# download is not reachable, see ../shared/TESTING.md) and, as root on Linux, iproute2, util-linux
# and nftables for the private network namespaces (e2e/in-private-network.sh, e2e/network.spec.ts),
# and xvfb and xdotool for the system-wide push-to-talk test (a private X display whose keys it
# presses: src/main/systemPushToTalk.x11.test.ts), and espeak-ng and sox for the noise-suppression
# test's microphone: speech spoken by espeak-ng, keyboard clicks made by sox
# (e2e/noiseSuppression.spec.ts; skipped, saying why, without them), and coturn for the test that a
# TURN server carries a call with no direct path (e2e/network.spec.ts; its own instance, its own
# folder, stopped with the test), and redis-server and haproxy for the tests of several hosts
# sharing one Redis behind one proxy (signaling-server/test/redisHosts.test.ts,
# e2e/proxiedHosts.spec.ts; each starts its own instances on free ports and folders), and janus
# for SFU mode's tests (signaling-server/test/janusAccess.test.ts, e2e/sfu.spec.ts; each its own
# instance, configuration folder and port).
#
# It installs what is missing with apt-get where it can (root, or passwordless sudo); anywhere
# else it stops at once with the command to run. Silent when everything is there.
#
#   --cjk-fonts                     also Chinese fonts (fonts-noto-cjk), for npm run screenshots:
#                                   without them Chromium draws Chinese as empty boxes
#   PARLEY_TEST_TOOLS_DRY_RUN=1     print the install commands instead of running them
#   PARLEY_TEST_TOOLS_NO_INSTALL=1  never install, as on a machine without root (for tests)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

say() { echo "ensure-test-tools: $*" >&2; }
has() { command -v "$1" >/dev/null 2>&1; }
with_timeout() { if has timeout; then timeout 10 "$@"; else "$@"; fi; }

# Same rule and order as scripts/findChromium.ts: keep the two in step.
find_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then echo "$CHROMIUM_PATH"; return 0; fi
  local name path
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    path="$(command -v "$name")" || continue
    # Ubuntu's chromium-browser may be a stub that only asks for the snap: accept it if it runs.
    if [ "$name" = chromium-browser ] && ! with_timeout "$path" --version >/dev/null 2>&1 </dev/null; then continue; fi
    echo "$path"
    return 0
  done
  return 1
}

os="$(uname -s)"
root=false
[ "$(id -u)" = 0 ] && root=true
# ip and nft live in /usr/sbin, not on a normal user's PATH even when installed; root's PATH, which
# e2e/in-private-network.sh looks them up on, has it.
has_sbin() { if $root; then has "$1"; else PATH="$PATH:/usr/sbin:/sbin" has "$1"; fi; }
is_ubuntu() { [ -r /etc/os-release ] && (. /etc/os-release && [[ " ${ID:-} ${ID_LIKE:-} " == *" ubuntu "* ]]); }

# A CHROMIUM_PATH that is wrong would otherwise surface only when the first browser launches.
# (Git Bash on Windows may not see a C:\ path as executable, so trust it there.)
if [ -n "${CHROMIUM_PATH:-}" ] && [[ "$os" != MINGW* && "$os" != MSYS* && "$os" != CYGWIN* ]]; then
  if [ ! -f "$CHROMIUM_PATH" ] || [ ! -x "$CHROMIUM_PATH" ]; then
    say "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file: point it at a Chromium or Chrome binary, or unset it."
    exit 1
  fi
fi

chromium_missing=false
find_chromium >/dev/null || chromium_missing=true
net_packages=()
if [ "$os" = Linux ]; then
  has_sbin ip || net_packages+=(iproute2)
  has_sbin unshare || net_packages+=(util-linux)
  has_sbin nft || net_packages+=(nftables)
  has Xvfb || net_packages+=(xvfb)
  has xdotool || net_packages+=(xdotool)
  has espeak-ng || net_packages+=(espeak-ng)
  has sox || net_packages+=(sox)
  has_sbin turnserver || net_packages+=(coturn)
  has redis-server || net_packages+=(redis-server)
  has_sbin haproxy || net_packages+=(haproxy)
  has janus || net_packages+=(janus)
fi

# Only root makes namespaces (in-private-network.sh, canMakeNamespaces()), so for anyone else the
# network tools are worth installing only alongside a Chromium, never on their own.
packages=()
$chromium_missing && packages+=(chromium)
# Screenshots in Chinese need a CJK font; the tests find controls by name and do not.
if [ "${1:-}" = --cjk-fonts ] && [ "$os" = Linux ] && ! { has fc-list && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; }; then packages+=(fonts-noto-cjk); fi
# (The ${a[@]+...} form: macOS's bash 3.2 calls an empty array unbound under set -u.)
if $chromium_missing || $root; then packages+=(${net_packages[@]+"${net_packages[@]}"}); fi
[ "${#packages[@]}" -eq 0 ] && exit 0

why_not=''
if [ -n "${PARLEY_TEST_TOOLS_NO_INSTALL:-}" ]; then why_not='PARLEY_TEST_TOOLS_NO_INSTALL is set'
elif ! has apt-get; then why_not='there is no apt-get here'
elif ! $root && ! { has sudo && sudo -n true 2>/dev/null </dev/null; }; then why_not='not root, and no passwordless sudo'
fi

apt_get() {
  local command=(env DEBIAN_FRONTEND=noninteractive apt-get "$@")
  $root || command=(sudo -n "${command[@]}")
  if [ -n "${PARLEY_TEST_TOOLS_DRY_RUN:-}" ]; then say "would run: ${command[*]}"; return 0; fi
  "${command[@]}" </dev/null
}
install() { apt_get update && apt_get install -y --no-install-recommends "$@"; }

no_namespace_note='Without root (and on macOS or Windows) the end-to-end tests run without a private network namespace, and e2e/network.spec.ts is skipped: it needs Linux, root, iproute2 and nftables.'
snap_advice='Ubuntu has Chromium only as a snap: run `sudo snap install chromium`, or install Google Chrome (google-chrome-stable), or set CHROMIUM_PATH to a Chromium or Chrome binary; then run npm test again.'

if [ -z "$why_not" ]; then
  say "${PARLEY_TEST_TOOLS_DRY_RUN:+dry run: }installing ${packages[*]} with apt-get (needed by the end-to-end tests)"
  if ! install "${packages[@]}"; then
    if $chromium_missing && is_ubuntu; then
      # No usable chromium deb here; still install the network tools, then say how to get a browser.
      [ "${#net_packages[@]}" -eq 0 ] || install "${net_packages[@]}" || true
      say "apt-get could not install chromium. $snap_advice"
    else
      say "apt-get failed (see above). Run: sudo apt-get install -y --no-install-recommends ${packages[*]}"
    fi
    exit 1
  fi
  [ -n "${PARLEY_TEST_TOOLS_DRY_RUN:-}" ] && { say 'dry run: nothing installed'; exit 0; }
  if $chromium_missing && ! find_chromium >/dev/null; then
    if is_ubuntu; then say "chromium was installed but does not run. $snap_advice"
    else say 'chromium was installed but is not on PATH: set CHROMIUM_PATH to its binary.'; fi
    exit 1
  fi
  exit 0
fi

if ! $chromium_missing; then
  # Only root gets here (see above): a browser is there, and without the network tools the tests
  # still run, with less isolation. Say which, as e2e/in-private-network.sh and network.spec.ts will.
  effects=''
  { has_sbin ip && has_sbin unshare; } || effects='the end-to-end tests run without a private network namespace'
  { has_sbin ip && has_sbin nft; } || effects="${effects:+$effects, and }e2e/network.spec.ts is skipped"
  say "note: cannot install ${packages[*]} ($why_not), so $effects. Install them to run everything."
  exit 0
fi

# One message, naming the command for this system, before any test runs.
found_none='no Chromium found (CHROMIUM_PATH is not set, and none of chromium, chromium-browser, google-chrome, google-chrome-stable is on PATH)'
case "$os" in
  Darwin) advice='Run `brew install --cask chromium` and `export CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium`, or use Google Chrome: `export CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"`; then run npm test again.' ;;
  MINGW* | MSYS* | CYGWIN*) advice='Install Google Chrome or Chromium and set CHROMIUM_PATH to it, e.g. `set CHROMIUM_PATH=C:\Program Files\Google\Chrome\Application\chrome.exe` (cmd) or `$env:CHROMIUM_PATH = "C:\Program Files\Google\Chrome\Application\chrome.exe"` (PowerShell); then run npm test again.' ;;
  *)
    if is_ubuntu; then advice="$snap_advice"
    elif has apt-get; then advice="Run: sudo apt-get install -y --no-install-recommends ${packages[*]} (or set CHROMIUM_PATH to a Chromium or Chrome binary); then run npm test again."
    else advice='Install Chromium or Google Chrome with this system'"'"'s package manager (as root, also iproute2, util-linux and nftables), or set CHROMIUM_PATH to its binary; then run npm test again.'
    fi ;;
esac
say "$found_none, and it cannot be installed here ($why_not). $advice $no_namespace_note"
exit 1
