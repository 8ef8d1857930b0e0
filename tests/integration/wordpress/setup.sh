#!/usr/bin/env bash
# Starts a real WordPress (Debian's package) on 127.0.0.1 for Sieve's integration tests:
# installs the packages if missing, starts MariaDB and a web server (PHP's built-in one, or
# Apache with mod_php) in the background (no systemd needed), installs and seeds WordPress
# once, writes connection.json and checks the REST API with curl. Idempotent: a re-run
# reuses what is already there.
#
#   tests/integration/wordpress/setup.sh [--reset] [--quiet] [--list-packages]
#
#   --reset          stop everything, delete the data dir and start from an empty database
#   --quiet          print only the connection info (JSON) on stdout; progress goes to stderr
#   --list-packages  print the Debian packages it needs (from .ci/system-packages.txt) and exit
#
# Environment: SIEVE_WP_DIR (data dir, default /tmp/sieve-wordpress), WP_HOST (the loopback
# address it listens on, default 127.0.0.1), WP_PORT (default 8089), WP_DB_PORT (MariaDB's TCP
# port on WP_HOST, default 33089), WP_WEB (php: PHP's built-in server, the default; apache:
# Apache with mod_php), SIEVE_WP_SEED_ARTICLE.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"

DIR="${SIEVE_WP_DIR:-/tmp/sieve-wordpress}"
PORT="${WP_PORT:-8089}"
DB_PORT="${WP_DB_PORT:-33089}"
HOST="${WP_HOST:-127.0.0.1}"
WEB="${WP_WEB:-php}"
URL="http://$HOST:$PORT"
DB_NAME=sieve_wordpress
DB_USER=sieve
DB_PASSWORD=sieve-wp-db-password
WP_ROOT=/usr/share/wordpress
# Debian's wp-config.php strips the port from HTTP_HOST and loads /etc/wordpress/config-<host>.php.
WP_CONFIG="/etc/wordpress/config-$HOST.php"

RESET=0
QUIET=0
LIST_PACKAGES=0
for arg in "$@"; do
  case "$arg" in
    --reset) RESET=1 ;;
    --quiet) QUIET=1 ;;
    --list-packages) LIST_PACKAGES=1 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

START=$(date +%s.%N)
PHASE_START=$START
log() { echo "[wordpress-setup] $*" >&2; }
die() {
  echo "[wordpress-setup] ERROR: $*" >&2
  exit 1
}
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
phase_done() {
  log "$1 ($(elapsed "$PHASE_START") s)"
  PHASE_START=$(date +%s.%N)
}
# A running process (not a zombie) with this pid.
alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  local state
  state=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}
pidfile_alive() { [ -f "$1" ] && alive "$(cat "$1")"; }
# Prints the last lines of a log file to stderr (used when something fails).
show_log() { [ -f "$1" ] && { echo "----- last lines of $1 -----" >&2; tail -n "${2:-40}" "$1" >&2; echo "-----" >&2; } || true; }

