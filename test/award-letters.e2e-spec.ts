import { defaultSuppliers } from '../src/tools/case-builder';
import { basicHtmlViolations } from '../src/modules/messages/templates/html-rules';
import { messagesOf, releaseAndReceive, startMailingApp, stopMailingApp } from './setup/case-mail';
import { type SmtpSink } from './setup/smtp-sink';
import { type TestApp } from './setup/test-app';

/**
 * The award: the award letter to the winner, regret letters with each recipient's own debrief to
 * the others (never another supplier's name or figures), the award to the buying center. Read back
 * from a real SMTP server.
 */
let t: TestApp;
let sink: SmtpSink;

beforeAll(async () => {
  ({ t, sink } = await startMailingApp());
});

afterAll(() => stopMailingApp(t, sink));

const number = (x: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(Math.round(x * 10) / 10);

describe('award and regret letters', () => {
  it('the winner gets the award, each other supplier its own rank and points only, the buying center the award', async () => {
    const built = await t
      .builder()
      .withSuppliers(
        defaultSuppliers().map((s) => ({
          ...s,
          contacts: [
            { name: `${s.key} sales`, email: `sales@${s.key}.example`, roles: ['sales'] },
            { name: `${s.key} finance`, email: `finance@${s.key}.example`, roles: ['finance'] },
          ],
        })),
      )
      .withRounds([
        {
          offers: [
            { supplier: 'atlas', totalPrice: '81234.00' },
            { supplier: 'boreal', totalPrice: '92345.00' },
            { supplier: 'cumulus', totalPrice: '103456.00' },
          ],
        },
      ])
      .build('AWARDED');
    const buyer = built.person('buyer');
    const matrix = (await t.http.get(`/api/v1/cases/${built.caseId}/matrix`).set(buyer.auth).expect(200)).body;
    const winner = matrix.ranking[0];
    const letters = (await messagesOf(t, built.caseId, buyer.token)).filter((x) => x.kind === 'award.letter' || x.kind === 'regret.letter');
    expect(letters.map((x) => ({ kind: x.kind, status: x.status, to: x.recipients.map((r) => r.email) })).sort((a, b) => a.to[0].localeCompare(b.to[0]))).toEqual(
      (['atlas', 'boreal', 'cumulus'] as const)
        // the award letter goes to sales and finance, a regret to sales
        .map((key) => (built.supplier(key).id === winner.supplierId ? { kind: 'award.letter', status: 'pending_approval', to: [`sales@${key}.example`, `finance@${key}.example`] } : { kind: 'regret.letter', status: 'pending_approval', to: [`sales@${key}.example`] }))
        .sort((a, b) => a.to[0].localeCompare(b.to[0])),
    );
    const mails = await releaseAndReceive(t, sink, built.caseId, built.person('gatekeeper').token, letters.map((x) => x.id));
    const names = new Map(matrix.weights.map((w: { criterionId: string; name: string }) => [w.criterionId, w.name]));
    const weights = new Map(matrix.weights.map((w: { criterionId: string; effective: number }) => [w.criterionId, w.effective]));
    for (const row of matrix.ranking as Array<{ supplierId: string; supplierName: string; rank: number; total: number; totalPrice: string; cells: Array<{ criterionId: string; points: number }> }>) {
      const mail = mails.find((m) => m.to.includes(`sales@${(['atlas', 'boreal', 'cumulus'] as const).find((k) => built.supplier(k).id === row.supplierId)}.example`))!;
      const content = `${mail.parsed.subject}\n${mail.parsed.text}\n${mail.parsed.html}`;
      expect(basicHtmlViolations(mail.parsed.html as string, [])).toEqual([]);
      const others = (matrix.ranking as typeof row[]).filter((o) => o.supplierId !== row.supplierId);
      // never another supplier's name or price, in any part
      for (const other of others) {
        expect(content).not.toContain(other.supplierName);
        const whole = other.totalPrice.split('.')[0];
        expect(content).not.toContain(whole);
        expect(content).not.toContain(Number(whole).toLocaleString('en-GB'));
      }
      if (row.supplierId === winner.supplierId) {
        expect(mail.parsed.subject).toBe(`[${built.reference}] Award: Industrial compressors for plant 2`);
        continue;
      }
      expect(mail.parsed.subject).toBe(`[${built.reference}] Outcome and your debrief: Industrial compressors for plant 2`);
      // its own figures, exactly as the matrix has them
      expect(mail.parsed.text).toContain(`Your rank: ${row.rank} of 3`);
      expect(mail.parsed.text).toContain(`Your total score: ${number(row.total)} of 100`);
      for (const cell of row.cells) expect(mail.parsed.text).toContain(`${names.get(cell.criterionId)}: ${number(cell.points)} of ${number(100 * (weights.get(cell.criterionId) as number))} points`);
    }

    const toBuyingCenter = (await messagesOf(t, built.caseId, buyer.token)).filter((x) => x.kind === 'case.awarded');
    const members = (await t.http.get(`/api/v1/cases/${built.caseId}/members`).set(buyer.auth).expect(200)).body as Array<{ email: string }>;
    expect(toBuyingCenter.flatMap((x) => x.recipients.map((r) => r.email)).sort()).toEqual([...new Set(members.map((mb) => mb.email))].sort());
  });
});
