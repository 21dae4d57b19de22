import { useState } from 'react';
import { StatusBar } from './components/StatusBar';
import { AgentsScreen } from './screens/AgentsScreen';
import { IncomingNotice } from './components/IncomingNotice';
import { HistoryScreen } from './screens/HistoryScreen';
import { LibraryScreen } from './screens/LibraryScreen';
import { SourcesScreen } from './screens/SourcesScreen';
import { AnalyticsScreen } from './screens/AnalyticsScreen';
import { HealthScreen } from './screens/HealthScreen';
import { LogsScreen } from './screens/LogsScreen';
import { SyncScreen } from './screens/SyncScreen';
import { SecretsScreen } from './screens/SecretsScreen';
import { useLibrary } from './stores/library';

/** Screens in the sidebar. Each later domain adds its screen here. */
const SCREENS = [
  { id: 'library', label: 'Library', render: () => <LibraryScreen /> },
  { id: 'agents', label: 'Agents', render: () => <AgentsScreen /> },
  { id: 'sources', label: 'Sources', render: () => <SourcesScreen /> },
  { id: 'health', label: 'Health', render: () => <HealthScreen /> },
  { id: 'logs', label: 'Logs', render: () => <LogsScreen /> },
  { id: 'analytics', label: 'Analytics', render: () => <AnalyticsScreen /> },
  { id: 'sync', label: 'Sync', render: () => <SyncScreen /> },
  { id: 'history', label: 'History', render: () => <HistoryScreen /> },
  { id: 'secrets', label: 'Secrets', render: () => <SecretsScreen /> },
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
          <button
            type="button"
            key={s.id}
            className={`nav-item${s.id === current.id ? ' active' : ''}`}
            aria-current={s.id === current.id ? 'page' : undefined}
            onClick={() => setScreen(s.id)}
          >
            {s.label}
          </button>
        ))}
      </nav>
      <div className="content">
        <IncomingNotice />
        {current.render()}
      </div>
      <StatusBar {...(status.kind === 'ready' ? { status: status.value } : {})} />
    </div>
  );
}
