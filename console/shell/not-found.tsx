import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.back')}</Button>
        </Link>
      }
    />
  );
}

/** A page the role may not open (typed address or an old bookmark); head office refuses its calls anyway. */
export function NotPermitted() {
  const { t } = useTranslation();
  return <Result status="403" title={t('error.forbidden')} />;
}
