#!/usr/bin/env bash
# ci-podman.sh — make a Docker-compatible engine (rootful podman) answer on /run/podman/podman.sock
# and provide the base image the container executor maps aws/codebuild/* images to.
# Recipe from /work/shared/ENVIRONMENT.md §1 and §9. Debian 12, run as root. Idempotent: re-running
# skips what is installed/running. Prints the export line for the container integration tests.
set -euo pipefail
# stdout carries only the export lines (the caller evals it): everything else goes to stderr, e.g.
# pg_ctlcluster's "Removed stale pid file." after an unclean stop.
exec 3>&1 1>&2

PODMAN_SOCK=${PODMAN_SOCK:-/run/podman/podman.sock}
STATE=${CI_PODMAN_STATE:-/run/ci-env}          # pid file + service log
DATA=${CI_PODMAN_DATA:-/var/lib/ci-env}        # image rootfs staging
IMAGE=localhost/busybox:latest

T0=$(date +%s%N)
step() { awk -v a="$T0" -v b="$(date +%s%N)" -v m="$*" 'BEGIN{printf "[ci-podman %6.1fs] %s\n", (b-a)/1e9, m}' >&2; }
wait_for() { # wait_for SECONDS CMD...
  local n=$(( $1 * 10 )); shift
  for _ in $(seq "$n"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "timed out waiting for: $*" >&2; return 1
}
alive() { [ -f "$STATE/podman-service.pid" ] && kill -0 "$(cat "$STATE/podman-service.pid")" 2>/dev/null; }
ping_sock() { curl -sf --unix-socket "$PODMAN_SOCK" http://d/_ping >/dev/null 2>&1; }

mkdir -p "$STATE" "$DATA"
export DEBIAN_FRONTEND=noninteractive

step "apt packages"
need=()
for p in podman runc busybox-static curl; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  # podman with its Recommends (catatonit for --init, slirp4netns, uidmap…), the rest without
  apt-get install -y -qq podman runc >/dev/null
  apt-get install -y -qq --no-install-recommends busybox-static curl >/dev/null
fi

step "podman config"
mkdir -p /etc/containers
before=$({ cat /etc/containers/containers.conf 2>/dev/null || true; } | md5sum)
cat > /etc/containers/containers.conf <<'CONF'
[containers]
# rootful podman raises RLIMIT_NOFILE to 1048576 by default; the hard limit here is 20000 and raising it is
# refused: "error setting rlimit type 7: operation not permitted". Empty list = inherit the host's limits.
default_ulimits = []

[engine]
# crun 1.8 fails on this kernel's cgroup v1+v2 hybrid layout; runc works
runtime = "runc"
# no systemd as PID 1: no systemd cgroup manager, no journald
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF

step "podman system service on $PODMAN_SOCK"
# the service reads containers.conf once at start: restart ours if the file changed
if [ "$before" != "$(md5sum < /etc/containers/containers.conf)" ] && alive; then
  pid=$(cat "$STATE/podman-service.pid"); kill "$pid"
  wait_for 10 sh -c "! kill -0 $pid"; rm -f "$PODMAN_SOCK"
fi
if ! ping_sock; then
  mkdir -p "$(dirname "$PODMAN_SOCK")"          # podman does not create the directory itself
  nohup podman system service --time=0 "unix://$PODMAN_SOCK" >"$STATE/podman-service.log" 2>&1 3>&- &
  echo $! > "$STATE/podman-service.pid"
  wait_for 20 ping_sock
fi

step "base image $IMAGE"
if ! podman image exists "$IMAGE"; then
  r="$DATA/rootfs-busybox"; rm -rf "$r"; mkdir -p "$r/bin" "$r/tmp" "$r/etc"; chmod 1777 "$r/tmp"
  cp /bin/busybox "$r/bin/busybox"
  for a in $(/bin/busybox --list); do [ -e "$r/bin/$a" ] || ln -s busybox "$r/bin/$a"; done
  printf 'root:x:0:0:root:/root:/bin/sh\n' > "$r/etc/passwd"; printf 'root:x:0:\n' > "$r/etc/group"
  tar -C "$r" -cf - . | podman import -q --change 'ENV PATH=/bin' --change 'CMD ["/bin/sh"]' - "$IMAGE" >/dev/null
fi

step "ready"
echo "export NAGARE_TEST_DOCKER_HOST=unix://$PODMAN_SOCK" >&3
