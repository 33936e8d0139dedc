// The one message the issuance page shows above its sections (a section reports through it).
// Its own module, so the sections and the page both import it without importing each other.
export type Notice = { severity: 'success' | 'error' | 'info'; text: string } | null;
