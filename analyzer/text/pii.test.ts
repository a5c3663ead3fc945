import { describe, expect, it } from 'vitest';
import type { PiiKind } from '../../schemas/analyzed-message.ts';
import { idChecksumOk, luhnOk, maskPersonalData } from './pii.ts';

// All numbers below are made up. IDs and card numbers were built to pass (or, where stated, fail) their
// checksums; none of them belongs to anyone.
const ID_A = '110105198001011238';
const ID_B = '440305199512310020';
const ID_X = '11010519491231002X';
const ID_BAD_SUM = '110105198001011239'; // ID_A with the wrong check digit
const CARD_19 = '6222021234567890128';
const CARD_19_BAD = '6222021234567890127';
const CARD_16 = '6217001234567893';

type Case = [input: string, text: string, pii: PiiKind[], orderIds?: string[]];

function check([input, text, pii, orderIds = []]: Case) {
  const r = maskPersonalData(input);
  expect(r.text).toBe(text);
  expect(r.pii).toEqual(pii);
  expect(r.orderIds).toEqual(orderIds);
  // Masking is stable: the masked text masks to itself and still yields the same order ids.
  const again = maskPersonalData(r.text);
  expect(again.text).toBe(r.text);
  expect(again.pii).toEqual([]);
  expect(again.orderIds).toEqual(orderIds);
}

describe('validators', () => {
  it('checks ID card check characters (ISO 7064 MOD 11-2)', () => {
    expect(idChecksumOk(ID_A)).toBe(true);
    expect(idChecksumOk(ID_X)).toBe(true);
    expect(idChecksumOk(ID_X.toLowerCase())).toBe(true);
    expect(idChecksumOk(ID_BAD_SUM)).toBe(false);
  });
  it('checks card numbers with Luhn', () => {
    expect(luhnOk(CARD_19)).toBe(true);
    expect(luhnOk(CARD_16)).toBe(true);
    expect(luhnOk(CARD_19_BAD)).toBe(false);
  });
});

describe('mobile numbers', () => {
  it.each<Case>([
    ['我手机13800138000，快点发货', '我手机[手机号]，快点发货', ['mobile']],
    ['电话 138 0013 8000 谢谢', '电话 [手机号] 谢谢', ['mobile']],
    ['打这个138-0013-8000', '打这个[手机号]', ['mobile']],
    ['138.0013.8000有人接', '[手机号]有人接', ['mobile']],
    ['+86 13800138000', '[手机号]', ['mobile']],
    ['+86-139-1234-5678 找王先生', '[手机号] 找王先生', ['mobile']],
    ['联系8615912345678', '联系[手机号]', ['mobile']],
    ['0086 18612345678', '[手机号]', ['mobile']],
    ['（＋86）17712345678', '[手机号]', ['mobile']],
    ['手机：１３８００１３８０００！', '手机：[手机号]！', ['mobile']],
    ['手机号是17712345678收件人王先生', '手机号是[手机号]收件人王先生', ['mobile']],
    ['📱13712345678😊 快递员打这个', '📱[手机号]😊 快递员打这个', ['mobile']],
    ['我的電話是13712345678，請盡快聯繫', '我的電話是[手机号]，請盡快聯繫', ['mobile']],
    ['微信wx15012345678加我', '微信wx[手机号]加我', ['mobile']],
    ['台灣手機0912-345-678', '台灣手機[手机号]', ['mobile']],
    ['+886 912 345 678', '[手机号]', ['mobile']],
  ])('masks %s', (...c) => check(c));

  it.each<Case>([
    // 17 digits: a long run, not a phone (kept as an order / tracking number).
    ['12345613800138000到了吗', '12345613800138000到了吗', [], ['12345613800138000']],
    ['就10位1380013800', '就10位1380013800', []],
    ['12800138000', '12800138000', []],
    // An order keyword wins over a phone-shaped number.
    ['订单号13800138000', '订单号13800138000', [], ['13800138000']],
  ])('leaves %s', (...c) => check(c));
});

