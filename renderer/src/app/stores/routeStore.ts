// Where the clerk is, kept in the URL hash so a reload returns to the same screen.
import { create } from 'zustand';
import { isArea, type Area } from './areas';

export interface Route {
  area: Area;
  /** The rest of the path, e.g. a case id: '#/cases/ZZ-2026-00001' → ['ZZ-2026-00001']. */
  params: string[];
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, ...rest] = parts;
  return first && isArea(first)
    ? { area: first, params: rest }
    : { area: 'counselling', params: [] };
}

export const toHash = (route: Route) =>
  `#/${[route.area, ...route.params].map(encodeURIComponent).join('/')}`;

interface RouteState {
  route: Route;
  go: (area: Area, ...params: string[]) => void;
}

export const useRouteStore = create<RouteState>((set) => ({
  route: parseHash(window.location.hash),
  go: (area, ...params) => {
    const route = { area, params };
    const hash = toHash(route);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route });
  },
}));

window.addEventListener('hashchange', () => {
  useRouteStore.setState({ route: parseHash(window.location.hash) });
});
