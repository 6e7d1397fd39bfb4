import { lazy } from 'react';

/** The QR code, loaded when first shown (uqr stays out of the first page); one instance for every view. */
export const LazyQrCode = lazy(() =>
  import('../../components/QrCode.tsx').then((m) => ({ default: m.QrCode })),
);
