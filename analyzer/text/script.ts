import * as OpenCC from 'opencc-js/t2cn';
import type { Script } from '../../schemas/analyzed-message.ts';

/**
 * Traditional → simplified conversion (OpenCC, Taiwan variant → mainland) with a fast path: most lines are
 * simplified already, and converting costs ~6 µs a line, so a bitmap of characters OpenCC would change is
 * built once and a line is converted only when it holds one of them.
 */
// Taiwan phrases too (軟體 → 软件, 網路 → 网络). OpenCC's Taiwan variant table maps 么 to 幺, which would
// turn every simplified 怎么 into 怎幺: the last step maps 幺 back (幺 itself is rare in shop chat).
const toSimplified = OpenCC.ConverterFactory(...OpenCC.Locale.from.twp!, ...OpenCC.Locale.to.cn!, [[['幺', '么']]]);

const FIRST = 0x3400;
const LAST = 0x9fff;
const TRADITIONAL = 1;
const SIMPLIFIED = 2;
let table: Uint8Array | undefined;

function charTable(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(LAST - FIRST + 1);
  const chars: string[] = [];
  for (let c = FIRST; c <= LAST; c++) chars.push(String.fromCharCode(c));
  // One call with separators: each character converts on its own, without phrase context.
  const converted = toSimplified(chars.join('\n')).split('\n');
  for (let i = 0; i < chars.length; i++) {
    const out = converted[i];
    if (out === undefined || out === chars[i]) continue;
    t[i] = (t[i] ?? 0) | TRADITIONAL;
    if (out.length === 1) {
      const j = out.charCodeAt(0) - FIRST;
      if (j >= 0 && j < t.length) t[j] = (t[j] ?? 0) | SIMPLIFIED;
    }
  }
  table = t;
  return t;
}

export interface ScriptInfo {
  script: Script;
  /** Characters that only exist in traditional script. */
  traditional: number;
}

/** Which script a line is written in: characters that OpenCC converts count as traditional. */
export function detectScript(text: string): ScriptInfo {
  const t = charTable();
  let cjk = 0, trad = 0, simp = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < FIRST || c > LAST) continue;
    cjk++;
    const flags = t[c - FIRST]!;
    if (flags & TRADITIONAL) trad++;
    else if (flags & SIMPLIFIED) simp++;
  }
  if (cjk === 0) return { script: 'none', traditional: 0 };
  if (trad === 0) return { script: 'simplified', traditional: 0 };
  return { script: simp > trad ? 'mixed' : 'traditional', traditional: trad };
}

/** Simplified-script text; returns the input untouched when it has no traditional characters. */
export function simplify(text: string, info: ScriptInfo = detectScript(text)): string {
  return info.traditional > 0 ? toSimplified(text) : text;
}

/** Builds the conversion table now instead of on the first line (call at start-up). */
export function warmUpScript(): void {
  charTable();
}
