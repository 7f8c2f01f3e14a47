// The 16 PLOVER event types, their quad classes and conflict–cooperation scores.
// Facts live in data/plover-types.json (cited there); this module only gives them types.
import table from './data/plover-types.json' with { type: 'json' };

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export type QuadClass = 1 | 2 | 3 | 4;
export const QUAD_NAMES: Record<QuadClass, string> = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
};

export interface PloverTypeInfo {
  type: PloverType;
  quad: QuadClass;
  /** PLOVER score of the type, −10 (most conflictual) … +10 (most cooperative). */
  score: number;
  modes: Record<string, number>;
  description: string;
}

const INFO = new Map<PloverType, PloverTypeInfo>(
  (table.types as PloverTypeInfo[]).map((t) => [t.type, t]),
);

export function isPloverType(x: unknown): x is PloverType {
  return typeof x === 'string' && INFO.has(x as PloverType);
}

export function ploverInfo(type: PloverType): PloverTypeInfo {
  const info = INFO.get(type);
  if (!info) throw new Error(`unknown PLOVER type ${type}`);
  return info;
}

export function quadOf(type: PloverType): QuadClass {
  return ploverInfo(type).quad;
}

/** Intensity on the PLOVER −10…+10 scale; a known mode refines the type's score. */
export function intensity(type: PloverType, mode?: string | null): number {
  const info = ploverInfo(type);
  if (mode && mode in info.modes) return info.modes[mode];
  return info.score;
}

export function isCooperative(type: PloverType): boolean {
  return quadOf(type) <= 2;
}
