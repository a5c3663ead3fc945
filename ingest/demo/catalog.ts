/**
 * The four demo shops, their products (SKUs), channels, couriers, and the places and people buyers type into
 * chat. Everything here is invented for the demo.
 */
export type ShopId = 'shop-home' | 'shop-wear' | 'shop-appliance' | 'shop-beauty';
export type Kind =
  | 'mattress'
  | 'pillow'
  | 'bedding'
  | 'top'
  | 'pants'
  | 'coat'
  | 'shoes'
  | 'appliance'
  | 'skincare'
  | 'makeup';
export type Script = 'simplified' | 'tw' | 'hk';

export interface Product {
  sku: string;
  shop: ShopId;
  kind: Kind;
  /** Listing title. */
  name: string;
  /** What buyers call it in chat. */
  short: string[];
  sizes?: string[];
  colors?: string[];
  /** Unit for sizes when buyers say "40码". */
  sizeUnit?: '码';
  price: number;
  heavy?: boolean;
  season?: 'summer' | 'winter';
  /** Popularity inside its shop. */
  weight: number;
  parts?: string[];
  defects?: string[];
  claims?: string[];
  gift?: string;
  /** Sold or shipped as a pair / set, so "only got one" is natural. */
  multi?: boolean;
}

export interface Shop {
  id: ShopId;
  name: string;
  weight: number;
  /** Share of this shop's conversations from Taiwan / Hong Kong buyers. */
  tradShare: number;
  channels: readonly (readonly [string, number])[];
  couriers: readonly (readonly [string, number])[];
  agents: string[];
  warehouseCity: string;
  products: Product[];
}

export const COURIERS: Record<string, string> = {
  sf: '顺丰',
  zto: '中通',
  yto: '圆通',
  yunda: '韵达',
  sto: '申通',
  jt: '极兔',
  jd: '京东快递',
  ems: '邮政',
  deppon: '德邦',
  // Taiwan
  tcat: '黑猫宅急便',
  hct: '新竹物流',
  seven: '7-11超商取货',
  family: '全家超商取货',
  shopee: '虾皮店到店',
  // Hong Kong
  sfhk: '顺丰',
  consol: '集运',
};

export const TW_COURIERS: readonly (readonly [string, number])[] = [
  ['seven', 4],
  ['family', 3],
  ['shopee', 2],
  ['tcat', 2],
  ['hct', 1],
];
export const HK_COURIERS: readonly (readonly [string, number])[] = [
  ['sfhk', 3],
  ['consol', 2],
];

const S_M_XXL = ['S', 'M', 'L', 'XL', 'XXL'];

