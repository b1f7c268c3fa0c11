import { escapeHtml as e } from '../../messages/templates/layout';
import type { BlockView, FieldView, TableView } from '../../reports/view/report-view';
import { type PageLabels, type PageLang } from './labels';

export { e };

/**
 * The approver pages' HTML: one small stylesheet, no script, readable on a phone (one column,
 * tables scroll inside their own region), contrast at least 4.5:1, a skip link and visible focus.
 */
const STYLE = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#4a4a4a;--line:#c8c8c8;--accent:#0b4f8a;--warn:#7a3b00;--bg:#fff;--soft:#f3f5f7}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;border-bottom:1px solid var(--line);padding-top:.5rem;padding-bottom:.5rem}
a{color:var(--accent)}a:focus,button:focus,input:focus,textarea:focus,select:focus,[tabindex]:focus{outline:3px solid #1d70b8;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem .5rem}
h1{font-size:1.5rem;margin:1rem 0 .5rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem;border-bottom:2px solid var(--accent)}h3{font-size:1.05rem;margin:1rem 0 .25rem}
dl{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.25rem 1rem;margin:.25rem 0}dt{font-weight:600}dd{margin:0;white-space:pre-line}
@media (max-width:36rem){dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}
.flag{color:var(--warn);font-weight:600}.muted{color:var(--muted)}
.callout{border-left:4px solid var(--accent);background:var(--soft);padding:.5rem .75rem}.callout.warning,.callout.danger{border-color:var(--warn)}
.scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;margin:.5rem 0;min-width:100%}th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}tr.strong td{font-weight:600}tr.muted td{color:var(--muted)}
form{background:var(--soft);padding:1rem;border-radius:4px}fieldset{border:1px solid var(--line);margin:0 0 1rem}label{display:block;font-weight:600;margin:.5rem 0 .25rem}
fieldset label{display:inline;font-weight:400;margin-right:1rem}textarea{width:100%;min-height:6rem;font:inherit}select,button{font:inherit}
button{background:var(--accent);color:#fff;border:0;padding:.6rem 1.5rem;border-radius:4px;cursor:pointer}.hint{color:var(--muted);font-size:.9rem;margin:0}
`;

export interface PageShell {
  lang: PageLang;
  t: PageLabels;
  title: string;
  /** the page's path without the language, for the language switch */
  path: string;
  userName: string | null;
  body: string;
}

export function page(p: PageShell): string {
  const other = p.t.otherLanguage;
  const sep = p.path.includes('?') ? '&' : '?';
  return `<!doctype html>
<html lang="${p.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${e(p.title)}</title><style>${STYLE}</style></head>
<body>
<a class="skip" href="#main">${e(p.t.skip)}</a>
<header><a href="/approve?lang=${p.lang}">${e(p.t.inboxTitle)}</a>
<span>${p.userName ? e(fillName(p.t.signedInAs, p.userName)) : ''}</span>
<a href="${e(`${p.path}${sep}lang=${other}`)}" hreflang="${other}" lang="${other}">${e(p.t.switchTo)}</a></header>
<main id="main">
<h1>${e(p.title)}</h1>
${p.body}
</main>
</body>
</html>`;
}

const fillName = (template: string, name: string) => template.replace('{name}', name);

/** The report's view blocks as HTML; charts are left out: the tables beside them carry their figures. */
export function blocks(items: BlockView[], level = 3): string {
  return items.map((b) => block(b, level)).join('\n');
}

function block(b: BlockView, level: number): string {
  switch (b.kind) {
    case 'heading':
      return `<h${level}>${e(b.text)}</h${level}>`;
    case 'fields':
      return fields(b.fields);
    case 'paragraph':
      return `<p${b.tone === 'muted' ? ' class="muted"' : ''}>${e(b.text)}</p>`;
    case 'callout':
      return `<p class="callout ${b.tone}">${e(b.text)}</p>`;
    case 'table':
      return table(b);
    case 'lineChart':
    case 'barChart':
    case 'stackedBarChart':
      return '';
  }
}

export function fields(items: FieldView[]): string {
  const rows = items.map((f) => `<dt>${e(f.label)}</dt><dd${f.flag ? ' class="flag"' : ''}>${e(f.value)}</dd>`);
  return `<dl>${rows.join('')}</dl>`;
}

function table(t: TableView): string {
  const head = t.columns.map((c) => `<th scope="col"${c.align === 'right' ? ' class="num"' : ''}>${e(c.group ? `${c.group}: ${c.header}` : c.header)}</th>`).join('');
  const rows = t.rows
    .map((r) => `<tr${r.emphasis ? ` class="${r.emphasis}"` : ''}>${r.cells.map((cell, i) => `<td${t.columns[i]?.align === 'right' ? ' class="num"' : ''}>${e(cell)}</td>`).join('')}</tr>`)
    .join('');
  return `<div class="scroll" role="region" tabindex="0" aria-label="${e(t.columns.map((c) => c.header).slice(0, 3).join(', '))}"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** A simple table of strings (the inbox): the first row's cells are the headers. */
export function simpleTable(caption: string, headers: string[], rows: string[][], numeric: number[] = []): string {
  const th = headers.map((h, i) => `<th scope="col"${numeric.includes(i) ? ' class="num"' : ''}>${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${cell}</td>`).join('')}</tr>`).join('');
  return `<div class="scroll" role="region" tabindex="0" aria-label="${e(caption)}"><table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}
