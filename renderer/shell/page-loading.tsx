/**
 * What the content area shows while a page's chunk loads, and when it could not load. Both name
 * themselves to a screen reader; the failure says so in the counter's language and offers a reload,
 * which fetches the app afresh (a chunk missing after an update comes back only that way).
 */
import { Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div
      role="status"
      aria-live="polite"
      aria-busy="true"
      aria-label={t('app.loadingPage')}
      className="cd-page-loading"
    >
      <Skeleton active title={{ width: '30%' }} paragraph={{ rows: 6 }} />
    </div>
  );
}

/**
 * Where content will be while its first answer is on its way: grey lines instead of a blank or
 * a "0" that is not true yet. The one pattern for figures and cards; tables use antd Table's own
 * `loading`. Once an answer has come, a re-read keeps the old content on screen.
 */
export function ContentLoading({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-busy="true" aria-label={t('app.loading')}>
      <Skeleton active title={false} paragraph={{ rows }} />
    </div>
  );
}

export function PageLoadFailed() {
  const { t } = useTranslation();
  const error = useRouteError();
  // For whoever opens the developer tools; the screen says what to do.
  console.error('a page could not be shown', error);
  return (
    <Result
      status="warning"
      title={t('app.pageFailed')}
      subTitle={t('app.pageFailedHint')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      }
    />
  );
}
