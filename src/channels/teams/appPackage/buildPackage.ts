import { z } from 'zod';
import { decodePng } from './png.js';
import { manifestProblems } from './validateManifest.js';
import { createZip } from './zip.js';

/** Teams app and bot ids are Microsoft Entra application (client) ids: GUIDs. */
const appIdSchema = z
  .string({ error: 'MicrosoftAppId saknas. Sätt MicrosoftAppId (botens app-id från Azure) innan du bygger Teams-paketet.' })
  .trim()
  .min(1, { error: 'MicrosoftAppId saknas. Sätt MicrosoftAppId (botens app-id från Azure) innan du bygger Teams-paketet.' })
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    error: 'MicrosoftAppId ska vara ett GUID (t.ex. 12345678-90ab-cdef-1234-567890abcdef), så som Azure visar app-id:t.',
  });

const hostSchema = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, {
    error: 'värden ska vara ett domännamn utan https:// och sökväg, t.ex. samverkansboten.example.se',
  });

/** The parts of the manifest the packager fills in or checks; the rest passes through unchanged. */
const manifestSchema = z.looseObject({
  manifestVersion: z.string(),
  id: z.string(),
  version: z.string(),
  icons: z.object({ color: z.literal('color.png'), outline: z.literal('outline.png') }),
  bots: z.array(z.looseObject({ botId: z.string(), scopes: z.array(z.enum(['personal', 'team', 'groupChat'])) })).min(1),
  validDomains: z.array(z.string()).default([]),
});

export class TeamsPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamsPackageError';
  }
}

export interface TeamsPackageInput {
  /** process.env.MicrosoftAppId as is (may be undefined). */
  appId: string | undefined;
  /** The app version (package.json), semver. */
  version: string;
  /** teams/manifest.json as text. */
  manifestText: string;
  colorPng: Buffer;
  outlinePng: Buffer;
  /** The bot's public host, added to validDomains. */
  host?: string;
}

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'ogiltigt värde';
}

function checkIcon(png: Buffer, name: string, size: number, transparent: boolean): void {
  let image: ReturnType<typeof decodePng>;
  try {
    image = decodePng(png);
  } catch {
    throw new TeamsPackageError(`teams/${name} är ingen giltig PNG-fil. Skapa ikonerna igen med npm run teams:icons.`);
  }
  if (image.width !== size || image.height !== size) {
    throw new TeamsPackageError(`teams/${name} ska vara ${size}×${size} pixlar (är ${image.width}×${image.height}).`);
  }
  if (transparent && image.colorType !== 6) throw new TeamsPackageError(`teams/${name} måste ha genomskinlig bakgrund (RGBA).`);
}

/**
 * The Teams app package (the zip Teams sideloads): manifest.json with the app and bot id from
 * MicrosoftAppId and the version filled in, plus the two icons, checked against Teams' rules
 * (192×192 colour icon, 32×32 transparent outline icon) and Microsoft's official manifest schema
 * (validateManifest.ts). Throws a {@link TeamsPackageError}
 * with a Swedish message for the person running `npm run teams:package`.
 */
export function buildTeamsPackage(input: TeamsPackageInput): { zip: Buffer; manifest: Record<string, unknown> } {
  const appId = appIdSchema.safeParse(input.appId);
  if (!appId.success) throw new TeamsPackageError(firstMessage(appId.error));
  let raw: unknown;
  try {
    raw = JSON.parse(input.manifestText);
  } catch (error) {
    throw new TeamsPackageError(`teams/manifest.json är inte giltig JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TeamsPackageError(`teams/manifest.json: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'ogiltigt'}`);
  }
  const domains = [...parsed.data.validDomains];
  if (input.host !== undefined) {
    const host = hostSchema.safeParse(input.host);
    if (!host.success) throw new TeamsPackageError(`--host: ${firstMessage(host.error)}`);
    if (!domains.includes(host.data)) domains.push(host.data);
  }
  checkIcon(input.colorPng, 'color.png', 192, false);
  checkIcon(input.outlinePng, 'outline.png', 32, true);

  const id = appId.data.toLowerCase();
  const manifest: Record<string, unknown> = {
    ...parsed.data,
    id,
    version: input.version,
    bots: parsed.data.bots.map((bot) => ({ ...bot, botId: id })),
    validDomains: domains,
  };
  const problems = manifestProblems(manifest);
  if (problems.length > 0) {
    throw new TeamsPackageError(
      `teams/manifest.json följer inte Teams schema för manifestversion ${String(manifest.manifestVersion)} – Teams skulle vägra ladda upp appen. Rätta:\n${problems.map((p) => `  • ${p}`).join('\n')}`,
    );
  }
  const zip = createZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: 'color.png', data: input.colorPng },
    { name: 'outline.png', data: input.outlinePng },
  ]);
  return { zip, manifest };
}
