// The host contract: the only door from the renderer to the machine.
// Every host call is declared once here (name, argument schema, result schema). Main validates
// arguments with these schemas, the preload exposes exactly these names, and the renderer's
// HostApi type is derived from them — so the three cannot drift apart.
// This file imports zod only: it is loaded by main, preload, renderer and tests alike.
import { z } from 'zod';

/** Largest attachment accepted through the boundary (a scanned A3 page set fits easily). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
/** Largest file written through files.saveFile / backups. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

const bytes = (max: number) =>
  z.instanceof(Uint8Array).refine((b) => b.byteLength <= max, { message: 'too_large' });

/** A plain file name: no folders, no traversal, no control or reserved characters. */
export const fileNameSchema = z
  .string()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  .refine((s) => !/[\\/:*?"<>|\u0000-\u001f]/.test(s) && s !== '.' && s !== '..', {
    message: 'bad_file_name',
  });

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const languageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const windowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(10000),
  height: z.number().int().min(300).max(10000),
  maximized: z.boolean(),
});

export const settingsSchema = z.object({
  language: languageSchema,
  /** Backups to keep in the data folder's rotation. */
  backupKeep: z.number().int().min(1).max(365),
  /** Idle minutes before the screen locks. */
  idleLockMinutes: z.number().int().min(1).max(120),
  /** Printer per kind of paper ('' = the system default). */
  printers: z.object({ a4: z.string().max(200), receipt: z.string().max(200) }),
  /** Serif font for printed papers: 'bundled' is Noto Serif SC shipped with the app. */
  printFont: z.enum(['bundled', 'system-fangsong', 'system-songti']),
  windowBounds: windowBoundsSchema.nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  language: 'zh-CN',
  backupKeep: 30,
  idleLockMinutes: 5,
  printers: { a4: '', receipt: '' },
  printFont: 'bundled',
  windowBounds: null,
};

/** Deep-ish partial for settings.set: top-level keys optional, nested objects whole. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

const empty = z.object({}).strict();

export const contract = {
  'app.info': {
    args: empty,
    result: z.object({
      name: z.string(),
      version: z.string(),
      dataDir: z.string(),
      platform: z.string(),
      host: z.enum(['electron', 'browser']),
    }),
  },
  'settings.get': { args: empty, result: settingsSchema },
  'settings.set': { args: settingsPatchSchema, result: settingsSchema },
  'attachments.put': {
    args: z
      .object({
        name: fileNameSchema,
        mime: z.string().max(100),
        bytes: bytes(MAX_ATTACHMENT_BYTES),
      })
      .strict(),
    result: z.object({
      id: sha256HexSchema,
      size: z.number().int().nonnegative(),
      existed: z.boolean(),
    }),
  },
  'attachments.get': {
    args: z.object({ id: sha256HexSchema }).strict(),
    result: z.object({ id: sha256HexSchema, bytes: z.instanceof(Uint8Array) }),
  },
  'files.chooseFolder': {
    args: z.object({ title: z.string().max(200).optional() }).strict(),
    result: z.object({ path: z.string().nullable() }),
  },
  'files.saveFile': {
    args: z
      .object({
        suggestedName: fileNameSchema,
        bytes: bytes(MAX_FILE_BYTES),
        /** A folder chosen before with files.chooseFolder; absent = ask the user. */
        folder: z.string().max(4096).optional(),
      })
      .strict(),
    result: z.object({ path: z.string().nullable() }),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ResultOf<C extends Channel> = z.output<Contract[C]['result']>;

/** What a host call can fail with. Every failure crosses the boundary as one of these. */
export const hostErrorCodes = [
  'invalid_args', // the arguments do not match the contract
  'forbidden_sender', // the call came from a frame that is not ours
  'unknown_channel',
  'not_found',
  'too_large',
  'io', // disk full, permission denied, …
  'cancelled',
  'internal',
] as const;
export type HostErrorCode = (typeof hostErrorCodes)[number];

export const hostErrorSchema = z.object({
  code: z.enum(hostErrorCodes),
  message: z.string(),
});
export type HostErrorData = z.infer<typeof hostErrorSchema>;

/** The envelope every IPC answer travels in. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: HostErrorData };

/** Thrown by a HostApi implementation when a call fails; `code` is what the UI translates. */
export class HostError extends Error {
  readonly code: HostErrorCode;
  constructor(code: HostErrorCode, message: string) {
    super(message);
    this.name = 'HostError';
    this.code = code;
  }
}

/** The host API as feature code sees it: one async function per channel. */
export type HostApi = {
  [C in Channel as ApiName<C>]: (args: ArgsOf<C>) => Promise<ResultOf<C>>;
};

/** 'attachments.put' → 'attachmentsPut' */
type ApiName<C extends string> = C extends `${infer A}.${infer B}` ? `${A}${Capitalize<B>}` : C;

export function apiName<C extends Channel>(channel: C): ApiName<C> {
  const [a, b] = channel.split('.') as [string, string];
  return `${a}${b.charAt(0).toUpperCase()}${b.slice(1)}` as ApiName<C>;
}

export const channels = Object.keys(contract) as Channel[];

/** The IPC channel name on the wire: namespaced so nothing else can collide with it. */
export const wireName = (channel: Channel) => `ow:${channel}`;
