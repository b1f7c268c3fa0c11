import { basicHtmlViolations } from './html-rules';
import { rfqInvitation, shortlistAwaitingApproval } from './kinds';
import { escapeHtml, renderLayout } from './layout';

const caseRef = { reference: 'PC-2026-00042', title: 'Industrial compressors <2 pcs> & "spares"' };

describe('the message layout', () => {
  it('escapes every character with a meaning in HTML', () => {
    expect(escapeHtml(`<b a="1" b='2'>&</b>`)).toBe('&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;&lt;/b&gt;');
  });

  it('a heading with markup comes out as text in both parts', () => {
    const { text, html } = renderLayout({
      language: 'en',
      heading: '<script>alert(1)</script>',
      greeting: 'Hello',
      paragraphs: ['<img src=x onerror=alert(1)>'],
      facts: [],
      action: null,
      footer: 'why',
    });
    expect(text).toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(basicHtmlViolations(html, [])).toEqual([]);
  });

  it('refuses a link that is not http(s)', () => {
    expect(() =>
      renderLayout({ language: 'en', heading: 'h', greeting: 'g', paragraphs: [], facts: [], action: { label: 'x', url: 'javascript:alert(1)' }, footer: 'f' }),
    ).toThrow('must be http(s)');
  });

  it('the rules catch what they are for', () => {
    expect(basicHtmlViolations('<table width="700"><tr><td><img src="https://x.example/a.png"><style>p{}</style></td></tr></table>', [])).toEqual([
      'a <img> element',
      'a <style> element',
      'a link to https://x.example/a.png',
      'a width of 700',
    ]);
  });
});

describe('the message kinds', () => {
  const portalUrl = 'https://buy.example.com/supplier-portal#token=inv_abc';
  const invitation = (language: 'en' | 'es') =>
    rfqInvitation({ language, case: caseRef, supplierName: 'ACME GmbH', buyerName: 'Bea Buyer', round: 1, deadline: new Date('2027-01-15T12:00:00Z'), bestAndFinal: false, portalUrl });

  it('an RFQ invitation: the case reference and the one thing asked in the subject, basic HTML, one link (the portal) in both parts', () => {
    const m = invitation('en');
    expect(m.subject).toBe('[PC-2026-00042] Request for quotation: Industrial compressors <2 pcs> & "spares" — due 15 January 2027 at 12:00 UTC');
    expect(basicHtmlViolations(m.html, [portalUrl])).toEqual([]);
    expect(m.html).toContain(`href="${portalUrl}"`);
    expect(m.text).toContain(`Open the offer portal: ${portalUrl}`);
    expect(m.text).toContain('Deadline: 15 January 2027 at 12:00 UTC');
    expect(m.text).toMatch(/You receive this message because you are a contact of ACME GmbH/);
    expect(m.html).toContain('Industrial compressors &lt;2 pcs&gt; &amp; &quot;spares&quot;');
  });

  it('in Spanish', () => {
    const m = invitation('es');
    expect(m.subject).toMatch(/^\[PC-2026-00042\] Solicitud de oferta: .* — plazo 15 de enero de 2027 a las 12:00 UTC$/);
    expect(m.text).toContain('Recibe este mensaje porque es contacto de ACME GmbH');
    expect(m.html).toContain('<html lang="es">');
    expect(basicHtmlViolations(m.html, [portalUrl])).toEqual([]);
  });

  it('"shortlist awaits approval" tells the gatekeeper why they get it', () => {
    const link = 'https://buy.example.com/api/v1/cases/1/shortlist';
    const m = shortlistAwaitingApproval({ language: 'en', case: caseRef, recipientName: 'Gil Gate', buyerName: 'Bea Buyer', shortlisted: 3, solesource: false, link });
    expect(m.subject).toBe('[PC-2026-00042] Approve the shortlist: Industrial compressors <2 pcs> & "spares"');
    expect(m.text).toContain('Suppliers on the shortlist: 3');
    expect(m.text).toContain('because you are the gatekeeper of case PC-2026-00042');
    expect(basicHtmlViolations(m.html, [link])).toEqual([]);
  });
});
