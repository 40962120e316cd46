/**
 * The passkey and OIDC services, made once per set of server dependencies and shared by the public and the
 * signed-in routes (both stateless over the system pool, like AuthService).
 */
import { OidcService } from '../services/oidc.service.ts';
import { PasskeyService } from '../services/passkey.service.ts';
import type { ServerDeps } from './server-env.ts';

export interface SignInMethods {
  passkeys: PasskeyService;
  oidc: OidcService;
}

const made = new WeakMap<ServerDeps, SignInMethods>();

export function signInMethods(deps: ServerDeps): SignInMethods {
  let methods = made.get(deps);
  if (!methods) {
    const publicUrl = () => deps.settings.publicUrl;
    methods = {
      passkeys: new PasskeyService(deps.store.system, deps.now, publicUrl),
      oidc: new OidcService(deps.store.system, deps.now, publicUrl),
    };
    made.set(deps, methods);
  }
  return methods;
}
