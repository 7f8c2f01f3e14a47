// Builders for analysis tests: terse AnalysisEvent literals.
import { intensity, type PloverType } from '../domain/plover.js';
import type { AnalysisEvent } from '../domain/event.js';
import type { Modality } from '../domain/mention.js';

let n = 0;
export function ev(src: string, tgt: string, type: PloverType, start: string, more: Partial<AnalysisEvent> & { modality?: Modality } = {}): AnalysisEvent {
  return {
    id: `e${++n}`, type, sources: [src], targets: tgt ? [tgt] : [], start, end: start,
    modality: 'asserted', mentions: 1, intensity: intensity(type), origin: 'gdelt', ...more,
  };
}
