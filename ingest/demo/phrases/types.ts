import type { Kind } from '../catalog.ts';

/**
 * Phrase templates. Syntax (see ../template.ts):
 *   {slot}        a value from the conversation (product, size, courier, order number, days waited…)
 *   [a|b|]        one of the alternatives (empty allowed)
 *   " // "        splits into separate chat messages sent a few seconds apart
 *   "^ops+warehouse " at the very start: this line's owners (primary first) instead of the intent's;
 *                 "^logistics/transit_damage+warehouse " also sets the sub-topic.
 * A template whose {slot} cannot be filled for the conversation (e.g. {color} for a mattress) is skipped.
 * Lines are written in simplified characters; Taiwan / Hong Kong lines use their own wording and are
 * converted to traditional characters by the generator.
 */
export type Tpl = string;

export type Dept = 'warehouse' | 'ops' | 'finance' | 'product' | 'logistics' | 'service';

/** Where the order is when the buyer writes. */
export type Stage = 'browse' | 'paid' | 'shipped' | 'delivered' | 'after';

export interface Localized {
  /** Mainland lines (simplified). */
  base: Tpl[];
  /** Taiwan buyers (TW wording, simplified characters; converted). Preferred when present. */
  tw?: Tpl[];
  /** Hong Kong buyers. */
  hk?: Tpl[];
  /** Lines only for some product kinds; mixed with `base` (preferred when present). */
  byKind?: Partial<Record<Kind, Tpl[]>>;
}

export interface ComplaintIntent {
  id: string;
  dept: Dept;
  /** Further acceptable owners for every line of this intent (primary is `dept`). */
  also?: Dept[];
  sub: string;
  /** Relative frequency among complaints (before seasonal multipliers). */
  weight: number;
  kinds?: Kind[];
  stage: Stage;
  /** How long the buyer has waited, in days: [min, max]. */
  days?: [number, number];
  /** The problem as first said. */
  open: Localized;
  /** A second line with details, sent right after (same label). */
  more?: Localized;
  /** Agent: asks for evidence (photo / video) before solving. */
  evidence?: boolean;
  /** Agent answers / remedies. */
  solve: Localized;
  /** Buyer pushes back (same label). */
  push?: Localized;
}

export interface QA {
  q: Localized;
  a: Localized;
  kinds?: Kind[];
  /** Only for these SKUs (when the answer is specific to one product). */
  skus?: string[];
  /** A natural follow-up exchange. */
  then?: QA;
  /** The follow-up always happens (the agent asked for something). */
  thenAlways?: boolean;
}

export interface NeutralIntent {
  id: string;
  /** 'question' | 'bargain' | 'praise' | 'smalltalk' | 'return' … (for the summary only) */
  group: string;
  weight: number;
  kinds?: Kind[];
  stage: Stage;
  items: QA[];
  /** Buyer's reaction after the answer (neutral), e.g. "那我拍了". */
  react?: Localized;
}
