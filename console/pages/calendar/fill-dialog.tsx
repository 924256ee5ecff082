/**
 * "Fill from the data package": what filling the year would add and change (and the days it keeps,
 * which the package does not have), read from head office before anything is written; confirming
 * fills it. Filling again changes nothing.
 */
import { Alert, App, Descriptions, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FillPlan, RegionDay } from '../../../headoffice/console/contract/standards';
import { api } from '../../api';
import { errorText } from '../../shell/error-text';
import { useApi } from '../../use-api';

export function FillDialog({
  region,
  year,
  onClose,
  onFilled,
}: {
  region: string;
  year: number;
  onClose: () => void;
  onFilled: () => void;
}) {
  const { t } = useTranslation(['calendar', 'common']);
  const { message } = App.useApp();
  const plan = useApi(() => api.get<FillPlan>('/standards/holidays/fill', { region, year }), [region, year]);
  const [problem, setProblem] = useState<string | null>(null);
  const [filling, setFilling] = useState(false);
  const nothing = plan.data !== undefined && plan.data.add.length === 0 && plan.data.change.length === 0;
  const fill = async () => {
    setFilling(true);
    try {
      const done = await api.send<FillPlan>('POST', '/standards/holidays/fill', { region, year });
      void message.success(t('filled', { added: done.add.length, changed: done.change.length }));
      onFilled();
      onClose();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setFilling(false);
    }
  };
  const dayRows = (days: ReadonlyArray<RegionDay>) => days.map((d) => ({ ...d, key: d.date }));
  return (
    <Modal
      open
      width={720}
      title={t('fillTitle', { region, year })}
      okText={t('fillConfirm')}
      cancelText={t('common:action.cancel')}
      okButtonProps={{ disabled: plan.data === undefined || nothing }}
      confirmLoading={filling}
      onOk={() => void fill()}
      onCancel={onClose}
    >
      {plan.problem && <Alert type="error" showIcon role="alert" title={plan.problem} />}
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      {plan.data && (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('source')}>
              {`${plan.data.source.name} ${plan.data.source.version} (${plan.data.source.firstYear}–${plan.data.source.lastYear})`}
            </Descriptions.Item>
            <Descriptions.Item label={t('toAdd')}>{plan.data.add.length}</Descriptions.Item>
            <Descriptions.Item label={t('toChange')}>{plan.data.change.length}</Descriptions.Item>
            <Descriptions.Item label={t('unchanged')}>{plan.data.unchanged}</Descriptions.Item>
            <Descriptions.Item label={t('kept')}>{plan.data.kept.length}</Descriptions.Item>
          </Descriptions>
          {nothing && <Alert type="success" showIcon title={t('upToDate')} />}
          {plan.data.change.length > 0 && (
            <>
              <Typography.Title level={5}>{t('toChange')}</Typography.Title>
              <Table
                size="small"
                pagination={false}
                dataSource={plan.data.change.map((c) => ({ ...c, key: c.after.date }))}
                columns={[
                  { title: t('date'), key: 'date', render: (_, c) => c.after.date },
                  {
                    title: t('before'),
                    key: 'before',
                    render: (_, c) => `${t(`kind.${c.before.kind}`)} · ${c.before.name}`,
                  },
                  {
                    title: t('after'),
                    key: 'after',
                    render: (_, c) => `${t(`kind.${c.after.kind}`)} · ${c.after.name}`,
                  },
                ]}
              />
            </>
          )}
          {plan.data.add.length > 0 && (
            <>
              <Typography.Title level={5}>{t('toAdd')}</Typography.Title>
              <Table
                size="small"
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                dataSource={dayRows(plan.data.add)}
                columns={[
                  { title: t('date'), dataIndex: 'date' },
                  { title: t('kind'), key: 'kind', render: (_, d) => t(`kind.${d.kind}`) },
                  { title: t('name'), dataIndex: 'name' },
                ]}
              />
            </>
          )}
          {plan.data.kept.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('keptNote', { dates: plan.data.kept.map((d) => d.date).join(', ') })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Modal>
  );
}
