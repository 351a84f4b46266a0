/**
 * A drawn SVG chart as a file: SVG as it is (the charts set their colours and fonts as attributes,
 * so the file needs no page CSS), or PNG rasterised at twice the size for slides.
 */
export interface ChartFile {
  name: string;
  blob: Blob;
}

export function svgFile(svg: SVGSVGElement, stem: string): ChartFile {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
  return { name: `${stem}.svg`, blob: new Blob([text], { type: 'image/svg+xml' }) };
}

export async function pngFile(svg: SVGSVGElement, stem: string, scale = 2): Promise<ChartFile> {
  const { blob } = svgFile(svg, stem);
  const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
  const url = URL.createObjectURL(blob);
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the browser could not read the chart as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the chart as PNG'))), 'image/png'),
    );
    return { name: `${stem}.png`, blob: png };
  } finally {
    URL.revokeObjectURL(url);
  }
}
