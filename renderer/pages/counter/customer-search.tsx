/**
 * The counter's search: one box, any part of a phone number or a name, results as you type.
 * It follows the ARIA combobox pattern: focus stays in the box, ↑/↓ move the highlighted result
 * (aria-activedescendant), Enter opens it.
 */
import { Input, Typography, type InputRef } from 'antd';
import { useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary, DeskError } from '../../../db/api';
import { desk } from '../../desk';
import { useErrorText } from '../../forms/error-text';
import { useDebounced } from '../../use-debounced';
import { useDeskQuery } from '../../use-desk';
import { TierTag } from './tier-tag';

const LIST_ID = 'customer-results';
const HINT_ID = 'customer-search-hint';
const optionId = (customer: CustomerSummary): string => `customer-result-${customer.id}`;

export type CustomerSearchState = {
  items: ReadonlyArray<CustomerSummary>;
  highlighted: CustomerSummary | undefined;
  /** The results on screen answer what is in the box (not an older, shorter query). */
  current: boolean;
  searching: boolean;
  error: DeskError | null;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
};

export function useCustomerSearch(query: string, onOpen: (customerId: string) => void, onEscape: () => void): CustomerSearchState {
  const wanted = query.trim();
  const searched = useDebounced(wanted, 150);
  const enabled = searched !== '';
  const { state } = useDeskQuery('customers.search', { query: searched, limit: 20 }, { enabled, refetchOn: ['customers.changed'] });
  const items = enabled && wanted !== '' ? (state.value?.items ?? []) : [];
  const current = enabled && state.status === 'ok' && searched === wanted;

  const [highlight, setHighlight] = useState({ query: '', index: 0 });
  const index = highlight.query === searched ? Math.min(highlight.index, Math.max(items.length - 1, 0)) : 0;
  const highlighted = items[index];

  const move = (by: number): void => {
    if (items.length === 0) return;
    const next = (index + by + items.length) % items.length;
    setHighlight({ query: searched, index: next });
    const target = items[next];
    if (target) document.getElementById(optionId(target))?.scrollIntoView({ block: 'nearest' });
  };

  const openHighlighted = async (): Promise<void> => {
    if (current) {
      if (highlighted) onOpen(highlighted.id);
      return;
    }
    // Enter was quicker than the search: ask for this very query and open its first hit.
    if (wanted === '') return;
    const result = await desk.call('customers.search', { query: wanted, limit: 1 });
    const first = result.ok ? result.value.items[0] : undefined;
    if (first) onOpen(first.id);
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
    items,
    highlighted,
    current,
    searching: wanted !== '' && !current,
    error: enabled && state.status === 'error' ? state.error : null,
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
  return (
    <Input
      ref={inputRef}
      size="large"
      role="combobox"
      aria-label={t('counter.search')}
      aria-autocomplete="list"
      aria-expanded={search.items.length > 0}
      aria-controls={LIST_ID}
      aria-activedescendant={search.highlighted ? optionId(search.highlighted) : undefined}
      aria-describedby={HINT_ID}
      placeholder={t('counter.searchPlaceholder')}
      autoFocus
      autoComplete="off"
      spellCheck={false}
      maxLength={40}
      value={query}
      onChange={(event) => onQueryChange(event.target.value)}
      onKeyDown={search.onKeyDown}
    />
  );
}

export function CustomerResults({ search, onOpen }: { search: CustomerSearchState; onOpen: (customerId: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { items, highlighted } = search;
  return (
    <>
      <Typography.Text id={HINT_ID} type={search.error ? 'danger' : 'secondary'} style={{ display: 'block', marginBottom: 12 }}>
        {search.error ? errorText(search.error.key) : t('counter.hint')}
      </Typography.Text>
      <ul id={LIST_ID} role="listbox" aria-label={t('counter.results')} aria-busy={search.searching} className="cd-results" hidden={items.length === 0}>
        {items.map((customer) => (
          <li
            key={customer.id}
            id={optionId(customer)}
            role="option"
            aria-selected={customer === highlighted}
            className="cd-result"
            // Keep the focus in the search box: the next customer is searched from there.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onOpen(customer.id)}
          >
            <span className="cd-result-name">{customer.name}</span>
            <TierTag tier={customer.tier} />
            <span className="cd-result-phones">{customer.maskedPhones.join(' · ')}</span>
          </li>
        ))}
      </ul>
      {search.current && items.length === 0 ? <Typography.Paragraph type="secondary">{t('counter.noResults')}</Typography.Paragraph> : null}
    </>
  );
}
