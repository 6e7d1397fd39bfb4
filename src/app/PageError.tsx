import { Component, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** What the page is (its address): a new one is tried afresh. */
  page: string;
  children: ReactNode;
}

/**
 * A page that could not be shown, because a part of it failed to load (offline before the app
 * was kept on the device, or a new deployment swapped the files mid-visit) or failed while
 * rendering: a calm message and a way to reload, instead of an empty screen. Answers are stored
 * on the device and survive the reload. Going to another page tries that one.
 */
export class PageErrorBoundary extends Component<Props, { failed: boolean; page: string }> {
  override state = { failed: false, page: this.props.page };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: { page: string }) {
    return props.page === state.page ? null : { failed: false, page: props.page };
  }

  override render(): ReactNode {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

function PageFailed() {
  const { t } = useTranslation();
  const message = useRef<HTMLDivElement>(null);
  // Where the page would have begun: in view, and where keyboard focus goes on from.
  useEffect(() => message.current?.focus(), []);
  return (
    <div className="notice" role="alert" tabIndex={-1} ref={message}>
      <p>{t('app.pageFailed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('update.reload')}
      </button>
    </div>
  );
}
