#!/usr/bin/env bash
# A newsroom-sized WordPress for the scale and outage tests, beside the shared test site of setup.sh
# and independent of it: Apache with mod_php (not PHP's built-in server) on 127.0.0.2:8090, its own
# MariaDB and data dir, and a backlog of 10,000 held comments written with bulk SQL. The tests may
# stop and start this site's Apache; the shared site on 127.0.0.1:8089 is never touched.
# Idempotent like setup.sh, which it runs with these settings (same options: --reset, --quiet).
#
# Environment: SIEVE_WP_APACHE_DIR (default /tmp/sieve-wordpress-apache), WP_APACHE_HOST
# (default 127.0.0.2), WP_APACHE_PORT (8090), WP_APACHE_DB_PORT (33090), SIEVE_WP_BACKLOG (10000).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export SIEVE_WP_DIR="${SIEVE_WP_APACHE_DIR:-/tmp/sieve-wordpress-apache}"
export WP_HOST="${WP_APACHE_HOST:-127.0.0.2}"
export WP_PORT="${WP_APACHE_PORT:-8090}"
export WP_DB_PORT="${WP_APACHE_DB_PORT:-33090}"
export SIEVE_WP_BACKLOG="${SIEVE_WP_BACKLOG:-10000}"
export WP_WEB=apache
exec bash "$HERE/setup.sh" "$@"