describe('landlines', () => {
  it.each<Case>([
    ['座机010-62345678', '座机[电话]', ['landline']],
    ['(021)61234567白天有人', '[电话]白天有人', ['landline']],
    ['公司电话0755 2345 6789', '公司电话[电话]', ['landline']],
    ['0571-86543210转123找前台', '[电话]找前台', ['landline']],
    ['010-62345678-123', '[电话]', ['landline']],
    ['（０２０）３８８８９９９９', '[电话]', ['landline']],
    ['辦公室電話0756-2345678轉8', '辦公室電話[电话]', ['landline']],
    ['+86 10 6234 5678', '[电话]', ['landline']],
  ])('masks %s', (...c) => check(c));

  it.each<Case>([
    ['客服热线400-123-4567', '客服热线400-123-4567', []],
    ['打了4006789000没人接', '打了4006789000没人接', []],
    ['800-123-4567也打不通', '800-123-4567也打不通', []],
    ['400 888 9999', '400 888 9999', []],
  ])('keeps service number %s', (...c) => check(c));
});

describe('ID cards', () => {
  it.each<Case>([
    [`身份证号${ID_A}`, '身份证号[身份证号]', ['id_card']],
    [`身份证：${ID_X}，实名认证不过`, '身份证：[身份证号]，实名认证不过', ['id_card']],
    [`清关要的${ID_X.toLowerCase()}`, '清关要的[身份证号]', ['id_card']],
    ['440305 19951231 0020 是我的证件', '[身份证号] 是我的证件', ['id_card']],
    ['身份證字號３２０１０２１９８８０８０８７７１９', '身份證字號[身份证号]', ['id_card']],
    // Old 15-digit form: region 11, born 1980-01-01.
    ['老身份证110105800101123', '老身份证[身份证号]', ['id_card']],
    // A wrong check digit is still masked when the buyer says it is an ID card.
    [`身份证${ID_BAD_SUM}`, '身份证[身份证号]', ['id_card']],
  ])('masks %s', (...c) => check(c));

  it.each<Case>([
    // Checksum fails: an order number.
    [`这个${ID_BAD_SUM}查不到`, `这个${ID_BAD_SUM}查不到`, [], [ID_BAD_SUM]],
    // Month 13: not a birth date.
    ['110105198013011234', '110105198013011234', [], ['110105198013011234']],
    // An order keyword wins.
    [`订单号${ID_B}`, `订单号${ID_B}`, [], [ID_B]],
  ])('leaves %s', (...c) => check(c));
});

describe('emails', () => {
  it.each<Case>([
    ['邮箱zhangsan@163.com', '邮箱[邮箱]', ['email']],
    ['发票发到 li.si+shop@example.com.cn 谢谢', '发票发到 [邮箱] 谢谢', ['email']],
    ['123456789@qq.com收不到', '[邮箱]收不到', ['email']],
    ['ｗａｎｇ＿ｘｉａｏ＠ｑｑ．ｃｏｍ', '[邮箱]', ['email']],
    ['13800138000@139.com', '[邮箱]', ['email']],
  ])('masks %s', (...c) => check(c));

  it.each<Case>([
    ['@客服 在吗', '@客服 在吗', []],
    ['@小蜜 我的快递呢', '@小蜜 我的快递呢', []],
  ])('leaves %s', (...c) => check(c));
});

describe('bank cards', () => {
  it.each<Case>([
    [`银行卡号${CARD_19}`, '银行卡号[银行卡号]', ['bank_card']],
    ['退款到我的储蓄卡 6228 4800 1234 5678 911', '退款到我的储蓄卡 [银行卡号]', ['bank_card']],
    ['信用卡：4367-4201-2345-6781', '信用卡：[银行卡号]', ['bank_card']],
    [`卡号是${CARD_16}`, '卡号是[银行卡号]', ['bank_card']],
    ['退到账号622588123456789016', '退到账号[银行卡号]', ['bank_card']],
    [`銀行卡號：${CARD_19}`, '銀行卡號：[银行卡号]', ['bank_card']],
  ])('masks %s', (...c) => check(c));

  it.each<Case>([
    // No card word nearby: a long digit run is an order number.
    [`${CARD_19}已经付款了`, `${CARD_19}已经付款了`, [], [CARD_19]],
    // Fails Luhn.
    [`银行卡${CARD_19_BAD}`, `银行卡${CARD_19_BAD}`, [], [CARD_19_BAD]],
    [`订单${CARD_19}退款没到`, `订单${CARD_19}退款没到`, [], [CARD_19]],
  ])('leaves %s', (...c) => check(c));
});

