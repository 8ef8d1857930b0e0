// The suite's system packages are one list (.ci/system-packages.txt): the WordPress set-up reads its sections,
// .ci/run and the README's set-up line install it, and every program the tests run comes from a package on it
// (or one a listed package depends on), so that one line on a fresh Debian machine installs everything.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, realpathSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')
const LIST = '.ci/system-packages.txt'
const listed = readFileSync(join(root, LIST), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.trim())
const setup = join(root, 'tests/integration/wordpress/setup.sh')

/** The packages setup.sh checks for and installs, as it prints them. */
function setupPackages(web: 'php' | 'apache'): string[] {
  return execFileSync('bash', [setup, '--list-packages'], { encoding: 'utf8', env: { ...process.env, WP_WEB: web } }).split('\n').filter(Boolean)
}

/** The Debian package that installed a program (following alternatives' symbolic links). */
function owner(path: string): string {
  return execFileSync('dpkg', ['-S', realpathSync(path)], { encoding: 'utf8' }).split(':')[0]
}

function onPath(program: string): string {
  for (const dir of ['/usr/bin', '/usr/sbin', '/bin', '/sbin']) {
    try {
      return realpathSync(join(dir, program))
    } catch {
      // not in this folder
    }
  }
  throw new Error(`${program} is not installed`)
}

describe('the system packages list', () => {
  it('holds every package the WordPress set-up checks for, PHP and Apache sites alike', () => {
    const wordpress = setupPackages('php')
    const apache = setupPackages('apache')
    expect(wordpress).toEqual(expect.arrayContaining(['wordpress', 'mariadb-server', 'php-cli', 'php-mysql']))
    expect(apache).toEqual(expect.arrayContaining(['apache2', 'libapache2-mod-php']))
    for (const name of [...wordpress, ...apache]) expect(listed, `${name} (setup.sh)`).toContain(name)
  })

  it('provides every program the tests run, directly or through a listed package’s dependencies', () => {
    const setupText = readFileSync(setup, 'utf8')
    // setup.sh's own check after installing: `for cmd in php mariadbd …; do`
    const setupPrograms = /for cmd in ([^;]+); do/.exec(setupText)![1].trim().split(/\s+/)
    expect(setupPrograms).toContain('mariadbd')
    const postgresBin = readdirSync('/usr/lib/postgresql').map((version) => `/usr/lib/postgresql/${version}/bin/initdb`)[0]
    const programs: [string, string][] = [
      ...setupPrograms.map((program): [string, string] => [program, onPath(program)]),
      ['chromium (tests/e2e/support/chromium.ts)', onPath('chromium')],
      ['pdftotext (tests/integration/report-pdf.test.ts)', onPath('pdftotext')],
      ['apache2 (setup-apache.sh)', onPath('apache2')],
      ['initdb (tests/support/postgres.ts)', postgresBin]
    ]
    const closure = new Set(
      execFileSync(
        'apt-cache',
        ['depends', '--recurse', '--installed', '--no-recommends', '--no-suggests', '--no-conflicts', '--no-breaks', '--no-replaces', '--no-enhances', ...listed],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
      )
        .split('\n')
        .filter((line) => line && !line.startsWith(' '))
    )
    for (const [program, path] of programs) expect(closure, `${program}: ${path} comes from ${owner(path)}`).toContain(owner(path))
  })

  it('is what .ci/run and the README’s set-up line install', () => {
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toContain(LIST)
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`sudo apt-get install -y $(grep -v '^#' ${LIST}) && npm ci && npm test`)
  })
})
