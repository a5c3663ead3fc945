import type { ChatMessage } from '../../schemas/chat-message.ts';
import { SHOPS, productBySku, shopById, type Product, type Script, type Shop } from './catalog.ts';
import { envelope, placeThemes, rangeStart, shapeOf, tailDateText, type DayShape, type ThemeWindow } from './calendar.ts';
import { complaintConversation, complaintLabel, Convo, neutralConversation, usableItems, type DemoTruth, type Turn } from './conversation.ts';
import { FINANCE } from './phrases/finance.ts';
import { LOGISTICS } from './phrases/logistics.ts';
import { NEUTRAL } from './phrases/neutral.ts';
import { OPS } from './phrases/ops.ts';
import { PRODUCT } from './phrases/product.ts';
import { SERVICE } from './phrases/service.ts';
import { ALLERGY, NO_DOOR, WRONG_SIZE } from './phrases/themes.ts';
import type { ComplaintIntent, NeutralIntent, QA, Stage } from './phrases/types.ts';
import { WAREHOUSE } from './phrases/warehouse.ts';
import { hashSeed, Rng } from './random.ts';
import { makeAgentStyle, type AgentStyle } from './style.ts';
import type { SlotFn } from './template.ts';
import { companyName, courierName, email, HUB_CITIES, orderId, pickCourier, storeName, taxId, trackingNo, World, type Customer } from './world.ts';
import { addDaysLocal, dayNumber, fromDayNumber, isoDate, ymd, Zone, type LocalDate } from './zone.ts';

export type { DemoTruth } from './conversation.ts';

export interface DemoOptions {
  /** Default 20261111; same seed + same end => byte-identical output. */
  seed?: number;
  /** Epoch ms of the last moment covered; default Date.now(). */
  end?: number;
  /** At least this many months back from `end`; default 7. */
  months?: number;
  /** Multiplies volume; default 1 (≈ 150k–250k messages). */
  scale?: number;
  /** Business time zone for hours and days; default Asia/Shanghai. */
  timeZone?: string;
}

export const DEFAULT_SEED = 20261111;
/** Conversations on an ordinary weekday at scale 1. */
const BASE_PER_DAY = 82;

export const COMPLAINT_INTENTS: ComplaintIntent[] = [...WAREHOUSE, ...OPS, ...FINANCE, ...PRODUCT, ...LOGISTICS, ...SERVICE];

/** How much each shop's buyers run into each problem (multiplies intent weights). */
const SHOP_AFFINITY: Record<string, Record<string, number>> = {
  'shop-home': {
    'product.fit_comfort': 1.8, 'product.smell': 1.6, 'warehouse.packing': 1.2, 'logistics.door_delivery': 1.8, 'product.defect': 0.5,
    'product.fake': 0.3, 'ops.not_as_described': 1.1,
  },
  'shop-wear': {
    'warehouse.wrong_item': 1.7, 'product.quality': 1.5, 'product.fit_comfort': 1.3, 'ops.not_as_described': 1.6, 'product.defect': 0.4,
    'finance.invoice': 0.5,
  },
  'shop-appliance': {
    'product.defect': 2.2, 'product.durability': 2.2, 'logistics.transit_damage': 1.5, 'finance.invoice': 1.6, 'product.design': 1.6,
    'ops.exaggerated': 1.3,
  },
  'shop-beauty': {
    'product.fake': 1.6, 'warehouse.old_stock': 1.8, 'ops.gift': 1.8, 'logistics.transit_damage': 1.2, 'finance.invoice': 0.6,
    'ops.price': 1.3,
  },
};

const STAGE_DAYS: Record<Stage, [number, number]> = { browse: [0, 0], paid: [1, 3], shipped: [2, 5], delivered: [3, 10], after: [8, 25] };

interface Slots {
  fixed: Map<string, string>;
}

interface ConvPlan {
  start: number;
  theme?: ThemeWindow;
}

interface Pending {
  t: number;
  conv: number;
  turn: number;
  message: ChatMessage;
  truth: DemoTruth | null;
}

/** Messages in chronological order (by sentAt). */
export function* generateDemo(options: DemoOptions = {}): Generator<ChatMessage> {
  for (const { message } of generateDemoWithTruth(options)) yield message;
}

