/**
 * Draws a login link as a QR code in SVG, with wasmgram's own encoder
 * (`encodeQr`): one path of unit squares, a white quiet zone of four modules
 * around it (ISO/IEC 18004, 9.1), scaled by CSS.
 */
import { encodeQr } from 'wasmgram';

/** The `<svg>` markup of `text` as a QR code. */
export function qrSvg(text: string): string {
  const qr = encodeQr(text, { ecc: 'M' });
  const quiet = 4;
  const side = qr.size + 2 * quiet;
  let d = '';
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) if (qr.dark(x, y)) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" role="img" aria-label="login QR code">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`
  );
}
