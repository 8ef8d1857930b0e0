<?php
/**
 * Installs and seeds Debian's WordPress for Sieve's integration tests. Called by setup.sh:
 *
 *   php sieve-wp.php install   wp_install() once (no-op when WordPress is already installed)
 *   php sieve-wp.php seed      options, users, application passwords, posts + comments (seeding
 *                              only once), a backlog of held comments when SIEVE_WP_BACKLOG asks
 *                              for one, then writes connection.json
 *
 * Environment (set by setup.sh): SIEVE_WP_URL, SIEVE_WP_DIR, SIEVE_WP_CONNECTION,
 * SIEVE_WP_SEED_ARTICLE (optional), SIEVE_WP_BACKLOG (optional, default 0),
 * SIEVE_WP_DB_{NAME,USER,PASSWORD,SOCKET,HOST,PORT}.
 */

error_reporting(E_ALL & ~E_DEPRECATED & ~E_NOTICE);
ini_set('display_errors', 'stderr');

function sieve_fail(string $message): void
{
    fwrite(STDERR, "sieve-wp.php: ERROR: $message\n");
    exit(1);
}

function sieve_env(string $name): string
{
    $value = getenv($name);
    if ($value === false || $value === '') {
        sieve_fail("environment variable $name is not set (run this through setup.sh)");
    }
    return $value;
}

$phase = $argv[1] ?? '';
if ($phase !== 'install' && $phase !== 'seed') {
    sieve_fail('usage: php sieve-wp.php install|seed');
}

$siteUrl = rtrim(sieve_env('SIEVE_WP_URL'), '/');
$parts   = parse_url($siteUrl);
// Debian's /usr/share/wordpress/wp-config.php picks /etc/wordpress/config-<host>.php from HTTP_HOST.
$_SERVER['HTTP_HOST']       = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$_SERVER['SERVER_NAME']     = $parts['host'];
$_SERVER['SERVER_PORT']     = (string) ($parts['port'] ?? 80);
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';

const SIEVE_ADMIN    = 'sieve-admin';
const SIEVE_APP_NAME = 'sieve-tests';

if ($phase === 'install') {
    define('WP_INSTALLING', true);
    require '/usr/share/wordpress/wp-load.php';

    // No e-mail for the new site (there is no MTA here); must exist before upgrade.php is loaded.
    if (!function_exists('wp_new_blog_notification')) {
        function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password)
        {
        }
    }
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';

    if (is_blog_installed()) {
        echo "WordPress is already installed\n";
        exit(0);
    }
    // wp_install() otherwise probes permalink structures with HTTP requests to the site itself.
    add_filter('pre_option_permalink_structure', function () {
        return '/%postname%/';
    });
    $result = wp_install('Sieve Test Newsroom', SIEVE_ADMIN, 'sieve-admin@example.test', false, '', 'sieve-admin-password');
    if (!is_array($result) || empty($result['user_id'])) {
        sieve_fail('wp_install() failed: ' . var_export($result, true));
    }
    if (!is_blog_installed()) {
        sieve_fail('wp_install() returned but WordPress does not report itself installed');
    }
    echo "WordPress installed (admin user id {$result['user_id']})\n";
    exit(0);
}

// ---------------------------------------------------------------- seed
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/post.php';

if (!is_blog_installed()) {
    sieve_fail('WordPress is not installed (the install phase did not run or failed)');
}
if (!wp_is_application_passwords_available()) {
    sieve_fail('Application Passwords are not available (WP_ENVIRONMENT_TYPE must be "local" for plain http; got "'
        . wp_get_environment_type() . '")');
}

