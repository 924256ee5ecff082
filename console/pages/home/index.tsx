/** The start page: the chain at a glance for roles that read stores, and the way in for the others. */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../headoffice/console/contract/overview';
import { api } from '../../api';
import { useStaff } from '../../session';
import { useApi } from '../../use-api';

export default function HomePage() {
  const { t, i18n } = useTranslation(['home', 'common']);
  const { staff, can } = useStaff();
  const readsStores = can('stores.read');
  const loaded = useApi(() => (readsStores ? api.get<Overview>('/overview') : Promise.resolve(null)), [readsStores]);
  const overview = loaded.data ?? null;
  const problem = loaded.problem;

  return (
    <>
      <Typography.Title level={3}>{t('welcome', { name: staff.displayName })}</Typography.Title>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      {overview ? (
        <>
          <Row gutter={[16, 16]}>
            {(['stores', 'activePcs', 'silentPcs', 'refusedThisWeek'] as const).map((key) => (
              <Col key={key} xs={12} lg={6}>
                <Card>
                  <Statistic title={t(key)} value={overview[key]} />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('asOf', { time: new Date(overview.serverTime).toLocaleString(i18n.language) })}
          </Typography.Paragraph>
        </>
      ) : (
        !can('stores.read') && <Typography.Paragraph>{t('noStoresRead')}</Typography.Paragraph>
      )}
    </>
  );
}
