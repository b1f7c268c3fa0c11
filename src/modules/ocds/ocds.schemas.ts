import type { ReleasePackage } from '../../domain/ocds/release-package';
import { component, untyped } from '../../openapi/schema';

// the OCDS 1.1 release package schema is the contract of this body (the tests validate against it);
// the document names its top level only and points there
export const OcdsReleasePackage = component(
  'OcdsReleasePackage',
  untyped<ReleasePackage>({
    type: 'object',
    description:
      'An OCDS 1.1 release package (https://standard.open-contracting.org/1.1/en/schema/release_package/) with the bid extension and this service\'s decision matrix extension (README "OCDS export")',
    required: ['uri', 'version', 'publishedDate', 'publisher', 'releases'],
    properties: {
      uri: { type: 'string' },
      version: { type: 'string', enum: ['1.1'] },
      extensions: { type: 'array', items: { type: 'string' } },
      publishedDate: { type: 'string', format: 'date-time' },
      publisher: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      releases: { type: 'array', minItems: 1, items: { type: 'object', additionalProperties: true } },
    },
  }),
);

export const ocdsSchemas = [OcdsReleasePackage];
