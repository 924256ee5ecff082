/**
 * The counter's search: one box for a phone fragment, a name, pinyin initials, a ticket number, a
 * serial or a receipt number, results as you type, grouped by kind. It follows the ARIA combobox
 * pattern: focus stays in the box, ↑/↓ move through all groups (aria-activedescendant), Enter opens
 * the highlighted result — the first one unless moved.
 */
import { Input, Typography, type InputRef } from 'antd';
import { useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterSearchResult, DeskError } from '../../../db/api';
import { desk } from '../../desk';
import { SHORTCUT_KEYS } from '../../shell/shortcuts';
import { useErrorText } from '../../forms/error-text';
import { useTypeAhead } from '../../search/use-type-ahead';
import { MarkedPhones } from './marked-phones';
import { TierTag } from './tier-tag';

const LIST_ID = 'customer-results';
const HINT_ID = 'customer-search-hint';

/** One line of the results: whatever was found, it opens a customer. */
export type SearchOption = { key: string; kind: 'customer' | 'product' | 'ticket'; customerId: string };

function optionsOf(result: CounterSearchResult | undefined): SearchOption[] {
  if (!result) return [];
  return [
    ...result.items.map((c) => ({ key: `customer-${c.id}`, kind: 'customer' as const, customerId: c.id })),
    ...result.products.map((p) => ({ key: `product-${p.id}`, kind: 'product' as const, customerId: p.customerId })),
    ...result.tickets.map((x) => ({ key: `ticket-${x.id}`, kind: 'ticket' as const, customerId: x.customerId })),
  ];
}

/** Groups of one list: the visible caption is for the eye; the group's label is for screen readers. */
const GROUP_STYLE = { listStyle: 'none', margin: 0, padding: 0 } as const;
const CAPTION_STYLE = {
  padding: '4px 16px',
  fontSize: 12,
  color: 'rgba(0,0,0,0.45)',
  background: '#fafafa',
  borderBottom: '1px solid #f0f0f0',
} as const;

const optionId = (option: { key: string }): string => `search-result-${option.key}`;

export type CustomerSearchState = {
  result: CounterSearchResult | undefined;
  options: ReadonlyArray<SearchOption>;
  highlighted: SearchOption | undefined;
  /** The results on screen answer what is in the box (not an older, shorter query). */
  current: boolean;
  searching: boolean;
  error: DeskError | null;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
};

export function useCustomerSearch(
  query: string,
  onOpen: (customerId: string) => void,
  onEscape: () => void,
): CustomerSearchState {
  const wanted = query.trim();
  // Asked as keys arrive, without a pause: at most one search on its way, and only the answer for
  // what is in the box now is marked current (search/latest-only.ts).
  const { result: answer, current: answered } = useTypeAhead(
    'customers.search',
    wanted === '' ? null : { query: wanted, limit: 20 },
    ['customers.changed'],
  );
  const result = wanted !== '' && answer?.ok ? answer.value : undefined;
  const options = optionsOf(result);
  const current = answered && answer?.ok === true;

  const [highlight, setHighlight] = useState({ query: '', index: 0 });
  const index = highlight.query === wanted ? Math.min(highlight.index, Math.max(options.length - 1, 0)) : 0;
  const highlighted = options[index];

  const move = (by: number): void => {
    if (options.length === 0) return;
    const next = (index + by + options.length) % options.length;
    setHighlight({ query: wanted, index: next });
    const target = options[next];
    if (target) document.getElementById(optionId(target))?.scrollIntoView({ block: 'nearest' });
  };

  const openHighlighted = async (): Promise<void> => {
    if (current) {
      if (highlighted) onOpen(highlighted.customerId);
      return;
    }
    // Enter was quicker than the search: ask for this very query and open its first hit.
    if (wanted === '') return;
    const answer = await desk.call('customers.search', { query: wanted, limit: 5 });
    const first = answer.ok ? optionsOf(answer.value)[0] : undefined;
    if (first) onOpen(first.customerId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void openHighlighted();
    } else if (event.key === 'Escape') {
      onEscape();
    }
  };

  return {
    result,
    options,
    highlighted,
    current,
    searching: wanted !== '' && !answered,
    error: answered && answer?.ok === false ? answer.error : null,
    onKeyDown,
  };
}

type BoxProps = {
  search: CustomerSearchState;
  query: string;
  onQueryChange: (query: string) => void;
  inputRef?: Ref<InputRef>;
};

