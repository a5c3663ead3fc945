import type { Localized } from './types.ts';

/** Buyer openers before the real message (not complaints). */
export const GREET: Localized = {
  base: [
    '在吗', '在吗？', '在不在', '你好', '您好', '亲', '亲 在吗', '在？', '有人吗', '客服在吗', '你好 在吗', '哈喽',
    '老板在吗', '在么', 'hello', '你好，请问一下', '麻烦问一下', '亲在吗', '人工', '转人工',
  ],
  tw: ['您好', '请问有人在吗', '哈啰', '你好 想请问一下', '不好意思 想问一下', '请问', '您好 请问在吗'],
  hk: ['你好', 'hello', '想问下', '你好 想问一下', 'hi 请问有人吗'],
};

/** Agent greeting replies. */
export const AGENT_GREET: Localized = {
  base: [
    '亲亲 在的哦 请问有什么可以帮您的呢', '您好 在的呢', '在的亲 有什么可以帮到您~', '您好，欢迎光临{shop}，请问有什么可以帮您',
    '在的在的 亲亲请说', '您好 {agent}为您服务 请问有什么可以帮您的吗', '亲 在的哈 您说', '在的呢亲 请问有什么问题吗',
    '您好，我是客服{agent}，很高兴为您服务~', '亲亲您好呀 请问有什么需要帮助的呢',
  ],
  tw: ['您好 {agent}很高兴为您服务', '您好～请问有什么可以帮您的吗', '哈啰您好 这里是{shop} 请问需要什么协助呢', '您好 我是客服{agent} 请说喔'],
  hk: ['您好 请问有什么可以帮到您', '您好 在的 请问有咩可以帮您', '亲 您好 请说'],
};

/** Automatic first reply some shops send (agent role). */
export const AUTO_REPLY: Localized = {
  base: [
    '【自动回复】您好，欢迎光临{shop}~ 当前咨询人数较多，客服会尽快回复您，请稍候哦',
    '亲，您好，欢迎光临{shop}！下午4点前付款当天发货哦，有任何问题请留言，客服看到第一时间回复~',
    '【自动回复】亲爱的，{agent}马上就来~ 您可以先把订单号发过来哦',
    '欢迎光临{shop}～ 温馨提示：活动期间订单较多，发货时间为付款后48小时内，请耐心等待哦',
  ],
  tw: ['【自动回复】您好 欢迎光临{shop} 目前咨询人数较多 客服会尽快回复您 请稍候', '您好～感谢您的讯息 客服上线后会马上回复喔'],
};

export const ASK_ORDER: Localized = {
  base: [
    '亲亲 麻烦提供一下订单号哦', '您好 请问是哪个订单呢', '麻烦发一下订单号 这边帮您查', '亲 订单号发我一下哈',
    '好的亲 麻烦您提供下订单编号呢', '您好 辛苦发一下订单号或者下单手机号哦', '亲 在聊天框点+号 把订单发给我就行',
  ],
  tw: ['麻烦提供一下订单编号喔', '不好意思 可以给我订单编号吗 帮您查询'],
  hk: ['麻烦提供下订单号', '请问订单号是多少呢'],
};

/** Agent proposes the order it sees for this buyer. */
export const ASK_CONFIRM: Localized = {
  base: ['亲亲 请问是这个订单吗 {order}', '{order} 是这个订单吗', '您好 是咨询这个订单吗 [订单] {order}', '请问是{pname}这个订单吗'],
  tw: ['请问是这笔订单吗 {order}', '是这张订单吗 {order}'],
  hk: ['请问是这张单吗 {order}'],
};

/** Buyer confirms (belongs to the demand it serves). */
export const CONFIRM: Localized = {
  base: ['是的', '对', '嗯', '对 就是这个', '是', '嗯嗯 是的', '对的', '就这个'],
  tw: ['对', '是的没错', '嗯 是这笔'],
  hk: ['系呀', '系', '啱'],
};

/** Buyer hands over the order number (belongs to the demand it serves). */
export const GIVE_ORDER: Localized = {
  base: [
    '{order}', '订单号{order}', '订单号：{order}', '这个 {order}', '{order} 这个', '[订单] 订单号：{order}',
    '{order}\n下单时间：{orderDate}', '我找一下 // {order}', '手机号{phone}', '{order} 你看下', '订单编号:{order}',
  ],
  tw: ['{order}', '订单编号 {order}', '{order} 麻烦了'],
  hk: ['{order}', '订单号 {order}'],
};

