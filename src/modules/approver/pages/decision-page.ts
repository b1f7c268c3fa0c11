import { enumLabel } from '../../reports/labels/enum-labels';
import { fill, LABELS } from '../../reports/labels/labels';
import type { ReportView } from '../../reports/view/report-view';
import { blocks, e } from './html';
import { type PageLabels, type PageLang } from './labels';

/** What the sign form needs: shown only to someone who may sign now. */
export interface SignForm {
  csrf: string;
  /** the absent approver a delegate signs for */
  onBehalfOf: { id: string; name: string } | null;
  /** the signer has not declared their conflicts of interest yet (the policy asks for it): the declaration comes first */
  declare: { suppliers: Array<{ id: string; name: string }> } | null;
}

/**
 * The decision page: the report's one-page summary (the same view model as the PDF's page 1), then
 * the report's own sections for the ranking with contributions, its robustness, the offers and
 * the signatures, a link to the PDF, and the form.
 */
export function decisionBody(view: ReportView, lang: PageLang, t: PageLabels, caseId: string, form: SignForm | null, notice: string | null): string {
  const r = LABELS[lang];
  const section = (title: string) => view.sections.find((s) => s.title.endsWith(`. ${title}`));
  const part = (heading: string, title: string) => {
    const s = section(title);
    return s ? `<section aria-labelledby="h-${title.length}"><h2 id="h-${title.length}">${e(heading)}</h2>${blocks(s.blocks)}</section>` : '';
  };
  return [
    notice ? `<p class="callout ok" role="status">${e(notice)}</p>` : '',
    `<p class="muted">${e(view.decision.kicker)} · ${e(view.decision.reference)} · ${e(view.decision.title)}</p>`,
    `<section aria-label="${e(view.decision.kicker)}">${blocks(view.decision.blocks, 2)}</section>`,
    form ? (form.declare ? declarationForm(t, caseId, form.csrf, form.declare.suppliers, lang) : signForm(t, caseId, form, lang)) : '',
    part(t.ranking, r.matrix),
    part(t.robustness, r.sensitivity),
    part(t.offers, r.negotiation),
    part(t.signatures, r.approvals),
    `<p><a href="/approve/cases/${caseId}/report.pdf?lang=${lang}">${e(t.pdf)}</a></p>`,
  ].join('\n');
}

function signForm(t: PageLabels, caseId: string, form: SignForm, lang: PageLang): string {
  const onBehalf = form.onBehalfOf
    ? `<p>${e(fill(t.onBehalfOf, { name: form.onBehalfOf.name }))}</p><input type="hidden" name="onBehalfOf" value="${e(form.onBehalfOf.id)}">`
    : '';
  return `<section aria-labelledby="sign"><h2 id="sign">${e(t.signHeading)}</h2>
<form method="post" action="/approve/cases/${caseId}?lang=${lang}">
<input type="hidden" name="csrf" value="${e(form.csrf)}">${onBehalf}
<fieldset><legend>${e(t.verdictLegend)}</legend>
<input type="radio" id="v-approve" name="verdict" value="approve" required><label for="v-approve">${e(t.choices.approve)}</label>
<input type="radio" id="v-reject" name="verdict" value="reject"><label for="v-reject">${e(t.choices.reject)}</label>
</fieldset>
<label for="comment">${e(t.comment)}</label><p class="hint" id="comment-hint">${e(t.commentHint)}</p>
<textarea id="comment" name="comment" maxlength="4000" aria-describedby="comment-hint"></textarea>
<label for="returnTo">${e(t.returnTo)}</label>
<select id="returnTo" name="returnTo"><option value="">—</option><option value="DECISION">${e(t.returnToDecision)}</option><option value="NEGOTIATION">${e(t.returnToNegotiation)}</option></select>
<p><button type="submit">${e(t.submit)}</button></p>
</form></section>`;
}

/** Before a first signature: the signer's declaration of conflicts of interest (DESIGN.md §1), posted like the API's. */
function declarationForm(t: PageLabels, caseId: string, csrf: string, suppliers: ReadonlyArray<{ id: string; name: string }>, lang: PageLang): string {
  const options = suppliers.map((s) => `<option value="${e(s.id)}">${e(s.name)}</option>`).join('');
  return `<section aria-labelledby="declare"><h2 id="declare">${e(t.declareHeading)}</h2>
<p>${e(t.declareWhy)}</p>
<form method="post" action="/approve/cases/${caseId}/declaration?lang=${lang}">
<input type="hidden" name="csrf" value="${e(csrf)}">
<fieldset><legend>${e(t.declareLegend)}</legend>
<input type="radio" id="d-none" name="conflict" value="no" required><label for="d-none">${e(t.declareNone)}</label>
<input type="radio" id="d-conflict" name="conflict" value="yes"><label for="d-conflict">${e(t.declareConflict)}</label>
</fieldset>
<label for="supplierId">${e(t.declareSupplier)}</label>
<select id="supplierId" name="supplierId"><option value="">—</option>${options}</select>
<label for="text">${e(t.declareText)}</label>
<textarea id="text" name="text" maxlength="2000"></textarea>
<p><button type="submit">${e(t.declareSubmit)}</button></p>
</form></section>`;
}

export function signedNotice(t: PageLabels, lang: PageLang, verdict: 'approve' | 'reject', stage: string): string {
  return fill(t.signedDone, { verdict: t.verdicts[verdict], stage: enumLabel('stage', stage as never, lang) });
}
