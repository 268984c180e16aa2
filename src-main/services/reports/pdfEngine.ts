import { createRequire } from 'node:module';
import { documentFonts, readFont } from '../documents/fonts';
import { installFontCache } from '../documents/pdfFontCache';

// pdfmake for the app's own printouts (the dashboard, the 审计封存单): the fonts and font names of
// the documents engine, because pdfmake's font table is one per process.

export type PdfMake = typeof import('pdfmake') & { virtualfs: { writeFileSync(name: string, data: Buffer): void } };
const requireCjs = createRequire(import.meta.url); // not `require`: the main bundle's ESM shim declares that name at the top of the shared chunk
let ready: PdfMake | null = null;

export function pdfEngine(): PdfMake {
  if (ready) return ready;
  installFontCache();
  const pm = requireCjs('pdfmake') as PdfMake;
  const fonts = documentFonts();
  pm.virtualfs.writeFileSync('zx-body.ttf', readFont(fonts.body));
  pm.virtualfs.writeFileSync('zx-title.ttf', readFont(fonts.title));
  const def = (name: string, face?: string) => (face ? [name, face] : name) as unknown as string;
  pm.setFonts({
    Body: { normal: def('zx-body.ttf', fonts.body.face), bold: def('zx-body.ttf', fonts.body.face) },
    Title: { normal: def('zx-title.ttf', fonts.title.face), bold: def('zx-title.ttf', fonts.title.face) },
  });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(() => false);
  ready = pm;
  return pm;
}
