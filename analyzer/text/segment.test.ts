import { describe, expect, it } from 'vitest';
import { keyTerms, partOfSpeech, segment } from './segment.ts';

describe('segment', () => {
  it('keeps shop-chat words whole', () => {
    expect(segment('错发了尺码')).toContain('错发');
    expect(segment('能开专票吗')).toContain('专票');
    expect(segment('价保怎么申请')).toContain('价保');
    expect(segment('退款还没到账')).toContain('到账');
    expect(segment('不送货上门')).toContain('送货上门');
  });

  it('drops punctuation and whitespace tokens', () => {
    expect(segment('发货 太慢了!!! ,')).toEqual(['发货', '太慢', '了']);
  });

  it('keeps placeholders (our masks, public sets\' tags) as one token each', () => {
    expect(segment('咨询订单号:[订单x] 下单时间:[日期x]')).toEqual(['咨询', '订单号', '[订单x]', '下单', '时间', '[日期x]']);
    expect(segment('电话[手机号]找我')).toContain('[手机号]');
  });

  it('returns nothing for empty text', () => {
    expect(segment('')).toEqual([]);
  });
});

describe('partOfSpeech', () => {
  it("gives jieba's tag for a dictionary word, the same each time", () => {
    expect(partOfSpeech('济南')).toBe('ns');
    expect(partOfSpeech('上个月')).toBe('t');
    expect(partOfSpeech('要么')).toBe('c');
    expect(partOfSpeech('裤子')).toBe('n');
    expect(partOfSpeech('裤子')).toBe('n');
  });

  it('gives no tag for a shop-chat word of our own or for what jieba splits', () => {
    expect(partOfSpeech('错发')).toBe('');
    expect(partOfSpeech('裤子太短了')).toBe('');
  });
});

describe('keyTerms', () => {
  it('keeps salient words and drops stop words, single characters and numbers', () => {
    expect(keyTerms(segment('你们的发货速度太慢了,等了5天还没发货'))).toEqual(['发货', '速度', '太慢', '没发货']);
  });
});
