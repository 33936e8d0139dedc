// Personal data (docs/security.md): ID numbers and phones masked in lists and on receipts, whole
// only on the case page; nothing personal in logs — neither main's log nor the renderer's console.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/handlers';
import { registerHandlers } from '../../../electron/ipc';
import { createMemoryTransportPair } from '../../../electron/ipc-memory';
import { createAttachmentStore } from '../../../electron/services/attachments';
import { createPrintArchive } from '../../../electron/services/archive';
import { createBackupStore } from '../../../electron/services/backups';
import { createFileSaver } from '../../../electron/services/files';
import { realFs } from '../../../electron/services/fsutil';
import { createSettingsStore } from '../../../electron/services/settings';
import { wireName } from '../../../electron/contract';
import type { CaseRow } from '../../../renderer/src/data/db';
import { makeIdNumber, maskIdNumber, maskPhone } from '../../../renderer/src/domain';
import { maskedPartyCode } from '../../../renderer/src/features/cases/caseFormat';
import { renderDocument } from '../../../renderer/src/print/render';
import * as samples from '../../../renderer/src/print/samples';
import { templates } from '../../../renderer/src/print/templates';
import type { ReceiptData } from '../../../renderer/src/print/types';
import { errnoError, fakePlatform, tempDir } from '../electron/helpers';
import { fuzzOptions } from './fuzzConfig';

const idNumber = fc
  .record({
    division: fc.constantFrom('410108', '410105', '110105', '440305'),
    birth: fc.date({
      min: new Date('1930-01-01'),
      max: new Date('2008-12-31'),
      noInvalidDate: true,
    }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ division, birth, seq }) => makeIdNumber(division, birth.toISOString().slice(0, 10), seq));
const mobile = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }))
  .map(([b, rest]) => `1${b}${String(rest).padStart(9, '0')}`);

/** A receipt for a private person: the case where masking matters. */
const receiptFor = (code: string, phone: string): ReceiptData => ({
  ...samples.receiptSample,
  applicant: { ...samples.samplePerson, code, phone },
});

describe('receipts', () => {
  it('never print a whole ID number or phone, A4 or 80 mm roll', () => {
    fc.assert(
      fc.property(idNumber, mobile, (code, phone) => {
        for (const t of [templates.receiptA4, templates.receiptThermal]) {
          const { html } = renderDocument(t, receiptFor(code, phone));
          expect(html).not.toContain(code);
          expect(html).not.toContain(phone);
          expect(html).toContain(`${code.slice(0, 4)}**********${code.slice(-4)}`);
          expect(html).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
        }
      }),
      fuzzOptions(60),
    );
  });
});

