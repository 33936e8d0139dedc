// The hall floor (issue 18): queue tickets (取号 · 叫号), the hall display (大屏) and the rating
// device (评价器). This file is the contract the floor's parts share; docs/floor.md says why.
//
// The floor is operational state, not case history: tickets and calls live in a floor store —
// on one PC the station's own IndexedDB (kiosk, display and windows are browser windows of one
// origin), across the hall the server's PostgreSQL, reached through the host's hall channels.
// What belongs to a case reaches the case as an event in the event log: the ticket's waiting and
// serving times when the clerk finishes it (`ticketServed`), the applicant's rating from the
// rating device (`ratingRecorded`, channel 'device'). No personal data is ever on a ticket.

/** The kinds of business a ticket is taken for; each has its own letter on the ticket. */
export const BUSINESS_TYPES = [
  'counselling', // 咨询 · 一次性告知
  'intakeLandUse', // 受理 · 立项用地规划许可阶段
  'intakeEngineering', // 受理 · 工程建设许可阶段
  'intakeCompletion', // 受理 · 竣工验收阶段（规划核实）
  'collection', // 领证 · 取件
  'enquiry', // 查询 · 其他
] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

/** Letter printed before the number: A023. Green-channel tickets keep their business's letter. */
export const BUSINESS_LETTER: Readonly<Record<BusinessType, string>> = {
  counselling: 'A',
  intakeLandUse: 'B',
  intakeEngineering: 'C',
  intakeCompletion: 'D',
  collection: 'E',
  enquiry: 'F',
};

export const isBusinessType = (s: string): s is BusinessType =>
  (BUSINESS_TYPES as readonly string[]).includes(s);

export type TicketStatus =
  | 'waiting' // in the queue
  | 'called' // called to a window, not yet at the counter (may be recalled)
  | 'serving' // at the counter
  | 'done' // served and finished
  | 'noShow' // skipped after the set number of calls
  | 'cancelled'; // withdrawn at the kiosk or by an administrator, with a reason

/** A window of the hall (窗口): which business it serves. Its id is the station code. */
export interface FloorWindow {
  /** The counter station's code, e.g. 'HJ02'. */
  id: string;
  /** Shown on the display and spoken: 2 号窗口. */
  number: number;
  businesses: BusinessType[];
  /**
   * A green-channel window (绿色通道窗口): besides its own businesses it takes the green-channel
   * tickets of every business. (Green tickets go first at every window that serves them.)
   */
  green: boolean;
}

export interface TicketCall {
  at: string;
  window: string;
  clerkId: string;
}

/** One ticket. Times are ISO instants; the floor's day is the hall's day (Asia/Shanghai). */
export interface Ticket {
  id: string;
  /** 'A023': letter + three digits, restarting at 001 every hall day per letter. */
  number: string;
  business: BusinessType;
  /** 绿色通道: called before ordinary tickets of the same business at any window serving it. */
  green: boolean;
  /** The hall day, YYYY-MM-DD. */
  day: string;
  issuedAt: string;
  /** Which kiosk (station code) issued it. */
  issuedBy: string;
  status: TicketStatus;
  /** Every call, in order; recall appends. Skipped as no-show after FloorSettings.maxCalls. */
  calls: TicketCall[];
  /** The window it is called to / served at. */
  window?: string;
  /** Set by a transfer: it waits again in this business (keeps its issue time), or for one window. */
  transferredTo?: { business?: BusinessType; window?: string; at: string; by: string };
  servingFrom?: string;
  finishedAt?: string;
  clerkId?: string;
  /** Linked when the clerk opens or creates the case for this ticket. */
  caseId?: string;
  /** Monotonic revision of the floor store at this ticket's last change (watchers follow it). */
  rev: number;
}

export interface FloorSettings {
  /** Calls before a ticket may be skipped as a no-show (default 3). */
  maxCalls: number;
  windows: FloorWindow[];
}

/** What the display and the kiosk show, from one read of the floor store. */
export interface FloorSnapshot {
  day: string;
  rev: number;
  /** Tickets of the day (newest calls first is the display's business). */
  tickets: Ticket[];
  settings: FloorSettings;
  /**
   * The hall's public address (`serve --public-url`, docs/floor.md): the kiosk prints
   * `<publicUrl>/q/<ticket id>` as the ticket's QR code. Only the hall's snapshot has one.
   */
  publicUrl?: string;
}

/** The device kinds of the floor; enrolled as stations of these kinds (server/protocol). */
export type FloorDeviceKind = 'kiosk' | 'display' | 'rating';

export type FloorFailure = {
  ok: false;
  code: 'offline' | 'not_found' | 'conflict' | 'refused' | 'bad_request';
  message: string;
};
export type FloorResult<T> = { ok: true; value: T } | FloorFailure;

/**
 * The floor store: one interface, two implementations — local (Dexie, one PC) and hall (server,
 * through the host's hall channels). Every mutation is atomic in its store (an IndexedDB
 * transaction / a PostgreSQL transaction with the ticket rows locked), so two windows calling at
 * once never get one ticket. `requestKey` makes a retry idempotent.
 */
export interface FloorPort {
  readonly mode: 'local' | 'hall';
  snapshot(): Promise<FloorResult<FloorSnapshot>>;
  /** Called with a fresh snapshot whenever the store's rev moves past the last seen. */
  watch(onChange: (snapshot: FloorSnapshot) => void): () => void;
  issueTicket(req: {
    business: BusinessType;
    green: boolean;
    requestKey: string;
  }): Promise<FloorResult<{ ticket: Ticket; waitingAhead: number }>>;
  /** The next ticket for this window by the order rules (rules.ts), or null when none waits. */
  callNext(req: {
    window: string;
    clerkId: string;
    requestKey: string;
  }): Promise<FloorResult<Ticket | null>>;
  recall(req: { ticketId: string; window: string; clerkId: string }): Promise<FloorResult<Ticket>>;
  /** No-show: only after settings.maxCalls calls. */
  skip(req: { ticketId: string; window: string; clerkId: string }): Promise<FloorResult<Ticket>>;
  transfer(req: {
    ticketId: string;
    to: { business?: BusinessType; window?: string };
    clerkId: string;
  }): Promise<FloorResult<Ticket>>;
  serve(req: { ticketId: string; window: string; clerkId: string }): Promise<FloorResult<Ticket>>;
  linkCase(req: {
    ticketId: string;
    caseId: string;
    clerkId: string;
  }): Promise<FloorResult<Ticket>>;
  finish(req: { ticketId: string; window: string; clerkId: string }): Promise<FloorResult<Ticket>>;
  /**
   * Every ticket of a month ('YYYY-MM'), for the figures (statistics screen, monthly export).
   * Optional: a store made for a device page need not answer it.
   */
  monthTickets?(month: string): Promise<FloorResult<Ticket[]>>;
  /** The administrator's floor settings (rules.checkSettings); only an administrator may. */
  saveSettings(req: {
    settings: FloorSettings;
    userId: string;
  }): Promise<FloorResult<FloorSettings>>;
}
