/** Loads one report for the filters in force; a newer answer always wins (use-api.ts). */
import type { ReportFilters, ReportName, ReportOf } from '../../../headoffice/console/contract/reports';
import { api } from '../../api';
import { useApi, type Loaded } from '../../use-api';

export function useReport<N extends ReportName>(name: N, filters: ReportFilters): Loaded<ReportOf[N]> {
  return useApi(() => api.get<ReportOf[N]>(`/reports/${name}`, filters), [name, JSON.stringify(filters)]);
}