export const AGENT_WAIT: Localized = {
  base: [
    '稍等 这边帮您查一下', '好的亲 稍等哦', '亲亲稍等 正在为您查询~', '收到 马上帮您看', '好的 我看一下哈',
    '请稍等，正在为您核实', '亲亲不要离开哦 帮您查一下', '好的 您稍等一下下',
  ],
  tw: ['好的 这边帮您查询一下喔', '请稍等一下 马上帮您确认', '收到 帮您看一下'],
  hk: ['好的 帮您查一查', '请稍等'],
};

export const AGENT_SORRY: Localized = {
  base: [
    '非常抱歉给您带来不好的体验', '实在抱歉亲', '真的很抱歉让您久等了', '亲亲 非常抱歉', '抱歉抱歉 给您添麻烦了',
    '理解您的心情 非常抱歉',
  ],
  tw: ['非常抱歉造成您的困扰', '真的很不好意思', '不好意思 让您等这么久'],
};

export const AGENT_ANYTHING_ELSE: Localized = {
  base: [
    '请问还有其他可以帮您的吗', '亲亲还有其他问题吗', '还有什么需要帮您的吗~', '请问还有别的需要{agent}帮忙的吗?',
    '亲 还有别的问题吗', '您看还有什么其他疑问吗',
  ],
  tw: ['请问还有其他需要协助的地方吗', '还有其他问题吗'],
  hk: ['请问还有其他问题吗'],
};

export const AGENT_BYE: Localized = {
  base: [
    '好的 祝您生活愉快 有问题随时找我们哦', '感谢您的支持 祝您购物愉快~', '不客气哒 记得给个好评哦 么么哒', '好的亲 再见啦~',
    '感谢您的耐心 祝您生活愉快，再见!', '好的呢 有问题随时联系{agent}哦', '亲爱哒 还辛苦您点击评价给{agent}打个分哦 谢谢您~',
    '不客气哦 祝您天天开心', '收到 那不打扰您啦 再见~',
  ],
  tw: ['感谢您的耐心 祝您有美好的一天', '不客气 有任何问题随时跟我们说喔', '谢谢您 祝您购物愉快'],
  hk: ['多谢您 祝您生活愉快', '不客气 有问题随时搵我们'],
};

/** Buyer: plain acknowledgements (not complaints). */
export const ACK: Localized = {
  base: [
    '好的', '好', '嗯', '嗯嗯', '好吧', '行吧', 'ok', '好的谢谢', '那好吧', '知道了', '哦哦', '👌', '好滴', '行', '可以',
    '恩', '好的 麻烦了', '嗯 好', '哦', '好的亲', '收到', '明白了', '好的 谢谢啦', '好吧 我等你们消息',
  ],
  tw: ['好的 谢谢', '好喔', '了解', '好 感谢', 'OK 谢谢', '好的 麻烦了', '喔喔 好'],
  hk: ['好 唔该', 'ok 唔该晒', '明白', '好呀', 'ok'],
};

/** Buyer: no more questions (not complaints). */
export const DONE: Localized = {
  base: ['没了', '没有了 谢谢', '没有了', '没事了', '没了 谢谢亲', '暂时没有', '没有啦', '没了 拜拜', '没有了谢谢', '就这些'],
  tw: ['没有了 谢谢', '没问题了 感谢', '暂时没有 谢谢您', '这样就好 谢谢'],
  hk: ['冇喇 唔该', '没有了 thx', '冇了'],
};

export const THANKS: Localized = {
  base: ['谢谢', '谢谢亲', '辛苦了', '谢谢啊', '好的谢谢', '谢啦', '感谢', '麻烦你了', '谢谢 辛苦了'],
  tw: ['谢谢', '感谢您', '辛苦了 谢谢', '谢谢你喔'],
  hk: ['唔该', '唔该晒', 'thx', '多谢'],
};

export const AGENT_WELCOME: Localized = {
  base: ['不客气哦亲', '应该的呢', '不客气 这是我们应该做的', '亲亲客气啦', '为您服务是{agent}的荣幸哦'],
  tw: ['不会 这是我们应该做的', '不客气喔'],
  hk: ['不客气'],
};

