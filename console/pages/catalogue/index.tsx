/** The catalogue page: parts and prices, suppliers, and the import from a spreadsheet (editors only). */
import { App, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useStaff } from '../../session';
import type { SupplierView } from '../../../headoffice/console/contract/catalogue';
import { errorText } from './errors';
import { ImportTab } from './import-tab';
import { PartsTab } from './parts-tab';
import { SuppliersTab } from './suppliers-tab';

export default function CataloguePage() {
  const { t } = useTranslation('catalogue');
  const { message } = App.useApp();
  const { can } = useStaff();
  const [suppliers, setSuppliers] = useState<SupplierView[]>([]);
  const [version, setVersion] = useState(0);
  const loadSuppliers = useCallback(async () => {
    try {
      setSuppliers((await api.get<{ items: SupplierView[] }>('/catalogue/suppliers')).items);
    } catch (e) {
      void message.error(errorText(e));
    }
  }, [t, message]);
  useEffect(() => void loadSuppliers(), [loadSuppliers]);

  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'parts',
            label: t('tab.parts'),
            children: <PartsTab key={version} suppliers={suppliers} onChanged={() => void loadSuppliers()} />,
          },
          {
            key: 'suppliers',
            label: t('tab.suppliers'),
            children: <SuppliersTab suppliers={suppliers} reload={() => void loadSuppliers()} />,
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
                        void loadSuppliers();
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