/** Same stream, each customer line paired with what the generator meant (agent and system lines: truth = null). */
export function* generateDemoWithTruth(options: DemoOptions = {}): Generator<{ message: ChatMessage; truth: DemoTruth | null }> {
  const seed = options.seed ?? DEFAULT_SEED;
  const end = Math.floor(options.end ?? Date.now());
  const months = options.months ?? 7;
  const scale = options.scale ?? 1;
  if (!Number.isFinite(seed)) throw new Error('seed must be a finite number');
  if (!Number.isFinite(end)) throw new Error('end must be a finite epoch-ms number');
  if (!Number.isFinite(months) || months < 0) throw new Error('months must be a number >= 0');
  if (!Number.isFinite(scale) || scale <= 0) throw new Error('scale must be a number > 0');

  const zone = new Zone(options.timeZone ?? 'Asia/Shanghai');
  zone.probeFixed(end - 450 * 86_400_000, end + 86_400_000);
  const endDate = zone.dateOf(end);
  const startDate = rangeStart(endDate, months);
  const themes = placeThemes(startDate, endDate);

  const root = new Rng(hashSeed(seed, 'fankui-demo'));
  const world = new World(root.fork());
  const agentStyles = new Map<string, AgentStyle>();
  for (const shop of SHOPS) for (const a of shop.agents) agentStyles.set(`${shop.id}/${a}`, makeAgentStyle(root));
  const batch = `QY${String(startDate.y).slice(2)}${String((startDate.m % 12) + 1).padStart(2, '0')}A${root.int(1, 9)}`;

  let carry = root.next();
  const themeCarry = new Map<string, number>(themes.map((t) => [t.id, root.next()]));
  // Messages of conversations still in flight, earliest first. A message is final once the next conversation
  // starts after it, so only a handful are ever held (cheap for the garbage collector).
  const heap = new MinHeap();

  for (let dn = dayNumber(startDate); dn <= dayNumber(endDate); dn++) {
    const date = fromDayNumber(dn);
    const dayStart = zone.startOfDay(date);
    const dayEnd = zone.startOfDay(addDaysLocal(date, 1));
    const rng = new Rng(hashSeed(seed, 'day', dn));
    const shape = shapeOf(date);

    // How many conversations start today.
    const expected = BASE_PER_DAY * shape.volume * Math.exp(0.07 * rng.normal()) * scale + carry;
    const count = Math.floor(expected);
    carry = expected - count;
    const plans: ConvPlan[] = [];
    for (let i = 0; i < count; i++) plans.push({ start: startTime(rng, shape, dayStart, dayEnd) });
    for (const t of themes) {
      const env = envelope(t, date);
      if (env <= 0) continue;
      const e = t.peak * env * Math.max(0.4, 1 + 0.15 * rng.normal()) * scale + (themeCarry.get(t.id) ?? 0);
      const n = Math.floor(e);
      themeCarry.set(t.id, e - n);
      for (let i = 0; i < n; i++) plans.push({ start: startTime(rng, shape, dayStart, dayEnd), theme: t });
    }
    plans.sort((a, b) => a.start - b.start);

    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i]!;
      if (plan.start > end) break;
      while (heap.size > 0 && heap.peek().t < plan.start) {
        const p = heap.pop();
        yield { message: p.message, truth: p.truth };
      }
      const convId = `demo-${ymd(date)}-${String(i + 1).padStart(4, '0')}`;
      const built = buildConversation(rng.fork(), world, agentStyles, shape, date, plan, batch);
      const base = {
        conversationId: convId,
        channel: built.customer.channel,
        shop: built.shop.id,
      };
      for (let k = 0; k < built.turns.length; k++) {
        const turn = built.turns[k]!;
        const t = plan.start + turn.at * 1000;
        if (t > end) break;
        const message: ChatMessage = {
          id: `${convId}-${String(k + 1).padStart(2, '0')}`,
          conversationId: base.conversationId,
          sentAt: zone.format(t),
          role: turn.role,
          text: turn.text,
          channel: base.channel,
          shop: base.shop,
        };
        if (built.sku) message.sku = built.sku;
        if (built.orderId) message.orderId = built.orderId;
        message.customerId = built.customer.id;
        heap.push({ t, conv: dn * 10_000 + i, turn: k, message, truth: turn.role === 'customer' ? turn.truth : null });
      }
    }
  }
  while (heap.size > 0) {
    const p = heap.pop();
    yield { message: p.message, truth: p.truth };
  }
}

function before(a: Pending, b: Pending): boolean {
  return a.t < b.t || (a.t === b.t && (a.conv < b.conv || (a.conv === b.conv && a.turn < b.turn)));
}

/** Binary min-heap of pending messages by (time, conversation, turn). */
class MinHeap {
  readonly #a: Pending[] = [];

