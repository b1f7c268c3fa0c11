/**
 * One layout for every message: what corporate mail systems deliver and old clients show well.
 * The HTML is basic on purpose — nested tables, inline styles, at most 600 px wide, system fonts,
 * no images, scripts, <style> blocks, forms or external resources; its one link is the action. The
 * plain-text part carries the same content, line for line.
 */
export interface MessageLayout {
  language: 'en' | 'es';
  /** the one thing the message says or asks, as its heading */
  heading: string;
  greeting: string;
  paragraphs: string[];
  /** the facts the reader needs to act, label → value (deadline, case, round) */
  facts: Array<[string, string]>;
  /** the one link, when the reader has something to do */
  action: { label: string; url: string } | null;
  /** why the recipient gets this message */
  footer: string;
}

export interface RenderedMessage {
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text into HTML text or an attribute value: every character with a meaning in HTML escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Only http(s) links go into a message (no javascript:, data: or mailto: trickery from data). */
export function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`a message link must be http(s): ${url}`);
  return parsed.toString();
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const TEXT = `${FONT}font-size:15px;line-height:22px;color:#1f2933;`;

export function renderLayout(layout: MessageLayout): RenderedMessage {
  const link = layout.action ? { label: layout.action.label, url: safeUrl(layout.action.url) } : null;
  const text = [
    layout.heading,
    '',
    layout.greeting,
    '',
    ...layout.paragraphs.flatMap((p) => [p, '']),
    ...(layout.facts.length > 0 ? [...layout.facts.map(([label, value]) => `${label}: ${value}`), ''] : []),
    ...(link ? [`${link.label}: ${link.url}`, ''] : []),
    '-- ',
    layout.footer,
    '',
  ].join('\n');

  const rows: string[] = [];
  rows.push(`<tr><td style="${FONT}font-size:20px;line-height:28px;font-weight:bold;color:#1f2933;padding:0 0 16px 0;">${escapeHtml(layout.heading)}</td></tr>`);
  rows.push(`<tr><td style="${TEXT}padding:0 0 12px 0;">${escapeHtml(layout.greeting)}</td></tr>`);
  for (const p of layout.paragraphs) rows.push(`<tr><td style="${TEXT}padding:0 0 12px 0;">${escapeHtml(p)}</td></tr>`);
  if (layout.facts.length > 0) {
    const facts = layout.facts
      .map(
        ([label, value]) =>
          `<tr><td width="180" valign="top" style="${TEXT}font-weight:bold;padding:4px 8px 4px 0;">${escapeHtml(label)}</td><td valign="top" style="${TEXT}padding:4px 0;">${escapeHtml(value)}</td></tr>`,
      )
      .join('');
    rows.push(`<tr><td style="padding:4px 0 16px 0;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${facts}</table></td></tr>`);
  }
  if (link) {
    rows.push(
      `<tr><td style="padding:4px 0 20px 0;"><table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td bgcolor="#1d4ed8" style="padding:10px 18px;"><a href="${escapeHtml(link.url)}" style="${FONT}font-size:15px;font-weight:bold;color:#ffffff;text-decoration:none;">${escapeHtml(link.label)}</a></td></tr></table></td></tr>`,
    );
    rows.push(`<tr><td style="${FONT}font-size:13px;line-height:18px;color:#52606d;padding:0 0 16px 0;">${escapeHtml(link.url)}</td></tr>`);
  }
  rows.push(`<tr><td style="${FONT}font-size:12px;line-height:18px;color:#7b8794;border-top:1px solid #cbd2d9;padding:12px 0 0 0;">${escapeHtml(layout.footer)}</td></tr>`);

  const html = [
    '<!DOCTYPE html>',
    `<html lang="${layout.language}"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>${escapeHtml(layout.heading)}</title></head>`,
    '<body style="margin:0;padding:0;background-color:#f5f7fa;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f5f7fa"><tr><td align="center" style="padding:24px 8px;">',
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="width:600px;max-width:600px;"><tr><td style="padding:24px;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${rows.join('')}</table>`,
    '</td></tr></table>',
    '</td></tr></table>',
    '</body></html>',
  ].join('\n');
  return { text, html };
}
