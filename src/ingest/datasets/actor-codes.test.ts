import { describe, expect, it } from 'vitest';
import { codeForName, cameoActorCode, cameoRole, fipsToIso3 } from './actor-codes.js';

describe('names → registry codes', () => {
  it.each([
    ['Russian Federation', 'RUS'], ['Russia', 'RUS'], ['North Korea', 'PRK'], ['South Korea', 'KOR'],
    ['United States', 'USA'], ['United States of America', 'USA'], ['Ukraine', 'UKR'], ['Turkey', 'TUR'],
    ['Moldova, Republic of', 'MDA'], ['Occupied Palestinian Territory', 'PSE'], ['Holy See', 'VAT'],
    ['Soviet Union', 'SUN'], ['East Germany (GDR)', 'DDR'], ['Czechoslovakia', 'CSK'], ['Yugoslavia', 'YUG'],
    ['South Vietnam', 'RVN'], ['European Union', 'EU'], ['United Nations', 'UN'], ['NATO', 'NATO'],
  ])('%s → %s', (name, code) => {
    expect(codeForName(name)).toBe(code);
  });
  it.each([['Hezbollah (Lebanon)'], ['Unspecified Actor'], ['Africa'], ['Google'], ['RU']])('must not resolve %s', (name) => {
    expect(codeForName(name)).toBeNull();
  });
});

describe('CAMEO actor codes', () => {
  it('prefers a state, then an IGO, and never a region', () => {
    expect(cameoActorCode('USA', '', 'GOV')).toBe('USA');
    expect(cameoActorCode('EUR', 'EEC', 'IGO')).toBe('EU');
    expect(cameoActorCode('AFR', '', '')).toBeNull();
    expect(cameoActorCode('', 'TAL', '')).toBeNull();
  });
  it('maps agent types to roles', () => {
    expect(cameoRole('MIL')).toBe('MIL');
    expect(cameoRole('COP')).toBe('GOV');
    expect(cameoRole('EDU', 'REB')).toBe('REB');
    expect(cameoRole('EDU')).toBeNull();
  });
  it('maps FIPS geo codes to ISO alpha-3', () => {
    expect(fipsToIso3('RS')).toBe('RUS');
    expect(fipsToIso3('KN')).toBe('PRK');
    expect(fipsToIso3('KS')).toBe('KOR');
    expect(fipsToIso3('ZZ')).toBeNull();
  });
});
