// The layers of the UI (docs/architecture.md): features import app/stores/ and nothing else of
// app/; the stores sit below the features; and no import cycle runs through features/ or app/.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const repo = join(__dirname, '../../../..');
const src = join(repo, 'renderer/src');

const lint = async (code: string, filePath: string) => {
  const eslint = new ESLint({ cwd: repo });
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => `${m.line}: ${m.message}`);
};

describe('the import rules of features/ and app/stores/', () => {
  it('a feature may import a store, never App, the theme or the i18n set-up', async () => {
    const code = `import { useSessionStore } from '../../app/stores/sessionStore';
import { App } from '../../app/App';
import { makeTheme } from '../../app/theme';
import { initI18n } from '../../app/i18n';
export const used = [useSessionStore, App, makeTheme, initI18n];
`;
    const refused = (what: string) =>
      `'../../app/${what}' import is restricted from being used by a pattern. ` +
      'features/ import app/stores/* only, never App, theme or i18n.';
    expect(await lint(code, 'renderer/src/features/cases/Dashboard.tsx')).toEqual([
      `2: ${refused('App')}`,
      `3: ${refused('theme')}`,
      `4: ${refused('i18n')}`,
    ]);
    expect(await lint(code, 'renderer/src/features/shared/useToday.ts')).toHaveLength(3);
    // app/ itself wires everything.
    expect(await lint(code, 'renderer/src/app/App.tsx')).toEqual([]);
  }, 30_000);

  it('a store never imports a feature or the app shell', async () => {
    const code = `import { Shell } from '../../features/frame/Shell';
import { App } from '../App';
import { changeLanguage } from '../i18n';
import { host } from '../../host';
export const used = [Shell, App, changeLanguage, host];
`;
    const refused = (spec: string) =>
      `'${spec}' import is restricted from being used by a pattern. ` +
      'app/stores/ sit below the features: no features/, App or theme.';
    expect(await lint(code, 'renderer/src/app/stores/routeStore.ts')).toEqual([
      `1: ${refused('../../features/frame/Shell')}`,
      `2: ${refused('../App')}`,
    ]);
  }, 30_000);
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Every cycle (as a list of files) in the relative imports among `within`, type imports too. */
function cycles(within: string[]): string[][] {
  const inside = new Set(within);
  const edges = new Map(
    within.map((f) => [
      f,
      [...readFileSync(f, 'utf8').matchAll(/(?:from|import)\s*'(\.{1,2}\/[^']+)'/g)]
        .map((m) => resolveImport(f, m[1]!))
        .filter((t): t is string => t !== null && inside.has(t)),
    ]),
  );
  // Tarjan's strongly connected components: a component of more than one file is a cycle.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of edges.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      component.push(relative(src, w));
    } while (w !== v);
    if (component.length > 1 || edges.get(v)!.includes(v)) found.push(component.sort());
  };
  within.forEach((f) => index.has(f) || visit(f));
  return found;
}

describe('import cycles', () => {
  it('finds a cycle when there is one (so the check below means something)', () => {
    // The shape the issuance page had: the page defines a type its sections import.
    const dir = mkdtempSync(join(tmpdir(), 'ow-cycles-'));
    writeFileSync(
      join(dir, 'Page.tsx'),
      "import { Section } from './Section';\nexport type N = 1;\n",
    );
    writeFileSync(
      join(dir, 'Section.tsx'),
      "import type { N } from './Page';\nexport const Section = 1;\n",
    );
    writeFileSync(join(dir, 'notice.ts'), 'export type N = 1;\n');
    const found = cycles(files(dir)).map((c) => c.map((f) => f.split('/').pop()).join(' '));
    rmSync(dir, { recursive: true });
    expect(found).toEqual(['Page.tsx Section.tsx']);
  });

  it('no import cycle runs through features/ or app/', () => {
    const ui = [...files(join(src, 'features')), ...files(join(src, 'app'))];
    expect(ui.length).toBeGreaterThan(150);
    expect(cycles(ui)).toEqual([]);
  });
});
