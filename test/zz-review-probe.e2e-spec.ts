import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp, type TestUser } from '/work/main/test/setup/test-app';
import { caseBody, createCase, caseWithBuyingCenter } from '/work/main/test/factories/index';
import { caseInDecision, caseInApproval } from '/work/main/test/factories/whole-case';
import { negotiationCase, offerBody, openRound, recordOffer } from '/work/main/test/factories/negotiation';
import { specBody, caseInSpecification } from '/work/main/test/factories/specification';
import { supplierBody, createSupplier, caseInShortlisting } from '/work/main/test/factories/suppliers';

let t: TestApp;
const anomalies: unknown[] = [];
let tables: string[] = [];
async function fp(): Promise<Record<string, string>> {
  const sql = 'SELECT ' + tables.map((x) => `(SELECT md5(coalesce(string_agg(q::text, '|' ORDER BY q::text), '')) FROM "${x}" q) AS "${x}"`).join(', ');
  const [row] = await t.db.query(sql);
  return row;
}
function diff(a: Record<string, string>, b: Record<string, string>) {
  return Object.keys(a).filter((k) => a[k] !== b[k]);
}
let count = 0;
async function probe(label: string, method: string, path: string, auth: object | null, body?: unknown, opts: { ct?: string; raw?: string; expectFail?: boolean } = {}) {
  const before = await fp();
  let req = (t.http as any)[method](path);
  if (auth) req = req.set(auth);
  if (opts.raw !== undefined) req = req.set('Content-Type', opts.ct ?? 'application/json').send(opts.raw);
  else if (body !== undefined) req = req.send(body as object);
  const res = await req;
  count++;
  const ct = String(res.headers['content-type'] ?? '');
  const after = await fp();
  const changed = diff(before, after);
  const problems: string[] = [];
  if (res.status >= 500) problems.push('5xx');
  if (res.status >= 400 && !ct.startsWith('application/problem+json')) problems.push('not problem+json: ' + ct);
  if (res.status === 400 && (!Array.isArray(res.body?.errors) || res.body.errors.length === 0)) problems.push('400 without errors[]');
  if (res.status >= 400 && changed.length) problems.push('failed but changed ' + changed.join(','));
  if (opts.expectFail && res.status < 400) problems.push('expected failure but ' + res.status);
  if (problems.length) anomalies.push({ label, method, path, body: typeof body === 'string' ? body.slice(0, 200) : JSON.stringify(body)?.slice(0, 300), raw: opts.raw?.slice(0, 100), status: res.status, problems, resp: JSON.stringify(res.body).slice(0, 400) });
  return res;
}

