/**
 * The diagram as a file: a standalone SVG (the page's styles and the current theme's colours
 * embedded, so it looks the same anywhere), and a raster of it on a canvas for PNG and GIF.
 */

/** The CSS the diagram needs: every rule of the page's style sheets, and the theme's colours. */
export function pageCss(): string {
  const rules: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      for (const r of Array.from(sheet.cssRules)) rules.push(r.cssText);
    } catch {
      // A style sheet from another origin cannot be read; the diagram's own styles are local.
    }
  }
  const root = getComputedStyle(document.documentElement);
  const vars: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      for (const r of Array.from(sheet.cssRules)) {
        const style = (r as CSSStyleRule).style;
        if (!style) continue;
        for (let i = 0; i < style.length; i++) {
          const name = style[i];
          if (name.startsWith('--') && !vars.some((v) => v.startsWith(`${name}:`)))
            vars.push(`${name}:${root.getPropertyValue(name).trim()}`);
        }
      }
    } catch {
      // As above.
    }
  }
  // The theme's values win over the rules' own (the export looks like the screen).
  return `${rules.join('\n')}\nsvg.rendezvous-export{${vars.join(';')}}`;
}

/** A standalone SVG document of a diagram element, with a background and a title. */
export function standaloneSvg(svg: SVGSVGElement, title: string, css = pageCss()): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 800 600').split(/\s+/).map(Number);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  clone.removeAttribute('style');
  clone.setAttribute('class', `${clone.getAttribute('class') ?? ''} rendezvous-export`.trim());
  const doc = clone.ownerDocument;
  const style = doc.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = css;
  const t = doc.createElementNS('http://www.w3.org/2000/svg', 'title');
  t.textContent = title;
  const bg = doc.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute(
    'fill',
    getComputedStyle(document.documentElement).getPropertyValue('--panel').trim() || '#ffffff',
  );
  clone.insertBefore(bg, clone.firstChild);
  clone.insertBefore(style, clone.firstChild);
  clone.insertBefore(t, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** The size an SVG text declares. */
export function svgSize(text: string): { width: number; height: number } {
  const w = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(text);
  const h = /<svg[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(text);
  return { width: Math.ceil(Number(w?.[1] ?? 800)), height: Math.ceil(Number(h?.[1] ?? 600)) };
}

/** Draws an SVG text on a canvas of the given size (scaled to fit, on white). */
export function rasterize(text: string, width: number, height: number): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        reject(new Error('no 2D canvas'));
        return;
      }
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height);
      const s = svgSize(text);
      const k = Math.min(width / s.width, height / s.height);
      ctx.drawImage(img, 0, 0, s.width * k, s.height * k);
      URL.revokeObjectURL(url);
      resolve(canvas);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the diagram could not be drawn as an image'));
    };
    img.src = url;
  });
}

/** Offers bytes or text as a download. */
export function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 2000);
}
