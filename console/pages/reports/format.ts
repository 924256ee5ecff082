/** How the reports show their numbers: rates as percentages, money in yuan from fen, stores by code and name. */
import type { StoreRef } from '../../../headoffice/console/contract/reports';

export const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
export const yuan = (fen: number): string => `¥${(fen / 100).toFixed(2)}`;
export const orDash = (value: number | null): string | number => value ?? '—';
export const storeLabel = (s: StoreRef): string => (s.name ? `${s.code} ${s.name}` : s.code);
/** The rate as a number for Excel (a fraction, 4 places), blank when there is none. */
export const rateCell = (rate: number | null): string | number => (rate === null ? '' : rate);

export const CHART_COLOURS = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#13c2c2', '#8c8c8c'];
