import { registerSecret } from '../observability/redact';

/** Where `${VAR}` values come from at install time. */
export interface VarSource {
  readonly env: NodeJS.ProcessEnv;
  /** The encrypted secret store's lookup. */
  readonly secret: (name: string) => string | undefined;
  /**
   * Told of every secret value written into a tool file (from the store, or a secret-named environment variable),
   * so the file is written 0600 and history keeps `${secret:NAME}` in its place.
   */
  readonly onSecret?: (name: string, value: string) => void;
}

/** How a target's file treats placeholders: some tools expand environment variables themselves. */
export interface PlaceholderStyle {
  /** The tool's own syntax for an environment variable (e.g. `${env:NAME}`), or undefined if it has none. */
  readonly native?: (name: string) => string;
}

/** `${NAME}` (environment, then the secret store) and `${secret:NAME}` (the secret store only). */
const PLACEHOLDER = /\$\{(secret:)?([A-Za-z_][A-Za-z0-9_]*)\}/g;
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|_KEY$|^KEY$|CREDENTIAL|_PAT$|DATABASE_URL)/i;

/** How to set a missing secret: the real command and the app's panel. */
export const setSecretHint = (name: string): string =>
  `Set it with \`ai-config secret set ${name}\` (or in the app: Secrets, "Add secret")`;

const notSetWritten = (name: string, whole: string, file: string) =>
  `${name} is not set in the environment or the secret store; "${whole}" is written as is into ${file}. ` +
  `${setSecretHint(name)} or export it, then install again.`;

const notSetNative = (name: string) =>
  `${name} is not set in the environment or the secret store; the tool reads it from its environment when it starts.`;

const plainText = (name: string, file: string) =>
  `This tool cannot read ${name} from the environment: its value is written in plain text into ${file} ` +
  '(readable only by you; history keeps the placeholder).';

/** Collects the warnings of one render so each is reported once. */
export class VarResolver {
  readonly warnings = new Set<string>();
  constructor(
    private readonly source: VarSource,
    private readonly style: PlaceholderStyle,
    private readonly file: string,
  ) {}

  /**
   * Resolves `${VAR}` in one string. Where the tool expands variables itself and the value is in the environment,
   * the placeholder is kept in the tool's syntax (no secret on disk); otherwise the value is written and, for a
   * secret-looking name or a value from the secret store, a warning says it lands in the file.
   */
  resolve(value: string): string {
    return value.replace(PLACEHOLDER, (whole, storeOnly: string | undefined, name: string) => {
      const fromEnv = storeOnly ? undefined : this.source.env[name];
      const fromStore = fromEnv === undefined ? this.source.secret(name) : undefined;
      if (this.style.native && fromStore === undefined && !storeOnly) {
        if (fromEnv === undefined) this.warnings.add(notSetNative(name));
        return this.style.native(name);
      }
      const v = fromEnv ?? fromStore;
      if (v === undefined) {
        this.warnings.add(notSetWritten(name, whole, this.file));
        return whole;
      }
      if (fromStore !== undefined || SECRET_NAME.test(name)) {
        registerSecret(v);
        this.source.onSecret?.(name, v);
        this.warnings.add(plainText(name, this.file));
      }
      return v;
    });
  }

  resolveRecord(rec: Readonly<Record<string, string>>): Record<string, string> {
    return Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, this.resolve(v)]));
  }
}