export const SHOPS: Shop[] = [
  {
    id: 'shop-home',
    name: '棉眠家纺旗舰店',
    weight: 27,
    tradShare: 0.12,
    channels: [['taobao', 45], ['jd', 28], ['pdd', 17], ['douyin', 10]],
    couriers: [['zto', 34], ['yunda', 24], ['sf', 14], ['deppon', 10], ['yto', 10], ['jt', 8]],
    agents: ['小棉', '阿眠', '暖暖'],
    warehouseCity: '南通',
    products: [
      {
        sku: 'HT-1001', shop: 'shop-home', kind: 'mattress', name: '天然乳胶独立弹簧床垫 护脊款',
        short: ['床垫', '乳胶床垫', '这个床垫'], sizes: ['1.5米', '1.8米', '1.2米'], price: 1599, heavy: true, weight: 3,
        claims: ['七区独立弹簧 护脊', '93%天然乳胶', '睡醒不腰疼', '翻身不晃 静音'],
        defects: ['弹簧吱吱响', '中间塌下去一块', '表面鼓了个包', '侧边拉链崩开了'], parts: ['防尘罩', '说明书'], gift: '乳胶枕',
      },
      {
        sku: 'HT-1002', shop: 'shop-home', kind: 'pillow', name: '慢回弹记忆棉枕头 护颈枕 一对装',
        short: ['枕头', '记忆棉枕头', '这个枕头', '护颈枕'], sizes: ['标准款', '护颈款', '加高款'], price: 129, weight: 4,
        claims: ['慢回弹 护颈椎', '助眠 一觉到天亮', '不塌陷'], defects: ['拉链坏了', '枕芯塌了一块', '枕套开线'],
        parts: ['枕套'], gift: '眼罩', multi: true,
      },
      {
        sku: 'HT-1003', shop: 'shop-home', kind: 'bedding', name: '全棉磨毛四件套 新疆长绒棉',
        short: ['四件套', '床单被套', '这套四件套'], sizes: ['1.5米床', '1.8米床', '1.2米床'],
        colors: ['灰色', '浅蓝', '米白', '豆沙粉', '墨绿'], price: 299, weight: 4,
        claims: ['100%新疆长绒棉', '越洗越软 不起球', '不掉色'], defects: ['被套拉链拉不上', '床单边缘开线'],
        parts: ['枕套', '床单'], gift: '洗衣袋', multi: true,
      },
      {
        sku: 'HT-1004', shop: 'shop-home', kind: 'bedding', name: '100%桑蚕丝被 冬被',
        short: ['蚕丝被', '被子', '这床被子'], sizes: ['200×230', '220×240', '150×200'], price: 699, season: 'winter', weight: 3,
        claims: ['100%桑蚕丝', '轻薄保暖', '不钻绒不板结'], defects: ['被芯结块', '四角的扣子掉了'], gift: '被套',
      },
      {
        sku: 'HT-1005', shop: 'shop-home', kind: 'bedding', name: '冰丝凉席三件套 可机洗',
        short: ['凉席', '冰丝凉席', '席子'], sizes: ['1.5米', '1.8米'], colors: ['浅灰', '天蓝', '米黄'], price: 159,
        season: 'summer', weight: 3, claims: ['冰凉不粘身', '可机洗', '不起球'], defects: ['边缘包边开了'], multi: true,
      },
      {
        sku: 'HT-1006', shop: 'shop-home', kind: 'pillow', name: '泰国天然乳胶枕',
        short: ['乳胶枕', '枕头'], sizes: ['波浪款', '面包款'], price: 169, weight: 2,
        claims: ['泰国天然乳胶', '透气不闷热'], defects: ['表面掉渣', '裂了一道口子'], parts: ['内套', '外套'], multi: true,
      },
    ],
  },
  {
    id: 'shop-wear',
    name: '拾步服饰',
    weight: 30,
    tradShare: 0.24,
    channels: [['taobao', 40], ['douyin', 30], ['pdd', 20], ['wechat', 10]],
    couriers: [['zto', 30], ['yto', 28], ['jt', 22], ['yunda', 20]],
    agents: ['小拾', '步步', '糖糖'],
    warehouseCity: '泉州',
    products: [
      {
        sku: 'AP-2201', shop: 'shop-wear', kind: 'top', name: '加绒加厚连帽卫衣 男女同款',
        short: ['卫衣', '这件卫衣', '衣服'], sizes: S_M_XXL, colors: ['黑色', '灰色', '杏色', '藏青'], price: 139,
        season: 'winter', weight: 4, claims: ['加厚加绒 零下也不冷', '不起球 不掉色'], defects: ['帽绳抽不动', '袖口开线'],
      },
      {
        sku: 'AP-2202', shop: 'shop-wear', kind: 'pants', name: '高腰直筒牛仔裤 显瘦',
        short: ['牛仔裤', '裤子', '这条裤子'], sizes: ['26', '27', '28', '29', '30', '31', '32'],
        colors: ['浅蓝', '深蓝', '黑色'], price: 159, weight: 4, claims: ['高弹不紧绷', '显瘦显腿长', '不掉色'],
        defects: ['拉链头掉了', '扣子松了'],
      },
      {
        sku: 'AP-2203', shop: 'shop-wear', kind: 'shoes', name: '轻便透气跑步鞋 缓震运动鞋',
        short: ['鞋子', '跑鞋', '这双鞋', '运动鞋'], sizes: ['36', '37', '38', '39', '40', '41', '42', '43', '44'],
        sizeUnit: '码', colors: ['白色', '黑色', '灰粉'], price: 239, weight: 5,
        claims: ['轻便透气', '缓震 久走不累', '防滑耐磨'], defects: ['鞋底开胶', '鞋带孔断了', '走路吱吱响'],
        parts: ['备用鞋带', '鞋垫'], multi: true,
      },
      {
        sku: 'AP-2204', shop: 'shop-wear', kind: 'coat', name: '短款90白鸭绒羽绒服',
        short: ['羽绒服', '外套', '这件羽绒服'], sizes: S_M_XXL, colors: ['黑色', '奶白', '燕麦色'], price: 499,
        season: 'winter', weight: 4, claims: ['90%白鸭绒', '防钻绒', '零下二十度都不冷'], defects: ['一直钻毛', '拉链卡住拉不动'],
      },
      {
        sku: 'AP-2205', shop: 'shop-wear', kind: 'top', name: '纯棉宽松短袖T恤',
        short: ['T恤', '短袖', '这件T恤'], sizes: S_M_XXL, colors: ['白色', '黑色', '浅灰', '雾蓝'], price: 59,
        season: 'summer', weight: 4, claims: ['纯棉不透', '洗了不变形'], defects: ['领口洗一次就松了'], multi: true,
      },
      {
        sku: 'AP-2206', shop: 'shop-wear', kind: 'top', name: '法式碎花连衣裙',
        short: ['裙子', '连衣裙', '这条裙子'], sizes: ['S', 'M', 'L'], colors: ['蓝色碎花', '黄色碎花'], price: 189,
        season: 'summer', weight: 3, claims: ['垂感好 不皱', '有内衬不透'], defects: ['后面拉链坏了'],
      },
    ],
  },
  {
    id: 'shop-appliance',
    name: '暖厨小家电旗舰店',
    weight: 20,
    tradShare: 0.05,
    channels: [['jd', 48], ['taobao', 32], ['pdd', 20]],
    couriers: [['jd', 30], ['sf', 30], ['zto', 25], ['yunda', 15]],
    agents: ['小暖', '阿厨', '豆豆'],
    warehouseCity: '佛山',
    products: [
      {
        sku: 'EA-3301', shop: 'shop-appliance', kind: 'appliance', name: '可视空气炸锅 6L大容量',
        short: ['空气炸锅', '炸锅', '锅'], sizes: ['4.5L', '6L'], colors: ['白色', '黑色'], price: 299, weight: 5,
        claims: ['无油也能炸 健康', '可视窗口 不用翻面', '静音'], defects: ['加热不了', '显示屏不亮', '一开就跳闸', '有股焦糊味'],
        parts: ['烤架', '说明书', '硅胶垫'], gift: '硅胶垫',
      },
      {
        sku: 'EA-3302', shop: 'shop-appliance', kind: 'appliance', name: '304不锈钢电热水壶 1.7L',
        short: ['水壶', '烧水壶', '热水壶'], sizes: ['1.5L', '1.7L'], colors: ['白色', '灰色'], price: 129, weight: 3,
        claims: ['304不锈钢', '五分钟速热', '防干烧'], defects: ['漏水', '烧开了不会自动断电', '底座插头松'],
      },
      {
        sku: 'EA-3303', shop: 'shop-appliance', kind: 'appliance', name: '静音大雾量加湿器',
        short: ['加湿器'], colors: ['白色', '粉色'], price: 159, season: 'winter', weight: 3,
        claims: ['静音 睡觉都听不见', '大雾量'], defects: ['不出雾', '水箱漏水', '噪音特别大'], parts: ['香薰盒', '滤芯'],
      },
      {
        sku: 'EA-3304', shop: 'shop-appliance', kind: 'appliance', name: '低音破壁机 加热豆浆机',
        short: ['破壁机', '豆浆机'], price: 599, heavy: true, weight: 3,
        claims: ['低音破壁', '一键免洗'], defects: ['刀片不转', '声音大得吓人', '打一半就停了', '杯底漏水'],
        parts: ['搅拌棒', '滤网', '量杯'],
      },
      {
        sku: 'EA-3305', shop: 'shop-appliance', kind: 'appliance', name: '声波电动牙刷',
        short: ['牙刷', '电动牙刷'], colors: ['白色', '粉色', '黑色'], price: 199, weight: 4,
        claims: ['续航60天', '五档模式'], defects: ['充不进电', '震动很弱', '用一会就没电了'], parts: ['刷头', '充电底座'],
        gift: '替换刷头',
      },
      {
        sku: 'EA-3306', shop: 'shop-appliance', kind: 'appliance', name: '高速负离子吹风机',
        short: ['吹风机', '吹风筒'], colors: ['白色', '灰色'], price: 269, weight: 3,
        claims: ['负离子护发', '三分钟速干'], defects: ['吹一会就自动断电', '有烧焦味', '热风变冷风'], parts: ['风嘴', '扩散器'],
      },
      {
        sku: 'EA-3307', shop: 'shop-appliance', kind: 'appliance', name: '家用暖风机 取暖器',
        short: ['暖风机', '取暖器'], price: 229, season: 'winter', weight: 3,
        claims: ['三秒速热', '倾倒自动断电'], defects: ['不发热', '倒了不会断电', '开一会就有塑料味'],
      },
    ],
  },
  {
    id: 'shop-beauty',
    name: '青研美妆',
    weight: 23,
    tradShare: 0.26,
    channels: [['taobao', 34], ['douyin', 36], ['wechat', 14], ['jd', 16]],
    couriers: [['sf', 20], ['zto', 30], ['yto', 30], ['sto', 20]],
    agents: ['小青', '研研', '七七'],
    warehouseCity: '广州',
    products: [
      {
        sku: 'CS-5501', shop: 'shop-beauty', kind: 'skincare', name: '玻尿酸补水精华液',
        short: ['精华', '玻尿酸精华', '这瓶精华'], sizes: ['30ml', '50ml'], price: 189, weight: 5,
        claims: ['七天补水 嫩到发光', '敏感肌可用 零刺激'], defects: ['泵头按不出来', '瓶子漏了'], gift: '面膜小样',
      },
      {
        sku: 'CS-5502', shop: 'shop-beauty', kind: 'skincare', name: '氨基酸洗面奶',
        short: ['洗面奶'], price: 79, weight: 4, claims: ['温和不紧绷', '深层清洁'], defects: ['挤出来是水'], gift: '起泡网', multi: true,
      },
      {
        sku: 'CS-5503', shop: 'shop-beauty', kind: 'skincare', name: '清透防晒霜 SPF50+',
        short: ['防晒', '防晒霜'], price: 139, season: 'summer', weight: 4, claims: ['SPF50+ 不油腻', '防水防汗'],
        defects: ['盖子裂了'],
      },
      {
        sku: 'CS-5504', shop: 'shop-beauty', kind: 'makeup', name: '丝绒哑光口红',
        short: ['口红', '这支口红'], colors: ['#01正红', '#03豆沙', '#07枫叶红', '#12奶茶色'], price: 129, weight: 4,
        claims: ['持妆不沾杯', '黄皮显白'], defects: ['口红断了', '膏体有白点'],
      },
      {
        sku: 'CS-5505', shop: 'shop-beauty', kind: 'skincare', name: '神经酰胺修护面霜',
        short: ['面霜', '这个面霜'], price: 229, weight: 3, claims: ['修护屏障 敏感肌救星', '一抹就吸收'], gift: '精华小样',
      },
      {
        sku: 'CS-5506', shop: 'shop-beauty', kind: 'makeup', name: '持妆粉底液',
        short: ['粉底液', '粉底'], colors: ['象牙白', '自然色', '小麦色'], price: 169, weight: 3,
        claims: ['持妆十二小时', '不卡粉 不脱妆'], defects: ['按压泵坏了'],
      },
      {
        sku: 'CS-5507', shop: 'shop-beauty', kind: 'skincare', name: '补水修护面膜',
        short: ['面膜'], sizes: ['10片装', '20片装'], price: 99, weight: 3, claims: ['一片顶三片', '急救补水'], multi: true,
      },
    ],
  },
];

