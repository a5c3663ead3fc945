import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../schemas/taxonomy.ts';
import { normalize } from '../text/normalize.ts';
import { Lexicon, variants } from './lexicon.ts';

const lexicon = new Lexicon(loadTaxonomy());
const find = (text: string) => lexicon.find(normalize(text).text);

describe('Lexicon evidence of a line with nothing in it', () => {
  it('is one shared read-only object, whether nothing matched or every match was dropped', () => {
    const none = find('你好，在吗');
    expect(none.terms).toEqual([]);
    // 不过 is a plain word: it matches, and leaves no evidence.
    expect(find('不过')).toBe(none);
    expect(Object.isFrozen(none) && Object.isFrozen(none.terms) && Object.isFrozen(none.starts.cues)).toBe(true);
    expect(() => (none.cues as string[]).push('x')).toThrow(TypeError);
  });
});

describe('Lexicon terms', () => {
  it('gives a term inside a longer term of another department to the longer one (发错 in 发错网点)', () => {
    const owners = (text: string) => find(text).terms.map((t) => `${t.department}/${t.subTopic}`);
    expect(owners('快递都能发错网点')).toContain('logistics/slow_transit');
    expect(owners('快递都能发错网点')).not.toContain('warehouse/wrong_item');
    expect(owners('衣服发错了')).toContain('warehouse/wrong_item');
  });
});

