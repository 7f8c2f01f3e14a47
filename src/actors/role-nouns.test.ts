import { describe, expect, it } from 'vitest';
import { agentRole, isRoleNoun } from './role-nouns.js';

describe('agentRole', () => {
  it('gives the role of a generic agent from the Phoenix agents and the hand role nouns', () => {
    expect(agentRole('protesters')).toBe('OPP');
    expect(agentRole('police')).toBe('COP');
    expect(agentRole('troops')).toBe('MIL');
  });
  it('is undefined for a word that is no agent', () => {
    expect(agentRole('weather')).toBeUndefined();
    expect(isRoleNoun('weather')).toBe(false);
  });
});
