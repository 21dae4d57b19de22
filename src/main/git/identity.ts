/** Author and committer for commits the app makes itself, so they never depend on the user's git config. */
export const APP_GIT_IDENTITY: NodeJS.ProcessEnv = {
  GIT_AUTHOR_NAME: 'AI Configurator',
  GIT_AUTHOR_EMAIL: 'app@ai-configurator.invalid',
  GIT_COMMITTER_NAME: 'AI Configurator',
  GIT_COMMITTER_EMAIL: 'app@ai-configurator.invalid',
};

/** `-c` flags that keep app-made commits independent of user config (signing, hooks). */
export const APP_GIT_CONFIG: ReadonlyArray<string> = [
  '-c',
  'commit.gpgsign=false',
  '-c',
  'tag.gpgsign=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'init.defaultBranch=main',
];
