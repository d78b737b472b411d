#!/bin/sh
# Adds pg_stat_statements to shared_preload_libraries of the machine's Debian PostgreSQL and restarts the cluster,
# so that load's compare counts SQL statements per request for both servers. Idempotent: does nothing when the library
# is already loaded. It restarts PostgreSQL: run it when nothing else is using the database. Run as root.
set -eu

PSQL="psql -h ${PGHOST:-127.0.0.1} -p ${PGPORT:-5432} -U ${PGUSER:-postgres} -d postgres -Atq"

current=$($PSQL -c "show shared_preload_libraries")
case ",$(echo "$current" | tr -d ' ')," in
  *,pg_stat_statements,*)
    echo "pg_stat_statements is already in shared_preload_libraries ($current)"
    exit 0 ;;
esac

if [ -z "$current" ]; then wanted="pg_stat_statements"; else wanted="$current,pg_stat_statements"; fi
$PSQL -c "alter system set shared_preload_libraries = '$wanted'"
version=$(ls /etc/postgresql | head -n 1)
echo "restarting PostgreSQL $version (cluster main) to load $wanted"
pg_ctlcluster --skip-systemctl-redirect "$version" main restart
$PSQL -c "create extension if not exists pg_stat_statements"
echo "shared_preload_libraries = $($PSQL -c "show shared_preload_libraries")"
