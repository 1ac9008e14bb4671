#!/usr/bin/env bash
# Installs and starts the real components nagare's tests use (recipes: ../shared/ENVIRONMENT.md).
# Debian 12, run as root. Idempotent: re-running skips what is already installed or running.
# Prints `export …` lines for the test environment on stdout; progress goes to stderr.
set -euo pipefail
# stdout carries only the export lines (the caller evals it): everything else goes to stderr, e.g.
# pg_ctlcluster's "Removed stale pid file." after an unclean stop.
exec 3>&1 1>&2

T0=$(date +%s%N)
step() { awk -v a="$T0" -v b="$(date +%s%N)" -v m="$*" 'BEGIN{printf "[ci-env %6.1fs] %s\n", (b-a)/1e9, m}' >&2; }
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

step "apt packages"
need=()
for p in awscli postgresql-15 git curl; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  step "installing: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
[ -x /usr/bin/aws ] || { echo "AWS CLI v2 missing at /usr/bin/aws after install" >&2; exit 1; }

step "postgresql 15/main on 127.0.0.1:5432 (trust on loopback)"
hba=/etc/postgresql/15/main/pg_hba.conf
[ -f "$hba" ] || $SUDO pg_createcluster 15 main >/dev/null
$SUDO sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)(scram-sha-256|md5|peer)/\1trust/' "$hba"
if pg_lsclusters -h | awk '$1==15 && $2=="main" {print $4}' | grep -q online; then
  $SUDO pg_ctlcluster --skip-systemctl-redirect 15 main reload 3>&-
else
  $SUDO pg_ctlcluster --skip-systemctl-redirect 15 main start 3>&-   # the server must not hold our stdout open
fi
for _ in $(seq 50); do psql -h 127.0.0.1 -U postgres -tAc 'select 1' >/dev/null 2>&1 && break; sleep 0.1; done
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='nagare_ci'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc 'CREATE DATABASE nagare_ci'

step "ready"
cat >&3 <<'EOT'
export NAGARE_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/nagare_ci
export NAGARE_TEST_REQUIRE_POSTGRES=1
export NAGARE_TEST_AWS_CLI=/usr/bin/aws
EOT
