import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.ts';
import { detectScript } from './script.ts';

describe('normalize', () => {
  it('converts traditional to simplified so both scripts count together', () => {
    expect(normalize('我們家是老人，不送貨上門就不買').text).toBe('我们家是老人,不送货上门就不买');
    expect(normalize('為什麼還沒發貨').text).toBe('为什么还没发货');
    expect(normalize('為什麼還沒發貨').script).toBe('traditional');
  });

  it('never turns a simplified 么 into 幺, and converts Taiwan phrases', () => {
    expect(normalize('怎么回事').text).toBe('怎么回事');
    expect(normalize('什麼時候到').text).toBe('什么时候到');
    expect(normalize('軟體一直當機').text).toBe('软件一直当机');
    expect(normalize('怎么还没发货').script).toBe('simplified');
  });

  it('leaves simplified text alone and reports its script', () => {
    const n = normalize('发货速度太慢了');
    expect(n.text).toBe('发货速度太慢了');
    expect(n.script).toBe('simplified');
  });

  it('applies NFKC: full-width letters, digits and punctuation become ASCII', () => {
    expect(normalize('ＯＫ，订单１２３４５').text).toBe('ok,订单12345');
  });

  it('collapses whitespace, strips invisible and control characters, lower-cases Latin', () => {
    expect(normalize('  发货\u200b 太慢\t\n了  ABC ').text).toBe('发货 太慢 了 abc');
    expect(normalize('a\u0007b').text).toBe('a b');
  });

  it('shortens long runs of one character but keeps emphasis', () => {
    expect(normalize('太慢了！！！！！！！').text).toBe('太慢了!!!');
    expect(normalize('啊啊啊啊啊啊啊啊').text).toBe('啊啊啊');
  });

  it('decodes HTML character references left in exported reviews', () => {
    expect(normalize('还可以&hellip;就是有点小&quot;').text).toBe('还可以...就是有点小"');
    expect(normalize('房&#38388;很小，&#x643a;程订的').text).toBe('房间很小,携程订的');
    expect(normalize('A&amp;B &lt;3 &foo; &#0; &#xD800;').text).toBe('a&b <3 &foo; &#0; &#xd800;');
  });

  it('keeps emoji', () => {
    expect(normalize('气死了😡😡').text).toContain('😡');
  });

  it('reports none for text without Chinese', () => {
    expect(normalize('ok 👍').script).toBe('none');
  });
});

describe('detectScript', () => {
  it('tells simplified, traditional and mixed apart', () => {
    expect(detectScript('还没发货').script).toBe('simplified');
    expect(detectScript('還沒發貨').script).toBe('traditional');
    expect(detectScript('还没发货还没发货還').script).toBe('mixed');
  });
});
