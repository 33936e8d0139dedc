// The fingerprint comparison of the desktop enrolment (the web e2e cannot show it: a browser
// cannot pin): both fingerprints side by side as people compare them, and the verdict in words.
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../../../../renderer/src/app/i18n';
import { FingerprintCompare } from '../../../../renderer/src/features/settings/HallFingerprintCompare';

const seen = '50ed38605d744d6f4d7679fb8d4f796da6c60dcef60f1da2070a8ddbf6afe28a';
const printed =
  '50:ED:38:60:5D:74:4D:6F:4D:76:79:FB:8D:4F:79:6D:A6:C6:0D:CE:F6:0F:1D:A2:07:0A:8D:DB:F6:AF:E2:8A';
// The words only: MUI's emotion styles arrive as <style> elements in static markup.
const text = (html: string) =>
  html
    .replace(/<style[^>]*>[^<]*<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

beforeAll(async () => {
  vi.stubGlobal('document', { documentElement: {} });
  await initI18n('zh-CN');
});
afterAll(() => vi.unstubAllGlobals());

describe('fingerprint comparison', () => {
  it('shows both as the server prints them and says they match', () => {
    const out = text(
      renderToStaticMarkup(<FingerprintCompare seen={seen} typed={printed.toLowerCase()} />),
    );
    expect(out).toContain(`服务器出示的指纹 ${printed}`);
    expect(out).toContain(`您输入的指纹 ${printed}`);
    expect(out).toContain('一致：连上的是打印这个指纹的服务器。');
  });

  it('one group off: says they differ and what to do', async () => {
    const typed = printed.replace('5D:74', '5D:75');
    const out = text(renderToStaticMarkup(<FingerprintCompare seen={seen} typed={typed} />));
    expect(out).toContain('不一致：请逐组核对。若确实不同，不要登记，请联系服务器管理员。');
    await i18next.changeLanguage('en');
    const en = text(renderToStaticMarkup(<FingerprintCompare seen={null} typed="" />));
    expect(en).toContain('Fingerprint the server shows (press “Check server” first)');
    expect(en).toContain('Fingerprint you typed (not entered yet)');
    expect(en).not.toContain('They match');
    await i18next.changeLanguage('zh-CN');
  });
});
