/** What frames an exported chart: a title above, a legend under it, the data's source at the foot. */
export interface ExportFrame {
  title: string;
  legend?: { label: string; color: string }[];
  /** E.g. "Source: production.csv (imported 2026-11-24)". */
  source: string;
}

const NS = 'http://www.w3.org/2000/svg';
const FONT =
  "'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif";
// Computed styles copied onto every element, so the file needs none of the page's CSS.
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-size',
  'font-weight',
  'display',
] as const;

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
  text?: string,
) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Copies each element's computed presentation styles onto its clone (the trees have the same shape). */
function inlineStyles(source: Element, target: Element) {
  const cs = getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  for (let i = 0; i < source.children.length; i++)
    inlineStyles(source.children[i], target.children[i]);
}

/**
 * A standalone SVG document of a chart: the chart itself with its styles
 * inlined (CSS variables resolved), a canvas layer under it (if the chart
 * draws its marks on one) as an embedded image, and the frame's title, legend
 * and source as text. Data only ever becomes text nodes, never markup.
 */
export function standaloneSvg(
  chart: SVGSVGElement,
  frame: ExportFrame,
): { text: string; width: number; height: number } {
  const width =
    Math.round(chart.getBoundingClientRect().width) || Number(chart.getAttribute('width')) || 800;
  const chartH =
    Math.round(chart.getBoundingClientRect().height) || Number(chart.getAttribute('height')) || 400;
  const clone = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart, clone);

  // Legend entries flow in rows.
  const legend = frame.legend ?? [];
  const items: { x: number; y: number; label: string; color: string }[] = [];
  let lx = 16;
  let ly = 50;
  for (const { label, color } of legend) {
    const w = 22 + label.length * 7.5;
    if (lx + w > width - 16 && lx > 16) {
      lx = 16;
      ly += 18;
    }
    items.push({ x: lx, y: ly, label, color });
    lx += w + 12;
  }
  const header = legend.length ? ly + 16 : 40;
  const footer = 28;
  const height = header + chartH + footer;

  const root = el('svg', {
    xmlns: NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': FONT,
  });
  root.append(el('rect', { width, height, fill: '#ffffff' }));
  root.append(
    el('text', { x: 16, y: 26, 'font-size': 16, 'font-weight': 600, fill: '#1b2733' }, frame.title),
  );
  for (const it of items) {
    root.append(el('circle', { cx: it.x + 6, cy: it.y - 4, r: 5, fill: it.color }));
    root.append(el('text', { x: it.x + 16, y: it.y, 'font-size': 12, fill: '#4a5866' }, it.label));
  }
  // Dense charts draw their marks on a canvas under the SVG: bring them along as an image.
  const canvas = chart.parentElement?.querySelector('canvas');
  if (canvas && canvas.width > 0)
    root.append(
      el('image', { x: 0, y: header, width, height: chartH, href: canvas.toDataURL('image/png') }),
    );
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(header));
  clone.removeAttribute('role');
  root.append(clone);
  root.append(
    el('text', { x: 16, y: height - 10, 'font-size': 11, fill: '#7a8794' }, frame.source),
  );
  return {
    text: '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(root),
    width,
    height,
  };
}

/** Renders an SVG document to a PNG at `scale` times its size (2 for sharp slides and print). */
export async function svgToPng(
  svg: { text: string; width: number; height: number },
  scale = 2,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, svg.width, svg.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
