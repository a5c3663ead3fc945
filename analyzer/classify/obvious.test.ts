import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';
import { prepareLine } from '../text/prepare.ts';
import { loadCorpus, loadProbe, NEUTRAL_CHAT_PROBE, OUTSIDE_LINES_DIR, PRAISE_PROBES } from '../eval/examples.ts';
import { createClassifier } from './index.ts';

/**
 * Lines whose label nobody would argue about (TAXONOMY.md), in the way buyers type them. Department heads stop
 * trusting the dashboard on the first obvious mistake, so the shipped model must get nearly all of these
 * right, in both scripts. ('none' = not a complaint; otherwise the expected primary department.)
 */
const OBVIOUS: [string, string][] = [
  ['warehouse', '下单五天了还没发货'],
  ['warehouse', '怎么还不发货啊 都一周了'],
  ['warehouse', '发错货了 我要的是黑色 给我发的白色'],
  ['warehouse', '少发了一个 只收到两件'],
  ['warehouse', '包装太简陋了 就套了个塑料袋'],
  ['warehouse', '收到的是旧的 盒子都是拆过的'],
  ['warehouse', '說好48小時內出貨 到現在還沒出貨'],
  ['warehouse', '尺码发错了 我拍的L 来的M'],
  ['warehouse', '缺货还让下单 等了十天告诉我没货'],
  ['warehouse', '配件少了一个 充电器没有'],
  ['ops', '实物和图片差太多了'],
  ['ops', '宣传的功能根本没有 虚假宣传'],
  ['ops', '刚买就降价了 能不能补差价'],
  ['ops', '优惠券用不了 结算的时候没减'],
  ['ops', '说好的赠品没送'],
  ['ops', '满300减50 为什么没减'],
  ['ops', '詳情頁寫的是純棉 收到是化纖的'],
  ['ops', '活动价比平时还贵 坑人'],
  ['ops', '页面写包邮 结果收了运费'],
  ['ops', '买完第二天降了100 价保申请不了'],
  ['finance', '能开增值税专用发票吗'],
  ['finance', '发票抬头开错了 要重开'],
  ['finance', '退款一周了还没到账'],
  ['finance', '钱扣了两次'],
  ['finance', '退款金额不对 少退了20'],
  ['finance', '付款失败了钱却扣了'],
  ['finance', '發票到現在還沒收到'],
  ['finance', '我要开公司的发票 税号发你'],
  ['finance', '定金不退吗 太坑了'],
  ['finance', '重复扣款了 快处理'],
  ['product', '质量太差了 用了两天就坏了'],
  ['product', '产品太硬了 不舒服'],
  ['product', '穿着磨脚'],
  ['product', '一股刺鼻的味道'],
  ['product', '用了过敏 脸上起疹子'],
  ['product', '开机就黑屏'],
  ['product', '掉色严重 洗一次就褪色了'],
  ['product', '充不进电'],
  ['product', '感觉是假货 跟专柜的不一样'],
  ['product', '做工粗糙 线头很多'],
  ['product', '漏水 根本没法用'],
  ['product', '品質很差 用一週就壞了'],
  ['product', '这个面膜一点效果都没有'],
  ['product', '水果烂了好几个'],
  ['logistics', '快递太慢了 一个星期还没到'],
  ['logistics', '物流三天没更新了'],
  ['logistics', '不送货上门 让我自己去驿站拿'],
  ['logistics', '显示签收了 但我根本没收到'],
  ['logistics', '快递员态度很差'],
  ['logistics', '快递员服务态度太差了'],
  ['logistics', '送货的师傅态度好差'],
  ['logistics', '包裹丢了'],
  ['logistics', '箱子压坏了 里面的东西也碎了'],
  ['logistics', '快遞一直不派送'],
  ['logistics', '老人 不送货上门就不买了'],
  ['logistics', '快递放门口就走了 也不打电话'],
  ['service', '客服半天不回消息'],
  ['service', '客服态度太差了'],
  ['service', '说好今天给我回电话 也没人打'],
  ['service', '售后推来推去 没人管'],
  ['service', '退货申请审核不通过 凭什么'],
  ['service', '問了三次都沒人回'],
  ['service', '客服说能退 现在又说不能'],
  ['service', '一直转人工 转不过去'],
  ['none', '有货吗'],
  ['none', '什么时候发货'],
  ['none', '能便宜点吗'],
  ['none', '好的 谢谢'],
  ['none', '你好 在吗'],
  ['none', '这款有黑色的吗'],
  ['none', '发什么快递'],
  ['none', '能改地址吗'],
  ['none', '怎么安装'],
  ['none', '查一下物流'],
  ['none', '质量很好 已经回购了'],
  ['none', '没有坏 挺好用的'],
  ['none', '不是质量问题 是我自己买大了 想换个码'],
  ['none', '还行'],
  ['none', '物流很快 包装也很好 好评'],
  ['none', '谢谢亲 收到了'],
  ['none', '请问这个适合几岁的孩子'],
  ['none', '有没有优惠券'],
  ['finance', '可以开发票吗'],
  ['none', '这个会降价吗'],
  ['none', '多久能到北京'],
  ['none', '这个和那个有什么区别'],
  ['none', '尺码怎么选'],
  ['none', '衣服很好看 老婆很喜欢'],
  ['none', '我的账号登录不上'],
  ['none', '哈哈 好的'],
  ['none', '發貨了嗎'],
  ['none', '可以貨到付款嗎'],
  ['none', '能包邮吗'],
  ['none', '明天能到吗'],
  // Asking about stock before buying is a question; stock that runs out after the order is the warehouse's.
  ['none', '38码没货了吗'],
  ['none', '深蓝色显示无货 还会补吗'],
  ['none', '这个42码是不是卖完了'],
  ['warehouse', '我买的XL怎么说没货了 都付款两天了'],
  ['warehouse', '订单显示缺货 还发不发'],
  ['product', '你好 录音笔坏了'],
  ['product', '坐便器的盖板松动'],
  ['product', '你好 我的耳机坏了'],
  ['product', '电饭煲用了三天就坏了'],
  ['product', '吹风机不出热风'],
  ['product', '手表屏幕不亮了'],
  ['product', '空调不制冷'],
  ['product', '洗衣机噪音很大'],
  ['product', '台灯开关坏了'],
  ['product', '鞋底开胶了'],
  ['product', '开机无法进入系统'],
  ['product', '平板居然不能连WIFI'],
  ['product', '收到的商品有瑕疵'],
  ['ops', '运费怎么这么贵'],
  ['logistics', '快递一直没到'],
  ['logistics', '收件人没有收到'],
  ['logistics', '物流好几天没更新'],
  ['warehouse', '还没发货'],
  ['warehouse', '少发了一件'],
  ['ops', '买完就降价了'],
  ['finance', '发票还没开'],
  ['finance', '退款还没到账'],
  ['service', '客服一直不回复'],
  ['none', '颜色很正 跟图片一样'],
  ['none', '和描述一致 物流也快'],
  ['none', '东西很好 物流也快'],
  ['none', '物流很快 包装也很好 好评'],
  ['none', '质量不错 下次还来'],
  ['none', '宝贝收到了 很满意'],
  ['none', '衣服很合身 面料也舒服'],
  ['none', '快递小哥很负责 送上楼了'],
  ['none', '客服态度很好 耐心解答'],
  ['none', '发货很快 第二天就到了'],
  ['none', '跟图片一模一样 很喜欢'],
  ['none', '味道很好 孩子爱吃'],
  ['none', '屏幕很清晰 电池也耐用'],
  ['none', '发票已经收到了 谢谢'],
  ['none', '退款已经到账了 谢谢亲'],
  ['none', '价保申请成功了 谢谢'],
  ['none', '安装师傅很专业 好评'],
  ['none', '包装很严实 没有破损'],
  ['none', '尺码标准 按平时买的就行'],
  ['none', '用了一个月了 效果还不错'],
  // Long praise with the aspect words complaints use (the corpus once had ten complaint reviews to one praise).
  ['none', '洗发水味道很好闻，用了一周头发柔顺了很多，会回购的'],
  ['none', '快递小哥态度很好，送货上门，还帮忙搬上楼，点赞'],
  ['none', '屏幕分辨率很高，色彩鲜艳，做工扎实，很有质感'],
  ['none', '头皮屑少了很多 效果很好'],
  ['none', '酸奶很好喝 孩子每天一盒'],
  ['none', '质量有保证 正品'],
  ['none', '今天就收到了 速度真快'],
  ['none', '不好意思 我想问下这个有没有黑色'],
];

