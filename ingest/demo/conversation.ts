import type { Kind, Product, Script, Shop } from './catalog.ts';
import {
  ACK, AGENT_ANYTHING_ELSE, AGENT_BYE, AGENT_CALM, AGENT_EVIDENCE, AGENT_GREET, AGENT_LATE, AGENT_RETURN, AGENT_SORRY, AGENT_WAIT,
  AGENT_WELCOME, ANGRY_EXIT, ASK_CONFIRM, ASK_ORDER, AUTO_REPLY, BY_THE_WAY, COMEBACK, CONFIRM, DONE, GIVE_ORDER, GREET, HURRY, ONE_MORE, PUSH,
  RETURN_REQ, SEND_PHOTO, SLOW_REPLY_NUDGE, SLOW_REPLY_NUDGE_TW, SYSTEM_LINES, THANKS, THREAT,
} from './phrases/common.ts';
import type { ComplaintIntent, Localized, NeutralIntent, QA, Stage } from './phrases/types.ts';
import type { Rng } from './random.ts';
import { splitTyping, styleAgent, styleCustomer, toTraditional, type AgentStyle, type Mood } from './style.ts';
import { parse, render, renderable, bursts, type Parsed, type SlotFn } from './template.ts';
import type { Customer } from './world.ts';

/** What the generator meant by a customer line. */
export interface DemoTruth {
  department: string | null;
  departments: string[];
  subTopic: string | null;
  complaint: boolean;
  theme?: string;
}

export interface Turn {
  role: 'customer' | 'agent' | 'system';
  text: string;
  truth: DemoTruth | null;
  /** Seconds after the conversation's first message. */
  at: number;
}

/** The label a conversation segment gives its customer lines. */
export interface Label {
  complaint: boolean;
  depts: string[];
  sub: string | null;
  theme?: string;
}

export const NONE: Label = { complaint: false, depts: [], sub: null };

export function complaintLabel(intent: ComplaintIntent, theme?: string): Label {
  const l: Label = { complaint: true, depts: [intent.dept, ...(intent.also ?? [])], sub: intent.sub };
  if (theme) l.theme = theme;
  return l;
}

export interface ConvSetup {
  rng: Rng;
  shop: Shop;
  product: Product;
  customer: Customer;
  script: Script;
  stage: Stage;
  agentStyle: AgentStyle;
  /** Agent reply slowness (1 = normal). */
  busy: number;
  autoReply: boolean;
  slot: SlotFn;
}

const NONE_TRUTH: DemoTruth = Object.freeze({ department: null, departments: [], subTopic: null, complaint: false }) as DemoTruth;

function truthOf(label: Label, p: Parsed): DemoTruth {
  if (!label.complaint) return { department: null, departments: [], subTopic: null, complaint: false };
  const depts = p.depts ?? label.depts;
  const t: DemoTruth = { department: depts[0] ?? null, departments: depts.slice(), subTopic: p.sub ?? label.sub, complaint: true };
  if (label.theme) t.theme = label.theme;
  return t;
}

/** Builds one conversation turn by turn, keeping time and style. */
export class Convo {
  readonly turns: Turn[] = [];
  readonly s: ConvSetup;
  readonly rng: Rng;
  #t = 0;
  #last: Turn['role'] | null = null;
  readonly #used = new Set<string>();

  constructor(setup: ConvSetup) {
    this.s = setup;
    this.rng = setup.rng;
  }

  get kind(): Kind {
    return this.s.product.kind;
  }

