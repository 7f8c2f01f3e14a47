// The actor registry's public types: what an entry is, what a scan finds, what a
// resolution returns. Shared by the loader, the matcher and the resolver.

export type ActorKind = 'state' | 'historical-state' | 'igo' | 'collective' | 'person' | 'force' | 'media' | 'group';

/**
 * CAMEO role codes a mention may carry: government, military, rebels, opposition, police,
 * judiciary, media, civilians, business, and the rest of the Phoenix agent codes.
 */
export const ACTOR_ROLES = ['GOV', 'MIL', 'REB', 'OPP', 'COP', 'JUD', 'MED', 'CVL', 'BUS', 'IGO', 'NGO', 'LEG', 'SPY', 'UAF', 'CRM', 'EDU', 'HLH', 'LAB', 'REL', 'AGR', 'ENV', 'REF', 'PTY', 'ELI', 'MOD', 'RAD', 'INS', 'SEP', 'DEV', 'HRI', 'IMG', 'MNC', 'PPL'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export interface ActorInfo {
  code: string;
  name: string;
  kind: ActorKind;
  /** First and last day the entry exists (ISO prefixes); null = open. */
  from?: string | null;
  to?: string | null;
  /** Correlates of War state number, where one exists. */
  cow?: number | null;
  /** For media and named forces: the state they belong to (null for independent media). */
  state?: string | null;
}

export interface ResolvedActor {
  code: string;
  role?: ActorRole | string;
  name: string;
  kind: ActorKind;
  personId?: string;
  inOffice?: boolean;
  /** The office held at the date (persons only). */
  title?: string;
  /** The registry entry the name resolved to (a person, force or media id; a state code). */
  entry?: string;
  /** An armed group's home state. */
  home?: string;
}

/** `place`: a region or city of the gazetteer, standing for its state. */
export type MatchKind = ActorKind | 'role-phrase' | 'capital' | 'adjective' | 'place';

export interface ActorMatch {
  /** Offsets into the scanned string, UTF-16 code units, [start, end). */
  start: number;
  end: number;
  text: string;
  kind: MatchKind;
  /** Ids of the registry entries the alias may denote; the resolver picks one by date. */
  candidates: string[];
  /** A surname alone ("Kim", "Putin"): link it to an earlier full name, else resolve by date. */
  partial?: boolean;
  /** Followed by 's / ’s (not part of the span). */
  possessive?: boolean;
  /** Role implied by the phrase: "Russian soldiers" MIL, "South Korean officials" GOV, "the Pentagon" MIL. */
  role?: ActorRole;
  /** The role noun of a role phrase ("soldiers"), for traces. */
  roleNoun?: string;
  /** Per candidate, the dates within which this alias denotes it (null = the entry's own). */
  windows?: { from: string | null; to: string | null }[];
}

export interface Office {
  code: string;
  title: string;
  from: string;
  to: string | null;
  /**
   * 1 = head of state, government or party; 2 = minister; 3 = military commander (role
   * MIL); 4 = another dated code of the Phoenix dictionary; 9 = its undated default code
   * (not "in office"). Used to rank namesakes ("Kim") and to give the role.
   */
  rank: number;
  /** Role of the office when not given by the rank (Phoenix codes: OPP, JUD, ELI, ...). */
  role?: ActorRole;
}
