#!/usr/bin/env node
/**
 * The `realist-eval` command (package.json `bin` → dist/cli.js).
 * @module
 */
import { run } from './run.js'
import { nodeEnv } from './env.js'

process.exitCode = run(process.argv.slice(2), nodeEnv())
