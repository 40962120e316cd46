/**
 * `kneewise admin …`: setting up a clinic/team server from its own machine. Each command prints a single-use
 * link to hand to the person (it is never sent anywhere by kneewise):
 *   create-org NAME --owner EMAIL     a new organisation and its owner's invitation
 *   invite ORG EMAIL --role ROLE      a member's invitation (or --athlete for an athlete's)
 *   reset EMAIL                       a password-reset link (the user's sessions end when it is used)
 *   oidc ORG --issuer URL --client-id ID --client-secret SECRET
 *                                     sign-in through the organisation's OpenID Connect issuer (--remove: stop)
 */
import { type Command, InvalidArgumentError } from 'commander';
import type { AppContext } from '../../cli/app-context.ts';
import { printJson } from '../../cli/output.ts';
import { KneewiseError } from '../../domain/errors.ts';
import { isMemberRole, MEMBER_ROLES, type MemberRole } from '../domain/roles.ts';
import { openServerDatabase, type ServerStore } from '../repositories/server-database.ts';
import { OidcService } from '../services/oidc.service.ts';
import { type IssuedLink, OrganisationService } from '../services/organisation.service.ts';
import { serverSettings } from './server-options.ts';

interface AdminFlags {
  publicUrl?: string;
  json?: boolean;
}

function parseRole(value: string): MemberRole {
  if (!isMemberRole(value))
    throw new InvalidArgumentError(`expected one of ${MEMBER_ROLES.join(', ')}, got "${value}"`);
  return value;
}

async function withOrganisations<T>(
  ctx: AppContext,
  flags: AdminFlags,
  fn: (service: OrganisationService, store: ServerStore, publicUrl: string) => Promise<T>,
): Promise<T> {
  const settings = serverSettings({ publicUrl: flags.publicUrl }, 4477);
  const store = await openServerDatabase(ctx.config().dbUrl);
  try {
    return await fn(
      new OrganisationService(store.system, () => ctx.now(), settings.publicUrl),
      store,
      settings.publicUrl,
    );
  } finally {
    await store.close();
  }
}

function printLink(
  ctx: AppContext,
  flags: AdminFlags,
  what: string,
  link: IssuedLink,
  extra: Record<string, unknown>,
) {
  if (flags.json) {
    printJson(ctx.io, { ...extra, url: link.url, expiresAt: link.expiresAt.toISOString() });
    return;
  }
  ctx.io.stdout.write(`${link.url}\n`);
  ctx.io.stderr.write(
    `${what}: single use, valid until ${link.expiresAt.toISOString()}. Hand it over privately.\n`,
  );
}

