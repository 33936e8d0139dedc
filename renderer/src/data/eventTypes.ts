// The envelope the data layer puts around a domain event before appending it to the log.
// Everything in it except `pos` (the local insertion order) and `gseq` (the hall order, learnt
// later) is covered by the hash chain.

export interface EventActor {
  id: string;
  name: string;
  role: string;
}

export interface StoredEvent {
  /** Local insertion order (auto-increment); not hashed, not synced. */
  pos?: number;
  /**
   * The hall order (issue 16): given by the hall server when it accepted the event, recorded when
   * this station learns it (a pull, or the answer to its own push). Local like `pos`: not hashed,
   * never sent; absent while an own event waits to be acknowledged.
   */
  gseq?: number;
  /** `${chainId}-${stationSeq}`: unique across stations and chains. */
  id: string;
  /** Envelope version (eventRegistry.ts); absent = 1, written before the registry. */
  schema?: number;
  /** The chain the event belongs to (log.ts); absent in v1 events, whose chain is stationId. */
  chainId?: string;
  stationId: string;
  /** Sequence number within the chain, from 1. */
  stationSeq: number;
  /** The aggregate the event belongs to: `case:<id>`, `user:<id>`, `station`, … */
  streamId: string;
  type: string;
  payload: Record<string, unknown>;
  actor: EventActor;
  /** ISO time in UTC. */
  at: string;
  prevHash: string;
  hash: string;
}