/** Buyer follow-ups inside a complaint: they carry the conversation's complaint label. */
export const PUSH: Localized = {
  base: [
    '到底怎么回事', '怎么回事啊', '还要等多久', '能不能给个准话', '你们怎么搞的', '那怎么办', '我很急', '什么时候能处理好',
    '这样不行啊', '无语了', '服了', '太失望了', '每次都这样', '能快点吗', '你们到底能不能解决', '我要的是解决办法',
    '上次就说处理 到现在也没动静', '给个说法吧', '我不想听这些', '那你说怎么办吧', '真的很耽误事', '这都几天了',
  ],
  tw: ['到底怎么回事', '还要等多久', '这样真的很扯', '可以给我一个明确的时间吗', '真的很失望', '傻眼', '请尽快处理好吗'],
  hk: ['点解会咁', '仲要等几耐', '好失望', '快啲处理啦', '搞咩呀'],
};

/** Buyer accepts the remedy but keeps urging (a follow-up of the demand: complaint label). */
export const HURRY: Localized = {
  base: ['那尽快吧', '好吧 尽快处理', '行 那你们快点', '好 麻烦快点', '那你们抓紧', '尽快给我个答复', '行吧 处理好了告诉我'],
  tw: ['好 请尽快', '好吧 麻烦尽快处理'],
  hk: ['好啦 快啲'],
};

/** Lead-in when a buyer raises an older problem after another question, naming the item (label of that problem). */
export const BY_THE_WAY: Localized = {
  base: ['对了 上次买的{p}', '还有个事 之前买的{p}', '另外 我上个月买的那个{p}', '对了 之前那个{p}'],
  tw: ['对了 之前买的{p}', '另外想反映一下之前买的{p}'],
  hk: ['仲有 之前买嘅{p}'],
};

/** A content-free lead-in (not a complaint by itself). */
export const ONE_MORE: Localized = {
  base: ['对了还有', '还有一个问题', '还有个事', '对了'],
  tw: ['对了 还有一件事', '另外想问一下'],
  hk: ['仲有一样嘢'],
};

/** Bad-review and complaint threats (complaint label of the conversation). */
export const THREAT: Localized = {
  base: [
    '再不处理我就给差评了', '不处理好我就差评', '我要投诉', '我去平台投诉了', '12315见', '差评预定', '以后不会再买了',
    '给你们差评 让别人都看看', '我已经截图了 不给解决就找平台', '再这样我就申请平台介入', '你们这样还想要好评？',
    '这个店我是不会再来了',
  ],
  tw: ['再不处理我就给负评了', '我要给一星负评', '我会去消保官申诉', '以后不会再买了'],
  hk: ['再唔处理我就俾差评', '我会投诉㗎', '以后唔会再买'],
};

/** Return / exchange / refund requests caused by the problem (complaint label). */
export const RETURN_REQ: Localized = {
  base: [
    '给我退货', '我要退款', '不要了 退了吧', '给我换一个新的', '能换货吗', '退货运费你们出', '直接退款吧 不想折腾了',
    '给我换个好的 不然就退', '我要求退货退款', '要么换要么退', '能不能直接补发一个',
  ],
  tw: ['我要退货退款', '可以直接换一个新的吗', '麻烦直接帮我退款', '运费你们要负责吧'],
  hk: ['我要退货', '可唔可以换过个新嘅', '直接退钱啦'],
};

export const ANGRY_EXIT: Localized = {
  base: ['算了', '呵呵', '无语', '行 我自己去平台投诉', '不想说了', '算了算了', '懒得说了', '呵呵 随便吧', '等着差评吧'],
  tw: ['算了', '傻眼 不想说了', '随便啦'],
  hk: ['算啦', '无语', '冇嘢讲'],
};

/** Buyer comes back hours later in the same chat (complaint label). */
export const COMEBACK: Localized = {
  base: ['还没好吗', '怎么还没消息', '今天还是没动静', '还在吗 刚才说的事呢', '所以到底怎么样了', '都过了半天了', '怎么样了'],
  tw: ['请问处理得怎么样了', '还是没有消息耶', '所以现在怎么样了'],
  hk: ['点样呀', '仲未有消息'],
};

