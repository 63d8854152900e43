#!/usr/bin/env bash
# Runs a command inside a private network namespace that has only loopback, so the browsers' ICE
# candidates and every byte of test traffic stay on this machine (see ../shared/TESTING.md).
# Where that is not permitted (no root, no unshare), it runs the command as it is and says so.
set -euo pipefail
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && command -v ip >/dev/null && unshare --net true 2>/dev/null; then
  exec unshare --net -- bash -c 'ip link set lo up && exec "$@"' private-network "$@"
fi
echo "note: running without a private network namespace (needs root, unshare and ip)" >&2
exec "$@"
