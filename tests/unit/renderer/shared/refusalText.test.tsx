// A refusal reads as a sentence in the clerk's words: roles, statuses and commands by name, and a
// screen that names its commands its own way (the approval steps) sees its own words.
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../renderer/src/app/i18n';
import type { DispatchRefusal } from '../../../../renderer/src/data/dispatch';
import { useRefusalText } from '../../../../renderer/src/features/shared/useCommand';

// useCommand's module reaches the host (for leases before a dispatch); these tests only read its
// sentences, in node, where no host can start.
vi.mock('../../../../renderer/src/host', () => ({ host: {} }));

beforeAll(async () => {
  // initI18n sets <html lang>; these tests run in node, without a DOM.
  vi.stubGlobal('document', { documentElement: {} });
  await initI18n('zh-CN');
});
afterAll(() => vi.unstubAllGlobals());

/** Renders the hook once and returns its sentence for `refusal`. */
function sentence(refusal: DispatchRefusal, commandWords?: string) {
  let out = '';
  function Probe() {
    out = useRefusalText(commandWords)(refusal);
    return null;
  }
  renderToStaticMarkup(<Probe />);
  return out;
}

const clerkReviews: DispatchRefusal = {
  code: 'forbidden_role',
  params: { command: 'review', role: 'clerk' },
};

describe('useRefusalText', () => {
  it('says role and command in words, never as codes', () => {
    const text = sentence(clerkReviews);
    expect(text).toContain('窗口');
    expect(text).toContain('审查');
    expect(text).not.toMatch(/clerk|review/);
  });

  it("uses a screen's own command words where it has them, the common ones otherwise", () => {
    expect(sentence(clerkReviews, 'approval')).toContain('审查通过');
    expect(sentence(clerkReviews)).not.toContain('审查通过');
    // 'approval' has no word for accept: the common word is used.
    const accept = sentence(
      { code: 'forbidden_role', params: { command: 'accept', role: 'reviewer' } },
      'approval',
    );
    expect(accept).not.toMatch(/accept|reviewer/);
  });

  it('says a data-layer refusal from its own namespace', () => {
    expect(sentence({ code: 'stale', params: { version: 3 } })).not.toContain('refusal.stale');
  });
});