describe('Lexicon negation', () => {
  it('cancels a problem term after a negation (没有坏) and clears an aspect of blame (不是质量问题)', () => {
    expect(find('没有坏').negated).toContain('坏');
    const cleared = find('不是质量问题');
    expect(cleared.terms.map((t) => t.term)).not.toContain('质量');
    expect(cleared.negated).toContain('质量');
  });

  it('reads an absent aspect as missing: the term counts and the phrase is a cue', () => {
    const e = find('用了一个月 没什么效果');
    expect(e.terms.some((t) => t.department === 'product')).toBe(true);
    expect(e.negated).toEqual([]);
    const service = find('出了问题根本没有售后');
    expect(service.terms.some((t) => t.department === 'service' && t.subTopic === null)).toBe(true);
    expect(service.cues).toContain('没有售后');
  });

  it('reads a problem denied or gone after it (烂的都没有, 掉发少了很多) as negated, but an aspect said missing stays', () => {
    const denied = find('一个烂的都没有');
    expect(denied.terms.filter((t) => t.subTopic !== null)).toEqual([]);
    expect(denied.negated).toContain('烂的');
    expect(find('掉发少了很多').terms).toEqual([]);
    expect(find('异味没了').terms).toEqual([]);
    expect(find('发票都没有').terms.some((t) => t.department === 'finance')).toBe(true);
    // 都没有 must end its clause: 也没有人管 still says 坏了.
    expect(find('坏了也没有人管').terms.some((t) => t.subTopic === 'defect')).toBe(true);
  });

  it('reads a problem only feared or expected in its clause (担心会压坏, 以为会磨脚) as not happened', () => {
    const feared = find('本来还担心快递会把书角压坏，结果包得很好');
    expect(feared.terms.filter((t) => t.subTopic !== null)).toEqual([]);
    expect(feared.cues).toEqual([]);
    // The fear reaches to the end of its clause only, and 怕是 ("I'm afraid it is") reports a problem.
    expect(find('本来以为质量很好，结果一用就坏').cues).toContain('坏');
    expect(find('怕是坏了').terms.some((t) => t.subTopic === 'defect')).toBe(true);
  });

  it('does not count a praised aspect as evidence (屏幕很清晰, 快递小哥态度很好)', () => {
    expect(find('屏幕很清晰').terms).toEqual([]);
    // The courier is named, but his attitude is not a problem.
    expect(find('快递小哥态度很好').terms.filter((t) => t.subTopic !== null)).toEqual([]);
    expect(find('包装完好').terms).toEqual([]);
    // 好 before a bad quality is a complaint: 好差, 好慢.
    expect(find('屏幕好差').terms.some((t) => t.department === 'product')).toBe(true);
    expect(find('发货好慢').terms.some((t) => t.department === 'warehouse')).toBe(true);
  });

  it('does not read a refusal (不要发货) as something missing', () => {
    const e = find('不要发货了');
    expect(e.cues).toEqual([]);
    expect(e.negated).toContain('发货');
  });

  it('matches 没有 and 未 where a term says 没 (没收到 → 没有收到, 未收到), and never shortens 没有', () => {
    expect(variants('没收到')).toEqual(['没收到', '没有收到', '未收到']);
    expect(variants('没有问题')).toEqual(['没有问题']);
    expect(find('快递显示签收了 但我没有收到').terms.some((t) => t.department === 'logistics')).toBe(true);
    expect(find('商品还未发货').terms.some((t) => t.department === 'warehouse')).toBe(true);
  });

  it('reads the taxonomy\'s bad evaluations, unless negated (不是很差)', () => {
    expect(find('这玩意就是烂东西').evaluations).toContain('烂东西');
    expect(find('质量不是很差 就是有点重').evaluations).toEqual([]);
  });

  it('reads no cue in 不好意思 (sorry) or 好不好 (whether it is good), and still in 不好 itself', () => {
    expect(find('不好意思!是收到了两本').cues).toEqual([]);
    expect(find('给叔叔买的，不知道好不好').cues).toEqual([]);
    expect(find('这个真的不好').cues).toContain('不好');
  });

  it('reads no cue in an A-not-A question (能不能, 行不行), and still in 不能, 不行 and 到底 themselves', () => {
    expect(find('我送货的预留电话是我老婆的，能不能改成我的').cues).toEqual([]);
    expect(find('送女朋友的 看看行不行').cues).toEqual([]);
    expect(find('这两张能不能同时使用').cues).toEqual([]);
    expect(find('开机了也不能用').cues).toContain('不能');
    expect(find('这样不行啊').cues).toContain('不行');
    expect(find('你们到底能不能解决').cues).toContain('到底');
    // Other A-not-A forms hold only a negation, and it still keeps the problem asked about from being said.
    expect(find('这个会不会坏').cues).toEqual([]);
    expect(find('有没有坏的').terms).toEqual([]);
  });

  it('reads a term written with 没 inside an A-not-A question as asked, not said (有没有赠品, 有没发货)', () => {
    const terms = (t: string) => find(t).terms.map((x) => x.term);
    expect(terms('有没有赠品啊')).not.toContain('没有赠品');
    expect(find('有没有赠品啊').cues).toEqual([]);
    expect(terms('厂家自送有没有物流信息的')).not.toContain('没有物流信息');
    expect(terms('麻烦看下验证码有没有收到')).not.toContain('没有收到');
    expect(terms('我的单有没发货')).not.toContain('没发货');
    // An aspect asked about that way is not said to be missing either.
    expect(find('有没有派送员的号码，我给他打').cues).toEqual([]);
    expect(find('没有派送员的号码').cues.length).toBeGreaterThan(0);
    // Said: the absence itself, and 所有没发货的 ("all those not shipped").
    expect(terms('没有赠品啊')).toContain('没有赠品');
    expect(terms('所有没发货的都取消吧')).toContain('没发货');
  });

  it('reads 发错了 said sorry for, or 我发错了, as the buyer’s own slip, not goods sent wrong', () => {
    const terms = (t: string) => find(t).terms.map((x) => x.term);
    expect(terms('发错了 不好意思')).toEqual([]);
    expect(terms('发错了，抱歉')).toEqual([]);
    expect(terms('刚才那个单号我发错了')).toEqual([]);
    expect(terms('给我发错了')).toContain('发错了');
    expect(terms('颜色发错了 我要的是灰色')).toContain('发错了');
    expect(terms('发错了，我买的青提，来的是红提')).toContain('发错了');
  });

  it('reads a variant asked about as out of stock (40是不是没货了) as a stock question, and an order out of stock as a complaint', () => {
    const terms = (t: string) => find(t).terms.map((x) => x.term);
    for (const t of ['40是不是没货了', '1.5米床是不是没货了', 'xl是不是没货了', '灰色是不是缺货了', '20片装是不是没货了']) {
      expect(find(t).terms.filter((x) => x.subTopic === 'out_of_stock')).toEqual([]);
    }
    expect(terms('对 是不是断货了')).toContain('断货');
    expect(terms('我买的l码是不是没货了')).toContain('没货了');
    expect(terms('40码没货了')).toContain('没货了');
  });

  it('reads 还有一个问题 and 问个问题 as a question to ask, not a problem', () => {
    expect(find('还有一个问题').cues).toEqual([]);
    expect(find('我想问个问题').cues).toEqual([]);
    expect(find('质量有问题').cues.length + find('质量有问题').terms.length).toBeGreaterThan(0);
  });

  it('does not read the satisfaction word inside a complaint as a softener (不满意, 不推荐)', () => {
    expect(find('非常不满意').hedges).toEqual([]);
    expect(find('不推荐购买').hedges).toEqual([]);
    expect(find('不喜欢这个颜色').hedges).toEqual([]);
    expect(find('还不错').hedges.length).toBeGreaterThan(0);
  });

  it('reads 推荐的 (recommended by someone) as no softener, and 推荐 and 值得推荐的 still as one', () => {
    expect(find('推荐的码太大，有异味').hedges).toEqual([]);
    expect(find('商家推荐的号码偏小').hedges).toEqual([]);
    expect(find('推荐购买').hedges.length).toBeGreaterThan(0);
    expect(find('值得推荐的一本书').hedges.length).toBeGreaterThan(0);
  });

  it('reads a demand said to be missing or refused as a demand (没发票, 不给开专票), not one declined (不要发票)', () => {
    for (const text of ['为什么没发票', '为什么不给发票', '不能给开专票', '没有价保']) {
      const e = find(text);
      expect(e.terms.length, text).toBeGreaterThan(0);
      expect(e.negated, text).toEqual([]);
    }
    expect(find('不要发票').negated).toContain('发票');
    expect(find('没有色差').negated).toContain('色差');
  });

  it('does not read 别 in 区别 or 不 in 不过 as a negation', () => {
    expect(find('和实物区别太大').negated).toEqual([]);
    expect(find('和实物区别太大').terms.some((t) => t.department === 'ops' && t.subTopic === 'not_as_described')).toBe(true);
    expect(find('东西还行 不过价格偏贵').negated).toEqual([]);
    expect(find('没想到质量这么差').terms.some((t) => t.department === 'product')).toBe(true);
  });

  it('finds what no department owns (a book\'s story, an account)', () => {
    expect(find('情节老套 作者文笔很差').unowned).toEqual(['情节', '作者', '文笔']);
    expect(find('書的紙張太薄').unowned).toEqual([]);
  });

  it('notes escalation words (投诉, 12315) beside what they also are (投诉 is a cue), never inside a placeholder', () => {
    const e = find('再不处理我就投诉 12315见');
    expect(e.escalations).toEqual(['投诉', '12315']);
    expect(e.cues).toContain('投诉');
    expect(find('[投诉单号] 好的').escalations).toEqual([]);
    expect(find('发货太慢了').escalations).toEqual([]);
  });

  it('reads a judgement inside what no department owns (垃圾书) as about that, not about the goods', () => {
    const e = find('只能说是垃圾书');
    expect(e.unowned).toEqual(['垃圾书']);
    expect(e.terms).toEqual([]);
    expect(e.cues).toEqual([]);
    expect(e.evaluations).toEqual([]);
    expect(find('东西就是垃圾').terms.map((t) => t.term)).toEqual(['垃圾']);
  });

  it('does not read a threat (再不处理我就差评) as the after-sales team refusing', () => {
    expect(find('再不处理我就给差评了').terms).toEqual([]);
    expect(find('售后一直不处理').terms.some((t) => t.subTopic === 'after_sales')).toBe(true);
  });

  it('reads a suspicion (是不是坏了) and a quoted promise (不是说包邮吗) as naming the problem, not denying it', () => {
    expect(find('是不是坏了').terms.some((t) => t.subTopic === 'defect')).toBe(true);
    expect(find('是不是发错了').terms.some((t) => t.subTopic === 'wrong_item')).toBe(true);
    expect(find('不是说包邮吗').terms.some((t) => t.department === 'ops')).toBe(true);
    expect(find('不是质量问题').terms).toEqual([]);
  });

  it('reads a length of time after a verb of use (用了半个月) as use, not waiting; buying again (又买了) as no cue', () => {
    expect(find('用了半个月，出水量很大').cues).toEqual([]);
    expect(find('用了好几天了，很好用').terms).toEqual([]);
    expect(find('等了半个月还没到').cues).toContain('半个月');
    expect(find('好几天了还没到').terms.some((t) => t.subTopic === 'slow_transit')).toBe(true);
    expect(find('用了半个月就坏了').terms.some((t) => t.subTopic === 'defect')).toBe(true);
    expect(find('穿着很舒服，又买了一双').cues).toEqual([]);
    expect(find('又发错了').cues).toContain('又');
  });

  it('reads an aspect said absent after it (赠品都没, 发票都没有) as missing, and a problem cleared (包装没有破损) as not', () => {
    expect(find('产品很好，啥赠品都没').cues).toContain('赠品都没');
    expect(find('发票都没有').cues).toContain('发票都没有');
    expect(find('包装没有破损').cues).toEqual([]);
  });

  it('reads rubbish itself (垃圾袋, 把垃圾带走) as no judgement of the goods', () => {
    const taken = find('安装师傅还把垃圾都带走了');
    expect(taken.terms.filter((t) => t.subTopic !== null)).toEqual([]);
    expect(taken.cues).toEqual([]);
    expect(taken.evaluations).toEqual([]);
    expect(find('垃圾袋一提就破').terms.some((t) => t.subTopic === 'quality')).toBe(false);
    expect(find('东西就是垃圾').cues).toContain('垃圾');
  });

  it('reads praise idioms as praise: 又糯又香, 香到不行, 不过敏, 再也不用, 无线', () => {
    expect(find('黑米又糯又香').cues).toEqual([]);
    expect(find('蚕丝被轻盈又暖和').cues).toEqual([]);
    expect(find('循环扇风很强又安静').cues).toEqual([]);
    expect(find('吸力很强').hedges).toEqual(['很强']);
    expect(find('宝贝收到了，还没用，用后追评').cues).toEqual([]);
    expect(find('买来一点没用').cues).toContain('没用');
    expect(find('客服态度还很强硬').hedges).toEqual([]);
    expect(find('味道很强烈').hedges).toEqual([]);
    expect(find('头灯很亮又很轻').cues).toEqual([]);
    expect(find('物流又很慢').cues).toContain('又');
    expect(find('又坏了').cues).toContain('又');
    expect(find('米饭香到不行').cues).toEqual([]);
    expect(find('慢到不行').cues).toContain('不行');
    expect(find('宝宝擦了完全不过敏').terms).toEqual([]);
    expect(find('用了就过敏').terms.some((t) => t.subTopic === 'effect')).toBe(true);
    expect(find('再也不用洗碗了').cues).toEqual([]);
    expect(find('再也不买了').cues).toContain('再也不');
    expect(find('无线键盘').cues).toEqual([]);
    expect(find('早上起来肩膀都轻松了').terms).toEqual([]);
    expect(find('螺丝松了').terms.some((t) => t.subTopic === 'defect')).toBe(true);
    expect(find('踩了水坑袜子还是干的').cues).toEqual([]);
    expect(find('用了一周，还没发现什么问题').terms.some((t) => t.subTopic === 'slow_dispatch')).toBe(false);
    expect(find('三天了还没发').terms.some((t) => t.subTopic === 'slow_dispatch')).toBe(true);
  });

  it('reads 没问题 as a hedge, with no cue 问题 inside it, and 问题 alone still as a cue', () => {
    expect(find('防水也没问题').cues).toEqual([]);
    expect(find('好的没问题').cues).toEqual([]);
    expect(find('质量有问题').cues).toContain('问题');
  });

  it('reads praise that borrows complaint words as praise: 后悔没早买, 零差评, 再也不怕滑倒, 又多买了, 坑坑洼洼', () => {
    expect(find('后悔没早买').cues).toEqual([]);
    expect(find('买了就后悔').cues).toContain('后悔');
    expect(find('入手三个月零差评').cues).toEqual([]);
    expect(find('必须差评').cues).toContain('差评');
    expect(find('冬天洗澡再也不会忽冷忽热').cues).toEqual([]);
    expect(find('老人出来再也不怕滑倒').cues).toEqual([]);
    // Never again buying, or a function that stopped for good, stays a complaint.
    expect(find('再也不会买了').cues).toContain('再也不会');
    expect(find('用了两次就再也不亮了').cues).toContain('再也不');
    expect(find('又多买了两条').cues).toEqual([]);
    expect(find('河边坑坑洼洼也能放平').cues).toEqual([]);
    expect(find('被坑了').cues).toContain('坑');
  });

  it('reads the buyer\'s own body (颈椎不好, 牙口不好) as no judgement of the goods', () => {
    expect(find('我爸颈椎不好，换了这个枕头睡得很好').cues).toEqual([]);
    expect(find('老人家牙口不好也能喝').cues).toEqual([]);
    expect(find('这个枕头不好').cues).toContain('不好');
  });

  it('says where each cue, evaluation and hedge starts, so a clause can read its share', () => {
    const e = find('质量很好，就是物流太慢了');
    expect(e.hedges).toContain('很好');
    expect(e.starts.hedges[e.hedges.indexOf('很好')]).toBe(2);
    expect(e.starts.cues[e.cues.indexOf('太慢')]).toBe(9);
  });

  it('finds nothing in a placeholder: [图片] is a photo the buyer sent, not the listing\'s photos', () => {
    expect(find('[图片]').terms).toEqual([]);
    expect(find('[快递单号] [图片] 你看').terms).toEqual([]);
    const e = find('[图片] 跟图片不一样');
    expect(e.terms.map((t) => t.subTopic)).toContain('not_as_described');
    expect(e.terms.find((t) => t.subTopic === 'not_as_described')!.start).toBe(5);
  });

  it('matches traditional spellings through normalization', () => {
    expect(find('沒什麼效果').terms.some((t) => t.department === 'product')).toBe(true);
  });
});

describe('Lexicon.of', () => {
  it('builds one lexicon per taxonomy and shares it', () => {
    const taxonomy = loadTaxonomy();
    expect(Lexicon.of(taxonomy)).toBe(Lexicon.of(taxonomy));
    expect(Lexicon.of(taxonomy)).not.toBe(Lexicon.of(loadTaxonomy()));
    expect(Lexicon.of(taxonomy).find('发货太慢').terms.length).toBeGreaterThan(0);
  });
});
