import { useEffect, useState } from 'react';
import { App } from './App';
import { hostToken, SIGNED_OUT_EVENT } from './api/host-token';
import { SignInNotice } from './components/SignInNotice';

/** The app, or in a browser tab without the host's token, how to open it signed in. */
export function Root() {
  const [signedIn, setSignedIn] = useState(() => !!window.api || !!hostToken());
  useEffect(() => {
    const signedOut = () => setSignedIn(false);
    window.addEventListener(SIGNED_OUT_EVENT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, signedOut);
  }, []);
  return signedIn ? <App /> : <SignInNotice />;
}