// Options: moderation holds every new comment; no mail; pretty permalinks for /wp-json/.
$options = [
    'blogname'                      => 'Sieve Test Newsroom',
    'blogdescription'               => 'WordPress fixture for Sieve integration tests',
    'comment_moderation'            => '1',
    'comment_previously_approved'   => '0',
    'comment_max_links'             => '2',
    'moderation_notify'             => '0',
    'comments_notify'               => '0',
    'require_name_email'            => '1',
    'default_comment_status'        => 'open',
    'close_comments_for_old_posts'  => '0',
    'thread_comments'               => '1',
    'thread_comments_depth'         => '5',
    'page_comments'                 => '0',
    'timezone_string'               => 'UTC',
    'gmt_offset'                    => '0',
    'users_can_register'            => '0',
    'blog_public'                   => '0',
];
foreach ($options as $name => $value) {
    update_option($name, $value);
}
global $wp_rewrite;
if (get_option('permalink_structure') !== '/%postname%/') {
    $wp_rewrite->set_permalink_structure('/%postname%/');
}
flush_rewrite_rules(false);

// Users.
$userSpecs = [
    'admin'  => ['login' => SIEVE_ADMIN, 'role' => 'administrator', 'display' => 'Sieve Admin'],
    'editor' => ['login' => 'sieve-editor', 'role' => 'editor', 'display' => 'Esther Editor'],
    'reader' => ['login' => 'sieve-reader', 'role' => 'subscriber', 'display' => 'Rita Reader'],
];
$userIds = [];
foreach ($userSpecs as $key => $spec) {
    $password = $spec['login'] . '-password';
    $user     = get_user_by('login', $spec['login']);
    if (!$user) {
        $id = wp_insert_user([
            'user_login'   => $spec['login'],
            'user_pass'    => $password,
            'user_email'   => $spec['login'] . '@example.test',
            'display_name' => $spec['display'],
            'nickname'     => $spec['display'],
            'first_name'   => explode(' ', $spec['display'])[0],
            'last_name'    => explode(' ', $spec['display'])[1],
            'role'         => $spec['role'],
        ]);
        if (is_wp_error($id)) {
            sieve_fail("cannot create user {$spec['login']}: " . $id->get_error_message());
        }
        $user = get_user_by('id', $id);
    } else {
        wp_update_user(['ID' => $user->ID, 'display_name' => $spec['display'], 'role' => $spec['role']]);
        $user = get_user_by('id', $user->ID);
    }
    if (!in_array($spec['role'], (array) $user->roles, true)) {
        sieve_fail("user {$spec['login']} does not have role {$spec['role']}");
    }
    $userIds[$key] = $user->ID;
}

// Application passwords: reuse the ones in an existing connection.json while they still verify.
$connectionFile = sieve_env('SIEVE_WP_CONNECTION');
$previous       = is_file($connectionFile) ? json_decode((string) file_get_contents($connectionFile), true) : null;
$appPasswords   = [];
foreach ($userSpecs as $key => $spec) {
    $uid      = $userIds[$key];
    $existing = WP_Application_Passwords::get_user_application_passwords($uid);
    $old      = $previous['users'][$key]['appPassword'] ?? null;
    if (is_string($old) && $old !== '') {
        foreach ($existing as $item) {
            if ($item['name'] === SIEVE_APP_NAME && wp_check_password(preg_replace('/[^a-z\d]/i', '', $old), $item['password'], $uid)) {
                $appPasswords[$key] = $old;
                break;
            }
        }
    }
    if (isset($appPasswords[$key])) {
        continue;
    }
    foreach ($existing as $item) {
        if ($item['name'] === SIEVE_APP_NAME) {
            WP_Application_Passwords::delete_application_password($uid, $item['uuid']);
        }
    }
    $created = WP_Application_Passwords::create_new_application_password($uid, ['name' => SIEVE_APP_NAME]);
    if (is_wp_error($created)) {
        sieve_fail("cannot create an application password for {$spec['login']}: " . $created->get_error_message());
    }
    $appPasswords[$key] = $created[0];
}

