import { type Contact, narrowingProblems, recipientsByLanguage, rolesFor } from './audiences';

const contact = (email: string, roles: Contact['roles'], language: Contact['language'] = 'en'): Contact => ({ name: email.split('@')[0], email, roles, language });

describe('who at a supplier a message reaches', () => {
  const contacts = [
    contact('ana@s.example', ['sales']),
    contact('beto@s.example', ['technical', 'quality'], 'es'),
    contact('carl@s.example', ['finance']),
    contact('ANA@s.example', ['technical']),
  ];

  it('the kind’s roles, grouped by language, each address once, in the supplier’s order', () => {
    expect([...recipientsByLanguage(contacts, 'rfq.invitation', null)]).toEqual([
      ['en', [{ name: 'ana', email: 'ana@s.example' }]],
      ['es', [{ name: 'beto', email: 'beto@s.example' }]],
    ]);
  });

  it('a case narrows a kind to fewer roles, never to others', () => {
    expect(rolesFor('rfq.invitation', { 'rfq.invitation': ['technical'] })).toEqual(['technical']);
    expect([...recipientsByLanguage(contacts, 'rfq.invitation', { 'rfq.invitation': ['technical'] }).values()].flat().map((r) => r.email)).toEqual(['beto@s.example', 'ANA@s.example']);
    expect(narrowingProblems({ 'rfq.invitation': ['finance'], nope: ['sales'], 'rfq.invitation ': [] }).map((p) => p.field)).toEqual([
      'contactRoles.rfq.invitation',
      'contactRoles.nope',
      'contactRoles.rfq.invitation ',
    ]);
    expect(narrowingProblems({ 'rfq.invitation': ['sales', 'sales'] })).toEqual([{ field: 'contactRoles.rfq.invitation', message: 'contactRoles.rfq.invitation names a role twice' }]);
    expect(narrowingProblems({ 'rfq.invitation': [] })[0].message).toBe('contactRoles.rfq.invitation must be a non-empty list of roles among sales, technical');
    expect(narrowingProblems({ 'rfq.invitation': ['technical'] })).toEqual([]);
  });

  it('a quality incident reaches the quality contacts only; it has no case, so no narrowing applies', () => {
    expect([...recipientsByLanguage(contacts, 'quality.incident', null)]).toEqual([['es', [{ name: 'beto', email: 'beto@s.example' }]]]);
    expect(rolesFor('quality.incident', { 'rfq.invitation': ['technical'] })).toEqual(['quality']);
    expect(narrowingProblems({ 'quality.incident': ['quality'] })[0].field).toBe('contactRoles.quality.incident');
  });
});
