/**
 * Text for a terminal: data (ids, names, CSV headers, file names) can hold control characters, and a
 * terminal runs escape sequences (ESC `[`…, the C1 CSI) as commands: colours, cursor moves, a changed
 * window title, on some terminals worse. Every message the CLI prints goes through {@link termSafe}.
 * @module
 */

// C0 controls except tab and line feed, DEL, C1 controls, and the bidirectional overrides and isolates
// (which reorder what a reader sees: "Trojan Source", CVE-2021-42574).
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/**
 * Escape the control characters of a message as visible `\xNN` / `\uNNNN` text; tab and line feed stay.
 * @param text the message
 * @returns the message with every other control character written out
 * @example
 * termSafe('unit \u001b[31mred') //=> 'unit \\x1b[31mred'
 * termSafe('a\tb\n')              //=> 'a\tb\n'
 */
export const termSafe = (text: string): string =>
  text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
