// The bundled Noto Serif SC for Node (tests, samples): faces read from node_modules and
// inlined as data URIs, so the HTML stays standalone like the archived copy.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  parseFontFaceCss,
  type FontFaceAsset,
  type FontSource,
} from '../../renderer/src/print/fonts';

const require = createRequire(import.meta.url);

export const fontPackageDir = dirname(require.resolve('@fontsource/noto-serif-sc/400.css'));

let cached: FontSource | undefined;

export function nodeFontSource(): FontSource {
  if (cached) return cached;
  const faces = [400, 700].flatMap((w) =>
    parseFontFaceCss(readFileSync(join(fontPackageDir, `${w}.css`), 'utf8')),
  );
  const uris = new Map<string, string>();
  cached = {
    faces,
    src(face: FontFaceAsset) {
      let uri = uris.get(face.file);
      if (!uri) {
        const bytes = readFileSync(join(fontPackageDir, 'files', face.file));
        uri = `data:font/woff2;base64,${bytes.toString('base64')}`;
        uris.set(face.file, uri);
      }
      return uri;
    },
  };
  return cached;
}