  /** Chooses a template that fits the script and the product; null when none does. */
  pick(loc: Localized): Parsed | null {
    const r = this.rng;
    const script = this.s.script;
    const lists: string[][] = [];
    const local = script === 'tw' ? loc.tw : script === 'hk' ? loc.hk : undefined;
    const byKind = loc.byKind?.[this.kind];
    if (local && local.length > 0 && (loc.base.length === 0 || r.chance(0.8))) lists.push(local);
    if (byKind && byKind.length > 0 && r.chance(0.75)) lists.push(byKind);
    lists.push(loc.base);
    if (byKind) lists.push(byKind);
    if (local) lists.push(local);
    for (const list of lists) {
      if (list.length === 0) continue;
      // A few tries at random before scanning, so most picks cost one render check.
      for (let k = 0; k < 4; k++) {
        const p = parse(r.pick(list));
        if (!this.#used.has(p.source) && renderable(p, this.s.slot)) return this.#use(p);
      }
      const ok = list.map(parse).filter((p) => renderable(p, this.s.slot));
      const fresh = ok.filter((p) => !this.#used.has(p.source));
      if (fresh.length > 0) return this.#use(r.pick(fresh));
      if (ok.length > 0 && list === lists[lists.length - 1]) return this.#use(r.pick(ok));
    }
    return null;
  }

  #use(p: Parsed): Parsed {
    this.#used.add(p.source);
    return p;
  }

  /** Whether a Localized has at least one usable line here. */
  usable(loc: Localized): boolean {
    const script = this.s.script;
    const all = [...loc.base, ...(loc.byKind?.[this.kind] ?? []), ...(script === 'tw' ? (loc.tw ?? []) : script === 'hk' ? (loc.hk ?? []) : [])];
    if (script === 'simplified' && loc.base.length === 0 && !(loc.byKind?.[this.kind]?.length)) return false;
    return all.some((t) => renderable(parse(t), this.s.slot));
  }

  #push(role: Turn['role'], text: string, truth: DemoTruth | null, gap: number): void {
    this.#t += Math.max(1, Math.round(gap));
    this.turns.push({ role, text, truth, at: this.#t });
    this.#last = role;
  }

  #trad(text: string, role: Turn['role']): string {
    return this.s.script === 'simplified' ? text : toTraditional(text, this.s.script, role);
  }

  #typing(text: string): number {
    return 2 + Math.min(70, text.length * (0.45 + this.rng.next() * 0.6));
  }

  /** Buyer says one line (possibly as several messages). Returns false when nothing fit. */
  customer(loc: Localized, label: Label, mood: Mood): boolean {
    const p = this.pick(loc);
    if (!p) return false;
    this.customerParsed(p, label, mood);
    return true;
  }

