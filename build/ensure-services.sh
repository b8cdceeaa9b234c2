#!/usr/bin/env bash
# Installs the Debian packages whose real servers the tests talk to (run by
# `npm test` before the tests, and by .ci/run). Installs only what is missing,
# and only where it can (root, or passwordless sudo, with apt-get); otherwise it
# names the packages and the tests that need them fail saying the same.
#
#   microsocks, dante-server  SOCKS5 proxies (tests/transport/proxy*.test.ts)
#   tinyproxy                 HTTP CONNECT proxy
#   redis-server              FSM state storage (tests/fsm/redis*.test.ts)
#   chromium                  headless browser of the runtime suite (tests/runtimes)
set -uo pipefail

have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/usr/bin/$1" ]; }
need=()
have microsocks || need+=(microsocks)
have danted || need+=(dante-server)
have tinyproxy || need+=(tinyproxy)
have redis-server || need+=(redis-server)
have chromium || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "ensure-services: cannot install ${need[*]} (not root, no passwordless sudo); install them: apt-get install ${need[*]}" >&2
    exit 0
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-services: no apt-get; install ${need[*]} (Debian package names) by hand" >&2
  exit 0
fi
echo "ensure-services: installing ${need[*]}" >&2
$sudo apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 ||
  echo "ensure-services: apt-get install ${need[*]} failed" >&2
exit 0
