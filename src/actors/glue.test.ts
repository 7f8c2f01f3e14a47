import { describe, expect, it } from 'vitest';
import { nameJoints } from './glue.js';

describe('nameJoints', () => {
  it('finds the end of a known name run into the next word', () => {
    const text = 'That evening Kim Jong Unreceived Shoigu, and Kim Il Sungand Stalin met.';
    expect(nameJoints(text).map((i) => text.slice(i - 2, i + 3))).toEqual(['Unrec', 'ngand']);
  });

  it('leaves three capitalised words that are no known name alone', () => {
    expect(nameJoints('The New York Times reported it. In South Africa, Hong Kong Unrest')).toEqual([]);
  });
});
