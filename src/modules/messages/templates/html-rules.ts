/**
 * The basic-HTML rules every message keeps, as one check the unit and e2e specs share: what
 * corporate filters and old mail clients accept. Answers the broken rules (empty: all kept).
 */
export function basicHtmlViolations(html: string, allowedLinks: string[]): string[] {
  const problems: string[] = [];
  for (const tag of ['img', 'script', 'style', 'form', 'input', 'button', 'link', 'iframe', 'object', 'embed', 'video', 'audio', 'svg', 'base', 'meta http-equiv="refresh"']) {
    if (new RegExp(`<${tag}[\\s>/]`, 'i').test(html)) problems.push(`a <${tag}> element`);
  }
  if (/<[^>]*\son[a-z]+\s*=/i.test(html)) problems.push('an inline event handler');
  if (/url\s*\(/i.test(html) || /@import|@font-face/i.test(html)) problems.push('a CSS resource');
  if (/javascript:|data:|vbscript:/i.test(html)) problems.push('a script or data URL');
  const allowed = new Set(allowedLinks.map((u) => u.replace(/&/g, '&amp;')));
  for (const match of html.matchAll(/(?:href|src|action|background)\s*=\s*"([^"]*)"/gi)) {
    if (!allowed.has(match[1])) problems.push(`a link to ${match[1]}`);
  }
  const bare = html.replace(/<[^>]*>/g, ' ');
  for (const match of bare.matchAll(/https?:\/\/[^\s<]+/g)) {
    const url = match[0].replace(/&amp;/g, '&');
    if (!allowedLinks.includes(url)) problems.push(`a URL in the text: ${url}`);
  }
  for (const match of html.matchAll(/width\s*[:=]\s*"?(\d+)(px)?/gi)) {
    if (Number(match[1]) > 600) problems.push(`a width of ${match[1]}`);
  }
  if (!/<table[\s>]/i.test(html)) problems.push('no table layout');
  return problems;
}
