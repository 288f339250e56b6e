import { existsSync, readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvDraft04 from 'ajv-draft-04';

// A CommonJS module whose module.exports is the class and also carries it as `.default`.
const AjvDraft04 = ajvDraft04.default;

const SCHEMA_DIR = new URL('./schema/', import.meta.url);

/** Where the official schema of a manifest version is kept (see schema/README.md for its origin). */
export function schemaFileName(manifestVersion: string): string {
  return `MicrosoftTeams.v${manifestVersion}.schema.json`;
}

const compiled = new Map<string, ValidateFunction>();

/**
 * The validator of one manifest version. The Teams v1.x schemas declare draft-04 (ajv 8 itself
 * speaks draft-07 and later), so the schema's own `$schema` picks the validator.
 */
function validatorFor(manifestVersion: string): ValidateFunction | undefined {
  const cached = compiled.get(manifestVersion);
  if (cached) return cached;
  const file = new URL(schemaFileName(manifestVersion), SCHEMA_DIR);
  if (!/^\d+\.\d+$/.test(manifestVersion) || !existsSync(file)) return undefined;
  const schema = JSON.parse(readFileSync(file, 'utf8')) as { $schema?: string };
  const options = { allErrors: true, strict: false } as const;
  const ajv = String(schema.$schema).includes('draft-04') ? new AjvDraft04(options) : new Ajv(options);
  // The only format the schemas use; checked without pulling in ajv-formats.
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  const validate = ajv.compile(schema);
  compiled.set(manifestVersion, validate);
  return validate;
}

/** "developer.name" for "/developer/name"; the root is "manifestet". */
function fieldName(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.length === 0 ? 'manifestet' : parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`)).join('');
}

function valueAt(manifest: unknown, instancePath: string): unknown {
  let value: unknown = manifest;
  for (const part of instancePath.split('/').slice(1)) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

/** One schema error in Swedish, naming the field as it is written in manifest.json. */
function describe(error: ErrorObject, manifest: unknown): string {
  const p = error.params as Record<string, unknown>;
  const field = fieldName(error.instancePath);
  const value = valueAt(manifest, error.instancePath);
  switch (error.keyword) {
    case 'maxLength':
      return `${field}: får vara högst ${String(p.limit)} tecken (är ${typeof value === 'string' ? value.length : '?'})`;
    case 'minLength':
      return `${field}: måste vara minst ${String(p.limit)} tecken`;
    case 'required':
      return `${fieldName(error.instancePath, String(p.missingProperty))}: saknas`;
    case 'additionalProperties':
      return `${fieldName(error.instancePath, String(p.additionalProperty))}: okänt fält i den här manifestversionen`;
    case 'enum':
      return `${field}: måste vara ett av ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${field}: måste vara ${JSON.stringify(p.allowedValue)}`;
    case 'pattern':
      return `${field}: har fel format (${JSON.stringify(value)})`;
    case 'format':
      return `${field}: är ingen giltig ${String(p.format)}`;
    case 'type':
      return `${field}: ska vara av typen ${String(p.type)}`;
    case 'maxItems':
      return `${field}: får ha högst ${String(p.limit)} poster`;
    case 'minItems':
      return `${field}: måste ha minst ${String(p.limit)} poster`;
    case 'uniqueItems':
      return `${field}: innehåller dubbletter`;
    default:
      return `${field}: ${error.message ?? 'ogiltigt värde'}`;
  }
}

/**
 * Checks a finished manifest against Microsoft's official JSON schema of its `manifestVersion`
 * (kept in schema/), the same check Teams and the Developer Portal make on upload. Returns the
 * problems in Swedish, one per failing field; empty when the manifest is valid.
 */
export function manifestProblems(manifest: Record<string, unknown>): string[] {
  const version = typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : '';
  const validate = validatorFor(version);
  if (!validate) {
    return [
      `manifestVersion: inget schema för version ”${version}” finns i src/channels/teams/appPackage/schema/ (lägg dit ${schemaFileName(version || 'X.Y')} ur @microsoft/app-manifest)`,
    ];
  }
  if (validate(manifest)) return [];
  // allErrors reports one failing alternative per branch of an anyOf/oneOf; the branch errors
  // themselves name the fields, so the summary lines add nothing.
  const lines = (validate.errors ?? []).filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword)).map((e) => describe(e, manifest));
  return [...new Set(lines)];
}
