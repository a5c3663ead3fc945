import {
  CITIES, COMPANY_TYPES, COMPANY_WORDS, COMPOUNDS, COURIERS, GIVEN, HK_COURIERS, HK_PLACES, SURNAMES, TW_COURIERS, TW_PLACES, TW_STORES,
  type Script, type Shop, type ShopId,
} from './catalog.ts';
import type { Rng } from './random.ts';
import { makePersona, type Persona } from './style.ts';
import type { LocalDate } from './zone.ts';

/**
 * Buyers (stable ids across their conversations, each with a city, an address, a phone and a typing style)
 * and the identifiers shops use: order numbers per platform, tracking numbers per courier, tax ids.
 */
export interface Customer {
  id: string;
  shop: ShopId;
  channel: string;
  script: Script;
  city: string;
  addr: string;
  name: string;
  phone: string;
  persona: Persona;
  /** Conversations so far. */
  visits: number;
}

const LOWER = 'abcdefghijkmnpqrstuvwxyz23456789';
const HEX = '0123456789abcdef';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const TW_NICKS = ['amy', 'judy', 'kevin', 'wei', 'yu', 'chen', 'ting', 'hsu', 'lin', 'peggy', 'jason', 'vivi', 'momo', 'yiting', 'cindy'];

export class World {
  readonly #rng: Rng;
  /** Recent customers per shop, for returning buyers. */
  readonly #pool = new Map<string, Customer[]>();
  #n = 0;

  constructor(rng: Rng) {
    this.#rng = rng;
  }

  /** A returning buyer (≈30 %) or a new one. `script` and `city` force a new buyer's traits. */
  customer(shop: Shop, script: Script, opts: { city?: string; returning?: number } = {}): Customer {
    const rng = this.#rng;
    const key = `${shop.id}|${script}|${opts.city ?? ''}`;
    const pool = this.#pool.get(key) ?? [];
    if (pool.length > 20 && rng.chance(opts.returning ?? 0.3)) {
      const c = pool[Math.floor(Math.pow(rng.next(), 0.7) * pool.length)]!;
      c.visits++;
      return c;
    }
    const c = this.#newCustomer(shop, script, opts.city);
    pool.push(c);
    if (pool.length > 4000) pool.splice(0, pool.length - 3000);
    this.#pool.set(key, pool);
    return c;
  }

  #newCustomer(shop: Shop, script: Script, forcedCity?: string): Customer {
    const rng = this.#rng;
    this.#n++;
    const channel = script === 'tw' ? 'shopee' : script === 'hk' ? 'taobao' : rng.pickPair(shop.channels);
    const name = rng.pick(SURNAMES) + rng.pick(GIVEN);
    let city: string, addr: string, phone: string;
    if (script === 'tw') {
      const place = rng.pick(TW_PLACES);
      city = place.slice(0, 2);
      addr = `${place}${rng.int(1, 320)}号${rng.int(2, 15)}楼`;
      phone = `09${rng.digits(8, String(rng.int(0, 9)))}`;
    } else if (script === 'hk') {
      const place = rng.pick(HK_PLACES);
      city = '香港';
      addr = `${place}${rng.int(1, 200)}号${rng.int(2, 30)}楼${rng.pick('ABCDEFGH'.split(''))}室`;
      phone = `${rng.pick(['5', '6', '9'])}${rng.digits(7, String(rng.int(0, 9)))}`;
    } else {
      const cityRow = forcedCity ? CITIES.find((c) => c[0] === forcedCity)! : rng.weighted(CITIES, (c) => c[1]);
      city = cityRow[0];
      const form = rng.int(0, 2);
      const district = rng.pick(cityRow[2]);
      const road = rng.pick(cityRow[3]);
      addr =
        form === 0
          ? `${city}市${district}${road}${rng.int(1, 999)}号${rng.pick(COMPOUNDS)}${rng.int(1, 30)}栋${rng.int(1, 4)}单元${rng.int(1, 28)}0${rng.int(1, 4)}`
          : form === 1
            ? `${city}${district}${rng.pick(COMPOUNDS)}${rng.int(1, 20)}-${rng.int(1, 3)}-${rng.int(1, 18)}0${rng.int(1, 3)}`
            : `${city}市${district}${road}${rng.int(1, 500)}号`;
      phone = `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.digits(9, String(rng.int(0, 9)))}`;
    }
    return {
      id: customerId(rng, channel),
      shop: shop.id,
      channel,
      script,
      city,
      addr,
      name,
      phone,
      persona: makePersona(rng),
      visits: 1,
    };
  }
}