describe('order numbers', () => {
  it.each<Case>([
    ['订单号：123456789012 还没到', '订单号：123456789012 还没到', [], ['123456789012']],
    ['订单 87654321 还没发货', '订单 87654321 还没发货', [], ['87654321']],
    ['订单编号E2026111100123', '订单编号E2026111100123', [], ['E2026111100123']],
    ['京东订单JD12345678什么时候发', '京东订单JD12345678什么时候发', [], ['JD12345678']],
    ['运单号：SF1234567890123', '运单号：SF1234567890123', [], ['SF1234567890123']],
    ['顺丰sf1234567890123到哪了', '顺丰sf1234567890123到哪了', [], ['SF1234567890123']],
    ['中通快递单号 73123456789012', '中通快递单号 73123456789012', [], ['73123456789012']],
    ['order no. 98765432 not arrived', 'order no. 98765432 not arrived', [], ['98765432']],
    ['訂單編號：２０２６１１１１００８８', '訂單編號：２０２６１１１１００８８', [], ['202611110088']],
    ['我的单号是12345678、23456789都没到', '我的单号是12345678、23456789都没到', [], ['12345678', '23456789']],
    ['订单号 123456789012 13800138000', '订单号 123456789012 [手机号]', ['mobile'], ['123456789012']],
    ['border 12345678', 'border 12345678', []],
    ['订单123456789012和订单123456789012是一个', '订单123456789012和订单123456789012是一个', [], ['123456789012']],
    ['快递76543210987654怎么不动了', '快递76543210987654怎么不动了', [], ['76543210987654']],
    ['国际件EA123456789CN', '国际件EA123456789CN', [], ['EA123456789CN']],
    // QQ / WeChat numbers and ISBNs are not orders.
    ['有问题加我QQ987654321', '有问题加我QQ987654321', []],
    ['书号ISBN 9787123456785', '书号ISBN 9787123456785', []],
  ])('keeps %s', (...c) => check(c));

  it.each<Case>([
    ['订单1234567', '订单1234567', []],
    ['20261111下的单', '20261111下的单', []],
  ])('ignores short %s', (...c) => check(c));
});

describe('addresses', () => {
  it.each<Case>([
    ['北京市朝阳区建国路88号SOHO现代城2号楼1201室，怎么还没送到', '[地址]，怎么还没送到', ['address']],
    ['北京市朝阳区建国路88号SOHO现代城2号楼1201室怎么还没送到', '[地址]怎么还没送到', ['address']],
    ['收货地址：广东省深圳市南山区科技园南区XX大厦5楼', '收货地址：[地址]', ['address']],
    ['浙江杭州西湖区文三路 90 号', '[地址]', ['address']],
    ['台北市大安區復興南路一段390號3樓', '[地址]', ['address']],
    ['寄到江苏省南京市鼓楼区中山北路100号3栋1201，电话打不通', '寄到[地址]，电话打不通', ['address']],
    ['地址改成广西壮族自治区南宁市青秀区民族大道88号', '地址改成[地址]', ['address']],
    ['新疆维吾尔自治区乌鲁木齐市天山区解放北路1号', '[地址]', ['address']],
    ['河南省周口市太康县王庄镇李庄村', '[地址]', ['address']],
    ['送到上海市浦东新区世纪大道100号环球金融中心5层前台', '送到[地址]前台', ['address']],
    ['新北市板橋區文化路一段100號', '[地址]', ['address']],
    ['四川省成都市武侯区人民南路四段9号 我在家等', '[地址] 我在家等', ['address']],
    ['哈尔滨市南岗区西大直街92号3单元', '[地址]', ['address']],
    ['寄去厦门市集美区银江路88号', '寄去[地址]', ['address']],
    ['苏州工业园区星湖街328号', '[地址]', ['address']],
    ['成都市人民医院3楼', '[地址]', ['address']],
    ['地址改成广州市从化区河滨北路12号', '地址改成[地址]', ['address']],
    ['改地址：湖北省宜昌市西陵区东山大道阳光花园二区', '改地址：[地址]', ['address']],
  ])('masks %s', (...c) => check(c));

  it.each<string>([
    '上海这边下雨了',
    '发北京要几天',
    '广州仓发货',
    '北京市区路上堵车了',
    '我在杭州市',
    '杭州市西湖区挺好玩的',
    '小区门口放着呢',
    '在超市3号货架找到的',
    '深圳市11号能到吗',
    '这个市场价多少',
    '你们哪个区发货的',
    '北京市区3号线附近',
    '包装图省事外面就一层膜',
    '我家乡那边3号楼都拆了',
    '上海市徐汇区路边3天没人管',
  ])('leaves ordinary speech %s', (line) => check([line, line, []]));
});

