/**
 * The CLI against hostile or careless input (the built binary, out of process): an --out that names an
 * input, outputs written atomically, inputs above the size limit, bad --policy values, and control
 * characters (terminal escape sequences) in ids and CSV headers.
 */
import { spawnSync } from 'node:child_process'
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { ftruncateSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, ensureBuilt } from './build.js'

let dir: string
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const at = (name: string) => join(dir, name)
// Any C0 control but tab and line feed, DEL, or a C1 control (CSI 0x9b among them).
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/

beforeAll(() => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'realist-eval-cli-hard-'))
  expect(cli('example', 'mhip', '--out', 'doc.json').code).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('--out never replaces an input', () => {
  it('report: refuses --out naming the document, by the same path, another spelling or a symbolic link', () => {
    const before = readFileSync(at('doc.json'), 'utf8')
    symlinkSync(at('doc.json'), at('link.json'))
    for (const out of ['doc.json', './doc.json', at('doc.json'), 'link.json']) {
      const r = cli('report', 'doc.json', '--out', out)
      expect(r.code, out).toBe(2)
      expect(r.err, out).toContain(`--out ${out} is doc.json, an input of this command`)
    }
    expect(readFileSync(at('doc.json'), 'utf8')).toBe(before)
  })

  it('import: refuses --out naming the CSV or the base document', () => {
    writeFileSync(at('r.csv'), 'site,unit,standard,level\nSSHT,Acute care,1.1,met\n')
    const csv = readFileSync(at('r.csv'), 'utf8')
    const doc = readFileSync(at('doc.json'), 'utf8')
    expect(cli('import', 'r.csv', '--base', 'doc.json', '--out', 'doc.json').code).toBe(2)
    expect(cli('import', 'r.csv', '--base', 'doc.json', '--out', 'r.csv').code).toBe(2)
    expect(readFileSync(at('r.csv'), 'utf8')).toBe(csv)
    expect(readFileSync(at('doc.json'), 'utf8')).toBe(doc)
    // Another file is fine.
    expect(cli('import', 'r.csv', '--base', 'doc.json', '--out', 'rated.json').code).toBe(0)
  })
})

describe('outputs are written atomically', () => {
  it('replaces the file by a rename of a new one (a new inode), leaving no temporary file', () => {
    writeFileSync(at('out.md'), 'old')
    const before = statSync(at('out.md')).ino
    expect(cli('report', 'doc.json', '--out', 'out.md').code).toBe(0)
    expect(statSync(at('out.md')).ino).not.toBe(before)
    expect(readFileSync(at('out.md'), 'utf8')).toMatch(/^# External evaluation/)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('a write that cannot finish leaves no file and no temporary file, with exit 2', () => {
    mkdirSync(at('taken'))
    const r = cli('report', 'doc.json', '--out', 'taken')
    expect(r.code).toBe(2)
    expect(r.err).toContain('cannot write taken')
    expect(statSync(at('taken')).isDirectory()).toBe(true)
    const missing = cli('report', 'doc.json', '--out', join('no-such-folder', 'x.md'))
    expect(missing.code).toBe(2)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})

describe('inputs above the size limit', () => {
  it('a 600 MB document is refused before it is read: a clear message and exit 2, not an internal error', () => {
    // A sparse file: 600 MB long, no disk used.
    const fd = openSync(at('huge.json'), 'w')
    ftruncateSync(fd, 600 * 1024 * 1024)
    closeSync(fd)
    for (const command of ['validate', 'report']) {
      const r = cli(command, 'huge.json')
      expect(r.code, command).toBe(2)
      expect(r.err, command).toContain('cannot read huge.json: it is 600 MB, above the input limit of 256 MB')
      expect(r.err, command).not.toContain('internal error')
    }
    const csv = cli('import', 'huge.json')
    expect(csv.code).toBe(2)
    expect(csv.err).toContain('above the input limit of 256 MB')
    rmSync(at('huge.json'))
  })

  it('standard input is read up to the limit and then refused, exit 2', () => {
    // 300 MB of spaces piped in; the CLI stops reading once past 256 MB.
    const feed = `const b = Buffer.alloc(1 << 20, 32); let n = 300; process.stdout.on('error', () => {});
      const w = () => { while (n > 0) { n--; if (!process.stdout.write(b)) return process.stdout.once('drain', w) } }; w()`
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" -e "$FEED" | "${process.execPath}" "${CLI}" validate -`],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, FEED: feed },
      },
    )
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('cannot read -: it is 257 MB, above the input limit of 256 MB')
  })
})

describe('--policy values that are not rules', () => {
  it.each([
    [
      'rollup=toString',
      'policy › rollup: expected one of "worst-of" | "all-met-else-partly" | "majority" | "mean-score"',
    ],
    ['attained=toString', 'policy › attained: expected one of "top" | "top-two" | "met-or-partly"'],
    ['attained=constructor', 'policy › attained: expected one of "top"'],
    ['total=__proto__', 'policy › total: expected one of "pooled" | "mean-of-standards"'],
    ['__proto__=x', 'unknown key "__proto__"'],
    ['toString=x', 'unknown key "toString"'],
    ['{"__proto__":{"total":"x"}}', 'unknown key "__proto__"'],
  ])('%s is a usage error (exit 2) listing what is allowed', (policy, message) => {
    const r = cli('report', 'rated.json', '--policy', policy)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
    expect(r.err).not.toContain('internal error')
  })

  it('a rater rule is a known key', () => {
    expect(cli('report', 'rated.json', '--policy', 'raters=median').code).toBe(0)
  })
})

describe('control characters in messages are escaped', () => {
  it('CSV headers with terminal escape sequences print as \\x1b text', () => {
    writeFileSync(
      at('evil.csv'),
      'site,unit\u001b[2J\u001b]0;pwned\u0007,standard,level\u009b31m\nSSHT,Acute care,1.1,met\n',
    )
    const r = cli('import', 'evil.csv', '--base', 'doc.json', '--out', 'evil-out.json')
    expect(r.code).toBe(1)
    expect(r.err).not.toMatch(RAW_CONTROL)
    // The header cells are quoted as JSON (\u001b); the C1 CSI (U+009B), which JSON leaves raw, is escaped.
    expect(r.err).toContain('level\\x9b31m')
  })

  it('ids with escape sequences in an invalid document print escaped, from validate and report', () => {
    const doc = JSON.parse(readFileSync(at('doc.json'), 'utf8'))
    doc.sites[0].units[1].id = doc.sites[0].units[0].id // a duplicate id: a problem that names it
    doc.sites[0].units[0].id = 'acute\u001b[31mcare\u0007'
    doc.sites[0].units[1].id = 'acute\u001b[31mcare\u0007'
    writeFileSync(at('evil\u001b[1m.json'), JSON.stringify(doc))
    for (const command of ['validate', 'report']) {
      const r = cli(command, 'evil\u001b[1m.json')
      expect(r.code, command).toBe(1)
      expect(r.out + r.err, command).not.toMatch(RAW_CONTROL)
      expect(r.out + r.err, command).toContain('evil\\x1b[1m.json')
    }
  })

  it('an unknown command or option is printed escaped', () => {
    const r = cli('report', 'doc.json', '--format', 'x\u001b[31m')
    expect(r.code).toBe(2)
    expect(r.err).not.toMatch(RAW_CONTROL)
  })
})
