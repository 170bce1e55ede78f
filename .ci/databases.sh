#!/usr/bin/env bash
# Installs (Debian packages) and starts PostgreSQL and MariaDB on 127.0.0.1 with the user, password
# and database the tests expect by default: loyalty / loyalty / loyalty_test. Safe to run twice.
set -euo pipefail

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

need=()
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || need+=(postgresql)
command -v mariadbd >/dev/null 2>&1 || command -v mysqld >/dev/null 2>&1 || need+=(mariadb-server)
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# PostgreSQL: the first cluster Debian created (one is created if there is none).
if [ -z "$(pg_lsclusters --no-header)" ]; then
  pg_version=$(basename "$(dirname "$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/postgres" | sort -V | tail -n 1)")")")
  $SUDO pg_createcluster "$pg_version" main >/dev/null
fi
read -r pg_version pg_cluster _ < <(pg_lsclusters --no-header | head -n 1)
$SUDO pg_ctlcluster "$pg_version" "$pg_cluster" start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -q && break; sleep 1; done
pg_isready -h 127.0.0.1
as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='loyalty'" | grep -q 1 \
  || as_postgres psql -qc "CREATE ROLE loyalty LOGIN SUPERUSER PASSWORD 'loyalty'"
as_postgres psql -qtAc "SELECT 1 FROM pg_database WHERE datname='loyalty_test'" | grep -q 1 \
  || as_postgres createdb -O loyalty loyalty_test

# MariaDB.
if ! mysqladmin --protocol=socket ping >/dev/null 2>&1; then
  $SUDO service mariadb start >/dev/null 2>&1 || ($SUDO mysqld_safe >/dev/null 2>&1 &)
  for _ in $(seq 1 30); do mysqladmin --protocol=socket ping >/dev/null 2>&1 && break; sleep 1; done
fi
$SUDO mysql --protocol=socket -e "
  CREATE DATABASE IF NOT EXISTS loyalty_test CHARACTER SET utf8mb4;
  CREATE USER IF NOT EXISTS 'loyalty'@'127.0.0.1' IDENTIFIED BY 'loyalty';
  CREATE USER IF NOT EXISTS 'loyalty'@'localhost' IDENTIFIED BY 'loyalty';
  GRANT ALL PRIVILEGES ON *.* TO 'loyalty'@'127.0.0.1';
  GRANT ALL PRIVILEGES ON *.* TO 'loyalty'@'localhost';
  FLUSH PRIVILEGES;"
mysqladmin -h 127.0.0.1 -u loyalty -ployalty ping
echo "PostgreSQL and MariaDB are up on 127.0.0.1 (user loyalty, database loyalty_test)."