  get size(): number {
    return this.#a.length;
  }

  peek(): Pending {
    return this.#a[0]!;
  }

  push(x: Pending): void {
    const a = this.#a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  pop(): Pending {
    const a = this.#a;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function startTime(rng: Rng, shape: DayShape, dayStart: number, dayEnd: number): number {
  const hour = rng.weighted([...shape.hours.keys()], (h) => shape.hours[h]!);
  const t = dayStart + hour * 3_600_000 + rng.int(0, 3599) * 1000;
  return Math.min(t, dayEnd - 1000);
}

// ---------------- one conversation ----------------

interface Built {
  turns: Turn[];
  shop: Shop;
  customer: Customer;
  sku?: string;
  orderId?: string;
}

function seasonFactor(p: Product, season: DayShape['season']): number {
  if (!p.season) return 1;
  if (season === null) return 0.6;
  return p.season === season ? 2.2 : 0.15;
}

function pickScript(rng: Rng, shop: Shop): Script {
  if (!rng.chance(shop.tradShare)) return 'simplified';
  return rng.chance(0.72) ? 'tw' : 'hk';
}

function buildConversation(
  rng: Rng,
  world: World,
  agentStyles: Map<string, AgentStyle>,
  shape: DayShape,
  date: LocalDate,
  plan: ConvPlan,
  batch: string,
): Built {
  let shop: Shop;
  let product: Product;
  let script: Script;
  let customer: Customer;
  let courierId: string | undefined;
  let intentC: ComplaintIntent | undefined;
  let theme: string | undefined;
  const forced: Record<string, string> = {};

  if (plan.theme?.id === 'wrong-size') {
    product = productBySku('AP-2203');
    shop = shopById(product.shop);
    script = rng.chance(0.9) ? 'simplified' : 'tw';
    customer = world.customer(shop, script, { returning: 0.1 });
    intentC = WRONG_SIZE;
    theme = `wrong-size-${product.sku}`;
    const sizes = product.sizes!;
    const i = rng.int(0, sizes.length - 2);
    forced.size = sizes[i]!;
    forced.size2 = sizes[i + 1]!;
  } else if (plan.theme?.id === 'no-door') {
    shop = rng.weighted(SHOPS, (s) => (s.id === 'shop-home' ? 4 : s.id === 'shop-appliance' ? 3 : 1.5));
    product = rng.weighted(shop.products, (p) => p.weight * (p.heavy ? 3 : 1) * seasonFactor(p, shape.season));
    script = 'simplified';
    customer = world.customer(shop, script, { city: '杭州', returning: 0.2 });
    courierId = 'zto';
    intentC = NO_DOOR;
    theme = 'no-door-delivery-zto';
  } else if (plan.theme?.id === 'allergy') {
    product = productBySku('CS-5501');
    shop = shopById(product.shop);
    script = rng.chance(0.85) ? 'simplified' : 'tw';
    customer = world.customer(shop, script, { returning: 0.5 });
    intentC = ALLERGY;
    theme = `allergy-${product.sku}`;
  } else {
    shop = rng.weighted(SHOPS, (s) => s.weight);
    script = pickScript(rng, shop);
    product = rng.weighted(shop.products, (p) => p.weight * seasonFactor(p, shape.season));
    customer = world.customer(shop, script);
  }
  courierId ??= pickCourier(rng, shop, customer.channel, script);

  // What the conversation is about.
  let intentN: NeutralIntent | undefined;
  let item: QA | undefined;
  let second: QA | undefined;
  let lateComplaint: ComplaintIntent | undefined;
  const complaint = intentC !== undefined || rng.chance(shape.complaintShare);

  const agent = rng.pick(shop.agents);
  const slotsFixed = new Map<string, string>(Object.entries(forced));
  const stageRef: { stage: Stage } = { stage: 'browse' };
  const slot = makeSlots(rng, slotsFixed, { shop, product, customer, script, courierId, date, agent, batch, stageRef, tail: tailDateText(date) });

  const setup = {
    rng,
    shop,
    product,
    customer,
    script,
    stage: 'browse' as Stage,
    agentStyle: agentStyles.get(`${shop.id}/${agent}`)!,
    busy: (shape.volume > 2.5 ? 2.4 : shape.volume > 1.6 ? 1.5 : 1) * Math.exp(0.35 * rng.normal()),
    autoReply: shop.id !== 'shop-appliance' || customer.channel !== 'jd',
    slot,
  };
  const c = new Convo(setup);

  if (complaint && !intentC) {
    const candidates = COMPLAINT_INTENTS.filter((it) => !it.kinds || it.kinds.includes(product.kind));
    intentC = rng.weighted(candidates, (it) => it.weight * (shape.boost[it.id] ?? 1) * (SHOP_AFFINITY[shop.id]?.[it.id] ?? 1));
  }
  if (intentC) {
    stageRef.stage = intentC.stage;
    setup.stage = intentC.stage;
    complaintConversation(c, intentC, complaintLabel(intentC, theme));
  } else {
    const intents = NEUTRAL.filter((it) => !it.kinds || it.kinds.includes(product.kind));
    for (let tries = 0; tries < 6 && !item; tries++) {
      intentN = rng.weighted(intents, (it) => (it.id === 'presale' ? shape.presale : it.weight * (shape.boost[it.id] ?? 1)));
      const items = usableItems(c, intentN);
      if (items.length > 0) item = rng.pick(items);
    }
    if (!intentN || !item) {
      intentN = NEUTRAL.find((n) => n.id === 'smalltalk')!;
      item = usableItems(c, intentN)[0]!;
    }
    stageRef.stage = intentN.stage;
    setup.stage = intentN.stage;
    // Sometimes a second question, or an older problem raised at the end.
    if (rng.chance(0.18)) {
      const others = intents.filter((n) => n.group === 'question' && n.id !== intentN!.id && n.id !== 'presale');
      const other = rng.pick(others);
      const items = usableItems(c, other);
      if (items.length > 0) second = rng.pick(items);
    }
    if (intentN.group !== 'praise' && rng.chance(0.05)) {
      const late = COMPLAINT_INTENTS.filter((it) => (it.stage === 'delivered' || it.stage === 'after') && (!it.kinds || it.kinds.includes(product.kind)));
      lateComplaint = rng.weighted(late, (it) => it.weight * (SHOP_AFFINITY[shop.id]?.[it.id] ?? 1));
    }
    const extra: Parameters<typeof neutralConversation>[3] = {};
    if (second) extra.second = second;
    if (lateComplaint) extra.complaint = { intent: lateComplaint, label: complaintLabel(lateComplaint) };
    neutralConversation(c, intentN, item, extra);
  }

  const built: Built = { turns: c.turns, shop, customer };
  const stage = stageRef.stage;
  const noProduct = intentN?.group === 'smalltalk' || intentC?.id === 'service.slow_reply' || intentC?.id === 'finance.payment';
  if (!noProduct || rng.chance(0.4)) built.sku = product.sku;
  if (stage !== 'browse' || lateComplaint || slotsFixed.has('order')) built.orderId = slot('order')!;
  return built;
}

// ---------------- slots ----------------

interface SlotCtx {
  shop: Shop;
  product: Product;
  customer: Customer;
  script: Script;
  courierId: string;
  date: LocalDate;
  agent: string;
  batch: string;
  tail: string;
  stageRef: { stage: Stage };
}

const CN_NUM = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const WEEK = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function makeSlots(rng: Rng, fixed: Map<string, string>, ctx: SlotCtx): SlotFn {
  const { product, customer, shop, script } = ctx;
  const sizes = product.sizes;
  const colors = product.colors;
  const daysRange = (): [number, number] => STAGE_DAYS[ctx.stageRef.stage];

  const compute = (name: string): string | undefined => {
    switch (name) {
      case 'p':
        return rng.pick(product.short);
      case 'pname':
        return product.name;
      case 'pname2': {
        const others = shop.products.filter((p) => p.sku !== product.sku && p.kind === product.kind);
        return others.length ? rng.pick(others).short[0] : undefined;
      }
      case 'size':
        return sizes ? rng.pick(sizes) : undefined;
      case 'size2': {
        if (!sizes || sizes.length < 2) return undefined;
        const s = get('size')!;
        const i = sizes.indexOf(s);
        return sizes[i + 1 < sizes.length && (i === 0 || rng.chance(0.6)) ? i + 1 : i - 1];
      }
      case 'color':
        return colors ? rng.pick(colors) : undefined;
      case 'color2': {
        if (!colors || colors.length < 2) return undefined;
        const c = get('color')!;
        return rng.pick(colors.filter((x) => x !== c));
      }
      case 'spec': {
        const parts = [sizes ? get('size') : undefined, colors ? get('color') : undefined].filter(Boolean);
        return parts.length ? parts.join(' ') : undefined;
      }
      case 'spec2': {
        if (sizes && sizes.length > 1 && colors && colors.length > 1) return rng.chance(0.5) ? `${get('size2')} ${get('color')}` : `${get('size')} ${get('color2')}`;
        if (sizes && sizes.length > 1) return get('size2');
        if (colors && colors.length > 1) return get('color2');
        return undefined;
      }
      case 'claim':
        return product.claims ? rng.pick(product.claims) : undefined;
      case 'defect':
        return product.defects ? rng.pick(product.defects) : undefined;
      case 'part':
        return product.parts ? rng.pick(product.parts) : undefined;
      case 'gift':
        return product.gift;
      case 'days': {
        const n = rng.int(3, 9);
        const r = rng.next();
        if (n === 7 && r < 0.4) return '一个星期';
        return r < 0.45 ? `${n}天` : r < 0.85 ? `${CN_NUM[n]}天` : '好几天';
      }
      case 'n':
        return String(rng.int(2, 4));
      case 'n1':
        return String(Number(get('n')) - 1);
      case 'order': {
        const [a, b] = daysRange();
        return orderId(rng, customer.channel, addDaysLocal(ctx.date, -rng.int(a, Math.max(a, b))));
      }
      case 'orderDate': {
        const [a, b] = daysRange();
        const d = addDaysLocal(ctx.date, -rng.int(a, Math.max(a, b)));
        return `${isoDate(d)} ${String(rng.int(8, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
      }
      case 'orderDay': {
        const back = rng.int(Math.max(2, daysRange()[0]), Math.max(3, daysRange()[1]));
        const d = addDaysLocal(ctx.date, -back);
        const r = rng.next();
        if (back === 2 && r < 0.5) return '前天';
        if (back <= 6 && r < 0.5) return `上${WEEK[new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay()]}`.replace('上周日', '上周末');
        return r < 0.8 ? `${d.d}号` : `${d.m}月${d.d}号`;
      }
      case 'date': {
        const d = addDaysLocal(ctx.date, rng.int(3, 12));
        return rng.chance(0.7) ? `${d.d}号` : `${d.m}月${d.d}号`;
      }
      case 'tailDate':
        return ctx.tail;
      case 'oldDate': {
        const y = ctx.date.y - rng.int(2, 3);
        return `${y}.${String(rng.int(1, 12)).padStart(2, '0')}`;
      }
      case 'batch':
        return ctx.batch;
      case 'phone':
        return customer.phone;
      case 'addr':
        return customer.addr;
      case 'name':
        return customer.name;
      case 'city':
        return customer.city;
      case 'city2':
        return script === 'simplified' ? rng.pick(HUB_CITIES.filter((h) => !h.startsWith(customer.city))) : undefined;
      case 'store':
        return script === 'tw' ? `7-11${storeName(rng)}` : undefined;
      case 'courier':
        return courierName(ctx.courierId);
      case 'tracking':
        return trackingNo(rng, ctx.courierId);
      case 'warehouseCity':
        return shop.warehouseCity;
      case 'price':
        return String(product.price);
      case 'diff': {
        const d = Math.max(5, Math.round((product.price * (0.06 + rng.next() * 0.12)) / 5) * 5);
        return String(d);
      }
      case 'price2':
        return String(product.price - Number(get('diff')));
      case 'refund':
        return String(product.price - Number(get('diff')));
      case 'full': {
        const pairs: [number, number][] = [[199, 20], [299, 40], [300, 50], [399, 60], [200, 30]];
        const [f, o] = rng.pick(pairs);
        fixed.set('off', String(o));
        return String(f);
      }
      case 'off':
        get('full');
        return fixed.get('off');
      case 'company':
        return companyName(rng, customer.city, script);
      case 'tax':
        return taxId(rng, script);
      case 'email':
        return email(rng);
      case 'carrier':
        return script === 'tw' ? rng.chars(7, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789') : undefined;
      case 'shop':
        return shop.name;
      case 'agent':
        return ctx.agent;
      default:
        return undefined;
    }
  };
  // Values stay fixed within a conversation ('p' and 'days' wording may vary, the facts do not).
  const VARYING = new Set(['p']);
  const missing = new Set<string>();
  const get: SlotFn = (name) => {
    if (VARYING.has(name)) return compute(name);
    const known = fixed.get(name);
    if (known !== undefined) return known;
    if (missing.has(name)) return undefined;
    const v = compute(name);
    if (v !== undefined) fixed.set(name, v);
    else missing.add(name);
    return v;
  };
  return get;
}
