// The intake draft: everything the clerk has typed, written to localStorage on every change, so
// a crash, a reload or the idle lock never loses it. Cleared only when a decision is recorded.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Channel, CreditCodeOverride, DeliveryMethod } from '../../domain';

export interface MaterialTick {
  received: boolean;
  form: 'original' | 'copy';
  copies: number;
  pages: number;
  conforming: boolean;
  note: string;
}

export interface DraftAttachment {
  id: string;
  name: string;
  size: number;
  mime: string;
}

export interface IntakeDraft {
  /** The case this intake creates (new) or renews (after a supplement). */
  caseId: string;
  /** Set when renewing a pending intake: the version the screen loaded. */
  renewing: { caseNo: string; version: number } | null;
  counsellingId: string | null;
  applicantKind: 'enterprise' | 'person';
  applicantName: string;
  creditCode: string;
  idNumber: string;
  legalRepresentative: string;
  contactName: string;
  contactPhone: string;
  hasAgent: boolean;
  agentName: string;
  agentIdNumber: string;
  agentPhone: string;
  projectName: string;
  projectCode: string;
  matterCode: string;
  channel: Channel;
  greenChannel: boolean;
  delivery: DeliveryMethod;
  answers: Record<string, string>;
  materials: Record<string, MaterialTick>;
  fields: Record<string, string>;
  attachments: DraftAttachment[];
  override: CreditCodeOverride | null;
  updatedAt: string;
}

export const newCaseId = () => `case-${crypto.randomUUID()}`;

export function emptyDraft(): IntakeDraft {
  return {
    caseId: newCaseId(),
    renewing: null,
    counsellingId: null,
    applicantKind: 'enterprise',
    applicantName: '',
    creditCode: '',
    idNumber: '',
    legalRepresentative: '',
    contactName: '',
    contactPhone: '',
    hasAgent: false,
    agentName: '',
    agentIdNumber: '',
    agentPhone: '',
    projectName: '',
    projectCode: '',
    matterCode: '',
    channel: 'window',
    greenChannel: false,
    delivery: 'pickup',
    answers: {},
    materials: {},
    fields: {},
    attachments: [],
    override: null,
    updatedAt: new Date().toISOString(),
  };
}

interface DraftState {
  draft: IntakeDraft;
  set: (patch: Partial<IntakeDraft>) => void;
  setMaterial: (id: string, patch: Partial<MaterialTick>) => void;
  replace: (draft: IntakeDraft) => void;
  clear: () => void;
}

export const DRAFT_KEY = 'onewindow.intakeDraft';

export const useDraftStore = create<DraftState>()(
  persist(
    (set) => ({
      draft: emptyDraft(),
      set: (patch) =>
        set((s) => ({ draft: { ...s.draft, ...patch, updatedAt: new Date().toISOString() } })),
      setMaterial: (id, patch) =>
        set((s) => {
          const current = s.draft.materials[id] ?? defaultTick();
          return {
            draft: {
              ...s.draft,
              materials: { ...s.draft.materials, [id]: { ...current, ...patch } },
              updatedAt: new Date().toISOString(),
            },
          };
        }),
      replace: (draft) => set({ draft }),
      clear: () => set({ draft: emptyDraft() }),
    }),
    { name: DRAFT_KEY, storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);

export function defaultTick(form: 'original' | 'copy' = 'original', copies = 1): MaterialTick {
  return { received: false, form, copies, pages: 0, conforming: true, note: '' };
}

/** Whether the clerk has typed anything worth keeping. */
export function isDraftTouched(d: IntakeDraft): boolean {
  return !!(d.applicantName || d.creditCode || d.idNumber || d.projectName || d.matterCode);
}