function customerId(rng: Rng, channel: string): string {
  switch (channel) {
    case 'taobao':
      return `tb_${rng.chars(8, LOWER)}`;
    case 'jd':
      return `jd_${rng.chars(12, HEX)}`;
    case 'pdd':
      return `pdd_${rng.digits(11)}`;
    case 'douyin':
      return `dy_${rng.digits(12)}`;
    case 'wechat':
      return `wx_o${rng.chars(14, LOWER + UPPER)}`;
    case 'shopee':
      return `sp_${rng.pick(TW_NICKS)}${rng.digits(4, String(rng.int(0, 9)))}`;
    default:
      return `${channel}_${rng.chars(10, LOWER)}`;
  }
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const yymmdd = (d: LocalDate) => `${String(d.y).slice(2)}${pad2(d.m)}${pad2(d.d)}`;

/** An order number in the platform's format. */
export function orderId(rng: Rng, channel: string, ordered: LocalDate): string {
  switch (channel) {
    case 'taobao':
      return rng.digits(19, rng.pick(['2', '3', '4']));
    case 'jd':
      return rng.digits(12, rng.pick(['2', '3']));
    case 'pdd':
      return `${yymmdd(ordered)}-${rng.digits(15, String(rng.int(0, 9)))}`;
    case 'douyin':
      return rng.digits(19, rng.pick(['5', '6']));
    case 'wechat':
      return `37${rng.digits(17, String(rng.int(0, 9)))}`;
    case 'shopee':
      return `${yymmdd(ordered)}${rng.chars(8, UPPER)}`;
    default:
      return rng.digits(16);
  }
}

/** A tracking number in the courier's format. */
export function trackingNo(rng: Rng, courier: string): string {
  switch (courier) {
    case 'sf':
    case 'sfhk':
      return `SF${rng.digits(13)}`;
    case 'zto':
      return `7${rng.digits(13, rng.pick(['5', '3']))}`;
    case 'yto':
      return `YT${rng.digits(13)}`;
    case 'yunda':
      return `43${rng.digits(13, String(rng.int(0, 9)))}`;
    case 'sto':
      return `77${rng.digits(12, String(rng.int(0, 9)))}`;
    case 'jt':
      return `JT${rng.digits(13, '5')}`;
    case 'jd':
      return `JD${rng.digits(13, '0')}`;
    case 'ems':
      return `98${rng.digits(11, String(rng.int(0, 9)))}`;
    case 'deppon':
      return `DPK${rng.digits(12)}`;
    case 'consol':
      return `JY${rng.digits(10)}`;
    default:
      return rng.digits(12);
  }
}

export function courierName(id: string): string {
  return COURIERS[id] ?? id;
}

export function pickCourier(rng: Rng, shop: Shop, channel: string, script: Script): string {
  if (script === 'tw') return rng.pickPair(TW_COURIERS);
  if (script === 'hk') return rng.pickPair(HK_COURIERS);
  if (channel === 'jd' && rng.chance(0.7)) return 'jd';
  if (channel === 'pdd' && rng.chance(0.3)) return rng.pick(['jt', 'yunda']);
  return rng.pickPair(shop.couriers);
}

export function storeName(rng: Rng): string {
  return rng.pick(TW_STORES);
}

export function companyName(rng: Rng, city: string, script: Script): string {
  const w = rng.pick(COMPANY_WORDS);
  const t = rng.pick(COMPANY_TYPES);
  if (script === 'tw') return `${w}${t}股份有限公司`;
  if (script === 'hk') return `${w}${t}有限公司`;
  return `${city}${w}${t}有限公司`;
}

/** 统一社会信用代码-shaped tax id (18 chars), or an 8-digit 統一編號 for Taiwan. */
export function taxId(rng: Rng, script: Script): string {
  if (script === 'tw') return rng.digits(8, String(rng.int(1, 9)));
  return `91${rng.digits(6, '3')}${rng.chars(9, UPPER)}${rng.chars(1, '0123456789X')}`;
}

export function email(rng: Rng): string {
  return rng.chance(0.6) ? `${rng.digits(rng.int(8, 10))}@qq.com` : `${rng.chars(rng.int(5, 9), 'abcdefghijklmnopqrstuvwxyz')}${rng.int(1, 999)}@${rng.pick(['163.com', '126.com', 'sina.com'])}`;
}

export const HUB_CITIES = ['武汉转运中心', '郑州', '廊坊', '金华', '义乌', '东莞', '长沙', '济南', '成都', '南昌转运中心', '合肥', '徐州'];
