import { fill } from '../../reports/labels/labels';
import { ReportFormatter } from '../../reports/view/format';
import { e, simpleTable } from './html';
import { type PageLabels, type PageLang } from './labels';

export interface InboxItem {
  caseId: string;
  reference: string;
  title: string;
  supplierName: string;
  amount: string | null;
  currency: string;
  waitingSince: Date;
  onBehalfOf: string | null;
}

export interface SignedItem {
  caseId: string;
  reference: string;
  title: string;
  verdict: 'approve' | 'reject';
  at: Date;
  onBehalfOf: string | null;
}

const HOUR_MS = 3600 * 1000;

/** How long a decision has waited, in whole days past a day, else whole hours. */
export function waited(t: PageLabels, since: Date, now: Date): string {
  const hours = Math.max(0, Math.floor((now.getTime() - since.getTime()) / HOUR_MS));
  return hours >= 24 ? fill(t.waitedDays, { n: Math.floor(hours / 24) }) : fill(t.waitedHours, { n: hours });
}

export function inboxBody(t: PageLabels, lang: PageLang, awaiting: InboxItem[], signed: SignedItem[], now: Date): string {
  const f = new ReportFormatter(lang);
  const caseCell = (i: { caseId: string; reference: string; title: string; onBehalfOf: string | null }) =>
    `<a href="/approve/cases/${i.caseId}?lang=${lang}">${e(i.reference)} · ${e(i.title)}</a>${i.onBehalfOf ? `<br><span class="muted">${e(fill(t.onBehalfOf, { name: i.onBehalfOf }))}</span>` : ''}`;
  const awaitingTable =
    awaiting.length === 0
      ? `<p>${e(t.awaitingNone)}</p>`
      : simpleTable(
          t.awaiting,
          [t.caseCol, t.supplierCol, t.amountCol, t.waited],
          awaiting.map((i) => [caseCell(i), e(i.supplierName), e(i.amount === null ? '-' : f.money(i.amount, i.currency)), e(waited(t, i.waitingSince, now))]),
          [2, 3],
        );
  const signedTable =
    signed.length === 0
      ? `<p>${e(t.signedNone)}</p>`
      : simpleTable(
          t.signed,
          [t.caseCol, t.verdictCol, t.dateCol],
          signed.map((i) => [caseCell(i), e(t.verdicts[i.verdict]), e(f.instant(i.at))]),
        );
  return `<section aria-labelledby="awaiting"><h2 id="awaiting">${e(t.awaiting)}</h2>${awaitingTable}</section>
<section aria-labelledby="signed"><h2 id="signed">${e(t.signed)}</h2>${signedTable}</section>`;
}
