// The directory: organisations, partnerships, members and roles, council
// seats, channel bindings, chat identities. It answers "who is calling".
import { defineFeature } from '../context.ts';
import { catalog } from './catalog.ts';
import { resolveActor } from './identity.ts';
import { suggestMembers, suggestOrganizations } from './service.ts';

export default defineFeature({
  name: 'directory',
  catalog,
  resolveActor,
  suggest: { org: suggestOrganizations, member: suggestMembers },
});
