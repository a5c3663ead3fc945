import type { ComplaintIntent } from './types.ts';

/**
 * The injected recurring problems a department head should spot in a chart. Each has its own lines so the
 * wave reads like one cause seen by many buyers.
 */

/** Warehouse sends one shoe SKU one size off (sometimes the wrong colour) for ~3 weeks. */
export const WRONG_SIZE: ComplaintIntent = {
  id: 'theme.wrong_size', dept: 'warehouse', sub: 'wrong_item', weight: 1, stage: 'delivered', evidence: true,
  open: {
    base: [
      '鞋子发错码了 我拍的{size} 鞋盒上写{size} 里面的鞋是{size2}', '我买的{size}码 寄来{size2}码的 // 穿不了', '又是发错码 我看评论好多人都这样',
      '左脚{size} 右脚{size2} 你们仓库怎么发的', '鞋盒标签对的 鞋子码数不对', '这批鞋是不是都发错了 我同事买的也是发错码', '拍{color}{size}码 收到{color2}{size2}码 两个都错',
      '发错尺码了 我要{size}的', '码数发错了 {size2}的我穿不了', '你们是不是把{size}和{size2}的标签贴反了', '尺码不对 鞋舌上写的是{size2}',
      '买了两双 一双对的一双发错码', '评论区都在说发错码 你们自己不知道吗', '发错了 鞋子是{size2}码',
    ],
    tw: ['鞋子尺寸寄错了 我订{size}号 收到{size2}号', '鞋盒写{size} 鞋子是{size2}'],
    hk: ['寄错size 我要{size}'],
  },
  more: { base: ['[图片]', '[图片] 鞋盒和鞋子的码都拍了', '明天要穿去跑步的', '等了好几天 结果还是错的', '吊牌都没拆'] },
  solve: {
    base: [
      '非常抱歉亲亲 这批确实有部分发错码了 马上给您换 运费我们出', '亲 实在抱歉 仓库这批贴错标了 给您补发正确的{size}码 今天发出',
      '抱歉抱歉 已经登记了 给您换{size}码 错的那双寄回来就行 运费险我们出', '非常抱歉 这是仓库的问题 给您换货再补偿一张10元券',
    ],
    tw: ['非常抱歉 这批出货有误 会马上帮您换正确的尺寸'],
  },
  push: { base: ['你们这批是不是全错了', '换来的会不会还是错的', '我都第二次遇到了', '你们仓库不核对的吗', '评论区一堆人都这样 还不整改'] },
};

/** One courier stops door delivery in one city for ~4 weeks (驿站 / 丰巢, elderly buyers). */
export const NO_DOOR: ComplaintIntent = {
  id: 'theme.no_door', dept: 'logistics', sub: 'door_delivery', weight: 1, stage: 'delivered',
  open: {
    base: [
      '{courier}怎么又放驿站了 我没同意', '家里就两个老人 快递不送上门 他们怎么拿', '最近{courier}都不送上门了 全扔菜鸟驿站', '打电话给快递员 说我们小区不送上门了',
      '{p}那么重 老人拿不动啊', '丰巢超时还要收费 凭什么', '之前都送到家的 这个月开始都放驿站', '能不能换个快递 别发{courier}了 不送上门',
      '又被放丰巢了', '{courier}在{city}是不是不送货上门了', '快递员说只能放驿站 让我自己去拿', '我妈七十多了 让她去驿站扛快递？', '我们家是老人 不送货上门就不买了',
      '放驿站也不说一声 我找了半天', '驿站离我家一公里 东西那么重怎么拿', '不送上门还收什么运费',
    ],
  },
  more: { base: ['家里没电梯 住六楼', '我上班不在家 老人在家', '以前都是送到门口的', '打了好几次电话都这么说', '小区里好几家都这样'] },
  solve: {
    base: [
      '亲亲 非常抱歉 这边马上联系{courier}给您送上门', '抱歉亲 最近{city}那边{courier}网点在调整 已经给您投诉了', '亲 给您备注了送货上门 下次给您换顺丰发',
      '非常抱歉 已经跟{courier}的网点反馈 让快递员送上楼', '实在抱歉 这边先给您补偿5元 同时联系快递送上门',
    ],
  },
  push: { base: ['每次都说反馈 每次都放驿站', '那你们换个快递啊', '老人拿不动 你们说怎么办', '我们交了运费的'] },
};

/** A batch of one serum makes buyers' skin sting for ~2 weeks. */
export const ALLERGY: ComplaintIntent = {
  id: 'theme.allergy', dept: 'product', sub: 'effect', weight: 1, stage: 'delivered', evidence: true,
  open: {
    base: [
      '用了你们的精华 脸上起了一片红疹子', '这批精华是不是有问题 一抹就刺痛', '批号{batch}的 我用了两天就过敏了', '之前两瓶用着都没事 这瓶一抹就泛红发痒',
      '这瓶闻着跟上次那瓶不同 用完脸还发烫', '我和我妹都用这瓶 都过敏了', '回购的精华 这次一用就刺痛', '这瓶精华用了脸又红又痒',
      '精华涂上去火辣辣的 以前不这样', '是不是换配方了 用了过敏',
    ],
    tw: ['用了精华之后脸很红很刺', '这批精华用了会过敏'],
    hk: ['用咗精华块面红晒'],
  },
  more: { base: ['[图片]', '以前用了两瓶都没事', '批号是{batch}', '已经停用了 还是红', '去医院开了药'] },
  solve: {
    base: ['亲亲 先停用 用清水洗干净 严重的话一定要去医院哦 // 麻烦发一下批号', '非常抱歉 这边登记了您的批号 给您全额退款 医药费也可以报销',
      '抱歉亲 已经反馈给品控在查这个批次 先给您退款'],
    tw: ['请先停止使用 我们会全额退款'],
  },
  push: { base: ['是不是这批都有问题', '那你们还在卖？', '我脸都这样了 怎么赔'] },
};
