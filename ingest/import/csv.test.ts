import { describe, expect, it } from 'vitest';
import { CsvParser } from './csv.ts';

const parse = (text: string, chunk = text.length) => {
  const p = new CsvParser();
  const out = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...p.push(text.slice(i, i + chunk)));
  out.push(...p.end());
  return out;
};

describe('CsvParser', () => {
  it('parses quoted fields with commas, quotes and newlines, and tells the starting line', () => {
    const text = 'id,text\n1,"发货太慢了,能快点吗"\n2,"他说""马上发"""\n3,"第一行\n第二行"\n4,plain\n';
    const expected = [
      { line: 1, fields: ['id', 'text'] },
      { line: 2, fields: ['1', '发货太慢了,能快点吗'] },
      { line: 3, fields: ['2', '他说"马上发"'] },
      { line: 4, fields: ['3', '第一行\n第二行'] },
      { line: 6, fields: ['4', 'plain'] },
    ];
    expect(parse(text)).toEqual(expected);
    // The same, fed one character at a time.
    expect(parse(text, 1)).toEqual(expected);
  });

  it('handles CRLF, a BOM, empty fields, blank lines and no trailing newline', () => {
    expect(parse('\ufeffa,b\r\n,x\r\n\r\n"",y')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['', 'x'] },
      { line: 4, fields: ['', 'y'] },
    ]);
  });

  it('reports an unterminated quote', () => {
    expect(() => parse('a,b\n1,"open')).toThrow(/unterminated quoted field starting on line 2/);
  });
});
