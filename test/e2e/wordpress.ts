/**
 * A real WordPress for the plugin's browser tests, from Debian's packages as the browser is:
 * Debian's WordPress over a MariaDB of its own (a scratch data directory, a socket, no port),
 * served by PHP's built-in server, with the repository's plugin installed and a test mu-plugin.
 * Nothing here touches the machine's own WordPress configuration (/etc/wordpress) or database.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";

const wordpressDir = "/usr/share/wordpress";
/** Debian's two default themes: a block theme and a classic one. */
export const themes = ["twentytwentythree", "twentytwentyone"] as const;
const packages = [
  "wordpress",
  ...themes.map((theme) => `wordpress-theme-${theme}`),
  "php-cli",
  "php-mysql",
  "mariadb-server",
];
const needed = [
  `${wordpressDir}/wp-settings.php`,
  ...themes.map((theme) => `${wordpressDir}/wp-content/themes/${theme}/style.css`),
  "/usr/bin/php",
  "/usr/sbin/mariadbd",
  "/usr/bin/mariadb-install-db",
  "/usr/bin/mariadb",
];
const missing = () => needed.filter((file) => !existsSync(file));
const hasMysqli = () => spawnSync("php", ["-r", "exit(extension_loaded('mysqli') ? 0 : 1);"]).status === 0;

/**
 * Installs what is missing with apt-get when running as root (a fresh CI machine), as
 * ensureChromium does; otherwise fails with the command to run.
 */
export function ensureWordPress(): void {
  if (missing().length === 0 && hasMysqli()) return;
  const apt = (args: string[]) =>
    spawnSync("apt-get", args, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  if (process.getuid?.() === 0 && apt(["update", "-qq"]).status === 0)
    apt(["install", "-y", "-qq", "--no-install-recommends", ...packages]);
  if (missing().length > 0 || !hasMysqli()) {
    throw new Error(
      `The WordPress tests need Debian's WordPress, PHP and MariaDB (missing: ${[...missing(), ...(hasMysqli() ? [] : ["php-mysql"])].join(", ")}): run 'sudo apt-get install --no-install-recommends ${packages.join(" ")}'.`,
    );
  }
}

/** A WordPress site: where it answers, its admin and an Author, and the folder its files are in. */
export type WordPressSite = {
  origin: string;
  dir: string;
  admin: { user: string; password: string };
  author: { user: string; password: string };
};

/** Starts a process and resolves once a line of its output matches `ready`; rejects if it exits first. */
function startUntil(command: string, args: string[], ready: RegExp, env: NodeJS.ProcessEnv = process.env) {
  // In a process group of its own, so its workers (PHP_CLI_SERVER_WORKERS) stop with it.
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env, detached: true });
  let output = "";
  return new Promise<{ child: ChildProcess; match: RegExpMatchArray }>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = output.match(ready);
      if (match) resolve({ child, match });
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.on("exit", (code) =>
      reject(new Error(`${command} exited (${code}) before it was ready:\n${output}`)),
    );
  });
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on("exit", () => resolve());
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  });

