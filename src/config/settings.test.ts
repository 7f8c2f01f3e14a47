import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS, loadSettings, settingsMarkdown } from './settings.js';

describe('settings', () => {
  it('resolve flag, then environment variable, then default', () => {
    const env = { ENTENTE_DB: 'from-env.db', ENTENTE_PORT: '9000' };
    const s = loadSettings({ port: '7000' }, env);
    expect(s.port).toBe('7000');
    expect(s.db).toBe('from-env.db');
    expect(s.host).toBe('127.0.0.1');
  });

  it('are all documented in the README, exactly as the table generates them', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = readme.match(/<!-- settings -->\n([\s\S]*?)\n<!-- \/settings -->/);
    expect(block, 'README has a settings block').not.toBeNull();
    expect(block![1]).toBe(settingsMarkdown());
    for (const s of SETTINGS) expect(readme).toContain(s.env);
  });
});
