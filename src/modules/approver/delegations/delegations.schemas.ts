import { type Answer, component, dateTime, described, nullable, object, page, ref, string, uuid } from '../../../openapi/schema';
import type { DelegationsController } from './delegations.controller';

export const Delegation = component(
  'Delegation',
  object<Answer<DelegationsController, 'create'>>({
    id: uuid,
    userId: described(uuid, 'the approver who is away'),
    delegateId: uuid,
    delegateName: string,
    from: dateTime,
    until: dateTime,
    createdBy: described(uuid, 'the approver themselves, or an admin for someone absent'),
    createdAt: dateTime,
    revokedAt: nullable(dateTime),
  }),
);

export const DelegationPage = component('DelegationPage', page(ref(Delegation)));

export const delegationSchemas = [Delegation, DelegationPage];
