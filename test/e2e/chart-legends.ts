/**
 * Every chart on screen names its series in a legend, and each name is a column of the figure's
 * table below it (renderer/pages/tickets/report-figure.tsx, console/pages/reports/figure.tsx), so
 * what the colours mean can be read off the chart and found again in the numbers.
 */
/* global document -- legendProblems runs in the page */
import type { Page } from 'playwright-core';

/** In the page: a line per chart whose legend is missing, incomplete, or names no table column. */
function legendProblems(): string[] {
  const problems: string[] = [];
  for (const chart of document.querySelectorAll('[role="img"] .recharts-wrapper')) {
    const figure = chart.closest('[role="region"]');
    const title = figure?.getAttribute('aria-label') ?? '(a chart outside a figure)';
    const series = chart.querySelectorAll('.recharts-bar, .recharts-line').length;
    const legend = [...chart.querySelectorAll('.recharts-legend-item-text')].map((item) => item.textContent.trim());
    const columns = new Set([...(figure?.querySelectorAll('th') ?? [])].map((th) => th.textContent.trim()));
    if (legend.length === 0) problems.push(`"${title}" has no legend`);
    else if (legend.length !== series)
      problems.push(`"${title}" draws ${series} series but its legend names ${legend.length}`);
    for (const name of legend)
      if (!columns.has(name)) problems.push(`"${title}": the legend's "${name}" is no column of its table`);
  }
  return problems;
}

/** How many charts are on screen (a check that found none checked nothing). */
export function chartCount(page: Page): Promise<number> {
  return page.locator('[role="img"] .recharts-wrapper').count();
}

export function chartLegendProblems(page: Page): Promise<string[]> {
  return page.evaluate(legendProblems);
}
