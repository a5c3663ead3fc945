import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_NAMES } from '../text/placeholder.ts';
import { canonical, isDetailsOnly, kindOf } from './features.ts';
import { generatedTexts } from './generated-texts.ts';

/** canonical as the patterns define it, in turn: placeholder.ts's placeholders (by kindOf), then links, then digit runs. */
function byPatterns(text: string): string {
  return text
    .replace(PLACEHOLDER_NAMES, (m: string, name: string) => kindOf(name) ?? m)
    .replace(/https?:\/\/\S+|www\.\S+/g, '\ue001')
    .replace(/\d+(?:[.,]\d+)*/g, '0');
}

describe('canonical', () => {
  it('leaves a line with no placeholder, digit or link as it is (the same string)', () => {
    const s = '发货太慢了，怎么回事';
    expect(canonical(s)).toBe(s);
  });

  it('makes placeholders of a kind one character each, and digit runs one 0', () => {
    expect(canonical('[订单x] 等了3天')).toBe('\ue000 等了0天');
    expect(canonical('[手机号][地址]')).toBe('\ue003\ue002');
    expect(canonical('价格[价格x]元，3.5元 4,000')).toBe('价格\ue000元，0元 0');
    expect(canonical('[表情]好慢')).toBe('\ue001好慢');
  });

  it('reads placeholders as PLACEHOLDER_NAMES does: a name of 1 to 10 characters, then an optional x', () => {
    expect(canonical('[[订单x]')).toBe('[\ue000');
    expect(canonical('[订单xx]')).toBe('\ue000');
    expect(canonical('[x]')).toBe('[x]');
    expect(canonical('[]')).toBe('[]');
    expect(canonical('[ab cd]')).toBe('[ab cd]');
    expect(canonical('[订\u3000单]')).toBe('[订\u3000单]');
  });

  it('keeps a placeholder of no kind, with its digits made 0', () => {
    expect(canonical('[123]')).toBe('[0]');
    expect(canonical('a[1.2]b')).toBe('a[0]b');
    expect(canonical('[1234567890x]')).toBe('[0x]');
    expect(canonical('[12345678901x]')).toBe('[0x]');
  });

  it('reads every text as the patterns do (placeholders, links, digit runs, white space)', () => {
    const alphabet = [...'[]xx1.,: a好\u3000\u00a0', '订单', '数字', '链接', 'url', 'http://', 'https://', 'https:/', 'www.', 'ww', '[订单x]', '[1x]'];
    expect(generatedTexts(alphabet, 20_000, 7).filter((t) => canonical(t) !== byPatterns(t))).toEqual([]);
  });

  it('makes a link one character', () => {
    expect(canonical('[链接x]http://x.y/a?b=1 看看')).toBe('\ue001\ue001 看看');
    expect(canonical('www.abc.com 3')).toBe('\ue001 0');
  });
});

describe('isDetailsOnly', () => {
  it('is a line that only hands over an order number or the order card', () => {
    expect(isDetailsOnly(canonical('[订单x]'))).toBe(true);
    expect(isDetailsOnly(canonical('订单号：[订单x] 金额:[金额x]'))).toBe(true);
    expect(isDetailsOnly(canonical('[订单x] 还没发货'))).toBe(false);
  });
});
