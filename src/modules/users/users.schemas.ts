import { type Answer, boolean, component, dateTime, object, oneOf, page, ref, string, uuid } from '../../openapi/schema';
import type { UsersController } from './users.controller';

export const User = component(
  'User',
  object<Answer<UsersController, 'get' | 'create'>>({
    id: uuid,
    name: string,
    email: string,
    orgRole: oneOf(['admin', 'member']),
    executive: boolean,
    createdAt: dateTime,
  }),
);

export const UserPage = component('UserPage', page(ref(User)));

export const IssuedToken = component(
  'IssuedToken',
  object<Answer<UsersController, 'issueToken'>>(
    { id: uuid, token: string, userId: uuid },
    { description: 'the token is shown only in this answer: the service keeps its hash' },
  ),
);

export const usersSchemas = [User, UserPage, IssuedToken];
