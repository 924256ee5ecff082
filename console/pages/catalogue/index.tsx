/** The catalogue page: parts and prices, suppliers, and the import from a spreadsheet (editors only). */
import { Alert, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useStaff } from '../../session';
import { useApi } from '../../use-api';
import type { SupplierView } from '../../../headoffice/console/contract/catalogue';
import { ImportTab } from './import-tab';
import { PartsTab } from './parts-tab';
import { SuppliersTab } from './suppliers-tab';

export default function CataloguePage() {
  const { t } = useTranslation('catalogue');
  const { can } = useStaff();
  const [version, setVersion] = useState(0);
  const loaded = useApi(() => api.get<{ items: SupplierView[] }>('/catalogue/suppliers'), []);
  const suppliers = loaded.data?.items ?? [];
  const loadSuppliers = loaded.reload;

  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      {loaded.problem && <Alert type="error" showIcon title={loaded.problem} style={{ marginBottom: 12 }} />}
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'parts',
            label: t('tab.parts'),
            children: <PartsTab key={version} suppliers={suppliers} onChanged={() => loadSuppliers()} />,
          },
          {
            key: 'suppliers',
            label: t('tab.suppliers'),
            children: <SuppliersTab suppliers={suppliers} reload={() => loadSuppliers()} />,
          },
          ...(can('catalogue.edit')
            ? [
                {
                  key: 'import',
                  label: t('tab.import'),
                  children: (
                    <ImportTab
                      onImported={() => {
                        setVersion((v) => v + 1);
                        loadSuppliers();
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
