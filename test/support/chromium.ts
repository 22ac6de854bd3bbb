/**
 * Headless Chromium for the browser tests: Debian's chromium (installed by
 * scripts/ensure-chromium.sh when missing), driven by playwright-core, with
 * every page error, console error and network request recorded.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

const root = join(__dirname, '..', '..')
const CHROMIUM = '/usr/bin/chromium'

export const launchChromium = async (): Promise<Browser> => {
  execFileSync(join(root, 'scripts', 'ensure-chromium.sh'), { stdio: 'inherit' })
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** What a page did that a test must see: uncaught errors, console errors, requests. */
export interface PageLog {
  readonly errors: string[]
  readonly requests: string[]
}

export const watchPage = (page: Page): PageLog => {
  const log: PageLog = { errors: [], requests: [] }
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(`console.error: ${m.text()}`)
  })
  page.on('request', (r) => log.requests.push(r.url()))
  return log
}
