import type { ComplaintIntent } from './types.ts';

/**
 * 物流: slow in transit, tracking not updated, lost parcel, damage in transit, not delivered to the door,
 * courier attitude, delivery slots, signed for but not received.
 */
export const LOGISTICS: ComplaintIntent[] = [
  {
    id: 'logistics.slow_transit', dept: 'logistics', sub: 'slow_transit', weight: 14, stage: 'shipped', days: [4, 9],
    open: {
      base: [
        '快递怎么还没到', '都{days}了还没到', '物流太慢了', '{courier}怎么这么慢', '发货{days}了还在路上', '说好的三天到 现在{days}了', '一个快递走了一个星期',
        '怎么还没送到', '快递太慢了吧', '我的{p}怎么还没到 急用', '都好几天了 还在路上', '同城的快递走了{days}', '一直没到 你们发的什么快递',
        '快递慢死了', '怎么还在{city2}啊', '快递走了{days}还没到',
      ],
      tw: ['包裹怎么还没到', '已经{days}了还没到门市', '物流也太慢了吧', '到底什么时候会到'],
      hk: ['点解咁耐都未到', '等咗好多日都未收到'],
    },
    more: { base: ['急着用', '明天就要出差了', '送人的 生日都过了', '别人家买的都到了'] },
    solve: {
      base: ['亲亲 非常抱歉 这边帮您联系{courier}催一下', '抱歉亲 最近快递爆仓 会有点延迟 已经帮您催件了', '亲 已经到{city}了 预计明天派送哦',
        '非常抱歉 这边给{courier}提交了催件工单 24小时内会有回复', '实在抱歉 物流这边确实慢了 {agent}一直帮您盯着'],
      tw: ['非常抱歉 已经帮您向物流查询 预计明天到店', '不好意思 最近物流量比较大 已帮您催促'],
      hk: ['唔好意思 已经帮您催件'],
    },
    push: { base: ['催了有什么用', '昨天就说今天到', '你们换个快递吧 这个太慢了', '再不到我就拒收了', '明天到不了我就不要了'] },
  },
  {
    id: 'logistics.tracking', dept: 'logistics', sub: 'tracking', weight: 8, stage: 'shipped', days: [3, 7],
    open: {
      base: [
        '物流信息{days}没更新了', '物流不动了', '单号查不到', '物流一直显示揽收', '卡在{city2}好几天了 是不是丢了', '物流停在{city2}不动了',
        '怎么物流一直不更新', '快递信息三天没变了', '单号{tracking}查不到任何信息', '物流信息一直是已发货 没有动过',
      ],
      tw: ['物流资讯都没有更新', '查不到物流状态'],
      hk: ['查唔到物流'],
    },
    solve: {
      base: ['亲亲 中转的时候可能不更新 这边帮您查一下', '抱歉亲 已经联系快递了 可能是中转站积压', '亲 帮您提交了查件 有结果第一时间通知您'],
      tw: ['已经帮您向物流公司查询了'],
    },
    push: { base: ['不更新是不是丢了', '到底在哪', '那要等到什么时候'] },
  },
  {
    id: 'logistics.lost', dept: 'logistics', sub: 'lost', weight: 3, stage: 'shipped', days: [6, 14],
    open: {
      base: ['快递是不是丢了', '物流显示退回了？我没拒收啊', '快递丢了 你们怎么处理', '查不到了 包裹找不到了', '快递员说找不到我的包裹', '{courier}说件丢了'],
      tw: ['包裹是不是不见了', '物流说包裹遗失了'],
    },
    solve: { base: ['非常抱歉亲 已经跟快递核实了 确实丢件了 马上给您补发', '亲亲 给您申请丢件理赔 同时先给您补发一单'], tw: ['非常抱歉 会马上帮您重新寄一份'] },
    push: { base: ['补发又要等几天', '我急用的 能发顺丰吗'] },
  },
  {
    id: 'logistics.transit_damage', dept: 'logistics', sub: 'transit_damage', weight: 6, stage: 'delivered', evidence: true,
    open: {
      base: [
        '^logistics+warehouse 箱子破了 {p}都压坏了', '收到的时候外箱都烂了 里面{p}摔坏了', '快递压扁了', '快递给我摔坏了', '外包装破损 东西也坏了',
        '收到就是烂的 快递员扔的吧', '^logistics+warehouse 箱子都被压塌了',
      ],
      byKind: {
        appliance: ['外壳裂了 一看就是摔的', '玻璃盖碎了'],
        skincare: ['瓶子碎了 箱子里都是精华', '瓶子压碎了'],
        makeup: ['口红盒压扁了'],
        mattress: ['床垫包装破了 边上全是黑印子'],
      },
      tw: ['包裹送来时箱子破了 商品也坏了', '外箱都被压扁了'],
      hk: ['个箱烂晒 嘢都坏咗'],
    },
    solve: { base: ['非常抱歉 运输途中压坏了 给您补发一个新的', '亲亲 麻烦拍一下外箱和商品的照片 这边找快递理赔 先给您补发', '抱歉亲 给您换新'],
      tw: ['非常抱歉 会帮您重新寄一个新的'] },
    push: { base: ['补发的能包好一点吗', '这快递也太暴力了'] },
  },
  {
    id: 'logistics.door_delivery', dept: 'logistics', sub: 'door_delivery', weight: 7, stage: 'delivered',
    open: {
      base: [
        '不送货上门吗', '我们家是老人 不送货上门就不买了', '又给我放驿站了', '直接扔丰巢了 也不打电话', '快递员不送上楼 让我下去拿', '放代收点还要收费',
        '没经过我同意就放快递柜', '快递不送上门 打电话让我自己去拿', '下雨天让我去驿站拿快递？',
      ],
      byKind: { mattress: ['床垫那么重 让我自己去驿站搬？', '床垫不给送上楼 我一个女生怎么搬'], appliance: ['那么重的东西放驿站 怎么拿'] },
      tw: ['为什么没有送到家', '宅配怎么没有送上楼'],
      hk: ['点解唔送上门'],
    },
    solve: {
      base: ['亲亲 非常抱歉 这边联系快递给您送上门', '抱歉亲 已经给{courier}反馈了 让快递员给您送上去', '亲 我们发货的时候都备注送货上门的 这边跟快递投诉一下'],
      tw: ['非常抱歉 已经联系物流重新配送'],
    },
    push: { base: ['每次都这样', '我们交了运费的', '你们能不能换个快递'] },
  },
  {
    id: 'logistics.courier_attitude', dept: 'logistics', sub: 'courier_attitude', weight: 2.5, stage: 'delivered',
    open: {
      base: ['快递员态度太差了', '送货的小哥骂人', '打电话给快递员 他说爱要不要', '快递员把东西扔门口就走了 还凶我', '快递员说我再投诉就不给我送了', '配送员态度恶劣'],
      tw: ['送货的司机态度很差'],
    },
    solve: { base: ['非常抱歉亲 这边马上向{courier}投诉这个快递员', '抱歉让您受委屈了 已经给快递公司反馈'], tw: ['非常抱歉 会向物流公司反映'] },
  },
  {
    id: 'logistics.delivery_slot', dept: 'logistics', sub: 'delivery_slot', weight: 2.5, stage: 'shipped',
    open: {
      base: ['说好的上午送 到现在也没来', '配送也不打电话 直接说我不在家', '预约了周六送货 结果周五送来家里没人', '快递员没联系我就说派送失败', '在家等了一天都没送'],
      tw: ['约好的时间都没有来送'],
    },
    solve: { base: ['非常抱歉 已经联系快递重新预约派送时间', '抱歉亲 这边给快递员备注了 送之前一定打电话'], tw: ['已经帮您重新约配送时间'] },
  },
  {
    id: 'logistics.signed_not_received', dept: 'logistics', sub: 'signed_not_received', weight: 4, stage: 'delivered',
    open: {
      base: ['显示已签收 我根本没收到', '谁签收的？我一直在家', '物流显示签收了 东西没见着', '快递被别人签收了', '我人都没见着货 怎么显示签收了', '签收了 但是我没拿到'],
      tw: ['显示已取货 可是我没有去拿', '物流显示送达 但我没收到'],
      hk: ['显示签收咗 但我冇收到'],
    },
    solve: { base: ['亲亲 可能放在驿站或者门卫了 您先找一下 // 这边同时联系快递核实', '非常抱歉 这边马上找{courier}核实签收人', '抱歉亲 已经提交快递核实 核实后没找到的话给您补发'],
      tw: ['已经帮您向物流确认'] },
    push: { base: ['门卫也没有', '驿站我问了 没有', '那到底谁签的'] },
  },
];