const classifier = createClassifier(loadTaxonomy());
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

function mistakes(lines: [string, string][]): string[] {
  return lines.flatMap(([gold, text]) => {
    const l = prepareLine(text);
    const p = classifier.classify({ text: l.text, tokens: l.tokens });
    const right = gold === 'none' ? !p.complaint : p.complaint && p.department === gold;
    return right ? [] : [`${text}: expected ${gold}, got ${p.complaint ? p.department : 'none'} (${p.confidence})`];
  });
}

describe('the shipped model on obvious lines', () => {
  it('gets at least 95 % right, simplified', () => {
    const wrong = mistakes(OBVIOUS);
    expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(Math.floor(OBVIOUS.length * 0.05));
  });
  it('gets at least 95 % right, the same lines in traditional script', () => {
    const wrong = mistakes(OBVIOUS.map(([g, t]) => [g, toTraditional(t)]));
    expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(Math.floor(OBVIOUS.length * 0.05));
  });
  // The same kind of lines by a writer who saw neither the corpus nor the real data (never tuned on).
  const outside: [string, string][] = loadCorpus('all', OUTSIDE_LINES_DIR).map((e) => [e.complaint ? e.departments[0]! : 'none', e.text]);
  it('gets at least 95 % of an outside writer’s obvious lines right (test/fixtures/outside-lines/), in both scripts', () => {
    expect(outside.length).toBeGreaterThanOrEqual(300);
    for (const lines of [outside, outside.map(([g, t]): [string, string] => [g, toTraditional(t)])]) {
      const wrong = mistakes(lines);
      expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(Math.floor(lines.length * 0.05));
    }
  });
  // Lines written for measurement only and never tuned on: each is not a complaint.
  const flaggedShare = (file: string) => {
    const lines = loadProbe(file);
    const flagged = lines.filter((e) => {
      const l = prepareLine(e.text);
      return classifier.classify({ text: l.text, tokens: l.tokens }).complaint;
    });
    return flagged.length / lines.length;
  };
  it('flags at most a fifth of happy buyers’ reviews (praise-probe-2)', () => {
    expect(flaggedShare(PRAISE_PROBES[1]!)).toBeLessThanOrEqual(0.2);
  });
  it('flags at most an eighth of ordinary chat lines: pre-sale questions, requests, bargaining (neutral-chat-probe)', () => {
    expect(flaggedShare(NEUTRAL_CHAT_PROBE)).toBeLessThanOrEqual(0.125);
  });
  it('covers every department and non-complaints', () => {
    const golds = new Set(OBVIOUS.map(([g]) => g));
    for (const d of [...loadTaxonomy().departments.map((x) => x.id), 'none']) expect(golds.has(d), d).toBe(true);
  });
});
