// Settings as the UI sees them: loaded once from the host, saved through it.
import { create } from 'zustand';
import { defaultSettings, type Settings, type SettingsPatch } from '../../../../electron/contract';
import { host } from '../../host';
import { changeLanguage } from '../i18n';

interface SettingsState {
  settings: Settings;
  load: () => Promise<Settings>;
  save: (patch: SettingsPatch) => Promise<Settings>;
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: defaultSettings,
  load: async () => {
    const settings = await host.settingsGet({});
    set({ settings });
    return settings;
  },
  save: async (patch) => {
    // The host validates and writes atomically; the UI only changes once it has answered.
    const settings = await host.settingsSet(patch);
    set({ settings });
    if (patch.language) await changeLanguage(settings.language);
    return settings;
  },
}));