const BAD: Array<[string, unknown]> = [
  ['null', null], ['arr', []], ['obj', {}], ['str', 'abc'], ['empty', ''], ['huge', 1e308], ['neg', -1], ['frac', 1.5],
  ['true', true], ['expstr', '1e400'], ['nan', 'NaN'], ['nul', 'a\u0000b'], ['uni', '𝟘\u202e'], ['long', 'x'.repeat(30000)],
  ['bigint', 99999999999999999999], ['bigstr', '99999999999999999999999'], ['tiny', 1e-7], ['negzero', -0], ['arrnested', [[[]]]], ['objarr', [{}]],
];
function leaves(v: unknown, prefix: string[] = []): string[][] {
  if (Array.isArray(v)) return v.length ? [prefix, ...leaves(v[0], [...prefix, '0'])] : [prefix];
  if (v && typeof v === 'object') return [prefix, ...Object.entries(v).flatMap(([k, x]) => leaves(x, [...prefix, k]))].filter((p) => p.length);
  return [prefix];
}
function setAt(v: any, path: string[], val: unknown): any {
  const copy = JSON.parse(JSON.stringify(v));
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k];
  cur[path[path.length - 1]] = val;
  return copy;
}
async function fuzzBody(label: string, method: string, path: string, auth: object, valid: any, leafLimit = 40) {
  for (const [n, b] of [['arrbody', []], ['strbody', '"x"'], ['nullbody', 'null'], ['num', '5'], ['deep', JSON.stringify(Array(3000).fill(0).reduce((a) => ({ a }), {}))], ['deeparr', '['.repeat(5000) + ']'.repeat(5000)], ['emptyraw', '']] as Array<[string, unknown]>) {
    if (typeof b === 'string') await probe(`${label}:${n}`, method, path, auth, undefined, { raw: b });
    else await probe(`${label}:${n}`, method, path, auth, b);
  }
  await probe(`${label}:textplain`, method, path, auth, undefined, { raw: JSON.stringify(valid), ct: 'text/plain' });
  await probe(`${label}:form`, method, path, auth, undefined, { raw: 'a=1&b=2', ct: 'application/x-www-form-urlencoded' });
  await probe(`${label}:badjson`, method, path, auth, undefined, { raw: '{"a":', ct: 'application/json' });
  await probe(`${label}:unknownfield`, method, path, auth, { ...valid, zzUnknown: 1 });
  await probe(`${label}:proto`, method, path, auth, undefined, { raw: JSON.stringify(valid).replace(/^\{/, '{"__proto__":{"x":1},"constructor":{"prototype":{"y":1}},') });
  for (const p of leaves(valid).slice(0, leafLimit)) {
    for (const [n, b] of BAD) await probe(`${label}:${p.join('.')}=${n}`, method, path, auth, setAt(valid, p, b));
    // drop the field
    const dropped = JSON.parse(JSON.stringify(valid));
    let cur = dropped; for (const k of p.slice(0, -1)) cur = cur[k];
    if (Array.isArray(cur)) continue;
    delete cur[p[p.length - 1]];
    await probe(`${label}:${p.join('.')}=missing`, method, path, auth, dropped);
  }
}
const QBAD = ['limit=abc', 'offset=-1', 'limit=0', 'limit=1e3', 'limit=1.5', 'limit[]=1', 'limit[a]=1', 'offset=99999999999999999999', 'limit=501', 'offset=1e20', 'asOf=2025-02-30', 'asOf=abc', 'asOf[]=x', 'lang=fr', 'lang[]=es', 'stage=foo', 'q=%25%5F', 'q[]=a', 'category[x]=1', 'version=abc', 'version=0', 'version=-1', 'version=99999999999', 'zz=1', 'format=csv', 'purchaseType[]=x'];
async function fuzzQuery(label: string, path: string, auth: object) {
  for (const q of QBAD) await probe(`${label}?${q}`, 'get', `${path}${path.includes('?') ? '&' : '?'}${q}`, auth);
}

beforeAll(async () => {
  t = await startTestApp();
  const rows: Array<{ relname: string }> = await t.db.query(`SELECT relname FROM pg_stat_user_tables WHERE schemaname='public' AND relname <> 'migrations' ORDER BY relname`);
  tables = rows.map((r) => r.relname);
}, 120000);
afterAll(async () => {
  writeFileSync(`/tmp/review/out-${process.env.PROBE ?? 'a'}.json`, JSON.stringify({ count, anomalies }, null, 1));
  await t?.close();
});

const A = (u: TestUser) => u.auth;

test('part1 foundation fuzz', async () => {
  const admin = t.admin.auth;
  const bc = await caseWithBuyingCenter(t);
  const { caseId, people } = bc;
  const P = people;
  // users
  await fuzzBody('users.post', 'post', '/api/v1/users', admin, { name: 'Zed', email: `zed${randomUUID().slice(0,6)}@example.com`, orgRole: 'member', executive: false });
  await fuzzQuery('users.list', '/api/v1/users', admin);
  await fuzzBody('tokens.post', 'post', `/api/v1/users/${P.outsider.id}/tokens`, admin, { name: 'ci' });
  for (const id of ['abc', '0', randomUUID(), '%00', '..%2f']) {
    await probe('users.get bad id', 'get', `/api/v1/users/${id}`, admin);
    await probe('tokens.post bad id', 'post', `/api/v1/users/${id}/tokens`, admin, {});
    await probe('tokens.delete bad id', 'delete', `/api/v1/tokens/${id}`, admin);
  }
  await probe('users.post by member', 'post', '/api/v1/users', A(P.buyer), { name: 'x', email: 'x@example.com', orgRole: 'admin' }, { expectFail: true });
  // policy
  const pol = await t.http.get('/api/v1/policy').set(admin);
  await fuzzBody('policy.put', 'put', '/api/v1/policy', admin, pol.body, 60);
  await probe('policy.put by member', 'put', '/api/v1/policy', A(P.buyer), pol.body, { expectFail: true });
  await probe('policy.put bands unsorted', 'put', '/api/v1/policy', admin, { approval: { bands: [{ below: '100000', approvals: 2, executive: false }, { below: '10000', approvals: 1, executive: false }] } });
  await probe('policy.put bands no open', 'put', '/api/v1/policy', admin, { approval: { bands: [{ below: '10', approvals: 1, executive: false }] } });
  await probe('policy.put dup', 'put', '/api/v1/policy', admin, { approval: { bands: [{ below: null, approvals: 1, executive: false }, { below: null, approvals: 2, executive: false }] } });
  await probe('policy.put weights sum 0', 'put', '/api/v1/policy', admin, { reliability: { ...pol.body.reliability, weights: { otif: 0, quality: 0, certifications: 0, financial: 0 } } });
  await t.http.put('/api/v1/policy').set(admin).send(pol.body);
  // cases
  await fuzzBody('cases.post', 'post', '/api/v1/cases', A(P.initiator), caseBody());
  await fuzzQuery('cases.list', '/api/v1/cases', A(P.initiator));
  await fuzzBody('cases.patch', 'patch', `/api/v1/cases/${caseId}`, A(P.initiator), { title: 'New title', quantity: 3, estimatedBudget: '100.50', neededBy: '2027-01-01', profitImpact: 3 });
  await fuzzBody('members.post', 'post', `/api/v1/cases/${caseId}/members`, A(P.initiator), { userId: P.outsider.id, roles: ['evaluator'] });
  await t.http.delete(`/api/v1/cases/${caseId}/members/${P.outsider.id}`).set(A(P.initiator));
  await fuzzQuery('audit', `/api/v1/cases/${caseId}/audit`, A(P.initiator));
  for (const id of ['abc', '1', randomUUID(), 'null', '00000000-0000-0000-0000-000000000000']) {
    for (const sfx of ['', '/members', '/audit', '/audit/verify', '/specification', '/weights', '/shortlist', '/rounds', '/matrix', '/report.pdf', '/approvals', '/decision', '/scores', '/sensitivity', '/exchange-rates']) await probe('get bad case id', 'get', `/api/v1/cases/${id}${sfx}`, admin);
    await probe('transition bad id', 'post', `/api/v1/cases/${id}/transitions`, admin, { to: 'CANCELLED', reason: 'x' });
    await probe('member delete bad id', 'delete', `/api/v1/cases/${caseId}/members/${id}`, A(P.initiator));
  }
  // outsider learns nothing
  for (const sfx of ['', '/members', '/audit', '/audit/verify', '/specification', '/specification/versions', '/weights', '/shortlist', '/shortlist/suggestions', '/rounds', '/matrix', '/report.pdf', '/approvals', '/decision', '/scores', '/sensitivity', '/exchange-rates', '/reports', '/rounds/1', '/rounds/1/offers']) {
    const r = await probe('outsider get', 'get', `/api/v1/cases/${caseId}${sfx}`, A(P.outsider));
    if (r.status !== 404) anomalies.push({ label: 'outsider not 404', path: sfx, status: r.status, resp: JSON.stringify(r.body).slice(0, 200) });
  }
  for (const [m, sfx, b] of [['post', '/transitions', { to: 'CANCELLED', reason: 'x' }], ['patch', '', { title: 'x' }], ['post', '/members', { userId: P.outsider.id, roles: ['buyer'] }], ['put', '/specification', specBody()], ['post', '/shortlist', { supplierId: randomUUID() }], ['post', '/rounds', { deadline: new Date(Date.now() + 3600e3).toISOString() }], ['put', '/exchange-rates', { rates: [{ currency: 'USD', rate: '1' }] }], ['put', '/scores', { scores: [] }], ['post', '/decision', {}], ['post', '/approvals', { verdict: 'approve' }]] as Array<[string, string, object]>) {
    const r = await probe('outsider write', m, `/api/v1/cases/${caseId}${sfx}`, A(P.outsider), b);
    if (r.status !== 404) anomalies.push({ label: 'outsider write not 404', path: sfx, status: r.status, resp: JSON.stringify(r.body).slice(0, 200) });
  }
  // transitions fuzz on a separate case
  const c2 = await createCase(t, P.initiator);
  await fuzzBody('transitions', 'post', `/api/v1/cases/${c2.id}/transitions`, A(P.initiator), { to: 'SPECIFICATION', reason: 'because' });
  // specification
  const sp = await caseInSpecification(t);
  await fuzzBody('spec.put', 'put', `/api/v1/cases/${sp.caseId}/specification`, A(sp.people.prescriber), specBody(), 60);
  const spec = await t.http.put(`/api/v1/cases/${sp.caseId}/specification`).set(A(sp.people.prescriber)).send(specBody());
  await fuzzQuery('spec.get', `/api/v1/cases/${sp.caseId}/specification`, A(sp.people.prescriber));
  await fuzzQuery('spec.versions', `/api/v1/cases/${sp.caseId}/specification/versions`, A(sp.people.prescriber));
  const ids = spec.body.criteria.map((c: any) => c.id);
  await fuzzBody('ahp', 'post', `/api/v1/cases/${sp.caseId}/criteria/ahp`, A(sp.people.prescriber), { criteria: ids, matrix: [[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]] });
  for (const mtx of [[[1, 0, 5], [0, 1, 3], [0.2, 1 / 3, 1]], [[1, 1e308, 5], [1e-308, 1, 3], [0.2, 1 / 3, 1]], [[1, 3], [1 / 3, 1]], [[1, 3, 5], [1 / 3, 1, 3]], [[1, -3, 5], [-1 / 3, 1, 3], [0.2, 1 / 3, 1]], [[2, 3, 5], [1 / 3, 2, 3], [0.2, 1 / 3, 2]], [[1, 3, 5], [1, 1, 3], [1, 1, 1]], [[1, 10, 5], [0.1, 1, 3], [0.2, 1 / 3, 1]], [[1, 9, 9], [1 / 9, 1, 1 / 9], [1 / 9, 9, 1]]]) {
    await probe('ahp matrix', 'post', `/api/v1/cases/${sp.caseId}/criteria/ahp`, A(sp.people.prescriber), { criteria: ids, matrix: mtx });
  }
  await probe('ahp dup ids', 'post', `/api/v1/cases/${sp.caseId}/criteria/ahp`, A(sp.people.prescriber), { criteria: [ids[0], ids[0], ids[1]], matrix: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] });
  await probe('ahp unknown ids', 'post', `/api/v1/cases/${sp.caseId}/criteria/ahp`, A(sp.people.prescriber), { criteria: [randomUUID(), ids[1], ids[2]], matrix: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] });
  await probe('ahp by buyer', 'post', `/api/v1/cases/${sp.caseId}/criteria/ahp`, A(sp.people.buyer), { criteria: ids, matrix: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] }, { expectFail: true });
  await probe('spec.put by buyer', 'put', `/api/v1/cases/${sp.caseId}/specification`, A(sp.people.buyer), specBody(), { expectFail: true });
  // suppliers
  const sup = await createSupplier(t);
  await fuzzBody('suppliers.post', 'post', '/api/v1/suppliers', admin, supplierBody(), 60);
  await fuzzBody('suppliers.patch', 'patch', `/api/v1/suppliers/${sup.id}`, admin, { legalName: 'Renamed GmbH', financialRisk: 0.3, categories: ['pumps'] });
  await fuzzQuery('suppliers.list', '/api/v1/suppliers', admin);
  await fuzzQuery('reliability', `/api/v1/suppliers/${sup.id}/reliability`, admin);
  await fuzzQuery('performance.list', `/api/v1/suppliers/${sup.id}/performance`, admin);
  await fuzzBody('perf.delivery', 'post', `/api/v1/suppliers/${sup.id}/performance`, admin, { type: 'delivery', date: '2025-06-01', onTime: true, inFull: false });
  await fuzzBody('perf.incident', 'post', `/api/v1/suppliers/${sup.id}/performance`, admin, { type: 'incident', date: '2025-06-01', severity: 'major', description: 'x' });
  for (const d of ['2025-02-30', '0000-01-01', '9999-12-31', '1900-01-01', '2024-02-29', '+012025-01-01', '2025-1-1']) {
    await probe('perf date', 'post', `/api/v1/suppliers/${sup.id}/performance`, admin, { type: 'delivery', date: d, onTime: true, inFull: true });
    await probe('rel asOf', 'get', `/api/v1/suppliers/${sup.id}/reliability?asOf=${encodeURIComponent(d)}`, admin);
  }
  await probe('perf by member w/o buyer', 'post', `/api/v1/suppliers/${sup.id}/performance`, A(P.outsider), { type: 'delivery', date: '2025-06-01', onTime: true, inFull: true }, { expectFail: true });
  for (const body of ['', 'legalName\n', 'a,b\n1,2\n', '\uFEFFlegalName,taxId,country,categories,contactName,contactEmail,contactPhone,certifications,financialRisk\nA,B,DE,x,,,,,0.1\n', 'legalName,taxId,country,categories,contactName,contactEmail,contactPhone,certifications,financialRisk\n"unterminated,B,DE,x,,,,,0.1\n', 'legalName,taxId,country,categories,contactName,contactEmail,contactPhone,certifications,financialRisk\nA,B,DE,x,,,,ISO:bad:date,NaN\n', 'legalName,taxId,country,categories,contactName,contactEmail,contactPhone,certifications,financialRisk\nA,TX1,DE,x,,,,,0.1\nB,TX1,DE,x,,,,,0.1\n', 'legalName,taxId,country,categories,contactName,contactEmail,contactPhone,certifications,financialRisk\nA,TX2,DE,x,,,,,1e400\n', 'legalName,taxId,country,categories,contactName,contactEmail,contactPhone,certifications,financialRisk\nA,TX3,de,x,,,,ISO 9001:2015:2024-02-30:2027-01-14,0.1\n']) {
    await probe('import', 'post', '/api/v1/suppliers/import', admin, undefined, { raw: body, ct: 'text/csv' });
  }
  await probe('import json', 'post', '/api/v1/suppliers/import', admin, { a: 1 });
  await probe('import octet', 'post', '/api/v1/suppliers/import', admin, undefined, { raw: 'x', ct: 'application/octet-stream' });
  // shortlist
  const sl = await caseInShortlisting(t);
  const s2 = await createSupplier(t);
  await fuzzBody('shortlist.post', 'post', `/api/v1/cases/${sl.caseId}/shortlist`, A(sl.people.buyer), { supplierId: s2.id, reason: 'good' });
  await fuzzBody('shortlist.patch', 'patch', `/api/v1/cases/${sl.caseId}/shortlist/${s2.id}`, A(sl.people.buyer), { status: 'excluded', reason: 'bad' });
  await fuzzBody('shortlist.just', 'post', `/api/v1/cases/${sl.caseId}/shortlist/justification`, A(sl.people.buyer), { text: 'a sole source because only one vendor is certified for this' });
  await fuzzBody('shortlist.approve', 'post', `/api/v1/cases/${sl.caseId}/shortlist/approval`, A(sl.people.gatekeeper), { comment: 'ok' });
  await fuzzQuery('suggestions', `/api/v1/cases/${sl.caseId}/shortlist/suggestions`, A(sl.people.buyer));
  await probe('shortlist add by gatekeeper', 'post', `/api/v1/cases/${sl.caseId}/shortlist`, A(sl.people.gatekeeper), { supplierId: sup.id }, { expectFail: true });
  await probe('shortlist approve by buyer', 'post', `/api/v1/cases/${sl.caseId}/shortlist/approval`, A(sl.people.buyer), {}, { expectFail: true });
  await probe('shortlist unknown supplier', 'post', `/api/v1/cases/${sl.caseId}/shortlist`, A(sl.people.buyer), { supplierId: randomUUID() });
  await probe('shortlist patch unknown', 'patch', `/api/v1/cases/${sl.caseId}/shortlist/${randomUUID()}`, A(sl.people.buyer), { status: 'excluded', reason: 'x' });
}, 1800000);
