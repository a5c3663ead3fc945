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

/**
 * The form every later step reads. Both scripts count together: traditional text is converted here, so a
 * lexicon written in simplified matches 發貨太慢 as well as 发货太慢.
 */
export function normalize(raw: string): Normalized {
  let text = raw.normalize('NFKC');
  if (INVISIBLE.test(text)) text = text.replace(INVISIBLE, '');
  INVISIBLE.lastIndex = 0;
  text = text.replace(CONTROL, ' ');
  const info = detectScript(text);
  text = simplify(text, info);
  text = text.toLowerCase().replace(SPACES, ' ').trim();
  if (text.length > 3) text = text.replace(LONG_RUNS, '$1$1$1');
  return { text, script: info.script };
}
