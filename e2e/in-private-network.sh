#!/usr/bin/env bash
# Runs a command inside a private network namespace that has only loopback, so the browsers' ICE
# candidates and every byte of test traffic stay on this machine (see ../shared/TESTING.md).
# Where that is not permitted (no root, no unshare), it runs the command as it is and says so.
set -euo pipefail
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && command -v ip >/dev/null && unshare --net true 2>/dev/null; then
  # Besides loopback, a veth pair gives the namespace a "LAN" address with a default route: a page
  # without camera permission gathers ICE candidates only on the default-route interface, as on any
  # real network. The gateway does not exist, so nothing can leave the namespace.
  exec unshare --net -- bash -c '
    ip link set lo up &&
    ip link add parley0 type veth peer name parley1 &&
    ip addr add 10.99.0.1/24 dev parley0 &&
    ip link set parley0 up && ip link set parley1 up &&
    ip route add default via 10.99.0.254 dev parley0 &&
    exec "$@"' private-network "$@"
fi
echo "note: running without a private network namespace (needs root, unshare and ip)" >&2
exec "$@"
