<?php
/**
 * Router for PHP's built-in web server serving Debian's WordPress
 * (php -S 127.0.0.1:PORT -t /usr/share/wordpress router.php).
 *
 * setup.sh copies this file into the data dir and starts the server with it.
 *
 * - /wp-content/... is served from Debian's WP_CONTENT_DIR (/var/lib/wordpress/wp-content),
 *   which is what Debian's apache.conf does with an Alias.
 * - Existing static files and PHP scripts under the document root are served as they are.
 * - Everything else goes to index.php, so pretty permalinks and the REST API under
 *   /wp-json/... work as well as ?rest_route=/... .
 */

$docroot    = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$contentDir = '/var/lib/wordpress/wp-content';
$path       = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');

if (strpos($path, "\0") !== false || strpos($path, '..') !== false) {
    http_response_code(400);
    echo "Bad request\n";
    return true;
}

$types = [
    'css' => 'text/css', 'js' => 'application/javascript', 'json' => 'application/json',
    'png' => 'image/png', 'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'gif' => 'image/gif',
    'svg' => 'image/svg+xml', 'webp' => 'image/webp', 'ico' => 'image/x-icon',
    'woff' => 'font/woff', 'woff2' => 'font/woff2', 'ttf' => 'font/ttf', 'txt' => 'text/plain',
    'html' => 'text/html', 'xml' => 'application/xml', 'map' => 'application/json',
];

/** Sends a static file ourselves (php -S only serves static files below its document root). */
function sieve_send_static(string $file, array $types): bool
{
    $ext = strtolower(pathinfo($file, PATHINFO_EXTENSION));
    header('Content-Type: ' . ($types[$ext] ?? 'application/octet-stream'));
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return true;
}

// wp-content lives outside the document root on Debian.
if (strncmp($path, '/wp-content/', 12) === 0) {
    $file = $contentDir . substr($path, strlen('/wp-content'));
    if (is_file($file)) {
        if (substr($file, -4) === '.php') {
            chdir(dirname($file));
            require $file;
            return true;
        }
        return sieve_send_static($file, $types);
    }
}

$file = $docroot . $path;

// A directory without its trailing slash (e.g. /wp-admin): redirect like Apache does.
if ($path !== '/' && is_dir($file) && substr($path, -1) !== '/') {
    header('Location: ' . $path . '/', true, 301);
    return true;
}
if (is_dir($file) && is_file(rtrim($file, '/') . '/index.php')) {
    $file = rtrim($file, '/') . '/index.php';
    $path = rtrim($path, '/') . '/index.php';
}

if ($path !== '/' && is_file($file)) {
    if (substr($file, -4) !== '.php') {
        return false; // static file below the document root: let the built-in server send it
    }
    $_SERVER['SCRIPT_NAME']     = $path;
    $_SERVER['PHP_SELF']        = $path;
    $_SERVER['SCRIPT_FILENAME'] = $file;
    chdir(dirname($file));
    require $file;
    return true;
}

// Front controller: pretty permalinks, /wp-json/..., ?rest_route=..., 404s.
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $docroot . '/index.php';
chdir($docroot);
require $docroot . '/index.php';
return true;
