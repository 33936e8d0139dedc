/// <reference types="vite/client" />
// The bundled Noto Serif SC inside the renderer bundle: Vite emits each woff2 face as an asset
// and gives its URL. A paper for the archive or a sandboxed preview must not depend on those
// URLs (a srcdoc frame has no origin to load them from), so prepareInlineFontSource fetches
// only the faces a paper needs and turns them into data: URIs.
import notoRanges from './notoSerifScRanges.json';
import { facesFor, notoSerifScFaces, type FontFaceAsset, type FontSource } from './fonts';
import {
  boldTextOf,
  renderDocument,
  type PrintTemplate,
  type RenderedDocument,
  type RenderOptions,
} from './render';

// Two patterns rather than a {400,700} brace, which the glob does not expand here.
const urls = import.meta.glob<string>(
  [
    '../../../node_modules/@fontsource/noto-serif-sc/files/noto-serif-sc-*-400-normal.woff2',
    '../../../node_modules/@fontsource/noto-serif-sc/files/noto-serif-sc-*-700-normal.woff2',
  ],
  { query: '?url', import: 'default', eager: true },
);

const byFile = new Map(
  Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]),
);

/** Faces served from the app bundle (fine for a window of the app itself). */
export const bundledFontSource: FontSource = {
  faces: notoSerifScFaces(notoRanges.ranges).filter((f) => byFile.has(f.file)),
  src: (face) => byFile.get(face.file) ?? '',
};

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

const inlined = new Map<string, string>();

/** A FontSource whose faces for `text` (bold ones for `boldText`) are data: URIs. */
export async function prepareInlineFontSource(
  text: string,
  boldText = text,
  base: FontSource = bundledFontSource,
  load: (url: string) => Promise<Uint8Array> = async (url) =>
    new Uint8Array(await (await fetch(url)).arrayBuffer()),
): Promise<FontSource> {
  const needed: FontFaceAsset[] = [
    ...facesFor(base.faces, 400, text),
    ...facesFor(base.faces, 700, boldText),
  ];
  await Promise.all(
    needed
      .filter((f) => !inlined.has(f.file))
      .map(async (f) => {
        inlined.set(f.file, `data:font/woff2;base64,${toBase64(await load(base.src(f)))}`);
      }),
  );
  const faces = needed;
  return { faces, src: (face) => inlined.get(face.file) ?? base.src(face) };
}

/**
 * renderDocument with the bundled font inlined: a first pass finds the characters, the faces
 * they need are fetched once (then cached), and the second pass embeds them.
 */
export async function renderDocumentInline<D>(
  template: PrintTemplate<D>,
  data: D,
  options: Omit<RenderOptions, 'fontSource'> = {},
): Promise<RenderedDocument> {
  const draft = renderDocument(template, data, options);
  const fontSource = await prepareInlineFontSource(draft.html, boldTextOf(draft.html));
  return renderDocument(template, data, { ...options, fontSource });
}