case "$PORT" in ''|*[!0-9]*) die "WP_PORT must be a number, got '$PORT'" ;; esac
case "$DB_PORT" in ''|*[!0-9]*) die "WP_DB_PORT must be a number, got '$DB_PORT'" ;; esac
case "$HOST" in 127.*) ;; *) die "WP_HOST must be a loopback address (127.x.y.z), got '$HOST'" ;; esac
case "$WEB" in php|apache) ;; *) die "WP_WEB must be php or apache, got '$WEB'" ;; esac
[ ${#DIR} -le 80 ] || die "SIEVE_WP_DIR is too long for a unix socket path: $DIR"

# The packages come from the one list the whole suite installs from: its [wordpress] section, and
# [apache] for the Apache site.
PACKAGE_LIST="$REPO/.ci/system-packages.txt"
section_packages() { awk -v want="[$1]" '/^# \[/ { section = $2 } !/^#/ && NF && section == want { print $1 }' "$PACKAGE_LIST"; }
mapfile -t PACKAGES < <(section_packages wordpress)
if [ "$WEB" = apache ]; then mapfile -t -O "${#PACKAGES[@]}" PACKAGES < <(section_packages apache); fi
[ ${#PACKAGES[@]} -gt 0 ] || die "no [wordpress] packages listed in $PACKAGE_LIST"
if [ "$LIST_PACKAGES" = 1 ]; then
  printf '%s\n' "${PACKAGES[@]}"
  exit 0
fi

# One setup at a time (parallel test workers may call this at once).
mkdir -p "$(dirname "$DIR")"
exec 9>"$DIR.lock"
if command -v flock >/dev/null 2>&1; then
  flock -w 900 9 || die "timed out waiting for another setup.sh (lock $DIR.lock)"
fi

if [ "$RESET" = 1 ]; then
  log "--reset: stopping services and deleting $DIR"
  SIEVE_WP_DIR="$DIR" bash "$HERE/stop.sh" >&2 || true
  rm -rf "$DIR" "$WP_CONFIG"
fi
mkdir -p "$DIR/logs"
chmod 755 "$DIR"

# ------------------------------------------------------------------ 1. packages
missing_packages() {
  missing=()
  for p in "${PACKAGES[@]}"; do
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)" = installed ] || missing+=("$p")
  done
}
missing_packages
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing packages (${missing[*]}); run this once as root, or install the suite's packages: sudo apt-get install -y \$(grep -v '^#' .ci/system-packages.txt)"
  # The shared site's setup and the Apache site's may both install at once (parallel test files): one
  # apt at a time, and the second finds the packages there.
  exec 8>/tmp/sieve-wordpress-packages.lock
  command -v flock >/dev/null 2>&1 && { flock -w 1200 8 || die "timed out waiting for another setup's package install"; }
  missing_packages
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} (log: $DIR/logs/apt.log)"
  export DEBIAN_FRONTEND=noninteractive
  # Keep apt from starting apache2/mariadb as system services: we run our own instances.
  made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  apt_ok=1
  { apt-get update -q -o DPkg::Lock::Timeout=600 && apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends "${missing[@]}"; } >"$DIR/logs/apt.log" 2>&1 || apt_ok=0
  [ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
  if [ "$apt_ok" = 0 ]; then
    show_log "$DIR/logs/apt.log" 30
    die "apt-get install ${missing[*]} failed"
  fi
  phase_done "packages installed"
fi
exec 8>&-
for cmd in php mariadbd mariadb mariadb-admin mariadb-install-db curl; do
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || die "$cmd not found after installing packages"
done
MARIADBD=$(command -v mariadbd || echo /usr/sbin/mariadbd)
php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' || die "PHP's mysqli extension is missing (package php-mysql)"
[ -f "$WP_ROOT/wp-load.php" ] || die "Debian's WordPress is not in $WP_ROOT"

# ------------------------------------------------------------------ 2. MariaDB
MYCNF="$DIR/my.cnf"
# Everything MariaDB writes lives in $DIR/db, owned by the user it runs as.
DB_DIR="$DIR/db"
SOCKET="$DB_DIR/mysqld.sock"
DB_PID="$DB_DIR/mysqld.pid"
DB_LOG="$DB_DIR/mysqld.log"
if [ "$(id -u)" = 0 ]; then DB_OS_USER=mysql; else DB_OS_USER="$(id -un)"; fi
cat >"$MYCNF" <<EOF
# Written by tests/integration/wordpress/setup.sh
[mysqld]
user = $DB_OS_USER
datadir = $DB_DIR/data
socket = $SOCKET
pid-file = $DB_PID
log-error = $DB_LOG
bind-address = $HOST
port = $DB_PORT
skip-name-resolve
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
innodb_buffer_pool_size = 128M
innodb_flush_log_at_trx_commit = 2
max_connections = 100

[client]
socket = $SOCKET
EOF
# For people: mariadb --defaults-file=$DIR/client.cnf
cat >"$DIR/client.cnf" <<EOF
[client]
socket = $SOCKET
user = $DB_USER
password = $DB_PASSWORD
database = $DB_NAME
EOF
chmod 644 "$DIR/client.cnf"

db_root() { mariadb --defaults-file="$MYCNF" -uroot "$@"; }
db_alive() { mariadb-admin --defaults-file="$MYCNF" -uroot --connect-timeout=2 ping >/dev/null 2>&1; }

if pidfile_alive "$DB_PID" && ! db_alive; then
  # Still starting, or recovering after it was killed: give it time.
  for _ in $(seq 1 120); do
    db_alive || ! pidfile_alive "$DB_PID" && break
    sleep 0.5
  done
  if pidfile_alive "$DB_PID" && ! db_alive; then
    show_log "$DB_LOG"
    die "a MariaDB process ($(cat "$DB_PID")) runs on $DIR but does not answer; run stop.sh or setup.sh --reset"
  fi
fi
if pidfile_alive "$DB_PID" && db_alive; then
  log "MariaDB already running (pid $(cat "$DB_PID"))"
else
  rm -f "$DB_PID" "$SOCKET" "$SOCKET.lock"
  mkdir -p "$DB_DIR"
  if [ ! -d "$DB_DIR/data/mysql" ]; then
    log "initialising a MariaDB data dir in $DB_DIR/data"
    rm -rf "$DB_DIR/data"
    mkdir -p "$DB_DIR/data"
    [ "$(id -u)" = 0 ] && chown -R mysql:mysql "$DB_DIR"
    mariadb-install-db --defaults-file="$MYCNF" --auth-root-authentication-method=socket \
      --skip-test-db >"$DIR/logs/mariadb-install-db.log" 2>&1 \
      || { show_log "$DIR/logs/mariadb-install-db.log"; die "mariadb-install-db failed"; }
  fi
  [ "$(id -u)" = 0 ] && chown -R mysql:mysql "$DB_DIR"
  # Its own session, so that the server outlives the shell or test runner that started it.
  # 9>&-: the server must not inherit (and hold) setup.sh's lock.
  setsid "$MARIADBD" --defaults-file="$MYCNF" </dev/null >>"$DB_LOG" 2>&1 9>&- &
  for _ in $(seq 1 120); do
    db_alive && break
    alive $! || { show_log "$DB_LOG"; die "MariaDB exited while starting"; }
    sleep 0.5
  done
  db_alive || { show_log "$DB_LOG"; die "MariaDB did not answer within 60 s"; }
  log "MariaDB started (pid $(cat "$DB_PID" 2>/dev/null || echo $!), socket $SOCKET, port $DB_PORT)"
fi
db_root <<EOF || die "cannot create the database and its user"
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'localhost';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'127.0.0.1';
CREATE USER IF NOT EXISTS '$DB_USER'@'$HOST' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER '$DB_USER'@'$HOST' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'$HOST';
FLUSH PRIVILEGES;
EOF
phase_done "MariaDB ready"

# ------------------------------------------------------------------ 3. WordPress config
# Secret keys: made once per data dir, kept across re-runs.
if [ ! -s "$DIR/salts.php" ]; then
  php -r 'echo "<?php\n"; foreach (["AUTH_KEY","SECURE_AUTH_KEY","LOGGED_IN_KEY","NONCE_KEY","AUTH_SALT","SECURE_AUTH_SALT","LOGGED_IN_SALT","NONCE_SALT"] as $k) { echo "define(\x27$k\x27, \x27" . bin2hex(random_bytes(32)) . "\x27);\n"; }' >"$DIR/salts.php"
fi
mkdir -p /etc/wordpress 2>/dev/null || true
new_config=$(cat <<EOF
<?php
/*
 * Written by Sieve's tests/integration/wordpress/setup.sh for the test site on $URL
 * (data dir $DIR). Debian's /usr/share/wordpress/wp-config.php loads this file for
 * requests whose Host is $HOST (any port). Re-running setup.sh rewrites it.
 */
define('DB_NAME', '$DB_NAME');
define('DB_USER', '$DB_USER');
define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost:$SOCKET');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
\$table_prefix = 'wp_';
require '$DIR/salts.php';

define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
// 'local' makes Application Passwords work over plain http.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '$DIR/logs/wp-debug.log');
define('WP_ALLOW_MULTISITE', false);
// No traffic off this machine (update checks, pingbacks, oEmbed) and no background jobs.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('EMPTY_TRASH_DAYS', 30);
EOF
)
if [ ! -f "$WP_CONFIG" ] || [ "$(cat "$WP_CONFIG")" != "$new_config" ]; then
  printf '%s\n' "$new_config" >"$WP_CONFIG.tmp" || die "cannot write $WP_CONFIG (run as root)"
  chmod 644 "$WP_CONFIG.tmp"
  mv "$WP_CONFIG.tmp" "$WP_CONFIG"
  log "wrote $WP_CONFIG"
fi

# ------------------------------------------------------------------ 4. web server
port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
http_code() { curl -s -o /dev/null -m 20 -w '%{http_code}' "$@" || true; }
if [ "$WEB" = apache ]; then
  # Apache with mod_php (prefork): an instance of our own, with its config, pid file and logs in $DIR.
  APACHE_CONF="$DIR/apache2.conf"
  APACHE_PID="$DIR/apache2.pid"
  APACHE=$(command -v apache2 || echo /usr/sbin/apache2)
  if [ "$(id -u)" = 0 ]; then WEB_USER=www-data; else WEB_USER="$(id -un)"; fi
  WEB_GROUP="$(id -gn "$WEB_USER")"
  mkdir -p "$DIR/apache-run"
  # WordPress, running as the web user, appends to its debug log.
  touch "$DIR/logs/wp-debug.log"
  chown "$WEB_USER" "$DIR/logs/wp-debug.log" "$DIR/apache-run" 2>/dev/null || true
  chmod 644 "$DIR/salts.php"
  cat >"$APACHE_CONF" <<EOF
# Written by tests/integration/wordpress/setup.sh (WP_WEB=apache) for $URL
ServerRoot $DIR
ServerName $HOST
Listen $HOST:$PORT
PidFile $APACHE_PID
DefaultRuntimeDir $DIR/apache-run
Mutex file:$DIR/apache-run default
User $WEB_USER
Group $WEB_GROUP
ErrorLog $DIR/logs/apache-error.log
LogLevel warn

LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so
LoadModule php_module /usr/lib/apache2/modules/libphp8.2.so
TypesConfig /etc/mime.types

StartServers 2
MinSpareServers 2
MaxSpareServers 6
MaxRequestWorkers 8
KeepAlive On
KeepAliveTimeout 5
Timeout 60

# Every request: time, method, path and query, status, bytes in and out (mod_logio), microseconds.
LogFormat "%{%Y-%m-%dT%H:%M:%S}t \"%m %U%q\" %>s %I %O %D" sieve
CustomLog $DIR/logs/apache-access.log sieve

php_admin_value memory_limit 512M

DocumentRoot /usr/share/wordpress
Alias /wp-content /var/lib/wordpress/wp-content
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory /usr/share/wordpress>
  Options FollowSymLinks
  AllowOverride None
  Require all granted
  DirectoryIndex index.php
  RewriteEngine On
  RewriteBase /
  RewriteRule ^index\.php$ - [L]
  RewriteCond %{REQUEST_FILENAME} !-f
  RewriteCond %{REQUEST_FILENAME} !-d
  RewriteRule . /index.php [L]
</Directory>
<Directory /var/lib/wordpress/wp-content>
  Options FollowSymLinks
  Require all granted
</Directory>
<FilesMatch ".+\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
EOF
  "$APACHE" -t -f "$APACHE_CONF" >"$DIR/logs/apache-configtest.log" 2>&1 \
    || { show_log "$DIR/logs/apache-configtest.log"; die "Apache refuses the configuration $APACHE_CONF"; }
  if pidfile_alive "$APACHE_PID" && port_open "$PORT"; then
    log "Apache already running (pid $(cat "$APACHE_PID"))"
  else
    rm -f "$APACHE_PID"
    port_open "$PORT" && die "port $PORT on $HOST is in use by another program; stop it or set WP_PORT"
    # It detaches by itself. 9>&-: it must not hold setup.sh's lock.
    setsid "$APACHE" -f "$APACHE_CONF" -k start </dev/null >>"$DIR/logs/apache-error.log" 2>&1 9>&- \
      || { show_log "$DIR/logs/apache-error.log"; die "Apache did not start"; }
    for _ in $(seq 1 60); do
      port_open "$PORT" && break
      sleep 0.25
    done
    port_open "$PORT" || { show_log "$DIR/logs/apache-error.log"; die "Apache does not listen on $HOST:$PORT"; }
    log "Apache started on $URL (pid $(cat "$APACHE_PID" 2>/dev/null), log $DIR/logs/apache-access.log)"
  fi
  WEB_LOG="$DIR/logs/apache-error.log"
else
  PHP_PID="$DIR/php-server.pid"
  PHP_LOG="$DIR/logs/php-server.log"
  WEB_LOG="$PHP_LOG"
  cp "$HERE/router.php" "$DIR/router.php"
  if pidfile_alive "$PHP_PID" && port_open "$PORT"; then
    log "PHP server already running (pid $(cat "$PHP_PID"))"
  else
    if pidfile_alive "$PHP_PID"; then
      kill -TERM -- "-$(cat "$PHP_PID")" 2>/dev/null || kill "$(cat "$PHP_PID")" 2>/dev/null || true
    fi
    rm -f "$PHP_PID"
    if port_open "$PORT"; then
      die "port $PORT on $HOST is in use by another program; stop it or set WP_PORT"
    fi
    (
      cd "$WP_ROOT"
      # Several workers, so that parallel test requests do not queue behind each other.
      PHP_CLI_SERVER_WORKERS=4 exec setsid php -d memory_limit=512M -d display_errors=stderr \
        -S "$HOST:$PORT" -t "$WP_ROOT" "$DIR/router.php" </dev/null >>"$PHP_LOG" 2>&1 9>&-
    ) &
    echo $! >"$PHP_PID"
    for _ in $(seq 1 60); do
      port_open "$PORT" && break
      pidfile_alive "$PHP_PID" || { show_log "$PHP_LOG"; die "the PHP server exited while starting"; }
      sleep 0.25
    done
    port_open "$PORT" || { show_log "$PHP_LOG"; die "the PHP server does not listen on $HOST:$PORT"; }
    log "PHP server started on $URL (pid $(cat "$PHP_PID"), log $PHP_LOG)"
  fi
fi
phase_done "web server ready"

# ------------------------------------------------------------------ 5. install + seed
SEED_ARTICLE="${SIEVE_WP_SEED_ARTICLE:-}"
if [ -z "$SEED_ARTICLE" ]; then
  for f in "$REPO/../shared/seed-article.txt" /work/shared/seed-article.txt; do
    [ -r "$f" ] && { SEED_ARTICLE="$f"; break; }
  done
fi
export SIEVE_WP_URL="$URL" SIEVE_WP_DIR="$DIR" SIEVE_WP_CONNECTION="$DIR/connection.json" \
  SIEVE_WP_SEED_ARTICLE="$SEED_ARTICLE" SIEVE_WP_DB_NAME="$DB_NAME" SIEVE_WP_DB_USER="$DB_USER" \
  SIEVE_WP_DB_PASSWORD="$DB_PASSWORD" SIEVE_WP_DB_SOCKET="$SOCKET" SIEVE_WP_DB_HOST="$HOST" \
  SIEVE_WP_DB_PORT="$DB_PORT"
php -d memory_limit=512M "$HERE/sieve-wp.php" install >"$DIR/logs/install.log" 2>&1 \
  || { show_log "$DIR/logs/install.log"; die "installing WordPress failed"; }
log "$(tail -n 1 "$DIR/logs/install.log")"
php -d memory_limit=512M "$HERE/sieve-wp.php" seed >"$DIR/logs/seed.log" 2>&1 \
  || { show_log "$DIR/logs/seed.log"; die "seeding WordPress failed"; }
grep -v '^$' "$DIR/logs/seed.log" | sed 's/^/[wordpress-setup] /' >&2 || true
[ -s "$DIR/connection.json" ] || die "seeding did not write $DIR/connection.json"
phase_done "WordPress installed and seeded"

# ------------------------------------------------------------------ 6. verify with curl
json() { php -r '$c = json_decode(file_get_contents($argv[1]), true); $v = $c; foreach (explode(".", $argv[2]) as $k) { $v = $v[$k]; } echo is_array($v) ? json_encode($v) : $v;' "$DIR/connection.json" "$1"; }
ADMIN="$(json users.admin.user):$(json users.admin.appPassword)"
READER="$(json users.reader.user):$(json users.reader.appPassword)"
EXPECT_HOLD=$(db_root -N -B "$DB_NAME" -e "SELECT COUNT(*) FROM wp_comments WHERE comment_approved = '0' AND comment_type = 'comment'")
TMP="$DIR/verify"
mkdir -p "$TMP"

# request NAME EXPECTED_CODE curl-args...: fails loudly with the response when the code differs.
request() {
  local name="$1" want="$2"
  shift 2
  local code
  code=$(curl -sS -m 60 -D "$TMP/$name.headers" -o "$TMP/$name.body" -w '%{http_code}' "$@") \
    || die "verify $name: curl failed ($*)"
  if [ "$code" != "$want" ]; then
    echo "----- response headers -----" >&2; cat "$TMP/$name.headers" >&2
    echo "----- response body -----" >&2; head -c 2000 "$TMP/$name.body" >&2; echo >&2
    show_log "$WEB_LOG" 10
    show_log "$DIR/logs/wp-debug.log" 20
    die "verify $name: expected HTTP $want, got $code from $*"
  fi
}
header() { awk -v h="$(echo "$2" | tr 'A-Z' 'a-z')" -F': *' 'tolower($1) == h { sub(/\r$/, "", $2); print $2; exit }' "$TMP/$1.headers"; }

request index 200 "$URL/wp-json/"
request held 200 -u "$ADMIN" "$URL/wp-json/wp/v2/comments?status=hold&context=edit&per_page=100"
total=$(header held X-WP-Total)
pages=$(header held X-WP-TotalPages)
[ -n "$total" ] && [ -n "$pages" ] || die "verify held: X-WP-Total/X-WP-TotalPages headers missing"
[ "$total" = "$EXPECT_HOLD" ] || die "verify held: X-WP-Total is $total but wp_comments holds $EXPECT_HOLD held comments"
[ "$pages" = "$(( (total + 99) / 100 ))" ] || die "verify held: X-WP-TotalPages is $pages for $total comments"
request held_rest_route 200 -u "$ADMIN" "$URL/?rest_route=/wp/v2/comments&status=hold&context=edit&per_page=1"
[ "$(header held_rest_route X-WP-Total)" = "$total" ] || die "verify: ?rest_route= gives a different X-WP-Total"
# Status changes on a scratch comment, so that the seeded comments stay as they were (a REST
# update also overwrites the comment's author IP and user agent with the caller's).
post_id=$(json seed.posts.0.id)
request create 201 -u "$ADMIN" -X POST -H 'Content-Type: application/json' \
  -d "{\"post\":$post_id,\"content\":\"setup.sh check, deleted right away\",\"status\":\"hold\"}" "$URL/wp-json/wp/v2/comments"
cid=$(php -r '$a = json_decode(file_get_contents($argv[1]), true); echo $a["id"] ?? "";' "$TMP/create.body")
[ -n "$cid" ] || die "verify create: no comment id in $(head -c 500 "$TMP/create.body")"
request approve 200 -u "$ADMIN" -X POST -H 'Content-Type: application/json' -d '{"status":"approved"}' "$URL/wp-json/wp/v2/comments/$cid"
grep -q '"status":"approved"' "$TMP/approve.body" || die "verify approve: comment $cid was not approved: $(head -c 500 "$TMP/approve.body")"
[ "$(db_root -N -B "$DB_NAME" -e "SELECT comment_approved FROM wp_comments WHERE comment_ID = $cid")" = 1 ] \
  || die "verify approve: wp_comments does not show comment $cid approved"
request delete 200 -u "$ADMIN" -X DELETE "$URL/wp-json/wp/v2/comments/$cid?force=true"
[ "$(db_root -N -B "$DB_NAME" -e "SELECT COUNT(*) FROM wp_comments WHERE comment_ID = $cid")" = 0 ] \
  || die "verify delete: comment $cid is still in wp_comments"
request posts 200 "$URL/wp-json/wp/v2/posts"
[ "$(header posts X-WP-Total)" -ge 4 ] || die "verify posts: expected at least 4 posts, X-WP-Total is $(header posts X-WP-Total)"
request reader_edit 403 -u "$READER" "$URL/wp-json/wp/v2/comments?context=edit"
request wrong_password 401 -u "sieve-admin:wrong wrong wrong wrong wrong wrong" "$URL/wp-json/wp/v2/comments?context=edit"
rm -rf "$TMP"
phase_done "REST API verified (held comments: $total in $pages pages)"

log "WordPress is up at $URL in $(elapsed "$START") s; connection info: $DIR/connection.json"
if [ "$QUIET" = 1 ]; then
  cat "$DIR/connection.json"
else
  cat "$DIR/connection.json"
  cat <<EOF

WordPress:  $URL   (admin: $URL/wp-admin/  user sieve-admin / sieve-admin-password)
REST API:   $URL/wp-json/wp/v2/comments   (HTTP Basic auth with users.*.appPassword above)
MariaDB:    mariadb --defaults-file=$DIR/client.cnf     (or $HOST:$DB_PORT, user $DB_USER)
Logs:       $DIR/logs/
Stop:       $HERE/stop.sh        Reset: $HERE/setup.sh --reset
EOF
fi
