// Types of scripts/bundle.mjs, for the TypeScript tests that use it.
import type { Message, Plugin } from 'esbuild'

export declare const root: string
export declare const publishedBuild: () => Plugin
export declare const fpTsModules: () => Plugin
export declare const bundleForBrowser: (
  code: string,
  options?: { format?: 'esm' | 'iife'; minify?: boolean; loader?: 'js' | 'ts'; plugins?: Plugin[] },
) => Promise<{ text: string; bytes: Uint8Array; warnings: Message[] }>
