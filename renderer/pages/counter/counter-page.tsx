/** The counter: find the customer in front of you, open them, or register them. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Empty, Row, Tooltip, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUT_KEYS, useShortcut } from '../../shell/shortcuts';
import { useSignedIn } from '../../shell/signed-in';
import { ExportButtons } from '../customers/export-buttons';
import { CounterDuePanel } from '../tickets/counter-due-panel';
import { CustomerDrawer, type CustomerEditor } from './customer-drawer';
import { CustomerPanel } from './customer-panel';
import { CustomerResults, CustomerSearchBox, useCustomerSearch } from './customer-search';

/** What was typed into the search becomes the new customer's phone or name. */
function prefillFrom(query: string): { name?: string; phone?: string } {
  const typed = query.trim();
  if (typed === '') return {};
  return /^[\d\s()+\-（）]+$/.test(typed) ? { phone: typed } : { name: typed };
}

export function CounterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSignedIn();
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [editor, setEditor] = useState<CustomerEditor | null>(null);
  const searchRef = useRef<InputRef>(null);

  const search = useCustomerSearch(query, setOpenId, () => setQuery(''));
  const newCustomer = (): void => setEditor({ kind: 'create', prefill: prefillFrom(query) });
  useShortcut('search', () => searchRef.current?.focus({ cursor: 'all' }));
  useShortcut('newCustomer', can('customers.write') ? newCustomer : null);

  const closeEditor = (): void => {
    setEditor(null);
    searchRef.current?.focus();
  };

  return (
    <>
      <div style={{ display: 'flex', gap: 8, maxWidth: 880, marginBottom: 8 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <CustomerSearchBox search={search} query={query} onQueryChange={setQuery} inputRef={searchRef} />
        </div>
        {can('customers.export') ? <ExportButtons query={query} /> : null}
        {can('customers.write') ? (
          <Tooltip title={t('shortcut.hint', { keys: SHORTCUT_KEYS.newCustomer })}>
            <Button
              size="large"
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              aria-keyshortcuts={SHORTCUT_KEYS.newCustomer}
              onClick={newCustomer}
            >
              {t('counter.newCustomer')}
            </Button>
          </Tooltip>
        ) : null}
      </div>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={10}>
          <CustomerResults search={search} onOpen={setOpenId} />
        </Col>
        <Col xs={24} lg={14}>
          {openId ? (
            <CustomerPanel
              key={openId}
              customerId={openId}
              onEdit={(customer) => setEditor({ kind: 'edit', customer })}
              onClose={() => {
                setOpenId(null);
                searchRef.current?.focus();
              }}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('counter.noneOpen')} />
          )}
        </Col>
      </Row>
      <CounterDuePanel />
      <CustomerDrawer
        editor={editor}
        onClose={closeEditor}
        onOpenExisting={(id) => {
          setOpenId(id);
          closeEditor();
        }}
        onSaved={(customer) => {
          void message.success(t('form.saved'));
          setOpenId(customer.id);
          closeEditor();
        }}
      />
    </>
  );
}
