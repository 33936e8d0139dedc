// Registers every channel of the host contract on a transport (ipcMain in the app, an
// in-memory pair in tests), through one gate: sender check, argument validation, typed errors.
// No `electron` import here: main adapts ipcMain to `ServerTransport` (adapters/ipc-main.ts).
import type { z } from 'zod';
import {
  channels,
  contract,
  HostError,
  wireName,
  type Channel,
  type Contract,
  type Envelope,
  type ResultOf,
} from './contract';
import { redactPaths, toHostErrorData } from './errors';

/** Who called: enough to decide whether the frame is ours. */
export interface SenderInfo {
  /** URL of the calling frame; null when the frame is gone (navigated or destroyed). */
  frameUrl: string | null;
  isMainFrame: boolean;
  webContentsId: number;
}

export type WireListener = (sender: SenderInfo, args: unknown) => Promise<Envelope<unknown>>;

export interface ServerTransport {
  handle(wire: string, listener: WireListener): void;
  removeHandler(wire: string): void;
}

export interface CallContext {
  channel: Channel;
  sender: SenderInfo;
}

/** One implementation per channel; arguments arrive already validated (zod output). */
export type Handlers = {
  [C in Channel]: (
    args: z.output<Contract[C]['args']>,
    ctx: CallContext,
  ) => Promise<ResultOf<C>> | ResultOf<C>;
};

export interface RegisterOptions {
  isTrustedSender: (sender: SenderInfo) => boolean;
  /** Check every result against the contract (dev and tests): a wrong shape becomes 'internal'. */
  validateResults?: boolean;
  /** Paths that may appear in error messages (the data folder). */
  allowedPathRoots?: readonly string[];
  /** Where unexpected errors go (main's log); never to the renderer. */
  log?: (event: string, detail: Record<string, unknown>) => void;
}

function summarizeIssues(error: z.ZodError): { tooLarge: boolean; message: string } {
  const parts = error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`);
  return {
    tooLarge: error.issues.some((i) => i.message === 'too_large'),
    message: parts.join('; ').slice(0, 500),
  };
}

/** Registers all channels; returns a function that removes them again. */
export function registerHandlers(
  transport: ServerTransport,
  handlers: Handlers,
  options: RegisterOptions,
): () => void {
  const log = options.log ?? (() => undefined);
  for (const channel of channels) {
    const spec = contract[channel];
    const handler = handlers[channel] as (args: unknown, ctx: CallContext) => unknown;
    if (typeof handler !== 'function') throw new Error(`no handler for ${channel}`);
    transport.handle(wireName(channel), async (sender, rawArgs) => {
      if (!options.isTrustedSender(sender)) {
        log('ipc.forbidden_sender', { channel, url: sender.frameUrl });
        return fail('forbidden_sender', 'forbidden_sender');
      }
      const parsed = spec.args.safeParse(rawArgs ?? {});
      if (!parsed.success) {
        const { tooLarge, message } = summarizeIssues(parsed.error);
        return fail(tooLarge ? 'too_large' : 'invalid_args', message);
      }
      try {
        const value = await handler(parsed.data, { channel, sender });
        if (options.validateResults) {
          const checked = spec.result.safeParse(value);
          if (!checked.success) {
            log('ipc.result_invalid', { channel, issues: summarizeIssues(checked.error).message });
            return fail('internal', 'result_invalid');
          }
        }
        return { ok: true, value };
      } catch (e) {
        // Never the raw message: a file error names the file, and file names carry personal data.
        if (!(e instanceof HostError)) {
          const code = (e as { code?: unknown } | null)?.code;
          log('ipc.handler_error', {
            channel,
            error: typeof code === 'string' ? code : redactPaths(String(e)).slice(0, 200),
          });
        }
        return { ok: false, error: toHostErrorData(e, options.allowedPathRoots ?? []) };
      }
    });
  }
  return () => {
    for (const channel of channels) transport.removeHandler(wireName(channel));
  };
}

function fail(
  code: 'forbidden_sender' | 'invalid_args' | 'too_large' | 'internal',
  message: string,
) {
  return { ok: false as const, error: { code, message } };
}
