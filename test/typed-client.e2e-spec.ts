import createClient, { type Client } from 'openapi-fetch';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { components, paths } from './client/schema';
import { startTestApp, type TestApp } from './setup/test-app';

type Api = Client<paths>;
type Role = components['schemas']['MemberRolesDto']['roles'][number];

/**
 * A whole case, NEED → AWARDED, through the client generated from the OpenAPI document
 * (`npm run client:generate`: test/client/schema.d.ts) and nothing else: every path, parameter,
 * body and answer below is typed by the document, so `tsc` refuses a request the document does not
 * describe, and the test app checks every answer against the document it serves.
 */
describe('the typed client walks a whole case', () => {
  let t: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (token: string): Api => createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  const run = Date.now().toString(36);

  it('the committed client was generated from the document the server serves', async () => {
    const served = (await t.http.get('/docs-json').expect(200)).body;
    const committed = JSON.parse(readFileSync(join(process.cwd(), 'test', 'client', 'openapi.json'), 'utf8'));
    // a difference means the client is stale: run `npm run client:generate` and commit test/client
    expect(committed).toEqual(served);
  });

  it('NEED → SPECIFICATION → SHORTLISTING → NEGOTIATION → DECISION → APPROVAL → AWARDED', async () => {
    const admin = as(t.admin.token);

    // people: one per role, each with a token of their own and the organization roles their case role needs
    const person = async (key: string, orgRoles: Array<'registry' | 'procurement' | 'approver'> = []) => {
      const created = await admin.POST('/api/v1/users', { body: { name: `${key} ${run}`, email: `${key}.${run}@example.com`, orgRole: 'member', orgRoles } });
      expect(created.response.status).toBe(201);
      const read = await admin.GET('/api/v1/users/{id}', { params: { path: { id: created.data!.id } } });
      expect(read.data).toEqual(created.data);
      const issued = await admin.POST('/api/v1/users/{id}/tokens', { params: { path: { id: created.data!.id } }, body: { label: 'typed client' } });
      expect(issued.response.status).toBe(201);
      return { id: created.data!.id, api: as(issued.data!.token) };
    };
    const initiator = await person('initiator', ['procurement']);
    const prescriber = await person('prescriber');
    const buyer = await person('buyer', ['procurement']);
    const evaluator = await person('evaluator');
    const gatekeeper = await person('gatekeeper');
    const decider = await person('decider');
    const approvers = [await person('approver', ['approver']), await person('approver2', ['approver'])];

    // the registry: three certified suppliers of the category
    const suppliers: Array<{ id: string; name: string }> = [];
    for (const name of ['Atlas', 'Boreal', 'Cumulus']) {
      const created = await admin.POST('/api/v1/suppliers', {
        body: {
          legalName: `${name} ${run}`,
          taxId: `DE${run.toUpperCase()}${name.toUpperCase()}`,
          country: 'DE',
          categories: ['compressors'],
          certifications: [{ name: 'ISO 9001', issuedOn: '2024-01-01', expiresOn: '2099-12-31' }],
          financialRisk: 0.2,
        },
      });
      expect(created.response.status).toBe(201);
      suppliers.push({ id: created.data!.id, name: created.data!.legalName });
    }

    // NEED: the case, opened with an Idempotency-Key (a retry would get the same case), and its buying center
    const opened = await initiator.api.POST('/api/v1/cases', {
      params: { header: { 'Idempotency-Key': `typed-client-${run}` } },
      body: {
        title: 'Industrial compressors for plant 2',
        businessNeed: 'Replace two end-of-life compressors before the winter shutdown',
        quantity: 2,
        unit: 'pcs',
        estimatedBudget: '85000.00',
        currency: 'EUR',
        neededBy: '2027-03-31',
        category: 'compressors',
        purchaseType: 'new_task',
        profitImpact: 4,
        supplyRisk: 4,
      },
    });
    expect(opened.response.status).toBe(201);
    expect(opened.data!.stage).toBe('NEED');
    expect(opened.data!.kraljicCategory).toBe('strategic');
    const id = opened.data!.id;
    const onCase = { params: { path: { id } } };
    const members: Array<[string, Role[]]> = [
      [prescriber.id, ['prescriber']],
      [buyer.id, ['buyer']],
      [evaluator.id, ['evaluator']],
      [gatekeeper.id, ['gatekeeper']],
      [decider.id, ['decider']],
      ...approvers.map((a): [string, Role[]] => [a.id, ['approver']]),
    ];
    for (const [userId, roles] of members) {
      const added = await initiator.api.POST('/api/v1/cases/{id}/members', { ...onCase, body: { userId, roles } });
      expect(added.response.status).toBe(201);
    }
    // those who score, propose and sign declare their conflicts of interest first (none here)
    for (const who of [evaluator, decider, ...approvers]) {
      const declared = await who.api.POST('/api/v1/cases/{id}/declarations', { ...onCase, body: { conflict: false } });
      expect(declared.response.status).toBe(201);
    }
    const move = async (api: Api, to: components['schemas']['TransitionDto']['to']) => {
      const moved = await api.POST('/api/v1/cases/{id}/transitions', { ...onCase, body: { to } });
      expect({ status: moved.response.status, error: moved.error }).toEqual({ status: 200, error: undefined });
      expect(moved.data!.stage).toBe(to);
    };
    await move(initiator.api, 'SPECIFICATION');

    // SPECIFICATION: a certification requirement and three criteria; the saved draft has an ETag for If-Match
    const draft = await prescriber.api.GET('/api/v1/cases/{id}/specification', onCase);
    expect(draft.response.status).toBe(404); // nothing saved yet
    const saved = await prescriber.api.PUT('/api/v1/cases/{id}/specification', {
      ...onCase,
      body: {
        description: 'Two oil-free screw compressors, 55 kW, installed and commissioned',
        deliverables: 'Installation, commissioning, operator training',
        quantity: 2,
        requirements: [{ text: 'ISO 9001 certified', type: 'certification', value: 'ISO 9001' }],
        criteria: [
          { name: 'Total cost', kind: 'price', direction: 'lower_is_better', source: 'offer.price', normalization: 'ratio', weight: 50 },
          { name: 'Technical quality', kind: 'quality', direction: 'higher_is_better', source: 'evaluator', normalization: 'scale', weight: 30 },
          { name: 'Lead time', kind: 'delivery', direction: 'lower_is_better', source: 'offer.leadTimeDays', normalization: 'minmax', weight: 20 },
        ],
      },
    });
    expect({ status: saved.response.status, error: saved.error }).toEqual({ status: 200, error: undefined });
    expect(saved.response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    const specification = saved.data!;
    const quality = specification.criteria.find((k) => k.source === 'evaluator')!;
    await move(prescriber.api, 'SHORTLISTING');

    // SHORTLISTING: the suggestions, three entries, the gatekeeper's approval
    const suggestions = await buyer.api.GET('/api/v1/cases/{id}/shortlist/suggestions', { params: { path: { id }, query: { limit: 50 } } });
    expect(suggestions.data!.items.map((s) => s.supplierId)).toEqual(expect.arrayContaining(suppliers.map((s) => s.id)));
    for (const s of suppliers) {
      const added = await buyer.api.POST('/api/v1/cases/{id}/shortlist', { ...onCase, body: { supplierId: s.id } });
      expect(added.response.status).toBe(201);
      expect(added.data!.status).toBe('shortlisted');
    }
    const approved = await gatekeeper.api.POST('/api/v1/cases/{id}/shortlist/approval', { ...onCase, body: {} });
    expect(approved.data!.approval.approved).toBe(true);
    await move(buyer.api, 'NEGOTIATION');

    // NEGOTIATION: one round; Atlas answers through the supplier portal with its invitation token, the buyer records the others
    const round = await buyer.api.POST('/api/v1/cases/{id}/rounds', { ...onCase, body: { deadline: new Date(Date.now() + 3_600_000).toISOString() } });
    expect(round.response.status).toBe(201);
    const n = round.data!.number;
    const onRound = { params: { path: { id, n } } };
    const invitations = await buyer.api.POST('/api/v1/cases/{id}/rounds/{n}/invitations', onRound);
    expect(invitations.response.status).toBe(201);
    const offer = (totalPrice: string, leadTimeDays: number) => ({
      totalPrice,
      currency: 'EUR',
      leadTimeDays,
      warrantyMonths: 24,
      paymentDays: 30,
      validUntil: '2099-12-31',
      compliance: specification.requirements.map((r) => ({ requirementId: r.id, met: true })),
      values: [],
    });
    const portal = as(invitations.data!.find((i) => i.supplierId === suppliers[0].id)!.token);
    const invitation = await portal.GET('/api/v1/supplier-portal/invitation');
    expect(invitation.data!.requirements.map((r) => r.text)).toEqual(['ISO 9001 certified']);
    const submitted = await portal.POST('/api/v1/supplier-portal/offers', { body: offer('10000.00', 30) });
    expect({ status: submitted.response.status, error: submitted.error }).toEqual({ status: 201, error: undefined });
    for (const [i, s] of suppliers.slice(1).entries()) {
      const recorded = await buyer.api.POST('/api/v1/cases/{id}/rounds/{n}/offers', { ...onRound, body: { supplierId: s.id, ...offer(`${10500 + 500 * i}.00`, 20 + 10 * i) } });
      expect({ status: recorded.response.status, error: recorded.error }).toEqual({ status: 201, error: undefined });
    }
    const sealed = await buyer.api.GET('/api/v1/cases/{id}/rounds/{n}/offers', onRound);
    expect(sealed.data!.sealed).toBe(true);
    const closed = await buyer.api.POST('/api/v1/cases/{id}/rounds/{n}/close', onRound);
    expect(closed.data!.status).toBe('closed');
    const comparison = await buyer.api.GET('/api/v1/cases/{id}/rounds/{n}/comparison', onRound);
    expect(comparison.data!.items.map((i) => i.totalPrice)).toEqual(['10000.00', '10500.00', '11000.00']);
    await move(buyer.api, 'DECISION');

    // DECISION: the evaluator's scores, the matrix, the sensitivity, the proposal of the top-ranked
    const scored = await evaluator.api.PUT('/api/v1/cases/{id}/scores', {
      ...onCase,
      body: { scores: suppliers.map((s, i) => ({ supplierId: s.id, criterionId: quality.id, score: 8 - i })) },
    });
    expect({ status: scored.response.status, error: scored.error }).toEqual({ status: 200, error: undefined });
    const matrix = await decider.api.GET('/api/v1/cases/{id}/matrix', onCase);
    // the operation also answers CSV (Accept: text/csv); asked for JSON, it answers JSON
    if (typeof matrix.data !== 'object') throw new Error(`the matrix came as ${matrix.response.headers.get('content-type')}`);
    const ranking = matrix.data.ranking;
    expect(ranking).toHaveLength(3);
    expect(ranking.every((r) => Math.abs(r.cells.reduce((sum, c) => sum + c.points, 0) - r.total) < 1e-9)).toBe(true);
    const sensitivity = await decider.api.GET('/api/v1/cases/{id}/sensitivity', onCase);
    expect(sensitivity.data!.winner).toBe(ranking[0].supplierId);
    const proposal = await decider.api.POST('/api/v1/cases/{id}/decision', {
      ...onCase,
      body: { supplierId: ranking[0].supplierId, justification: 'The top-ranked offer: the lowest price with the best quality score.' },
    });
    expect({ status: proposal.response.status, error: proposal.error }).toEqual({ status: 201, error: undefined });
    expect(proposal.data!.override).toBe(false);
    await move(decider.api, 'APPROVAL');

    // APPROVAL: the chain (two approvals for this amount), signed by both approvers
    const chain = await approvers[0].api.GET('/api/v1/cases/{id}/approvals', onCase);
    expect(chain.data!.required).toBe(2);
    const pending = await approvers[0].api.GET('/api/v1/approvals/pending');
    expect(pending.data!.items.map((i) => i.caseId)).toContain(id);
    const stages: string[] = [];
    for (const approver of approvers) {
      const signed = await approver.api.POST('/api/v1/cases/{id}/approvals', { ...onCase, body: { verdict: 'approve' } });
      expect({ status: signed.response.status, error: signed.error }).toEqual({ status: 201, error: undefined });
      stages.push(signed.data!.caseStage);
    }
    expect(stages).toEqual(['APPROVAL', 'AWARDED']);

    // AWARDED: the case, its stored reports and an intact audit trail
    const awarded = await admin.GET('/api/v1/cases/{id}', onCase);
    expect(awarded.data!.stage).toBe('AWARDED');
    expect(awarded.data!.awardedSupplierId).toBe(ranking[0].supplierId);
    const reports = await decider.api.GET('/api/v1/cases/{id}/reports', onCase);
    expect(reports.data!.items.map((r) => r.lang)).toEqual(['en', 'es']);
    const verified = await initiator.api.GET('/api/v1/cases/{id}/audit/verify', onCase);
    expect(verified.data!.valid).toBe(true);
  });
});
