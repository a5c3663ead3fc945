import { describe, expect, it } from 'vitest';
import { loadTaxonomy, parseTaxonomy } from '../../schemas/taxonomy.ts';
import { prepareContextText, prepareLine } from '../text/prepare.ts';
import { HybridClassifier, loadModelFile } from './hybrid.ts';
import { LINE_FEATURES, lineVector } from './signals.ts';
import type { ContextLine } from './types.ts';

const taxonomy = loadTaxonomy();
const model = loadModelFile();
const classifier = new HybridClassifier(taxonomy, model);
const run = (raw: string, context: [string, string][] = [], c = classifier) => {
  const line = prepareLine(raw);
  const ctx: ContextLine[] = context.map(([role, text]) => ({ role: role as ContextLine['role'], text: prepareContextText(text) }));
  return c.classify({ text: line.text, tokens: line.tokens, context: ctx });
};

describe('HybridClassifier and its model file', () => {
  it('refuses a model file whose heads were trained on other dense inputs (they are weighed by position)', () => {
    const older = { ...model, complaint: { ...model.complaint, features: model.complaint.features.slice(0, -1) } };
    expect(() => new HybridClassifier(taxonomy, older)).toThrow(/complaint head was trained on other inputs.*new: .*retrain/);
    const reordered = { ...model, line: { ...model.line, features: [...model.line.features].reverse() } };
    expect(() => new HybridClassifier(taxonomy, reordered)).toThrow(/line head.*another order/);
  });
});

