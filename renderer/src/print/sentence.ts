// Free text typed by a clerk (a reason, a detail, a legal basis) is fitted into the papers' own
// sentences, which bring their own punctuation: "因{{reason}}，…" must not read "…公示。，…" when
// the clerk ended the reason with a full stop, nor "（…负责。）" inside brackets.

/** Closing punctuation a clause may be typed with, half- or full-width. */
const TRAILING = /[\s\u3000。．.，,；;：:、！!？?]+$/u;
const LEADING = /^[\s\u3000，,；;：:、。．.]+/u;

/** The text as a clause: trimmed, without the punctuation it was typed with at either end. */
export function clause(text: string | undefined | null): string {
  return (text ?? '').replace(TRAILING, '').replace(LEADING, '');
}

/** True when the clause has something to say (not blank, not only punctuation). */
export const hasText = (text: string | undefined | null): boolean => clause(text) !== '';
