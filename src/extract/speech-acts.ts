// The PLOVER types that are speech acts (the codebook's first list): statements and requests
// about something, whose complements and lists name what they are about, not their parts.
import type { PloverType } from '../domain/index.js';

export const SPEECH_ACTS: ReadonlySet<PloverType> = new Set<PloverType>(['ACCUSE', 'SUPPORT', 'REJECT', 'THREATEN', 'REQUEST']);
