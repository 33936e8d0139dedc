import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import zh from '../../../../renderer/src/locales/zh-CN/domain.json';
import en from '../../../../renderer/src/locales/en/domain.json';
import {
  CASE_STATUSES,
  REFUSAL_CODES,
  REFUSAL_PARAMS,
  ROLES,
} from '../../../../renderer/src/domain';

const messages: Record<string, Record<string, string>> = { 'zh-CN': zh, en };

describe('refusal messages', () => {
  it.each(Object.keys(messages))('every refusal code has a %s message with its params', (lang) => {
    const m = messages[lang] as Record<string, string>;
    for (const code of REFUSAL_CODES) {
      const text = m[`refusal.${code}`];
      expect([code, typeof text === 'string' && text.length > 0]).toEqual([code, true]);
      for (const p of REFUSAL_PARAMS[code] ?? [])
        expect([code, text]).toEqual([code, expect.stringContaining(`{{${p}}}`)]);
    }
  });

  it('every refusal code used in the domain source is declared (so it has messages)', () => {
    // Scans decide*.ts for refuse('…') / code: '…' so a new code cannot skip the message files.
    const dir = join(__dirname, '../../../../renderer/src/domain');
    const used = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.startsWith('decide'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/(?:refuse\(|code: )'([a-z_]+)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const code of used) expect(REFUSAL_CODES).toContain(code);
  });

  it('both languages have the same keys, including statuses and roles', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const s of CASE_STATUSES) expect(zh).toHaveProperty([`status.${s}`]);
    for (const r of ROLES) expect(en).toHaveProperty([`role.${r}`]);
  });
});