/** Agent calming after a threat or pushback. */
export const AGENT_CALM: Localized = {
  base: [
    '亲亲别着急 这边一定给您处理好', '非常理解您的心情 这边马上给您加急处理', '亲 已经给您升级处理了 主管会在24小时内联系您',
    '实在抱歉 给您添麻烦了 这边已经登记 一定跟进到底', '亲亲 您先消消气 我们肯定负责到底的', '抱歉亲 已经给您备注优先处理了',
    '亲 真的非常抱歉 这边给您申请一个10元无门槛券作为补偿 您看可以吗', '您的问题我已经记下来了 会反馈给相关部门 今天之内给您回复',
  ],
  tw: ['非常抱歉 我们一定会负责处理到好', '了解您的心情 已经帮您加急处理了', '不好意思 已经帮您反映给主管 会尽快回覆您'],
  hk: ['明白您嘅心情 我们会尽快处理', '非常抱歉 已经帮您加急'],
};

/** Agent answers to a return / exchange request. */
export const AGENT_RETURN: Localized = {
  base: [
    '好的亲 这边给您申请退货 退货地址稍后发您', '可以的亲 您在订单里申请售后 选择退货退款 这边秒同意',
    '亲 给您换新 您看可以吗 寄回运费我们承担', '可以的 您直接申请 理由选商品质量问题 运费这边给您报销',
    '好的 已经给您申请了 快递员会上门取件 取件不收您费用的', '亲亲 可以退的 退回地址：{warehouseCity}市退货组 电话400-xxx 记得写上订单号哦',
  ],
  tw: ['好的 这边帮您申请退货 会安排物流到府收件', '可以的 请在订单页面申请退货 我们会尽快处理', '没问题 帮您换一个新的 运费由我们负担'],
  hk: ['好的 帮您申请退货', '可以 帮您换过一个'],
};

/** Agent: asks for a photo or video as evidence. */
export const AGENT_EVIDENCE: Localized = {
  base: [
    '亲亲 麻烦拍个照片发一下哦 这边给您登记', '辛苦亲拍一下问题部位的照片或者视频哦', '亲 方便拍个照吗 吊牌和外包装也拍一下',
    '麻烦提供一下开箱视频或者照片 这边好给您申请',
  ],
  tw: ['麻烦拍张照片给我们喔 方便帮您处理', '可以请您提供照片或影片吗'],
  hk: ['麻烦影张相俾我哋', '可唔可以影相睇下'],
};

/** Buyer sends the evidence (same label as the demand). */
export const SEND_PHOTO: Localized = {
  base: ['[图片]', '[图片] [图片]', '[视频]', '[图片] 你自己看', '拍了 [图片]', '[图片] 这样', '[图片]\n[图片]\n[图片]'],
  tw: ['[图片]', '[图片] 这样', '[影片]'],
  hk: ['[图片]', '[图片] 你睇'],
};

/** Buyer: annoyed at a slow reply (service / slow_reply, own label). */
export const SLOW_REPLY_NUDGE: string[] = [
  '人呢？？半天不回', '客服还在吗 等了十多分钟了', '怎么不回了', '在吗？？ 回个话啊', '回复也太慢了吧', '有人吗 一直没人回',
];
export const SLOW_REPLY_NUDGE_TW: string[] = ['请问还在吗 等很久了', '怎么都没有回复'];

/** Agent apologises for the slow reply. */
export const AGENT_LATE: string[] = [
  '抱歉亲 刚刚咨询的人太多了 让您久等了', '不好意思亲 回复慢了', '亲亲抱歉 刚才在帮其他顾客处理 现在给您看',
];

/** Short system lines (role 'system'). */
export const SYSTEM_LINES: Record<string, string[]> = {
  paid: ['系统提示：买家已付款，等待卖家发货', '订单状态：已付款（待发货）'],
  shipped: ['系统提示：卖家已发货，物流公司：{courier}', '订单状态：已发货 运单号 {tracking}'],
  delivered: ['系统提示：包裹已签收', '订单状态：交易成功'],
  after: ['系统提示：买家发起了退款申请', '系统提示：售后单已创建，等待商家处理'],
  browse: ['系统提示：买家正在浏览 {pname}'],
};
