// The actor registry: states, historical states, organisations, forces, media and people
// with terms of office, and a fast scanner that finds their names in text and resolves
// them by date. Data in ./data (sources cited there) and the world-countries package.
export type { ActorKind, ActorInfo, ResolvedActor, ActorMatch, ActorRole, MatchKind, Office } from './types.js';
export { matchActors } from './match.js';
export { nameJoints } from './glue.js';
export { caseJointAt } from './tokens.js';
export { resolveMatch, resolve, getActor, listActors, personOffice } from './resolve.js';
export { roleNouns, roleOfNoun, isRoleNoun, agentRole, type RoleNounEntry } from './role-nouns.js';
