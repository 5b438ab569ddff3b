import { layerAt } from './canvasLayer';
import { noticeError } from '../i18n/notice';

/** What frames an exported chart: a title above, a legend under it, the data's source at the foot. */
export interface ExportFrame {
  title: string;
  /** Legend entries: a colour's disc, or with `dash`, a line in that pattern ('' solid). */
  legend?: { label: string; color: string; dash?: string }[];
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
 * A standalone SVG document of a chart, or of several (small multiples, placed
 * as they sit on the page, each under its figure caption): the charts with
 * their styles inlined (CSS variables resolved), a canvas layer under a chart
 * (if it draws its marks on one) as an embedded image, and the frame's title,
 * legend and source as text. Data only ever becomes text nodes, never markup.
 */
export function standaloneSvg(
  charts: SVGSVGElement | readonly SVGSVGElement[],
  frame: ExportFrame,
  /** Device pixels per CSS pixel for canvas layers: 2 keeps them sharp in a 2× PNG and in print. */
  scale = 2,
): { text: string; width: number; height: number } {
  const list = Array.isArray(charts) ? charts : [charts as SVGSVGElement];
  if (!list.length) throw noticeError('export-nothing');
  // Each panel: the chart, its caption and canvas, and the boxes they occupy on the page.
  const panels = list.map((chart) => {
    const box = chart.getBoundingClientRect();
    const caption = chart.closest('figure')?.querySelector('figcaption') ?? null;
    const canvas = chart.parentElement?.querySelector('canvas') ?? null;
    return {
      chart,
      box: {
        left: box.left,
        top: box.top,
        width: Math.round(box.width) || Number(chart.getAttribute('width')) || 800,
        height: Math.round(box.height) || Number(chart.getAttribute('height')) || 400,
      },
      caption: caption
        ? { text: caption.textContent?.trim() ?? '', box: caption.getBoundingClientRect() }
        : null,
      captionColor: caption ? getComputedStyle(caption).getPropertyValue('--c').trim() : '',
      canvas: canvas && canvas.width > 0 ? canvas : null,
    };
  });
  const left = Math.min(
    ...panels.map((p) => Math.min(p.box.left, p.caption?.box.left ?? Infinity)),
  );
  const top = Math.min(...panels.map((p) => Math.min(p.box.top, p.caption?.box.top ?? Infinity)));
  const width = Math.round(Math.max(...panels.map((p) => p.box.left - left + p.box.width)));
  const chartH = Math.round(Math.max(...panels.map((p) => p.box.top - top + p.box.height)));

  // Legend entries flow in rows.
  const legend = frame.legend ?? [];
  const items: { x: number; y: number; label: string; color: string; dash?: string }[] = [];
  let lx = 16;
  let ly = 50;
  for (const { label, color, dash } of legend) {
    const w = 22 + label.length * 7.5;
    if (lx + w > width - 16 && lx > 16) {
      lx = 16;
      ly += 18;
    }
    items.push({ x: lx, y: ly, label, color, dash });
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
    if (it.dash === undefined)
      root.append(el('circle', { cx: it.x + 6, cy: it.y - 4, r: 5, fill: it.color }));
    else
      root.append(
        el('line', {
          x1: it.x,
          x2: it.x + 12,
          y1: it.y - 4,
          y2: it.y - 4,
          stroke: it.color,
          'stroke-width': 2,
          ...(it.dash ? { 'stroke-dasharray': it.dash } : {}),
        }),
      );
    root.append(el('text', { x: it.x + 16, y: it.y, 'font-size': 12, fill: '#4a5866' }, it.label));
  }
  for (const p of panels) {
    const x = Math.round(p.box.left - left);
    const y = Math.round(header + p.box.top - top);
    if (p.caption?.text) {
      const cx = Math.round(p.caption.box.left - left);
      const cy = Math.round(header + p.caption.box.top - top + 13);
      root.append(
        el(
          'text',
          { x: cx, y: cy, 'font-size': 13, 'font-weight': 600, fill: p.captionColor || '#1b2733' },
          p.caption.text,
        ),
      );
    }
    // Dense charts draw their marks on a canvas under the SVG: bring them along as an image.
    if (p.canvas)
      root.append(
        el('image', {
          x,
          y,
          width: p.box.width,
          height: p.box.height,
          href: layerAt(p.canvas, scale).toDataURL('image/png'),
        }),
      );
    const clone = p.chart.cloneNode(true) as SVGSVGElement;
    inlineStyles(p.chart, clone);
    clone.setAttribute('x', String(x));
    clone.setAttribute('y', String(y));
    clone.setAttribute('width', String(p.box.width));
    clone.setAttribute('height', String(p.box.height));
    clone.removeAttribute('role');
    root.append(clone);
  }
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
      canvas.toBlob((b) => (b ? resolve(b) : reject(noticeError('export-png'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
