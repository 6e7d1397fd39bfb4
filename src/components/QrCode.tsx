import { encode } from 'uqr';

/**
 * A QR code drawn as SVG rectangles by React (no HTML strings), generated in the browser: a share
 * link's and a class round's. Import it lazily (uqr stays off the first page); `className` lets
 * the projector view draw it large.
 */
export function QrCode({
  text,
  label,
  className = 'qr',
}: {
  text: string;
  label: string;
  className?: string;
}) {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  const cells: string[] = [];
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) cells.push(`M${x} ${y}h1v1h-1z`);
    }),
  );
  return (
    <svg
      className={className}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={cells.join('')} fill="#000000" />
    </svg>
  );
}
