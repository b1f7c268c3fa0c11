import type { Request, Response } from 'express';

/**
 * `GET /supplier-portal`: the page an invitation's link opens. The invitation token rides in the
 * link's fragment (`#token=…`), which the browser never sends to a server, so no access log holds
 * it; the page's script reads it and calls the portal API with it as bearer. No framework, no
 * external resource; a strict Content-Security-Policy allows only this page's own script and its
 * calls to this origin.
 */
const SCRIPT = `
const token = new URLSearchParams(location.hash.slice(1)).get('token');
const out = document.getElementById('invitation');
if (!token) { out.textContent = 'This link carries no invitation token.'; }
else {
  fetch('/api/v1/supplier-portal/invitation', { headers: { Authorization: 'Bearer ' + token } })
    .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
    .then(({ ok, body }) => {
      if (!ok) { out.textContent = body.detail || 'The invitation is not valid (it may have expired or been replaced).'; return; }
      const lines = [
        'Supplier: ' + body.supplierName,
        'Round ' + body.round.number + (body.round.bestAndFinal ? ' (best and final)' : '') + ', deadline ' + new Date(body.round.deadline).toUTCString(),
        'Currency: ' + body.baseCurrency,
        'Mandatory requirements:',
        ...body.requirements.map((q) => ' - ' + q.text),
        body.currentOffer ? 'Your current offer: revision ' + body.currentOffer.revision : 'No offer submitted yet.',
        '',
        'Submit your offer: POST /api/v1/supplier-portal/offers with this token as bearer.',
      ];
      out.textContent = lines.join('\\n');
    })
    .catch(() => { out.textContent = 'The service could not be reached.'; });
}`;

const HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Supplier portal</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;max-width:600px;margin:24px auto;padding:0 12px;color:#1f2933;">
<h1 style="font-size:20px;">Supplier portal</h1>
<pre id="invitation" style="white-space:pre-wrap;font-family:inherit;font-size:15px;line-height:22px;">Loading your invitation…</pre>
<script>${SCRIPT}</script>
</body></html>`;

export function supplierPortalPage(_req: Request, res: Response): void {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', "default-src 'none'; script-src 'unsafe-inline'; connect-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  res.send(HTML);
}
