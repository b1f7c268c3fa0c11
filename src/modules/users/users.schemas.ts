import { ORG_ROLES } from '../../domain/lifecycle/permissions';
import { LANGUAGES } from '../../domain/messages/audiences';
import { type Answer, array, boolean, component, dateTime, described, object, oneOf, optional, page, ref, string, uuid } from '../../openapi/schema';
import type { UsersController } from './users.controller';

export const IssuedToken = component(
  'IssuedToken',
  object<Answer<UsersController, 'issueToken'>>(
    { id: uuid, token: string, userId: uuid },
    { description: 'the token is shown only in this answer: the service keeps its hash' },
  ),
);

export const User = component(
  'User',
  object<Answer<UsersController, 'get' | 'create' | 'update'>>({
    id: uuid,
    name: string,
    email: string,
    orgRole: oneOf(['admin', 'member']),
    orgRoles: described(array(oneOf(ORG_ROLES)), 'organization roles an admin granted: registry writes the supplier registry, procurement opens cases and may be a buyer, approver may be named approver'),
    executive: boolean,
    language: described(oneOf(LANGUAGES), 'the language of the messages the user receives'),
    createdAt: dateTime,
    token: described(optional(ref(IssuedToken)), 'only in the answer to `POST /users` with `withToken: true`'),
  }),
);

export const UserPage = component('UserPage', page(ref(User)));

export const usersSchemas = [User, UserPage, IssuedToken];
