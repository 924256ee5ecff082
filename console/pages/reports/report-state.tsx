/** A report's loading and refusal, around its figures. */
import { Alert, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loaded } from '../../use-api';

export function ReportState({ loaded, children }: { loaded: Loaded<unknown>; children: ReactNode }) {
  const { t } = useTranslation('reports');
  if (loaded.problem) return <Alert type="error" showIcon title={loaded.problem} />;
  return (
    <Spin spinning={loaded.loading} description={t('loading')}>
      <div style={{ minHeight: 120 }}>{children}</div>
    </Spin>
  );
}