export function registerAdminCommand(program: Command, ctx: AppContext): void {
  const admin = program
    .command('admin')
    .description('Set up the clinic/team server (PostgreSQL): organisations, invitations, password resets');
  const common = (cmd: Command) =>
    cmd
      .option(
        '--public-url <url>',
        'the address people use (default KNEEWISE_PUBLIC_URL, else http://127.0.0.1:4477/)',
      )
      .option('--json', 'print one JSON document');

  common(
    admin
      .command('create-org')
      .argument('<name>', 'the organisation’s name')
      .requiredOption('--owner <email>', 'e-mail of its first owner, who gets the invitation link')
      .description('Create an organisation and print its owner’s invitation link'),
  ).action(async (name: string, opts: AdminFlags & { owner: string }) => {
    await withOrganisations(ctx, opts, async (orgs) => {
      const org = await orgs.createOrganisation(name);
      const link = await orgs.invite({
        orgId: org.id,
        email: opts.owner,
        purpose: 'member',
        role: 'owner',
        byUserId: null,
      });
      printLink(ctx, opts, `Owner invitation for ${org.name}`, link, { organisation: org });
    });
  });

  common(
    admin
      .command('invite')
      .argument('<org>', 'the organisation’s name or id')
      .argument('<email>', 'who is invited')
      .option('--role <role>', `member role: ${MEMBER_ROLES.join(', ')}`, parseRole)
      .option('--athlete', 'invite an athlete (their data stays theirs; the organisation asks for access)')
      .description('Print an invitation link to join an organisation'),
  ).action(
    async (orgName: string, email: string, opts: AdminFlags & { role?: MemberRole; athlete?: boolean }) => {
      if (Boolean(opts.role) === Boolean(opts.athlete)) {
        throw new KneewiseError(
          'INVITE_KIND',
          'give either --role ROLE (a member) or --athlete, not both or neither',
        );
      }
      await withOrganisations(ctx, opts, async (orgs) => {
        const org = await orgs.findOrganisation(orgName);
        if (!org)
          throw new KneewiseError(
            'ORG_NOT_FOUND',
            `no organisation named or with id "${orgName}"`,
            'not-found',
          );
        const link = await orgs.invite({
          orgId: org.id,
          email,
          purpose: opts.athlete ? 'athlete' : 'member',
          ...(opts.role ? { role: opts.role } : {}),
          byUserId: null,
        });
        printLink(ctx, opts, `Invitation to ${org.name}`, link, { organisation: org });
      });
    },
  );

  common(
    admin
      .command('reset')
      .argument('<email>', 'whose password')
      .description('Print a single-use password-reset link'),
  ).action(async (email: string, opts: AdminFlags) => {
    await withOrganisations(ctx, opts, async (orgs) => {
      const link = await orgs.passwordResetLink(email);
      printLink(ctx, opts, `Password reset for ${email}`, link, {});
    });
  });

  common(
    admin
      .command('oidc')
      .argument('<org>', 'the organisation’s name or id')
      .option('--issuer <url>', 'the issuer (https://…; its /.well-known/openid-configuration must answer)')
      .option('--client-id <id>', 'the client id kneewise is registered as at the issuer')
      .option(
        '--client-secret <secret>',
        'the client secret (default KNEEWISE_OIDC_CLIENT_SECRET, which keeps it out of the process list)',
      )
      .option('--remove', 'stop signing in through the issuer (members use their password or passkey)')
      .description('Let an organisation’s members sign in through its OpenID Connect issuer'),
  ).action(
    async (
      orgName: string,
      opts: AdminFlags & { issuer?: string; clientId?: string; clientSecret?: string; remove?: boolean },
    ) => {
      await withOrganisations(ctx, opts, async (orgs, store, publicUrl) => {
        const org = await orgs.findOrganisation(orgName);
        if (!org)
          throw new KneewiseError(
            'ORG_NOT_FOUND',
            `no organisation named or with id "${orgName}"`,
            'not-found',
          );
        const oidc = new OidcService(
          store.system,
          () => ctx.now(),
          () => publicUrl,
        );
        if (opts.remove) {
          const removed = await oidc.remove(org.id);
          if (opts.json) printJson(ctx.io, { organisation: org, removed });
          else
            ctx.io.stderr.write(
              removed
                ? `${org.name} no longer signs in through an issuer.\n`
                : `${org.name} had no issuer.\n`,
            );
          return;
        }
        const clientSecret = opts.clientSecret ?? process.env.KNEEWISE_OIDC_CLIENT_SECRET;
        const missing = [
          opts.issuer ? null : '--issuer',
          opts.clientId ? null : '--client-id',
          clientSecret ? null : '--client-secret (or KNEEWISE_OIDC_CLIENT_SECRET)',
        ].filter((m) => m !== null);
        if (!opts.issuer || !opts.clientId || !clientSecret) {
          throw new KneewiseError(
            'OIDC_OPTIONS_MISSING',
            `admin oidc: give ${missing.join(', ')} (or --remove)`,
          );
        }
        const provider = await oidc.configure(org.id, {
          issuer: opts.issuer,
          clientId: opts.clientId,
          clientSecret,
        });
        if (opts.json) {
          printJson(ctx.io, { organisation: org, provider });
          return;
        }
        ctx.io.stdout.write(`${provider.redirectUri}\n`);
        ctx.io.stderr.write(
          `${org.name} signs in through ${provider.issuer}. Register the redirect URI above at the issuer; ` +
            `members are linked by the e-mail address it has verified, and must have joined with their invitation first.\n`,
        );
      });
    },
  );
}
