import { useState } from 'react';
import { StatusBar } from './components/StatusBar';
import { HistoryScreen } from './screens/HistoryScreen';
import { LibraryScreen } from './screens/LibraryScreen';
import { useLibrary } from './stores/library';

/** Screens in the sidebar. Each later domain adds its screen here. */
const SCREENS = [
  { id: 'library', label: 'Library', render: () => <LibraryScreen /> },
  { id: 'history', label: 'History', render: () => <HistoryScreen /> },
] as const;

export function App() {
  const [screen, setScreen] = useState<string>('library');
  const status = useLibrary((s) => s.status);
  const current = SCREENS.find((s) => s.id === screen) ?? SCREENS[0];
  return (
    <div className="app">
      <nav className="nav" aria-label="Screens">
        <div className="brand">AI Configurator</div>
        {SCREENS.map((s) => (
          <button type="button" key={s.id} className={`nav-item${s.id === current.id ? ' active' : ''}`} aria-current={s.id === current.id ? 'page' : undefined} onClick={() => setScreen(s.id)}>
            {s.label}
          </button>
        ))}
      </nav>
      <div className="content">{current.render()}</div>
      <StatusBar {...(status.kind === 'ready' ? { status: status.value } : {})} />
    </div>
  );
}
