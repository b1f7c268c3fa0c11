import type { Request, Response } from 'express';

/**
 * `GET /supplier-portal`: the page an invitation's link opens. The invitation token rides in the
 * link's fragment (`#token=…`), which the browser never sends to a server, so no access log holds
 * it; the page's script reads it and calls the portal API with it as bearer. No framework, no
 * external resource; a strict Content-Security-Policy allows only this page's own script and its
 * calls to this origin. Its two forms — a clarification question, the intent to bid or decline —
 * are sent by the script with the token as bearer (the CSP's `form-action 'none'` stops any native
 * submission, which would have no token).
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
      document.getElementById('dialogue').hidden = false;
    })
    .catch(() => { out.textContent = 'The service could not be reached.'; });
}
function send(path, body, status, done) {
  status.textContent = 'Sending…';
  fetch(path, { method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    .then((r) => r.json().then((answer) => ({ ok: r.ok, answer })))
    .then(({ ok, answer }) => { status.textContent = ok ? done(answer) : (answer.detail || 'Not sent.'); })
    .catch(() => { status.textContent = 'The service could not be reached.'; });
}
document.getElementById('question').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = document.getElementById('question-text');
  send('/api/v1/supplier-portal/questions', { text: text.value }, document.getElementById('question-status'), () => { text.value = ''; return 'Your question is sent. The answer will go to every invitee, without your name.'; });
});
document.getElementById('intent').addEventListener('submit', (event) => {
  event.preventDefault();
  const intent = document.querySelector('input[name="intent"]:checked').value;
  const reason = document.getElementById('intent-reason').value.trim();
  send('/api/v1/supplier-portal/intent', reason ? { intent, reason } : { intent }, document.getElementById('intent-status'), () => intent === 'bid' ? 'Recorded: you intend to bid.' : 'Recorded: you decline. You will get no more reminders for this round.');
});`;

const HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Supplier portal</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;max-width:600px;margin:24px auto;padding:0 12px;color:#1f2933;">
<h1 style="font-size:20px;">Supplier portal</h1>
<pre id="invitation" style="white-space:pre-wrap;font-family:inherit;font-size:15px;line-height:22px;">Loading your invitation…</pre>
<div id="dialogue" hidden>
<h2 style="font-size:17px;">Ask a question</h2>
<form id="question">
<label for="question-text" style="display:block;margin-bottom:4px;">Your question. The answer goes to every invitee of the round; you are not named.</label>
<textarea id="question-text" required maxlength="4000" rows="4" style="width:100%;box-sizing:border-box;font:inherit;"></textarea>
<button type="submit" style="margin-top:8px;font:inherit;">Send the question</button>
</form>
<p id="question-status" role="status"></p>
<h2 style="font-size:17px;">Will you bid?</h2>
<form id="intent">
<fieldset style="border:0;padding:0;margin:0;"><legend style="margin-bottom:4px;">Your intent for this round</legend>
<label style="display:block;"><input type="radio" name="intent" value="bid" checked> We intend to bid</label>
<label style="display:block;"><input type="radio" name="intent" value="decline"> We decline</label>
</fieldset>
<label for="intent-reason" style="display:block;margin:8px 0 4px 0;">Reason (optional)</label>
<textarea id="intent-reason" maxlength="2000" rows="2" style="width:100%;box-sizing:border-box;font:inherit;"></textarea>
<button type="submit" style="margin-top:8px;font:inherit;">Send our intent</button>
</form>
<p id="intent-status" role="status"></p>
</div>
<script>${SCRIPT}</script>
</body></html>`;

export function supplierPortalPage(_req: Request, res: Response): void {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', "default-src 'none'; script-src 'unsafe-inline'; connect-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  res.send(HTML);
}
