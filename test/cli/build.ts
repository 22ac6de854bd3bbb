/**
 * Make sure dist/cli.js is built from the current sources: rebuild (JS only,
 * no declarations: quick) when it is missing or older than any file in src/.
 * Builds are serialised with flock (the lock file in node_modules/.cache), since
 * several test runs may share dist/.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const root = join(__dirname, '..', '..')
export const CLI = join(root, 'dist', 'cli.js')

const newest = (dir: string): number =>
  readdirSync(dir).reduce((t, f) => {
    const p = join(dir, f)
    const s = statSync(p)
    return Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs)
  }, 0)

export const ensureBuilt = (): void => {
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newest(join(root, 'src'))) return
  const cache = join(root, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  execFileSync('flock', [join(cache, 'realist-eval-build.lock'), 'npx', 'tsup', '--no-dts'], {
    cwd: root,
    stdio: 'pipe',
  })
}
