// What the desk was showing, kept while the clerk looks at a case, so "back" returns to the
// same search or list instead of an empty box.
import { create } from 'zustand';
import type { DeskListKey } from '../../data/queries';

export type DeskSource = { kind: 'query'; query: string } | { kind: 'tile'; key: DeskListKey };

interface DeskState {
  text: string;
  source: DeskSource | null;
  setText: (text: string) => void;
  setSource: (source: DeskSource | null) => void;
}

export const useDeskStore = create<DeskState>((set) => ({
  text: '',
  source: null,
  setText: (text) => set({ text }),
  setSource: (source) => set({ source }),
}));