export function CustomerSearchBox({ search, query, onQueryChange, inputRef }: BoxProps) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('cust');
  return (
    <Input
      ref={inputRef}
      size="large"
      role="combobox"
      aria-label={t('counter.search')}
      aria-autocomplete="list"
      aria-expanded={search.options.length > 0}
      aria-controls={LIST_ID}
      aria-activedescendant={search.highlighted ? optionId(search.highlighted) : undefined}
      aria-describedby={HINT_ID}
      placeholder={`${tc('search.placeholder')} (${SHORTCUT_KEYS.search})`}
      title={t('shortcut.hint', { keys: SHORTCUT_KEYS.search })}
      aria-keyshortcuts={SHORTCUT_KEYS.search.replace('Ctrl', 'Control')}
      autoFocus
      autoComplete="off"
      spellCheck={false}
      maxLength={40}
      value={query}
      onChange={(event) => onQueryChange(event.target.value)}
      onKeyDown={search.onKeyDown}
      // A goods tag scanned here opens its ticket instead of searching (renderer/scan/counter-scanner.tsx).
      data-scan-anywhere
    />
  );
}

export function CustomerResults({
  search,
  onOpen,
}: {
  search: CustomerSearchState;
  onOpen: (customerId: string) => void;
}) {
  const { t } = useTranslation('cust');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const { result, highlighted } = search;
  const optionProps = (key: string, customerId: string) => ({
    id: optionId({ key }),
    role: 'option' as const,
    'aria-selected': highlighted?.key === key,
    className: 'cd-result',
    // Keep the focus in the search box: the next customer is searched from there.
    onMouseDown: (event: { preventDefault: () => void }) => event.preventDefault(),
    onClick: () => onOpen(customerId),
  });
  const empty = search.options.length === 0;
  return (
    <>
      <Typography.Text
        id={HINT_ID}
        type={search.error ? 'danger' : 'secondary'}
        style={{ display: 'block', marginBottom: 12 }}
      >
        {search.error ? errorText(search.error.key) : t('search.hint')}
      </Typography.Text>
      <div
        id={LIST_ID}
        role="listbox"
        aria-label={tc('counter.results')}
        aria-busy={search.searching}
        className="cd-results"
        hidden={empty}
      >
        {result && result.items.length > 0 ? (
          <ul role="group" aria-label={t('search.customers')} style={GROUP_STYLE}>
            <li role="presentation" aria-hidden style={CAPTION_STYLE}>
              {t('search.customers')}
            </li>
            {result.items.map((customer) => (
              <li key={customer.id} {...optionProps(`customer-${customer.id}`, customer.id)}>
                <span className="cd-result-name">{customer.name}</span>
                <TierTag tier={customer.tier} />
                <span className="cd-result-phones">
                  <MarkedPhones customer={customer} />
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {result && result.products.length > 0 ? (
          <ul role="group" aria-label={t('search.products')} style={GROUP_STYLE}>
            <li role="presentation" aria-hidden style={CAPTION_STYLE}>
              {t('search.products')}
            </li>
            {result.products.map((product) => (
              <li key={product.id} {...optionProps(`product-${product.id}`, product.customerId)}>
                <span className="cd-result-name">{product.customerName}</span>
                <span>
                  {product.brand} {product.model}
                </span>
                <span className="cd-result-phones">
                  {product.matched === 'serial'
                    ? t('search.serial', { value: product.serial })
                    : t('search.receipt', { value: product.receiptNo })}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {result && result.tickets.length > 0 ? (
          <ul role="group" aria-label={t('search.tickets')} style={GROUP_STYLE}>
            <li role="presentation" aria-hidden style={CAPTION_STYLE}>
              {t('search.tickets')}
            </li>
            {result.tickets.map((ticket) => (
              <li key={ticket.id} {...optionProps(`ticket-${ticket.id}`, ticket.customerId)}>
                <span className="cd-result-name">{ticket.number}</span>
                <span>{ticket.customerName}</span>
                <span className="cd-result-phones">
                  {t(`ticketType.${ticket.type}`, { defaultValue: ticket.type })}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {search.current && result?.more ? (
        <Typography.Paragraph type="secondary">{t('search.more')}</Typography.Paragraph>
      ) : null}
      {search.current && empty ? (
        <Typography.Paragraph type="secondary">{t('search.none')}</Typography.Paragraph>
      ) : null}
    </>
  );
}
