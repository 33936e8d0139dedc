import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './app/i18n';
import { useSettingsStore } from './app/stores/settingsStore';
import { App } from './app/App';

const rootEl = document.getElementById('root')!;
const root = createRoot(rootEl);

async function start() {
  const settings = await useSettingsStore.getState().load();
  await initI18n(settings.language);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

start().catch((e: unknown) => {
  // i18n may not be up yet: say it in both languages.
  const message = e instanceof Error ? e.message : String(e);
  rootEl.textContent = `启动失败 / Could not start: ${message}`;
});
