#!/usr/bin/env bash
# Runs a command inside a private network namespace, so the browsers' ICE candidates and every
# byte of test traffic stay on this machine (see ../shared/TESTING.md). Where that is not
# permitted (no root, no unshare), it runs the command as it is and says so.
#
#   in-private-network.sh [--loopback-only] COMMAND...
#
# By default, besides loopback, a veth pair gives the namespace a "LAN" address with a default
# route: a page without camera permission gathers ICE candidates only on the default-route
# interface, as on any real network. The gateway does not exist, so nothing can leave. Multicast
# (mDNS room discovery) goes over loopback. With --loopback-only there is no route at all, so
# anything reaching out fails at once.
set -euo pipefail
setup='ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo && ip link add parley0 type veth peer name parley1 && ip addr add 10.99.0.1/24 dev parley0 && ip link set parley0 up && ip link set parley1 up && ip route add default via 10.99.0.254 dev parley0'
if [ "${1:-}" = "--loopback-only" ]; then
  setup='ip link set lo up'
  shift
fi
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && command -v ip >/dev/null && unshare --net true 2>/dev/null; then
  exec unshare --net -- bash -c "$setup"' && exec "$@"' private-network "$@"
fi
echo "note: running without a private network namespace (needs root, unshare and ip)" >&2
exec "$@"