describe('mixed lines', () => {
  it.each<Case>([
    [
      '订单号123456789012，收货人电话13800138000，地址北京市朝阳区建国路88号',
      '订单号123456789012，收货人电话[手机号]，地址[地址]',
      ['mobile', 'address'],
      ['123456789012'],
    ],
    [
      `邮箱a.b@test.cn 手机13800138000 身份证${ID_A}`,
      '邮箱[邮箱] 手机[手机号] 身份证[身份证号]',
      ['email', 'mobile', 'id_card'],
    ],
    [
      '收货地址浙江省杭州市余杭区文一西路969号，手机13912345678，座机0571-87654321',
      '收货地址[地址]，手机[手机号]，座机[电话]',
      ['address', 'mobile', 'landline'],
    ],
    [
      `退款退到银行卡${CARD_16}，订单E2026111100123，有问题打400-123-4567`,
      '退款退到银行卡[银行卡号]，订单E2026111100123，有问题打400-123-4567',
      ['bank_card'],
      ['E2026111100123'],
    ],
    [
      '北京市朝阳区建国路88号13800138000',
      '[地址][手机号]',
      ['address', 'mobile'],
    ],
    [
      '收件人：陳小姐 電話：0912345678 地址：台中市西屯區台灣大道三段99號12樓 訂單號：202611110001',
      '收件人：陳小姐 電話：[手机号] 地址：[地址] 訂單號：202611110001',
      ['mobile', 'address'],
      ['202611110001'],
    ],
  ])('masks %s', (...c) => check(c));
});

describe('never masked', () => {
  it.each<string>([
    '这件衣服199元太贵了',
    '到手价¥88.5，打8.5折',
    '买了3件，少了1件',
    '2026-11-11下单的，11.11活动',
    '约的10:30送货',
    'XL码偏小，平时穿42码',
    'iPhone 15 Pro 256G',
    'RTX4060显卡花屏',
    '好评率99.5%',
    '等了15天了',
    '第12345678位客户？',
    '型号SM-G9980',
  ])('leaves %s', (line) => check([line, line, []]));
});

describe('fast path and edge cases', () => {
  it('returns plain lines untouched', () => {
    for (const line of ['你好', '在吗？', '昨晚太晚没接到配送电话', '東西收到了，謝謝', '😡😡😡', '']) {
      expect(maskPersonalData(line)).toEqual({ text: line, pii: [], orderIds: [] });
    }
  });

  it('keeps de-identified placeholders as they are', () => {
    const line = '[订单x] 送到[地址x]了吗 [数字x]号';
    expect(maskPersonalData(line)).toEqual({ text: line, pii: [], orderIds: [] });
  });

  it('does not backtrack catastrophically on hostile input', () => {
    const inputs = [
      '1'.repeat(10_000),
      '1-'.repeat(5_000),
      'a'.repeat(10_000) + '@',
      'a@' + 'b.'.repeat(5_000),
      '北京市'.repeat(3_000),
      '北京市朝阳区'.repeat(1_000) + '路88号',
      '订单'.repeat(3_000) + '1'.repeat(30),
      '卡'.repeat(2_000) + '6'.repeat(5_000),
    ];
    const started = performance.now();
    for (const input of inputs) maskPersonalData(input);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
