/** The customer's products with their proof of purchase and warranty; one click opens a product. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../db/api';
import { useSignedIn } from '../../shell/signed-in';
import { ProductDrawer } from './product-drawer';
import { useCategoryName } from './use-categories';
import { formatDate } from '../../format/date';

export function ProductsSection({
  customerId,
  products,
}: {
  customerId: string;
  products: ReadonlyArray<ProductDetail>;
}) {
  const { t } = useTranslation('cust');
  const { can } = useSignedIn();
  const categoryName = useCategoryName();
  const [editing, setEditing] = useState<ProductDetail | 'new' | null>(null);
  return (
    <Card
      role="region"
      aria-label={t('products.title')}
      title={t('products.title')}
      size="small"
      extra={
        can('customers.write') ? (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('products.add')}
          </Button>
        ) : null
      }
    >
      {products.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('products.none')} />
      ) : (
        <Table<ProductDetail>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={[...products]}
          onRow={(product) => ({
            onClick: () => can('customers.write') && setEditing(product),
            style: { cursor: 'pointer' },
          })}
          columns={[
            {
              title: t('products.product'),
              key: 'product',
              render: (_, p) => `${categoryName(p.category)} · ${p.brand} ${p.model}`,
            },
            { title: t('products.serial'), dataIndex: 'serial', render: (v: string | null) => formatDate(v) },
            { title: t('products.receipt'), dataIndex: 'receiptNo', render: (v: string | null) => v ?? '—' },
            { title: t('products.purchased'), dataIndex: 'purchaseDate', render: (v: string | null) => v ?? '—' },
            {
              title: t('products.warranty'),
              key: 'warranty',
              render: (_, p) =>
                p.warrantyEnd === null ? (
                  '—'
                ) : (
                  <Tag color={p.underWarranty ? 'green' : 'default'}>
                    {t(p.underWarranty ? 'products.until' : 'products.expired', { date: formatDate(p.warrantyEnd) })}
                  </Tag>
                ),
            },
          ]}
        />
      )}
      {editing ? (
        <ProductDrawer
          customerId={customerId}
          product={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}