  customerParsed(p: Parsed, label: Label, mood: Mood): void {
    const r = this.rng;
    const persona = this.s.customer.persona;
    const truth = truthOf(label, p);
    const pieces = bursts(render(p, r, this.s.slot));
    let first = true;
    for (const piece of pieces) {
      const styled = styleCustomer(piece, persona, mood, r);
      for (const msg of splitTyping(styled, persona, r)) {
        const text = this.#trad(msg, 'customer');
        let gap: number;
        if (this.#last === null) gap = 0;
        else if (first && this.#last !== 'customer') gap = 4 + Math.exp(2.4 + r.normal() * 0.8) + this.#typing(text);
        else gap = 1 + r.next() * 6 + this.#typing(text) * 0.6;
        this.#push('customer', text, label.complaint ? { ...truth, departments: truth.departments.slice() } : { ...NONE_TRUTH, departments: [] }, gap);
        first = false;
      }
    }
  }

  /** Agent line(s). `opts.auto` = instant automatic reply. */
  agent(loc: Localized, opts: { auto?: boolean; followOn?: boolean } = {}): boolean {
    const p = this.pick(loc);
    if (!p) return false;
    const r = this.rng;
    const pieces = bursts(render(p, r, this.s.slot));
    let first = true;
    for (const piece of pieces) {
      const text = this.#trad(opts.auto ? piece : styleAgent(piece, this.s.agentStyle, r), 'agent');
      let gap: number;
      if (opts.auto) gap = 1 + r.next() * 2;
      else if (first && !opts.followOn && this.#last === 'customer') {
        gap = (6 + Math.exp(3 + r.normal() * 0.7)) * this.s.busy;
        if (gap > 260 && r.chance(0.55)) {
          // The buyer loses patience before the agent answers.
          const nudge = this.s.script === 'simplified' ? SLOW_REPLY_NUDGE : SLOW_REPLY_NUDGE_TW;
          const line = this.#trad(styleCustomer(r.pick(nudge), this.s.customer.persona, 'upset', r), 'customer');
          this.#push('customer', line, { department: 'service', departments: ['service'], subTopic: 'slow_reply', complaint: true }, gap * 0.6);
          this.#push('agent', this.#trad(r.pick(AGENT_LATE), 'agent'), null, 20 + r.next() * 60);
          gap = 8 + r.next() * 20;
        }
      } else gap = 3 + r.next() * 12 + text.length * 0.15;
      this.#push('agent', text, null, gap);
      first = false;
    }
    return true;
  }

  system(stage: Stage): void {
    const lines = SYSTEM_LINES[stage];
    if (!lines || lines.length === 0) return;
    const p = parse(this.rng.pick(lines));
    if (!renderable(p, this.s.slot)) return;
    this.#push('system', this.#trad(render(p, this.rng, this.s.slot), 'system'), null, this.#last === null ? 0 : 1);
  }

  /** A long pause: the buyer comes back later. */
  pause(seconds: number): void {
    this.#t += Math.round(seconds);
  }

  get persona() {
    return this.s.customer.persona;
  }
}

// ---------------- arcs ----------------

function opening(c: Convo, chance: number): boolean {
  const r = c.rng;
  if (!r.chance(chance)) return false;
  c.customer(GREET, NONE, 'calm');
  if (r.chance(0.2)) c.customer(GREET, NONE, 'calm');
  if (c.s.autoReply && r.chance(0.5)) c.agent(AUTO_REPLY, { auto: true });
  c.agent(AGENT_GREET);
  return true;
}

function closing(c: Convo): void {
  const r = c.rng;
  if (r.chance(0.68)) {
    c.agent(AGENT_ANYTHING_ELSE);
    if (r.chance(0.8)) {
      c.customer(r.chance(0.7) ? DONE : THANKS, NONE, 'calm');
      if (r.chance(0.75)) c.agent(AGENT_BYE);
    }
  } else if (r.chance(0.45)) {
    c.customer(THANKS, NONE, 'calm');
    c.agent(r.chance(0.5) ? AGENT_WELCOME : AGENT_BYE);
  }
}

function askOrder(c: Convo, label: Label, mood: Mood): void {
  if (c.rng.chance(0.55)) {
    c.agent(ASK_ORDER);
    c.customer(GIVE_ORDER, label, mood);
  } else {
    // Confirming the order is an acknowledgement, not part of the complaint ("是的", "对").
    c.agent(ASK_CONFIRM);
    c.customer(CONFIRM, NONE, 'calm');
  }
}

/**
 * A complaint: (greeting) → the problem (+ details) → agent checks → (evidence) → remedy → accept / push back
 * (threats, return requests) / angry exit → (comeback hours later) → closing.
 */
export function complaintConversation(c: Convo, intent: ComplaintIntent, label: Label, opts: { leadIn?: boolean } = {}): void {
  const r = c.rng;
  const p = c.persona;
  let mood: Mood = p.temper > 0.5 && r.chance(0.5) ? 'angry' : 'upset';
  let greeted = false;
  if (!opts.leadIn) {
    greeted = opening(c, 0.28);
    if (!greeted && r.chance(0.05)) c.system(intent.stage);
  } else if (r.chance(0.5)) {
    c.customer(BY_THE_WAY, label, 'upset');
  } else {
    c.customer(ONE_MORE, NONE, 'calm');
  }
  const orderFirst = !opts.leadIn && intent.stage !== 'browse' && r.chance(0.15);
  if (orderFirst) c.customer(GIVE_ORDER, label, mood);
  if (!c.customer(intent.open, label, mood)) c.customer(PUSH, label, mood);
  if (intent.more && r.chance(0.4)) c.customer(intent.more, label, mood);
  if (!greeted && !opts.leadIn && c.s.autoReply && r.chance(0.45)) c.agent(AUTO_REPLY, { auto: true });

  if (intent.stage !== 'browse' && !orderFirst && r.chance(0.6)) askOrder(c, label, mood);
  if (intent.evidence && r.chance(0.55)) {
    c.agent(AGENT_EVIDENCE);
    c.customer(SEND_PHOTO, label, mood);
  } else if (r.chance(0.4)) {
    c.agent(AGENT_WAIT);
  }
  if (r.chance(0.4)) {
    c.agent(AGENT_SORRY);
    c.agent(intent.solve, { followOn: true });
  } else {
    c.agent(intent.solve);
  }

  const outcome = r.weighted(['accept', 'push', 'angry'] as const, (o) =>
    o === 'accept' ? 0.55 - p.temper * 0.25 : o === 'push' ? 0.33 : 0.06 + p.temper * 0.16,
  );
  if (outcome === 'accept') {
    if (r.chance(0.35)) c.customer(HURRY, label, 'upset');
    else c.customer(ACK, NONE, 'calm');
  } else {
    const rounds = outcome === 'angry' ? 2 : r.chance(0.7) ? 1 : 2;
    for (let i = 0; i < rounds; i++) {
      if (i > 0 || outcome === 'angry') mood = 'angry';
      c.customer(intent.push && r.chance(0.55) ? intent.push : PUSH, label, mood);
      if (r.chance(0.4)) c.customer(PUSH, label, mood);
      const x = r.next();
      if (x < 0.35) {
        c.customer(THREAT, label, 'angry');
        c.agent(AGENT_CALM);
      } else if (x < 0.7) {
        c.customer(RETURN_REQ, label, mood);
        c.agent(AGENT_RETURN);
      } else {
        c.agent(r.chance(0.5) ? AGENT_CALM : intent.solve);
      }
    }
    if (outcome === 'angry') {
      c.customer(ANGRY_EXIT, label, 'angry');
      if (r.chance(0.5)) c.agent(r.chance(0.5) ? AGENT_CALM : AGENT_SORRY);
      return;
    }
    if (r.chance(0.6)) c.customer(ACK, NONE, 'calm');
    else c.customer(HURRY, label, 'upset');
  }
  if (r.chance(0.1)) {
    c.pause(r.int(20, 300) * 60);
    c.customer(COMEBACK, label, 'upset');
    c.agent(AGENT_WAIT);
    c.agent(r.chance(0.5) ? AGENT_CALM : intent.solve, { followOn: true });
    c.customer(ACK, NONE, 'calm');
  }
  closing(c);
}

/** Items of an intent that fit this product and script. */
export function usableItems(c: Convo, intent: NeutralIntent): QA[] {
  return intent.items.filter(
    (it) => (!it.kinds || it.kinds.includes(c.kind)) && (!it.skus || it.skus.includes(c.s.product.sku)) && c.usable(it.q) && c.usable(it.a),
  );
}

/**
 * A question / bargaining / praise / small-talk chat: (greeting) → question → (order check) → answer →
 * (follow-up question) → reaction → closing. `then` adds an older complaint raised at the end.
 */
export function neutralConversation(
  c: Convo,
  intent: NeutralIntent,
  item: QA,
  extra: { second?: QA; complaint?: { intent: ComplaintIntent; label: Label } } = {},
): void {
  const r = c.rng;
  opening(c, intent.group === 'praise' ? 0.15 : 0.33);
  if (r.chance(0.04)) c.system(intent.stage);
  c.customer(item.q, NONE, 'calm');
  if ((intent.stage === 'paid' || intent.stage === 'shipped') && r.chance(0.3)) askOrder(c, NONE, 'calm');
  c.agent(item.a);
  if (item.then && c.usable(item.then.q) && (item.thenAlways || r.chance(0.55))) {
    c.customer(item.then.q, NONE, 'calm');
    c.agent(item.then.a);
  } else if (extra.second) {
    c.customer(extra.second.q, NONE, 'calm');
    c.agent(extra.second.a);
  }
  if (extra.complaint) {
    complaintConversation(c, extra.complaint.intent, extra.complaint.label, { leadIn: true });
    return;
  }
  if (intent.react && r.chance(0.65)) c.customer(intent.react, NONE, 'calm');
  else if (r.chance(0.5)) c.customer(ACK, NONE, 'calm');
  if (intent.group === 'praise') {
    if (r.chance(0.6)) c.agent(AGENT_BYE);
    return;
  }
  closing(c);
}
