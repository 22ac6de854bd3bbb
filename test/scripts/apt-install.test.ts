import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

// scripts/apt-install.sh, which ensure-chromium.sh and notebook-setup.sh source,
// run against stand-ins for apt-get, id, sudo and sleep placed first on PATH:
// each call to apt-get is logged, and it fails as many times as asked.
const script = join(__dirname, '..', '..', 'scripts', 'apt-install.sh')
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const run = (opts: { failures: number; uid?: number; sudo?: boolean }) => {
  const bin = mkdtempSync(join(tmpdir(), 'apt-install-'))
  dirs.push(bin)
  const tool = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`)
    chmodSync(join(bin, name), 0o755)
  }
  const log = join(bin, 'calls.log')
  const count = join(bin, 'failures')
  writeFileSync(count, String(opts.failures))
  tool(
    'apt-get',
    `echo "$DEBIAN_FRONTEND $*" >> "${log}"
left=$(cat "${count}")
if [ "$left" -gt 0 ]; then echo $((left - 1)) > "${count}"; echo "E: Could not get lock /var/lib/dpkg/lock-frontend" >&2; exit 100; fi`,
  )
  tool('id', `echo ${opts.uid ?? 0}`)
  tool('sleep', 'exit 0')
  // Like sudo's env_reset, the stand-in starts the command with an empty environment (PATH aside).
  tool('sudo', opts.sudo === false ? 'exit 1' : 'if [ "$1" = "-n" ]; then shift; fi; exec env -i PATH="$PATH" "$@"')
  const r = spawnSync('bash', ['-c', `set -euo pipefail; . "${script}"; apt_install demo pkg-a pkg-b`], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    encoding: 'utf8',
  })
  const calls = (() => {
    try {
      return readFileSync(log, 'utf8').trim().split('\n')
    } catch {
      return []
    }
  })()
  return { status: r.status, stderr: r.stderr, calls }
}

const UPDATE = 'noninteractive -o DPkg::Lock::Timeout=600 update -qq'
const INSTALL = 'noninteractive -o DPkg::Lock::Timeout=600 install -y -qq pkg-a pkg-b'

describe('apt_install (scripts/apt-install.sh)', () => {
  it('waits for the dpkg lock (DPkg::Lock::Timeout), non-interactively, and installs', () => {
    const r = run({ failures: 0 })
    expect(r.status).toBe(0)
    expect(r.calls).toEqual([UPDATE, INSTALL])
  })

  it('retries the whole install once when apt-get fails', () => {
    const r = run({ failures: 1 })
    expect(r.status).toBe(0)
    expect(r.calls).toEqual([UPDATE, UPDATE, INSTALL])
    expect(r.stderr).toContain('demo: apt-get failed; retrying once')
  })

  it('fails after the second failure', () => {
    const r = run({ failures: 2 })
    expect(r.status).not.toBe(0)
    expect(r.calls).toEqual([UPDATE, UPDATE])
  })

  it('goes through sudo -n when not root, keeping DEBIAN_FRONTEND past sudo', () => {
    const r = run({ failures: 0, uid: 1000 })
    expect(r.status).toBe(0)
    expect(r.calls).toEqual([UPDATE, INSTALL])
  })

  it('refuses, saying how to install by hand, when this user cannot install packages', () => {
    const r = run({ failures: 0, uid: 1000, sudo: false })
    expect(r.status).toBe(1)
    expect(r.calls).toEqual([])
    expect(r.stderr).toContain('demo: install them with: apt-get update && apt-get install -y pkg-a pkg-b')
  })
})
