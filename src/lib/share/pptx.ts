// A deck as a PowerPoint file: each slide its title as text and its view's charts as one 2×
// image, with the speaker notes. Written with pptxgenjs, a maintained library that writes
// .pptx in the browser, loaded only when a deck is exported.

/** One slide to write: its title, its notes, and its charts as a PNG of the given CSS size. */
export interface PptxSlide {
  title: string;
  notes: string;
  image: { png: Blob; width: number; height: number } | null;
}

/** 16:9 slides, in inches, as PowerPoint's default widescreen layout. */
const W = 13.333;
const H = 7.5;
const PAD = 0.4;
const TITLE_H = 0.9;

const dataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as string);
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });

/** The largest box of the image's aspect ratio that fits `w` × `h`, centred in it. */
export function fitImage(
  image: { width: number; height: number },
  w: number,
  h: number,
): { x: number; y: number; w: number; h: number } {
  const k = Math.min(w / image.width, h / image.height);
  const iw = image.width * k;
  const ih = image.height * k;
  return { x: (w - iw) / 2, y: (h - ih) / 2, w: iw, h: ih };
}

/** The deck as a .pptx file. Titles and notes are text runs, never markup. */
export async function deckToPptx(name: string, slides: readonly PptxSlide[]): Promise<Blob> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = name;
  for (const s of slides) {
    const slide = pptx.addSlide();
    slide.addText(s.title, {
      x: PAD,
      y: PAD / 2,
      w: W - 2 * PAD,
      h: TITLE_H,
      fontSize: 28,
      bold: true,
      color: '1B2733',
      fontFace: 'Noto Sans',
    });
    if (s.image) {
      const box = fitImage(s.image, W - 2 * PAD, H - TITLE_H - 1.5 * PAD);
      slide.addImage({
        data: await dataUrl(s.image.png),
        x: PAD + box.x,
        y: PAD / 2 + TITLE_H + box.y,
        w: box.w,
        h: box.h,
      });
    }
    if (s.notes) slide.addNotes(s.notes);
  }
  return (await pptx.write({ outputType: 'blob' })) as Blob;
}