export const PRODUCTS: Product[] = SHOPS.flatMap((s) => s.products);
export function productBySku(sku: string): Product {
  const p = PRODUCTS.find((x) => x.sku === sku);
  if (!p) throw new Error(`unknown demo sku ${sku}`);
  return p;
}
export function shopById(id: ShopId): Shop {
  const s = SHOPS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown demo shop ${id}`);
  return s;
}

/** Mainland cities: [city, weight, districts, roads]. */
export const CITIES: readonly (readonly [string, number, string[], string[]])[] = [
  ['杭州', 6, ['余杭区', '西湖区', '拱墅区', '滨江区', '萧山区'], ['文一西路', '古墩路', '莫干山路', '江南大道', '五常大道', '丰潭路']],
  ['上海', 8, ['浦东新区', '闵行区', '徐汇区', '宝山区', '松江区'], ['张杨路', '虹梅路', '漕宝路', '共和新路', '沪亭北路']],
  ['北京', 7, ['朝阳区', '海淀区', '丰台区', '昌平区', '通州区'], ['望京西路', '学院路', '丰台北路', '回龙观东大街', '新华大街']],
  ['广州', 6, ['天河区', '白云区', '番禺区', '海珠区'], ['天河北路', '白云大道', '市桥路', '江南大道中']],
  ['深圳', 6, ['南山区', '宝安区', '龙岗区', '福田区'], ['科技园路', '新安六路', '龙翔大道', '深南大道']],
  ['成都', 5, ['武侯区', '高新区', '成华区', '双流区'], ['武侯大道', '天府大道', '建设路', '航空港大道']],
  ['武汉', 4, ['洪山区', '江汉区', '武昌区'], ['珞喻路', '建设大道', '中北路']],
  ['南京', 4, ['江宁区', '鼓楼区', '玄武区'], ['双龙大道', '中山北路', '龙蟠路']],
  ['苏州', 4, ['工业园区', '吴中区', '姑苏区'], ['星湖街', '东吴北路', '人民路']],
  ['重庆', 4, ['渝北区', '江北区', '沙坪坝区'], ['金开大道', '建新北路', '三峡广场']],
  ['西安', 3, ['雁塔区', '未央区'], ['科技路', '凤城八路']],
  ['长沙', 3, ['岳麓区', '雨花区'], ['麓谷大道', '劳动东路']],
  ['郑州', 3, ['金水区', '郑东新区'], ['花园路', '商都路']],
  ['合肥', 2, ['蜀山区', '包河区'], ['长江西路', '徽州大道']],
  ['济南', 2, ['历下区', '槐荫区'], ['经十路', '经七路']],
  ['沈阳', 2, ['浑南区', '和平区'], ['浑南中路', '南京南街']],
  ['昆明', 2, ['五华区', '官渡区'], ['人民西路', '关上中路']],
  ['东莞', 2, ['南城区', '长安镇'], ['鸿福路', '长青路']],
  ['厦门', 2, ['思明区', '湖里区'], ['莲前西路', '湖里大道']],
  ['哈尔滨', 1, ['南岗区', '道里区'], ['学府路', '中央大街']],
];

export const COMPOUNDS = [
  '阳光花园', '锦绣家园', '万科城', '碧桂园', '保利香槟国际', '幸福里', '金色港湾', '滨江花园', '绿城桂花园', '翠苑三区',
  '华润二十四城', '融创河滨之城', '龙湖春江郦城', '中海国际社区', '世纪新城', '和平小区', '铁路新村', '学府雅苑',
];

/** Taiwan places for addresses and store pickup. Written in simplified characters, converted later. */
export const TW_PLACES = [
  '台北市大安区忠孝东路四段', '台北市信义区松仁路', '新北市板桥区文化路一段', '新北市中和区中山路二段', '台中市西屯区台湾大道三段',
  '台中市北区三民路三段', '高雄市左营区博爱二路', '桃园市中坜区中正路', '台南市东区长荣路二段', '新竹市东区光复路一段',
];
export const TW_STORES = ['忠孝门市', '板桥文化门市', '中和景平门市', '逢甲门市', '左营博爱门市', '中坜新中正门市', '长荣门市'];
export const HK_PLACES = [
  '九龙旺角弥敦道', '新界沙田大围', '香港岛铜锣湾轩尼诗道', '九龙观塘开源道', '新界荃湾沙咀道', '新界将军澳唐德街',
];

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁沈'.split('');
export const GIVEN = [
  '芳', '娜', '伟', '洋', '静', '敏', '磊', '婷', '杰', '丽', '强', '军', '艳', '勇', '霞', '涛', '明', '超', '秀英', '桂兰',
  '佳怡', '子涵', '浩然', '雨欣', '思远', '晓燕', '建国', '美玲', '志强', '欣怡', '宇航', '梦瑶', '俊杰', '雅琪', '文博',
];
export const COMPANY_WORDS = ['启明', '恒信', '博远', '华创', '鼎盛', '优品', '同创', '嘉禾', '众联', '新锐', '睿思', '远航', '青禾', '正泰'];
export const COMPANY_TYPES = ['科技', '贸易', '商贸', '文化传媒', '信息技术', '建筑工程', '餐饮管理', '电子商务', '物业管理', '教育咨询'];