describe('lists', () => {
  const rowOf = (applicant: object): CaseRow =>
    ({ state: { intake: { applicant } } }) as unknown as CaseRow;

  it('the case list masks a person’s ID number, keeps an enterprise’s public credit code', () => {
    fc.assert(
      fc.property(idNumber, (code) => {
        const shown = maskedPartyCode(rowOf({ kind: 'person', name: '李', idNumber: code }));
        expect(shown).not.toBe(code);
        expect(shown).toBe(maskIdNumber(code));
        expect(shown).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      }),
      fuzzOptions(200),
    );
    const credit = samples.sampleEnterprise.code;
    expect(maskedPartyCode(rowOf({ kind: 'enterprise', name: '公司', creditCode: credit }))).toBe(
      credit,
    );
  });

  it('mobile numbers in lists keep three and four digits', () => {
    fc.assert(
      fc.property(mobile, (phone) => {
        expect(maskPhone(phone)).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      }),
      fuzzOptions(200),
    );
  });

  it('list screens show ID numbers and phones only through the mask functions', () => {
    // The screens that list many people at once. The case page (CaseFacts) shows whole values.
    const lists = [
      'renderer/src/features/cases/CaseResults.tsx',
      'renderer/src/features/cases/Dashboard.tsx',
      'renderer/src/features/cases/DeskPage.tsx',
      'renderer/src/features/counselling/SessionList.tsx',
    ];
    for (const file of lists) {
      const text = readFileSync(file, 'utf8');
      for (const line of text.split('\n')) {
        // String literals (translation keys like 'recent.phone') are labels, not values.
        const code = line.replace(/'[^']*'/g, "''");
        if (/\.(idNumber|phone|contactPhone|recipientIdNumber)\b/.test(code)) {
          expect(`${file}: ${line.trim()}`).toMatch(/mask(IdNumber|Phone|PartyCode)\(/);
        }
      }
    }
  });
});

describe('logs', () => {
  it('the renderer writes nothing personal to the console', () => {
    // Every console call in the renderer, by file; each must be allowed here with its reason.
    const allowed: Record<string, RegExp> = {
      // The error of a failed automatic backup: a HostError (code + path-redacted message).
      'renderer/src/data/backupAuto.ts': /console\.warn\('automatic backup failed', e\)/,
    };
    const calls: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(entry.name)) {
          for (const line of readFileSync(p, 'utf8').split('\n')) {
            if (/\bconsole\.\w+\(/.test(line) && !line.trim().startsWith('//')) {
              calls.push(`${p}: ${line.trim()}`);
            }
          }
        }
      }
    };
    walk('renderer/src');
    for (const call of calls) {
      const [file] = call.split(': ');
      expect(allowed[file!], call).toBeDefined();
      expect(call).toMatch(allowed[file!]!);
      expect(call).not.toMatch(/applicant|intake|idNumber|phone|contact|state\b/i);
    }
  });

  it("main's log gets the channel and a short reason, never the arguments", async () => {
    const dataDir = await tempDir();
    const settings = createSettingsStore(`${dataDir}/settings.json`);
    await settings.load();
    const { platform } = fakePlatform();
    const logged: string[] = [];
    const { server, client } = createMemoryTransportPair();
    const person = samples.samplePerson;
    registerHandlers(
      server,
      {
        ...createHandlers({
          dataDir,
          settings,
          attachments: createAttachmentStore(dataDir),
          saver: createFileSaver(),
          archive: createPrintArchive(dataDir),
          backups: createBackupStore(dataDir, { keep: () => 5, saver: createFileSaver() }),
          platform,
          warnings: [],
        }),
      },
      {
        isTrustedSender: (s) => s.frameUrl?.startsWith('file:///app/') ?? false,
        validateResults: true,
        allowedPathRoots: [dataDir],
        log: (event, detail) => logged.push(`${event} ${JSON.stringify(detail)}`),
      },
    );
    // Refused calls carrying personal data: bad arguments, a foreign frame.
    await client.invokeWire(wireName('archive.put'), {
      caseId: person.code,
      docType: 'receipt',
      title: `收件回执 ${person.name} ${person.phone}`,
      html: 42,
    });
    await client.invokeWire(
      wireName('archive.list'),
      { caseId: person.code },
      { frameUrl: 'https://evil.example/', isMainFrame: true, webContentsId: 2 },
    );
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) {
      for (const secret of [person.code, person.phone, person.name]) {
        expect(line).not.toContain(secret);
      }
    }
  });

  // FINDING F2 (reported; electron/ipc.ts is not ours): the gate logs `String(e)` for errors that
  // are not HostErrors, and a Node file error carries the full path — which names the exported
  // file, e.g. "受理通知书-李秀英-410108198503120039.pdf". The renderer only gets 'io EACCES'
  // (redacted), but main's log keeps the name and ID number. Fix: log the errno code (or
  // redactPaths(String(e))) instead of the raw message.
  it('F2: a failed export does not put the file name (with personal data) in the log', async () => {
    const dataDir = await tempDir();
    const folder = await tempDir();
    const settings = createSettingsStore(`${dataDir}/settings.json`);
    await settings.load();
    const name = `受理通知书-${samples.samplePerson.name}-${samples.samplePerson.code}.pdf`;
    const saver = createFileSaver({
      fs: {
        ...realFs,
        open: async (path) => {
          throw errnoError('EACCES', String(path));
        },
      },
    });
    const logged: string[] = [];
    const { server, client } = createMemoryTransportPair();
    const { platform } = fakePlatform();
    platform.chooseFolder = async () => folder;
    registerHandlers(
      server,
      createHandlers({
        dataDir,
        settings,
        attachments: createAttachmentStore(dataDir),
        saver,
        archive: createPrintArchive(dataDir),
        backups: createBackupStore(dataDir, { keep: () => 5, saver }),
        platform,
        warnings: [],
      }),
      {
        isTrustedSender: () => true,
        allowedPathRoots: [dataDir],
        log: (event, detail) => logged.push(`${event} ${JSON.stringify(detail)}`),
      },
    );
    await client.invokeWire(wireName('files.chooseFolder'), {});
    const answer = await client.invokeWire(wireName('files.saveFile'), {
      suggestedName: name,
      bytes: new Uint8Array([1]),
      folder,
    });
    // What the renderer sees is fine…
    expect(answer).toEqual({ ok: false, error: { code: 'io', message: 'EACCES' } });
    // …and the log line does not name the applicant.
    expect(logged.join('\n')).not.toContain(samples.samplePerson.code);
  });
});