describe('HybridClassifier (the committed model)', () => {
  it.each([
    ['你们的发货速度太慢了，能不能快点', 'warehouse'],
    ['你们的实物与图片有差异，宣传言过其实了', 'ops'],
    ['你们是否能开增值税专用发票', 'finance'],
    ['你们的产品太硬了，用起来不舒服', 'product'],
    ['我们家是老人，不送货上门就不买', 'logistics'],
    ['客服一直不回复，问了三遍了', 'service'],
  ])('routes the seed article’s examples: %s → %s', (text, department) => {
    const c = run(text);
    expect(c.complaint).toBe(true);
    expect(c.department).toBe(department);
    expect(c.departments[0]).toBe(department);
  });

  it.each([
    ['东西不错，客服服务态度挺好，就是快递太差劲，都能发错网点', 'logistics'],
    ['卖家很好，很主动解决问题！就是快递出乎预料的慢', 'logistics'],
    ['物流很快，包装也好，就是质量太差，用了两天就坏了', 'product'],
    ['物流包装都可以，苹果口味不咋样，里面果肉还有点青色', 'product'],
  ])('gives a mixed review to the department it complains about, not the one it praises: %s → %s', (text, department) => {
    const c = run(text);
    expect(c.complaint).toBe(true);
    expect(c.department).toBe(department);
  });

  it.each([
    ['你們的發貨速度太慢了，能不能快點', '你们的发货速度太慢了，能不能快点'],
    ['實物與圖片差很多，宣傳言過其實', '实物与图片差很多，宣传言过其实'],
    ['為什麼還沒到貨？都一個禮拜了', '为什么还没到货？都一个礼拜了'],
  ])('labels traditional script like simplified: %s', (traditional, simplified) => {
    const t = run(traditional);
    const s = run(simplified);
    expect(t.complaint).toBe(s.complaint);
    expect(t.department).toBe(s.department);
  });

  it.each(['你好', '好的谢谢', '有货吗', '这款有黑色的吗', '能便宜点吗', '质量很好，已经回购了', '没有坏，挺好用的', '不是质量问题，是我自己买大了，想换个码', '还行', '卷包的拆开要等多久才能睡'])(
    'does not count questions, bargaining, praise, negated and hedged lines: %s',
    (text) => {
      const c = run(text);
      expect(c.complaint).toBe(false);
      expect(c.department).toBeNull();
      expect(c.departments).toEqual([]);
      expect(c.subTopic).toBeNull();
    },
  );

  it('reads a short line with its conversation', () => {
    const withContext = run('还没到呢', [
      ['customer', '我的快递三天了物流一直不更新'],
      ['agent', '亲，非常抱歉，这边帮您催一下快递'],
    ]);
    expect(withContext.complaint).toBe(true);
    expect(withContext.department).toBe('logistics');
    const bare = run('还没到呢');
    expect(withContext.confidence).toBeGreaterThan(bare.complaint ? bare.confidence : 0);
  });

  it.each(['好的 麻烦了', '好的 谢谢', '嗯嗯 辛苦了', '好的 [姓名x]', '好的👌 THANKS', '没有了，谢谢你', '对的。', '是的', '对对对', '是啊 谢谢', '好吧 我等你们消息', '好的，那我再等等', '没了呢谢谢', '好的呢'])('never counts a bare acknowledgement, even after a complaint: %s', (text) => {
    const c = run(text, [
      ['customer', '都三天了还没发货'],
      ['agent', '亲 抱歉 马上帮您催仓库'],
    ]);
    expect(c.complaint).toBe(false);
  });

  it.each([
    ['少发了一个 只收到两件', '给我个说法！！', 'warehouse', 'missing_item'],
    ['优惠券用不了 结算的时候没减', '那你说怎么办吧？？', 'ops', 'coupon'],
  ])('keeps the sub-topic of the complaint a follow-up line goes on with: %s → %s', (earlier, text, department, subTopic) => {
    const c = run(text, [
      ['customer', earlier],
      ['agent', '亲 非常抱歉'],
    ]);
    expect(c.complaint).toBe(true);
    expect(c.department).toBe(department);
    expect(c.subTopic).toBe(subTopic);
  });

  it('an order number after a complaint belongs to it; after a question it does not', () => {
    const after = run('订单号 8123456789012', [
      ['customer', '发票开错了 抬头不对 要重开'],
      ['agent', '亲 麻烦提供一下订单号'],
    ]);
    expect(after.complaint).toBe(true);
    expect(after.department).toBe('finance');
    expect(run('订单号 8123456789012', [['customer', '这款有现货吗'], ['agent', '亲 麻烦提供一下订单号']]).complaint).toBe(false);
  });

  it('gives a sub-topic of the primary department, evidence words and a confidence in (0, 1]', () => {
    const c = run('衣服颜色发错了，我要的是黑色，发来的是白色');
    expect(c.department).toBe('warehouse');
    expect(c.subTopic).toBe('wrong_item');
    expect(c.evidence.length).toBeGreaterThan(0);
    expect(c.confidence).toBeGreaterThan(0);
    expect(c.confidence).toBeLessThanOrEqual(1);
    const sub = taxonomy.departments.find((d) => d.id === c.department)!.subTopics.map((s) => s.id);
    expect(sub).toContain(c.subTopic);
  });

  it('shows no function words as evidence, however the text model weighs them (就是, 一个, 这种)', () => {
    for (const text of ['还可以就是有点小', '我衣服临时断货了 这种情况我怎么处理', '买了一个 现在还没到 就是很着急']) {
      const c = run(text);
      for (const w of ['就是', '一个', '这种', '现在']) expect(c.evidence).not.toContain(w);
    }
  });

  it('shows neither the order card’s field names, the plain verbs of an order nor an urging adverb as evidence (金额, 收到, 尽快)', () => {
    const card = run('顾客通过点击web咚咚信息发送:[订单编号:12345678，订单金额:99元，下单时间:2026-11-01 10:00]', [['customer', '买的杯子碎了'], ['agent', '亲 麻烦提供一下订单']]);
    const hole = run('刚收到的货就正面就有一个洞，网购需慎重！');
    const urge = run('尽快给我个答复', [['customer', '下单五天了还没发货'], ['agent', '亲 这边帮您催一下']]);
    const unanswered = run('发了好几条消息都没人回');
    for (const c of [card, hole, urge, unanswered]) for (const w of ['金额', '信息', '编号', '收到', '下单', '尽快', '好几条']) expect(c.evidence).not.toContain(w);
    expect(unanswered.evidence.join('、')).toContain('没人回');
  });

  it('shows neither praise nor a discourse word as evidence (不错, 便宜, 结果, 有点, 根本, 又, 宝贝, 真心, 申请, 一个月)', () => {
    const lines = ['买的M码结果发了个L码过来', '东西不错，就是有点贵，根本不值这个价', '便宜没好货，用了两天就坏了', '都说了周末送，结果工作日送过来家里没人', '又给我放驿站了'];
    lines.push('宝贝收到了，只是这包装，确实够随意的', '真心不好用，第一次也是最后一次', '用户发现自己购买的洗衣机降价了，要求申请保价。', '垃圾，连快递都不舍得用，EMS一个月才收到货');
    for (const text of lines) {
      const c = run(text);
      expect(c.complaint, text).toBe(true);
      for (const w of ['不错', '便宜', '结果', '有点', '根本', '又', '宝贝', '真心', '申请', '一个月']) expect(c.evidence, text).not.toContain(w);
    }
  });

  it('shows no adverb, ordinal, time of day or direction as evidence (特别, 第二次, 上面, 昨晚, 凌晨, 尤其, 反正, 到手, 否则)', () => {
    const lines = ['特别失望，第二次买了，上面还有划痕', '昨晚凌晨才送到，简直离谱', '这次买的尤其差，反正不会再来了', '到手就坏了，否则也不会退', '第三天了还没发货'];
    for (const text of lines) {
      const c = run(text);
      expect(c.complaint, text).toBe(true);
      expect(c.evidence.length, text).toBeGreaterThan(0);
      for (const w of ['特别', '第二次', '上面', '昨晚', '凌晨', '简直', '尤其', '反正', '到手', '否则', '第三天']) expect(c.evidence, text).not.toContain(w);
    }
  });

  it('shows no place name, month, conjunction, amount or direction as evidence, by its part of speech (济南, 上个月, 要么, 几百块, 右下角)', () => {
    const lines = ['如果今天能到天津我还可以打电话自己催一下 已经两天没有物流更新了', '单位：济南恒信建筑工程有限公司 发票抬头开错了', '物流慢死，付款8.9天才发货，买了几百块也没赠品'];
    lines.push('USB接口太少，只有两个，而且都在机身右下角位置，外接鼠标很碍事', '上个月的发票到现在还没开');
    for (const text of lines) {
      const c = run(text);
      expect(c.complaint, text).toBe(true);
      expect(c.evidence.length, text).toBeGreaterThan(0);
      for (const w of ['天津', '济南', '几百块', '右下角', '上个月', '如果']) expect(c.evidence, text).not.toContain(w);
    }
    // The text model weighs 要么 towards 产品; the line has nothing else to show.
    expect(run('要么换要么退').evidence).not.toContain('要么');
    // The filter is for the text model's words: a complaint cue of the lexicon is shown whatever jieba tags it (黑店: a place).
    expect(run('黑店 东西都是坏的').evidence).toContain('黑店');
  });

  it('shows no word that is part of a longer one shown, no placeholder and no number as evidence', () => {
    for (const text of ['都五天了还没发货，太慢了', '东西显示签收了但我根本没收到', '12个中有2个这种货色，糊弄消费者 [组织机构x]', '能开增值税专用发票吗']) {
      const c = run(text);
      expect(c.evidence.length).toBeGreaterThan(0);
      for (const w of c.evidence) {
        expect(c.evidence.filter((o) => o !== w && o.includes(w))).toEqual([]);
        expect(w).toMatch(/\p{Script=Han}/u);
        expect(w).not.toContain('[');
      }
    }
  });

  it('says which words of the conversation a line without problem words of its own carries on', () => {
    const signed: [string, string][] = [['customer', '东西显示签收了但我根本没收到'], ['agent', '亲 麻烦提供一下订单号']];
    const order = run('订单号 8123456789012', signed);
    expect(order.complaint).toBe(true);
    expect(order.evidence).toEqual([]);
    expect(order.contextEvidence).toContain('没收到');
    // The one the conversation's judgement leans on: the problem named, not the greeting before it.
    const broken: [string, string][] = [['customer', '你好'], ['customer', '鼠标用了三天滚轮就坏了'], ['agent', '您好 请问有什么可以帮您']];
    const urge = run('你们快点处理一下', broken);
    expect(urge.complaint).toBe(true);
    expect(urge.contextEvidence.join('、')).toContain('坏了');
    // A cue says the buyer is unhappy, not with what: the conversation says that.
    const cue = run('到底怎么回事啊', broken);
    expect(cue.complaint).toBe(true);
    expect(cue.evidence.length).toBeGreaterThan(0);
    expect(cue.contextEvidence.join('、')).toContain('坏了');
    // A line that names its problem shows its own words only.
    const own = run('都五天了还没发货，太慢了', signed);
    expect(own.evidence).toContain('还没发货');
    expect(own.contextEvidence).toEqual([]);
    expect(run('谢谢', signed).contextEvidence).toEqual([]);
  });

  it('routes an escalation by the line the conversation is about, when the recent lines name nothing', () => {
    // The problem was named four customer lines up, past the three recent ones the heads read, and the opening
    // line is a greeting: the escalations after it are about the dispatch, not the service team's own fault.
    const conversation: [string, string][] = [
      ['customer', '在吗'],
      ['agent', '在的 亲亲请说'],
      ['customer', '下单四天了还没发货'],
      ['agent', '亲 抱歉 仓库爆单了 已经帮您加急'],
      ['customer', '我很急!!!'],
      ['customer', '我不想听这些'],
      ['customer', '再不处理我就给差评了'],
      ['agent', '抱歉亲 已经给您备注优先处理了'],
    ];
    for (const text of ['你们到底能不能解决？？', '我去平台投诉了', '无语']) {
      const c = run(text, conversation);
      expect(c.complaint, text).toBe(true);
      expect(c.department, text).toBe('warehouse');
      expect(c.subTopic, text).toBe('slow_dispatch');
      expect(c.contextEvidence, text).toContain('还没发货');
    }
  });

  it('picks among the sub-topics the line names when it names several', () => {
    for (const [text, named] of [
      ['发错了颜色，还少发了一件', ['wrong_item', 'missing_item']],
      ['用了三天就坏了，而且一股刺鼻的味道', ['durability', 'defect', 'smell']],
    ] as const) {
      const c = run(text);
      expect(c.complaint, text).toBe(true);
      expect(named, text).toContain(c.subTopic);
    }
    // 太大 (fit_comfort) comes first; the line is about the smell.
    expect(run('味道太大了 放了一周还有甲醛味').subTopic).toBe('smell');
  });

  it('does not count a judgement of what no department owns (a book\'s story, its author), but does a book\'s own faults', () => {
    for (const text of [
      '内容空洞，通篇都是作者自己的感想，看了半天什么都没学到，上当了，垃圾书',
      '作者的文笔很一般，情节拖沓，结局也很烂，被书评忽悠了',
      '這本書內容很空洞，作者一直在說教，根本不實用',
      // What a book says (道理, 内容) and who wrote it (作家), as the real reviews of books judge them.
      '讲的道理太空洞了，很失望',
      '這位作家的新書太膚淺了，失望',
    ]) {
      expect(run(text).complaint, text).toBe(false);
    }
    for (const [text, department] of [
      ['内容还行，可惜印刷太模糊了，还缺了好几页', 'product'],
      ['作者写得很好，就是书到现在还没发货', 'warehouse'],
    ] as const) {
      const c = run(text);
      expect(c.complaint, text).toBe(true);
      expect(c.department, text).toBe(department);
    }
  });

  it('does not count asking for a human (转人工), but does not being able to reach one', () => {
    for (const text of ['转人工', '我要转人工 我要转人工', '是到人工客服了么?']) expect(run(text).complaint, text).toBe(false);
    for (const text of ['转了半天转不了人工，机器人一直答非所问', '人工客服一直不回消息']) {
      const c = run(text);
      expect(c.complaint, text).toBe(true);
      expect(c.department, text).toBe('service');
      expect(c.subTopic, text).toBe('slow_reply');
    }
  });

  it('reads noise (吵死了, 很吵, 隔音不好) as a product design complaint and shows it as evidence', () => {
    // How loud a thing was made is its design (the corpus and the real labels agree); 异响 of a broken one is a defect.
    for (const text of ['这个风扇吵死了', '冰箱晚上很吵，吵得我一晚上没睡', '房间隔音不好，吵得睡不着']) {
      const c = run(text);
      expect(c.complaint, text).toBe(true);
      expect(c.department, text).toBe('product');
      expect(c.subTopic, text).toBe('design');
      expect(c.evidence.join('、'), text).toMatch(/吵/);
    }
  });

  it('files a promised gift that did not come under gift, not exaggerated claims: 说好的 is a promise, not a sales pitch', () => {
    for (const text of ['说好的赠品呢？没收到赠品，差评', '东西没问题，就是说好的给送贴膜都不给，赠品也没有', '說好的贈品呢？到現在都沒收到']) {
      const c = run(text);
      expect(c.department, text).toBe('ops');
      expect(c.subTopic, text).toBe('gift');
    }
    // The listing's claims themselves stay exaggerated; a promise of the service team stays theirs.
    expect(run('宣传得天花乱坠，说能美白祛斑，完全是虚假宣传').subTopic).toBe('exaggerated');
    const promise = run('说好的48小时内回复，三天了也没人理');
    expect(promise.department).toBe('service');
    expect(promise.subTopic).toBe('slow_reply');
    expect(run('答应给我补发的 一直没下文').subTopic).toBe('broken_promise');
  });

  it('takes the owner of a promise not kept (说好的, 到现在也没) from what was promised, not from the word promise', () => {
    for (const text of ['说好的48小时呢', '上次就说处理 到现在也没动静', '说好的今天发 到现在也没发']) {
      const c = run(text, [
        ['customer', '下单四天了还没发货'],
        ['agent', '亲 非常抱歉 这边帮您催一下仓库哦'],
      ]);
      expect(c.complaint, text).toBe(true);
      expect(c.departments, text).toEqual(['warehouse']);
      expect(c.subTopic, text).toBe('slow_dispatch');
    }
  });

  it('takes the owner of an escalation (投诉, 找平台, 12315) from the problem, not from the word complain', () => {
    // The taxonomy's escalation words say a line is a complaint, not who owns it: 我要投诉你们夸大宣传 is ops,
    // and so is the conversation it opens (客服 before taxonomy 2026.11-36).
    expect(run('我要投诉你们夸大宣传').departments[0]).toBe('ops');
    for (const text of ['我要投诉', '再不给说法我就去找平台了', '12315见', '怎么回事啊']) {
      const c = run(text, [
        ['customer', '我要投诉你们夸大宣传'],
        ['agent', '亲 效果因人而异的'],
      ]);
      expect(c.complaint, text).toBe(true);
      expect(c.department, text).toBe('ops');
    }
    // A fault of the service team itself stays 客服 with the escalation word in it.
    expect(run('我要投诉这个客服 态度太差了').department).toBe('service');
    // A taxonomy file written before the list existed reads as one with no escalation words.
    const { escalation, ...older } = taxonomy.cues;
    expect(escalation.length).toBeGreaterThan(0);
    const custom = parseTaxonomy({ ...taxonomy, version: 'custom-2', cues: older }, 'test');
    expect(custom.cues.escalation).toEqual([]);
    expect(run('我要投诉你们夸大宣传', [], new HybridClassifier(custom, model)).complaint).toBe(true);
  });

  it('reads 不好不好 as a repeated judgement, not the question 好不好; 舒服了 as no exasperated 服了', () => {
    const lineOf = (raw: string) => {
      const l = prepareLine(raw);
      return classifier.signals({ text: l.text, tokens: l.tokens }).line;
    };
    expect(lineOf('不好不好不好').question).toBe(false);
    expect(lineOf('换个颜色好不好').question).toBe(true);
    expect(lineOf('第二双了，穿着太舒服了').exclaim).toBe(false);
    expect(lineOf('真是服了').exclaim).toBe(true);
    // 就是 turns in 很好看，就是有点小 but means "is exactly" in 一打开就是热水.
    const turn = LINE_FEATURES.indexOf('praise, then a turn');
    expect(lineVector(lineOf('很好看，就是有点小'))[turn]).toBe(1);
    expect(lineVector(lineOf('很好用，一打开就是热水'))[turn]).toBe(0);
  });

  it('names the model and taxonomy version it was built with', () => {
    expect(classifier.version).toBe(model.version);
    expect(classifier.taxonomyVersion).toBe(taxonomy.version);
  });

  it('works with a taxonomy that adds a department: routed by its lexicon until retrained', () => {
    const custom = parseTaxonomy(
      {
        ...taxonomy,
        version: 'custom-1',
        departments: [
          ...taxonomy.departments,
          { id: 'legal', label: '法务', labelEn: 'Legal', terms: ['律师函', '起诉'], subTopics: [{ id: 'lawsuit', label: '诉讼', labelEn: 'Lawsuit', terms: ['律师函', '起诉你们'] }] },
        ],
      },
      'test',
    );
    const c = new HybridClassifier(custom, model);
    expect(c.version).toBe(`${model.version}+taxonomy-custom-1`);
    const legal = run('你们再不处理我就发律师函起诉你们', [], c);
    expect(legal.complaint).toBe(true);
    expect(legal.department).toBe('legal');
    expect(legal.departments[0]).toBe('legal');
    expect(run('都五天了还没发货', [], c).department).toBe('warehouse');
  });
});

describe('HybridClassifier.readAhead', () => {
  it('leaves every judgement as it is: corpus lines in their conversations, read ahead in stages of 256, judge as one by one', async () => {
    const { loadCorpus } = await import('../eval/examples.ts');
    const { inputOf } = await import('./input.ts');
    // Sessions first (lines with context), then lines alone: 1,200 lines, some texts repeated.
    const examples = loadCorpus('test');
    const inputs = [...examples.filter((e) => e.context?.length), ...examples.filter((e) => !e.context?.length)].slice(0, 1200).map((e) => inputOf(e));
    expect(inputs.filter((i) => i.context?.length).length).toBeGreaterThan(300);
    const oneByOne = new HybridClassifier(taxonomy, model);
    const plain = inputs.map((i) => oneByOne.classify(i));
    const staged = new HybridClassifier(taxonomy, model);
    const ahead = [];
    for (let k = 0; k < inputs.length; k += 256) {
      const stage = inputs.slice(k, k + 256);
      staged.readAhead(stage);
      for (const i of stage) ahead.push(staged.classify(i));
    }
    expect(ahead).toEqual(plain);
    expect(plain.filter((c) => c.complaint).length).toBeGreaterThan(200);
  }, 30_000);
});