function run(command: string, args: string[], input?: string, env = process.env): string {
  const result = spawnSync(command, args, { input, encoding: "utf8", env });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

/**
 * Runs PHP inside the WordPress at `dir` (loaded as for a request to it) and answers what it
 * echoes: the tests' way to do what no browser does (make users and posts, switch themes).
 */
export function wpPhp(dir: string, code: string, env = process.env): string {
  return run("php", ["-d", `auto_prepend_file=${join(dir, "prepend.php")}`, join(dir, "run.php")], code, env);
}

/** The site the global set-up started, for a test file. */
export const wordpress = (): WordPressSite => inject("wordpress");
export const wp = (code: string) => wpPhp(wordpress().dir, code);

const php = (value: string) => `'${value.replace(/[\\']/g, "\\$&")}'`;

/**
 * Starts MariaDB and PHP, installs WordPress (PHP calling wp_install, no HTTP step), activates
 * the plugin pointed at `workerOrigin`, and makes an Author. `stop` ends both and removes it all.
 */
export async function startWordPress(
  scratch: string,
  workerOrigin: () => string,
): Promise<{ site: WordPressSite; stop: () => Promise<void>; configure: () => void }> {
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) await stopped(child);
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const root = process.getuid?.() === 0 ? ["--user=root"] : [];
    const data = join(scratch, "db");
    const socket = join(scratch, "mysql.sock");
    run("mariadb-install-db", [
      "--no-defaults",
      `--datadir=${data}`,
      "--auth-root-authentication-method=normal",
      "--skip-test-db",
      ...root,
    ]);
    const db = await startUntil(
      "mariadbd",
      [
        "--no-defaults",
        `--datadir=${data}`,
        `--socket=${socket}`,
        `--pid-file=${join(scratch, "mariadb.pid")}`,
        "--skip-networking",
        "--innodb-buffer-pool-size=32M",
        ...root,
      ],
      /ready for connections/,
    );
    children.push(db.child);
    run("mariadb", ["--no-defaults", `--socket=${socket}`, "-uroot", "-e", "CREATE DATABASE wordpress"]);

    // The document root: Debian's files, with our own wp-config.php and wp-content. Debian's
    // files find wp-config.php by their real folder, so ABSPATH is set before any of them runs.
    const docroot = join(scratch, "wp");
    mkdirSync(join(docroot, "wp-content", "plugins"), { recursive: true });
    mkdirSync(join(docroot, "wp-content", "themes"));
    mkdirSync(join(docroot, "wp-content", "mu-plugins"));
    for (const entry of readdirSync(wordpressDir)) {
      if (entry !== "wp-config.php" && entry !== "wp-content")
        symlinkSync(join(wordpressDir, entry), join(docroot, entry));
    }
    for (const theme of themes) {
      symlinkSync(
        join(wordpressDir, "wp-content", "themes", theme),
        join(docroot, "wp-content", "themes", theme),
      );
    }
    cpSync(
      join(import.meta.dirname, "..", "..", "wordpress", "spotbook"),
      join(docroot, "wp-content", "plugins", "spotbook"),
      {
        recursive: true,
      },
    );
    writeFileSync(
      join(docroot, "wp-content", "mu-plugins", "spotbook-test.php"),
      `<?php
// The classic editor (TinyMCE's Visual tab) for posts marked so, as the Classic Editor plugin gives it.
add_filter('use_block_editor_for_post', function ($use, $post) {
  return get_post_meta($post->ID, 'spotbook_test_classic', true) ? false : $use;
}, 10, 2);
`,
    );
    writeFileSync(join(scratch, "prepend.php"), `<?php define('ABSPATH', ${php(`${docroot}/`)});\n`);

    const server = await startUntil(
      "php",
      ["-d", `auto_prepend_file=${join(scratch, "prepend.php")}`, "-S", "127.0.0.1:0", "-t", docroot],
      /Development Server \(http:\/\/127\.0\.0\.1:(\d+)\) started/,
      // Several workers, so the browser's parallel requests for scripts and styles do not queue.
      { ...process.env, PHP_CLI_SERVER_WORKERS: "4" },
    );
    children.push(server.child);
    const origin = `http://localhost:${server.match[1]}`;
    const salts = ["AUTH", "SECURE_AUTH", "LOGGED_IN", "NONCE"].flatMap((name) => [
      `${name}_KEY`,
      `${name}_SALT`,
    ]);
    writeFileSync(
      join(docroot, "wp-config.php"),
      `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', ${php(`localhost:${socket}`)});
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${salts.map((name) => `define('${name}', '${randomBytes(24).toString("hex")}');`).join("\n")}
$table_prefix = 'wp_';
define('WP_HOME', ${php(origin)});
define('WP_SITEURL', ${php(origin)});
// The machine may have no network: no update checks, no cron requests to itself.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', ${php(join(scratch, "debug.log"))});
require_once ABSPATH . 'wp-settings.php';
`,
    );
    writeFileSync(
      join(scratch, "run.php"),
      `<?php
$_SERVER['HTTP_HOST'] = ${php(new URL(origin).host)};
$_SERVER['REQUEST_URI'] = '/';
if (getenv('SPOTBOOK_INSTALLING')) define('WP_INSTALLING', true);
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
eval(stream_get_contents(STDIN));
`,
    );
    const site: WordPressSite = {
      origin,
      dir: scratch,
      admin: { user: "admin", password: randomBytes(12).toString("hex") },
      author: { user: "author", password: randomBytes(12).toString("hex") },
    };
    wpPhp(
      scratch,
      `wp_install('Willow & Rust Photography', 'admin', 'admin@example.com', false, '', ${php(site.admin.password)});`,
      { ...process.env, SPOTBOOK_INSTALLING: "1" },
    );
    wpPhp(
      scratch,
      `$activated = activate_plugin('spotbook/spotbook.php');
if (is_wp_error($activated)) { fwrite(STDERR, $activated->get_error_message()); exit(1); }
wp_insert_user(['user_login' => 'author', 'user_pass' => ${php(site.author.password)}, 'user_email' => 'author@example.com', 'role' => 'author']);`,
    );
    // The Worker's address is known once it has started.
    const configure = () => wpPhp(scratch, `update_option('spotbook_worker_url', ${php(workerOrigin())});`);
    return { site, stop, configure };
  } catch (error) {
    await stop();
    throw error;
  }
}