// Seeding (once; setup.sh --reset starts from an empty database).
$manifest = get_option('sieve_seed_manifest');
if (!is_array($manifest)) {
    $manifest = sieve_seed($userIds);
    update_option('sieve_seed_manifest', $manifest, false);
    fwrite(STDOUT, sprintf("Seeded %d posts and %d comments\n", count($manifest['posts']), $manifest['counts']['total']));
} else {
    fwrite(STDOUT, "Already seeded on {$manifest['seededAt']}: keeping the data\n");
}
$backlog = sieve_backlog((int) (getenv('SIEVE_WP_BACKLOG') ?: 0));

// connection.json
$users = [];
foreach ($userSpecs as $key => $spec) {
    $users[$key] = [
        'id'          => $userIds[$key],
        'user'        => $spec['login'],
        'role'        => $spec['role'],
        'password'    => $spec['login'] . '-password',
        'appPassword' => $appPasswords[$key],
    ];
}
$connection = [
    'url'     => $siteUrl,
    'restUrl' => $siteUrl . '/wp-json/',
    'users'   => $users,
    'db'      => [
        'socket'      => sieve_env('SIEVE_WP_DB_SOCKET'),
        'host'        => sieve_env('SIEVE_WP_DB_HOST'),
        'port'        => (int) sieve_env('SIEVE_WP_DB_PORT'),
        'name'        => sieve_env('SIEVE_WP_DB_NAME'),
        'user'        => sieve_env('SIEVE_WP_DB_USER'),
        'password'    => sieve_env('SIEVE_WP_DB_PASSWORD'),
        'tablePrefix' => $GLOBALS['table_prefix'],
    ],
    'seed'        => $manifest,
    'backlog'     => $backlog,
    'dataDir'     => sieve_env('SIEVE_WP_DIR'),
    'wordpress'   => get_bloginfo('version'),
];
$tmp = $connectionFile . '.tmp';
if (file_put_contents($tmp, json_encode($connection, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n") === false
    || !rename($tmp, $connectionFile)) {
    sieve_fail("cannot write $connectionFile");
}
chmod($connectionFile, 0644);
exit(0);

// ---------------------------------------------------------------- seeding helpers

/** The four stories of seed-article.txt: [['title' => ..., 'body' => [paragraphs]], ...]. */
function sieve_stories(): array
{
    $fallback = [
        "'Heroic Participation': Putin Lauds North Korean Troops Fighting In Ukraine In Letter To Kim",
        'Putin Returns to Moscow With Air of Triumph After Summit',
        "‘Submit affidavit or apologise': CEC Gyanesh Kumar issues stern warning to Rahul Gandhi amid vote theft charges, says if affidavit not given....",
        'Nordic-Baltic Eight nations say no decision can be made for Ukraine and Europe without their involvement',
    ];
    $file  = getenv('SIEVE_WP_SEED_ARTICLE') ?: '';
    $lines = ($file !== '' && is_readable($file)) ? preg_split('/\R/u', (string) file_get_contents($file)) : [];
    if (!$lines) {
        fwrite(STDERR, "sieve-wp.php: WARNING: seed article not found ('$file'); using built-in titles and filler text\n");
    }
    $lines = array_map('trim', $lines ?: []);

    // A story title is a long line that the page repeats (headline + link text).
    $seen = array_count_values(array_filter($lines, function ($l) {
        return mb_strlen($l) >= 30;
    }));
    $titles = [];
    foreach ($lines as $l) {
        if (($seen[$l] ?? 0) >= 2 && !in_array($l, $titles, true)) {
            $titles[] = $l;
        }
    }
    if (count($titles) < 4) {
        if ($lines) {
            fwrite(STDERR, 'sieve-wp.php: WARNING: found ' . count($titles) . " story titles in $file, expected 4; using built-in titles\n");
        }
        $titles = $fallback;
    }
    $titles = array_slice($titles, 0, 4);

    $stories = [];
    foreach ($titles as $i => $title) {
        $last = array_search($title, array_reverse($lines, true), true);
        $end  = isset($titles[$i + 1]) ? array_search($titles[$i + 1], $lines, true) : count($lines);
        $body = [];
        if ($last !== false) {
            for ($n = $last + 1; $n < ($end === false ? count($lines) : $end); $n++) {
                if (preg_match('/^(view comments|Disclaimer:|DOWNLOAD THE APP|Related Articles)/i', $lines[$n])) {
                    break;
                }
                if (mb_strlen($lines[$n]) >= 60) {
                    $body[] = $lines[$n];
                }
            }
        }
        if (!$body) {
            $body = ["Filler text for \"$title\": the seed article was not available when this site was seeded."];
        }
        $stories[] = ['title' => $title, 'body' => $body];
    }
    return $stories;
}

/** Sentences of a story, for quoting in comments. */
function sieve_sentences(array $body): array
{
    $out = [];
    foreach ($body as $p) {
        foreach (preg_split('/(?<=[.!?])\s+(?=[A-Z\'‘"])/u', $p) as $s) {
            $s = trim($s);
            if (mb_strlen($s) >= 40 && mb_strlen($s) <= 220) {
                $out[] = $s;
            }
        }
    }
    return $out ?: ['the article'];
}

function sieve_pick(array $items)
{
    return $items[mt_rand(0, count($items) - 1)];
}

function sieve_comment_text(string $kind, array $sentences): string
{
    $quote = sieve_pick($sentences);
    $short = mb_substr($quote, 0, 90) . (mb_strlen($quote) > 90 ? '…' : '');
    switch ($kind) {
        case 'spam':
            return sieve_pick([
                'Great post!!! Check out cheap replica watches at <a href="http://watches.spam.example/deal">watches.spam.example</a> best prices',
                'I make $8,000 a month working from home. Start today: http://money.spam.example/?ref=4411 http://money.spam.example/join',
                'Nice article. Buy followers and likes fast → https://followers.spam.example/buy-now',
                'CRYPTO SIGNALS 500% GUARANTEED!!! Join our channel: http://crypto.spam.example/t/pump',
                'Very informative. Also visit my website about casino bonuses http://casino.spam.example/bonus',
                'Hello admin, do you want more traffic to your site? Contact SEO expert seo@spam.example',
                'Cheap meds online no prescription http://pharma.spam.example/pills http://pharma.spam.example/offer',
            ]);
        case 'abusive':
            return sieve_pick([
                'Anyone who believes this is an idiot. Typical garbage from this rag.',
                'You people are all paid shills. Disgusting.',
                'SHUT UP. Nobody cares about your opinion, moron.',
                'This writer should be fired. Pathetic excuse for journalism.',
                'Off topic but does anyone know where to buy concert tickets cheap?',
                'First!!!',
                'lol',
            ]);
        case 'borderline':
            return sieve_pick([
                "Calling this \"news\" is a stretch. \"$short\" — says who? Sources, please.",
                'I wrote a longer rebuttal on my blog: https://blog.example.net/rebuttal — would love feedback.',
                'The comments here are full of bots again. Moderators, do your job.',
                "Honestly the headline is clickbait. The article itself says: \"$short\"",
                'Why do you keep deleting my comments?? Censorship!',
            ]);
        default:
            return sieve_pick([
                "\"$short\" — this is the key sentence of the whole piece.",
                "I'm not sure I agree. $quote Is that really the full picture?",
                'Thanks for the clear write-up. Could you add a timeline of events?',
                "Interesting. What do independent analysts say about this?\n\nI would like to see more sources quoted.",
                'This is the first article I have read that explains the background properly.',
                "Good reporting. One correction though: the article says \"$short\" but earlier reports said otherwise.",
                'We discussed this at dinner yesterday. Opinions were very divided.',
                'Zustimmung. Die Lage ist komplizierter, als viele denken.',
                'Muy buen artículo, gracias por la información.',
                'बहुत अच्छा लेख, धन्यवाद। 🙏',
                "Long-time reader here. <em>Please</em> keep covering this story, it matters.",
                'Can someone explain what this means for ordinary people?',
                "The quote \"$short\" says a lot about how things are going.",
                'Agreed with the comment above. 👍',
            ]);
    }
}

/** Creates the posts and ~300 comments; returns the manifest stored in the sieve_seed_manifest option. */
function sieve_seed(array $userIds): array
{
    mt_srand(20250815);
    $now = time();

    // The defaults of wp_install(): "Hello world!" (with its comment) and the sample page.
    foreach (['hello-world' => 'post', 'sample-page' => 'page'] as $slug => $type) {
        $p = get_page_by_path($slug, OBJECT, $type);
        if ($p) {
            wp_delete_post($p->ID, true);
        }
    }

    $authors = [
        ['Maria Schmidt', 'maria.schmidt@example.com', ''],
        ['John Carter', 'jcarter@example.org', 'https://johncarter.example.net'],
        ['Aisha Khan', 'aisha.k@example.com', ''],
        ['Zoë Lefèvre', 'zoe.lefevre@example.fr', ''],
        ['José García', 'jose.garcia@example.es', ''],
        ['王伟', 'wang.wei@example.cn', ''],
        ['Ólafur Jónsson', 'olafur@example.is', ''],
        ['Priya Sharma', 'priya.sharma@example.in', 'https://priya.example.in/blog'],
        ['Tom O\'Neill', 'tom.oneill@example.ie', ''],
        ['Anonymous', 'anon1234@example.com', ''],
        ['Concerned Citizen', 'citizen@example.org', ''],
        ['Dmitri Volkov', 'd.volkov@example.ru', ''],
        ['Sarah Lee', 'sarah.lee@example.com', ''],
        ['K. Nakamura', 'nakamura@example.jp', ''],
        ['Rahul Verma', 'rahul.v@example.in', ''],
        ['Emma Johansson', 'emma.j@example.se', ''],
        ['Ahmed Hassan', 'ahmed.hassan@example.eg', ''],
        ['Old Reader 1958', 'reader1958@example.net', ''],
        ['Lena Müller', 'lena.mueller@example.de', ''],
        ['Pat', 'pat@example.com', ''],
    ];
    $spammers = [
        ['Cheap Watches', 'sales@watches.spam.example', 'http://watches.spam.example'],
        ['Make Money Fast', 'rich@money.spam.example', 'http://money.spam.example'],
        ['SEO Expert', 'seo@spam.example', 'http://seo.spam.example'],
        ['crypto_king_88', 'king@crypto.spam.example', 'http://crypto.spam.example'],
    ];
    $agents = [
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
        'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
    ];

    // Fixed totals per status, shuffled deterministically over all comments.
    $counts   = ['hold' => 110, 'approved' => 130, 'spam' => 35, 'trash' => 25];
    $statuses = [];
    foreach ($counts as $status => $n) {
        $statuses = array_merge($statuses, array_fill(0, $n, $status));
    }
    for ($i = count($statuses) - 1; $i > 0; $i--) { // Fisher–Yates with the seeded mt_rand
        $j = mt_rand(0, $i);
        [$statuses[$i], $statuses[$j]] = [$statuses[$j], $statuses[$i]];
    }
    $perPost = [110, 80, 60, 50]; // adds up to 300

    wp_defer_comment_counting(true);
    $stories = sieve_stories();
    $posts   = [];
    $cursor  = 0;
    $replies = 0;
    foreach ($stories as $p => $story) {
        $postDate = $now - (8 * DAY_IN_SECONDS) + $p * 3 * HOUR_IN_SECONDS;
        $content  = implode("\n\n", array_map(function ($para) {
            return "<!-- wp:paragraph -->\n<p>" . esc_html($para) . "</p>\n<!-- /wp:paragraph -->";
        }, $story['body']));
        $postId = wp_insert_post([
            'post_title'     => $story['title'],
            'post_content'   => $content,
            'post_excerpt'   => mb_substr($story['body'][0], 0, 200),
            'post_status'    => 'publish',
            'post_type'      => 'post',
            'post_author'    => $p % 2 === 0 ? $userIds['editor'] : $userIds['admin'],
            'post_date_gmt'  => gmdate('Y-m-d H:i:s', $postDate),
            'post_date'      => gmdate('Y-m-d H:i:s', $postDate),
            'comment_status' => 'open',
            'ping_status'    => 'closed',
        ], true);
        if (is_wp_error($postId)) {
            sieve_fail('cannot create post: ' . $postId->get_error_message());
        }
        update_post_meta($postId, 'sieve_seed_index', $p);

        $sentences = sieve_sentences($story['body']);
        $n         = $perPost[$p];
        // Comment times over the last week, ascending, so that replies come after their parents.
        $times = [];
        for ($k = 0; $k < $n; $k++) {
            $times[] = $now - mt_rand(10 * MINUTE_IN_SECONDS, 7 * DAY_IN_SECONDS - HOUR_IN_SECONDS);
        }
        sort($times);
        $threadable = []; // comment id => depth, for held/approved comments of this post
        $postCounts = ['hold' => 0, 'approved' => 0, 'spam' => 0, 'trash' => 0];
        for ($k = 0; $k < $n; $k++, $cursor++) {
            $status = $statuses[$cursor];
            $postCounts[$status]++;
            $kind = $status === 'spam' ? 'spam'
                : ($status === 'trash' ? 'abusive'
                : ($status === 'hold' && mt_rand(1, 3) === 1 ? 'borderline' : 'normal'));
            $userId = 0;
            if ($kind === 'spam') {
                [$name, $email, $url] = sieve_pick($spammers);
            } elseif ($kind === 'normal' && mt_rand(1, 12) === 1) {
                $who    = mt_rand(0, 1) ? 'editor' : 'reader';
                $u      = get_user_by('id', $userIds[$who]);
                $userId = $u->ID;
                [$name, $email, $url] = [$u->display_name, $u->user_email, ''];
            } else {
                [$name, $email, $url] = sieve_pick($authors);
            }
            $parent = 0;
            if ($kind !== 'spam' && $threadable && mt_rand(1, 100) <= 30) {
                $candidates = array_keys(array_filter($threadable, function ($depth) {
                    return $depth < 4;
                }));
                if ($candidates) {
                    $parent = sieve_pick($candidates);
                    $replies++;
                }
            }
            $time = $times[$k];
            $data = [
                'comment_post_ID'      => $postId,
                'comment_author'       => $name,
                'comment_author_email' => $email,
                'comment_author_url'   => $url,
                'comment_author_IP'    => sieve_pick(['192.0.2.', '198.51.100.', '203.0.113.']) . mt_rand(1, 254),
                'comment_agent'        => sieve_pick($agents),
                'comment_content'      => sieve_comment_text($kind, $sentences),
                'comment_date'         => gmdate('Y-m-d H:i:s', $time),
                'comment_date_gmt'     => gmdate('Y-m-d H:i:s', $time),
                'comment_approved'     => $status === 'spam' ? 'spam' : ($status === 'approved' ? 1 : 0),
                'comment_parent'       => $parent,
                'comment_type'         => 'comment',
                'user_id'              => $userId,
            ];
            if ($status === 'trash') {
                $data['comment_approved'] = mt_rand(0, 1); // trashed from hold or from approved
            }
            $id = wp_insert_comment(wp_slash($data));
            if (!$id) {
                sieve_fail("wp_insert_comment failed on post $postId");
            }
            if ($status === 'trash' && !wp_trash_comment($id)) {
                sieve_fail("wp_trash_comment($id) failed");
            }
            add_comment_meta($id, 'sieve_seed_status', $status, true);
            if ($status === 'hold' || $status === 'approved') {
                $threadable[$id] = $parent ? ($threadable[$parent] ?? 1) + 1 : 1;
            }
        }
        $posts[] = ['id' => $postId, 'title' => $story['title'], 'comments' => $n, 'counts' => $postCounts];
    }
    wp_defer_comment_counting(false);
    foreach ($posts as $post) {
        wp_update_comment_count_now($post['id']);
    }

    return [
        'version'  => 1,
        'seededAt' => gmdate('c', $now),
        'posts'    => $posts,
        'counts'   => $counts + ['total' => array_sum($counts)],
        'replies'  => $replies,
    ];
}

/**
 * A newsroom's backlog: `$want` held comments on a post of their own ("Newsroom backlog"), written with
 * multi-row INSERTs (wp_insert_comment() would take minutes for tens of thousands). Tests read them and
 * never change them; a re-run tops the post up to `$want`. Returns [post id, held comments] or null.
 */
function sieve_backlog(int $want): ?array
{
    global $wpdb;
    if ($want <= 0) {
        return null;
    }
    $found = get_posts(['post_type' => 'post', 'post_status' => 'any', 'meta_key' => 'sieve_backlog', 'numberposts' => 1]);
    $postId = $found ? $found[0]->ID : wp_insert_post([
        'post_title'     => 'Newsroom backlog',
        'post_content'   => '<!-- wp:paragraph --><p>The story every reader had an opinion on.</p><!-- /wp:paragraph -->',
        'post_status'    => 'publish',
        'post_type'      => 'post',
        'comment_status' => 'open',
        'ping_status'    => 'closed',
        'meta_input'     => ['sieve_backlog' => 1],
    ], true);
    if (is_wp_error($postId)) {
        sieve_fail('cannot create the backlog post: ' . $postId->get_error_message());
    }
    $have = (int) $wpdb->get_var($wpdb->prepare("SELECT COUNT(*) FROM {$wpdb->comments} WHERE comment_post_ID = %d AND comment_approved = '0'", $postId));
    mt_srand(20251207 + $have);
    $stories   = sieve_stories();
    $sentences = sieve_sentences($stories[0]['body']);
    $kinds     = array_merge(array_fill(0, 70, 'normal'), array_fill(0, 20, 'borderline'), array_fill(0, 7, 'abusive'), array_fill(0, 3, 'spam'));
    $now       = time();
    $rows      = [];
    $flush     = function () use (&$rows, $wpdb) {
        if (!$rows) {
            return;
        }
        $sql = "INSERT INTO {$wpdb->comments} (comment_post_ID, comment_author, comment_author_email, comment_author_IP, comment_date,
                  comment_date_gmt, comment_content, comment_approved, comment_agent, comment_type, comment_parent, user_id) VALUES "
            . implode(',', $rows);
        if ($wpdb->query($sql) === false) {
            sieve_fail('backlog insert failed: ' . $wpdb->last_error);
        }
        $rows = [];
    };
    for ($i = $have; $i < $want; $i++) {
        // Held over the last 60 days: most of it older than any 7-day window.
        $time = gmdate('Y-m-d H:i:s', $now - mt_rand(HOUR_IN_SECONDS, 60 * DAY_IN_SECONDS));
        $reader = 'Reader ' . mt_rand(1, 4000);
        $rows[] = $wpdb->prepare(
            '(%d, %s, %s, %s, %s, %s, %s, %s, %s, %s, 0, 0)',
            $postId,
            $reader,
            strtolower(str_replace(' ', '', $reader)) . '@example.test',
            '203.0.113.' . mt_rand(1, 254),
            $time,
            $time,
            sieve_comment_text(sieve_pick($kinds), $sentences),
            '0',
            'Backlog agent',
            'comment'
        );
        if (count($rows) === 1000) {
            $flush();
        }
    }
    $flush();
    if ($want > $have) {
        fwrite(STDOUT, sprintf("Backlog: %d held comments on post %d (%d added)\n", $want, $postId, $want - $have));
    }
    return ['post' => $postId, 'held' => max($want, $have)];
}
