// What the event log cannot give back: the one list of it. Every read table is a fold of the log
// (data/fold.ts) except the fields named here; a rebuild (data/rebuild.ts) keeps them from the
// stored rows, and a row it has to make from nothing gets the empty value named here.

export interface NotDerivable {
  /** Where it lives: a read table's fields, or something outside the tables. */
  where: string;
  fields: readonly string[];
  /** What a row rebuilt without a stored one gets. */
  rebuiltAs: string;
  reason: string;
}

export const NOT_DERIVABLE: readonly NotDerivable[] = [
  {
    where: 'users',
    fields: ['passwordHash'],
    rebuiltAs:
      "the hash kept beside the user event that set it (meta credential:<event id>, data/credentials.ts), else '' (cannot sign in until an administrator resets the password)",
    reason:
      'A secret: no event may carry a password or its hash (the user and sign-in payloads are strict), so the log never holds it; the hash travels beside its event to the hall and the other stations.',
  },
  {
    where: 'users',
    fields: ['failedAttempts', 'lockedUntil'],
    rebuiltAs: '0, null (not locked)',
    reason:
      'Lockout counters change on every failed sign-in and are reset on success without an event for each; the auth.* events record the attempts for the audit, not the counter.',
  },
  {
    where: 'files (print records)',
    fields: ['html'],
    rebuiltAs: "'' (the paper can no longer be reprinted from its HTML)",
    reason:
      'The exact HTML a paper was printed from (a reprint prints it again) is kept beside the record; the event holds its archive id and SHA-256, not the document.',
  },
  {
    where: 'files (print records from before events carried them)',
    fields: ['kind', 'paper', 'overlay', 'deviceName', 'printedAt', 'format'],
    rebuiltAs: 'absent (printedAt: the time of the event)',
    reason:
      'paperPrinted and paperReprinted events written before the fold was deterministic record only the archive id, hash, paper type, title and case.',
  },
  {
    where: 'the host archive (outside the database)',
    fields: ['archived PDF bytes', 'attachment scans'],
    rebuiltAs: 'nothing: the rows name them by id and hash',
    reason:
      'Files are kept by the host, content-addressed; the log records their ids and hashes, and a backup carries them.',
  },
  {
    where: 'meta',
    fields: [
      'chain heads',
      'counters (case, certificate, document numbers)',
      'integrity verdict',
      'station',
      'hall number attempts (the request key of an issue waiting for its number)',
    ],
    rebuiltAs: 'not rebuilt',
    reason:
      "The log's own bookkeeping, written with the events in the same transaction; a counter is never re-derived, so a number once issued is never issued again.",
  },
];

/** The fields of a table the fold leaves to the stored row. */
export const keptFields = (table: 'users' | 'files'): readonly string[] =>
  NOT_DERIVABLE.filter((n) => n.where.startsWith(table)).flatMap((n) => n.fields);
