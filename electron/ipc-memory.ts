// An in-memory transport pair (after VS Code's in-memory IPC protocol): the contract, the gate
// and the client run end to end in a test, without the Electron binary. Arguments and answers
// are structured-cloned, as Electron's IPC does, so a Buffer arrives as a plain Uint8Array and
// functions or class instances fail the way they would on the wire.
import type { Channel } from './contract';
import { wireName } from './contract';
import type { SenderInfo, ServerTransport, WireListener } from './ipc';

export const trustedTestSender: SenderInfo = {
  frameUrl: 'file:///app/out/renderer/index.html',
  isMainFrame: true,
  webContentsId: 1,
};

export interface MemoryClient {
  /** Calls a wire channel as `sender`; rejects like ipcRenderer.invoke when nothing handles it. */
  invokeWire(wire: string, args: unknown, sender?: SenderInfo): Promise<unknown>;
  /** Same, by contract channel: plugs into createHostClient. */
  invoke(channel: Channel, args: unknown): Promise<unknown>;
}

export function createMemoryTransportPair(defaultSender: SenderInfo = trustedTestSender): {
  server: ServerTransport & { wires(): string[] };
  client: MemoryClient;
} {
  const listeners = new Map<string, WireListener>();
  const server = {
    handle(wire: string, listener: WireListener) {
      if (listeners.has(wire)) throw new Error(`second handler for ${wire}`);
      listeners.set(wire, listener);
    },
    removeHandler(wire: string) {
      listeners.delete(wire);
    },
    wires: () => [...listeners.keys()],
  };
  const invokeWire = async (wire: string, args: unknown, sender = defaultSender) => {
    const listener = listeners.get(wire);
    if (!listener) throw new Error(`No handler registered for '${wire}'`);
    const answer = await listener(sender, structuredClone(args));
    return structuredClone(answer);
  };
  return {
    server,
    client: {
      invokeWire,
      invoke: (channel, args) => invokeWire(wireName(channel), args),
    },
  };
}
