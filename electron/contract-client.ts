// The client side of the host contract: turns answer envelopes into values or thrown HostErrors.
// Imports only zod and the contract, so the preload and the renderer can both use it.
//
// Why the error encoding: contextBridge copies a thrown Error into the page's world keeping only
// its message (custom classes and properties are lost). The preload therefore throws HostErrors
// whose message carries the code, and the renderer's Electron host revives them with
// `reviveHostError` / `wrapBridgedHost`, so feature code always sees `HostError.code`.
import { z } from 'zod';
import {
  apiName,
  channels,
  HostError,
  hostErrorSchema,
  type Channel,
  type Envelope,
  type HostApi,
  type HostErrorData,
} from './contract';

export type Invoke = (channel: Channel, args: unknown) => Promise<unknown>;

const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: hostErrorSchema }),
]);

const BRIDGE_PREFIX = 'OW_HOST_ERROR:';

/** A message that survives contextBridge: `OW_HOST_ERROR:{"code":…,"message":…}`. */
export function encodeHostError(error: HostErrorData): string {
  return `${BRIDGE_PREFIX}${JSON.stringify({ code: error.code, message: error.message })}`;
}

/** Turns anything a bridged call rejected with back into a HostError (never throws). */
export function reviveHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const at = message.indexOf(BRIDGE_PREFIX);
  if (at >= 0) {
    try {
      const data = hostErrorSchema.parse(JSON.parse(message.slice(at + BRIDGE_PREFIX.length)));
      return new HostError(data.code, data.message);
    } catch {
      // fall through: a malformed encoding is an internal error, not a crash
    }
  }
  return new HostError('internal', 'host_call_failed');
}

/** Unwraps one envelope: the value, or a thrown HostError. */
export function unwrapEnvelope<T>(raw: unknown, bridged = false): T {
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) {
    throw bridgedError({ code: 'internal', message: 'bad_envelope' }, bridged);
  }
  if (parsed.data.ok) return parsed.data.value as T;
  throw bridgedError(parsed.data.error, bridged);
}

function bridgedError(error: HostErrorData, bridged: boolean): HostError {
  const e = new HostError(error.code, error.message);
  if (bridged) e.message = encodeHostError(error);
  return e;
}

/**
 * One async function per contract channel, named by apiName ('settings.get' → settingsGet).
 * `bridged: true` (the preload) encodes errors in their message for the trip through contextBridge.
 */
export function createHostClient(invoke: Invoke, options: { bridged?: boolean } = {}): HostApi {
  const api: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const channel of channels) {
    api[apiName(channel)] = async (args: unknown) =>
      unwrapEnvelope(await invoke(channel, args ?? {}), options.bridged ?? false);
  }
  return api as HostApi;
}

/** For the renderer: wraps the bridged `window.host` so every failure is a real HostError. */
export function wrapBridgedHost(bridged: HostApi): HostApi {
  const api: Record<string, (args: unknown) => Promise<unknown>> = {};
  const source = bridged as unknown as Record<string, (args: unknown) => Promise<unknown>>;
  for (const channel of channels) {
    const name = apiName(channel);
    api[name] = async (args: unknown) => {
      const fn = source[name];
      if (typeof fn !== 'function') throw new HostError('unknown_channel', channel);
      try {
        return await fn(args);
      } catch (e) {
        throw reviveHostError(e);
      }
    };
  }
  return api as HostApi;
}

export type { Envelope };
