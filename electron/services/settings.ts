// Settings, kept by the main process in one JSON file written atomically.
// A corrupt file is never silently overwritten: it is renamed aside (kept for support), the
// problem is reported, and the app starts on defaults.
import { readFileSync } from 'node:fs';
import { readFile, rename as fsRename } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  defaultSettings,
  languageSchema,
  settingsSchema,
  type Language,
  type Settings,
  type SettingsPatch,
} from '../contract';
import { realFs, writeFileAtomic, type FsOps } from './fsutil';

export interface SettingsLoadReport {
  /** The file could not be used as it was; `keptAs` is where it was moved. */
  corrupt: { reason: 'unreadable_json' | 'invalid_values'; keptAs: string } | null;
}

export interface SettingsStore {
  load(): Promise<SettingsLoadReport>;
  get(): Settings;
  set(patch: SettingsPatch): Promise<Settings>;
}

export interface SettingsDeps {
  fs?: FsOps;
  now?: () => Date;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:.]/g, '');

/**
 * Salvages what it can: each valid top-level key is kept, an invalid one falls back to its
 * default (an older app version may have written a value that is now out of range).
 */
function salvage(raw: Record<string, unknown>): { settings: Settings; invalid: boolean } {
  const out: Record<string, unknown> = { ...defaultSettings };
  let invalid = false;
  for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
    if (!(key in raw)) continue;
    const field = settingsSchema.shape[key].safeParse(raw[key]);
    if (field.success) out[key] = field.data;
    else invalid = true;
  }
  return { settings: settingsSchema.parse(out), invalid };
}

/**
 * The language in the settings file, read synchronously before the app is ready (Chromium takes
 * its locale — which date and month pickers follow — only then). Anything unreadable: Chinese.
 */
export function languageAtStart(file: string): Language {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { language?: unknown };
    const parsed = languageSchema.safeParse(raw?.language);
    return parsed.success ? parsed.data : defaultSettings.language;
  } catch {
    return defaultSettings.language;
  }
}

export function createSettingsStore(file: string, deps: SettingsDeps = {}): SettingsStore {
  const fs = deps.fs ?? realFs;
  const now = deps.now ?? (() => new Date());
  let current: Settings = structuredClone(defaultSettings);
  // Writes are serialised: two quick changes must not race on the file.
  let queue: Promise<unknown> = Promise.resolve();

  async function keepAside(): Promise<string> {
    const keptAs = `${file}.corrupt-${stamp(now())}`;
    await fsRename(file, keptAs);
    return keptAs;
  }

  return {
    async load() {
      await mkdir(dirname(file), { recursive: true });
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
          current = structuredClone(defaultSettings);
          return { corrupt: null };
        }
        throw e;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        raw = undefined;
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        current = structuredClone(defaultSettings);
        return { corrupt: { reason: 'unreadable_json', keptAs: await keepAside() } };
      }
      const { settings, invalid } = salvage(raw as Record<string, unknown>);
      current = settings;
      if (!invalid) return { corrupt: null };
      const keptAs = await keepAside();
      await writeFileAtomic(file, JSON.stringify(current, null, 2), fs);
      return { corrupt: { reason: 'invalid_values', keptAs } };
    },
    get: () => structuredClone(current),
    set(patch) {
      const run = queue.then(async () => {
        const next = settingsSchema.parse({ ...current, ...patch });
        await writeFileAtomic(file, JSON.stringify(next, null, 2), fs);
        // Only what is on disk becomes current: a failed write leaves the old settings in force.
        current = next;
        return structuredClone(next);
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
