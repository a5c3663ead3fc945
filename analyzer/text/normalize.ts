import type { Script } from '../../schemas/analyzed-message.ts';
import { detectScript, simplify } from './script.ts';

export interface Normalized {
  /** NFKC, simplified script, lower-case Latin, zero-width characters removed, whitespace collapsed. */
  text: string;
  script: Script;
}

// Zero-width and bidi controls, BOM, and other invisible characters that break matching.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const SPACES = /\s+/g;
// Five or more of the same character (啊啊啊啊啊啊, ！！！！！！) read the same as three.
const LONG_RUNS = /(.)\1{3,}/gu;

// HTML character references that shops' review exports leave in the text (好用&hellip;, &quot;正品&quot;, &#38388; for 间).
const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,6});?/gi;
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', times: '×', yen: '¥', laquo: '«', raquo: '»',
};

/** Decodes HTML character references; unknown names and invalid code points are left as they are. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (m, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? m;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m;
  });
}

/**
 * The form every later step reads. Both scripts count together: traditional text is converted here, so a
 * lexicon written in simplified matches 發貨太慢 as well as 发货太慢.
 */
export function normalize(raw: string): Normalized {
  let text = decodeEntities(raw).normalize('NFKC');
  if (INVISIBLE.test(text)) text = text.replace(INVISIBLE, '');
  INVISIBLE.lastIndex = 0;
  text = text.replace(CONTROL, ' ');
  const info = detectScript(text);
  text = simplify(text, info);
  text = text.toLowerCase().replace(SPACES, ' ').trim();
  if (text.length > 3) text = text.replace(LONG_RUNS, '$1$1$1');
  return { text, script: info.script };
}
