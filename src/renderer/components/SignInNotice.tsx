/** Shown in the browser when the page has no token: how to open it the way `ai-config serve` prints it. */
export function SignInNotice() {
  return (
    <main className="empty-state" aria-label="Sign in">
      <h1>Open AI Configurator from its link</h1>
      <p>
        This page is not signed in. Open the URL that <code>ai-config serve</code> (or <code>npm start</code>) printed
        in your terminal: it looks like <code>http://127.0.0.1:PORT/#token=…</code>.
      </p>
      <p className="muted">
        The token stays in this browser tab only and is never sent in a cookie. If the host was restarted, open the new
        URL it printed.
      </p>
    </main>
  );
}
