// The workbench shell: a header with the views, the session's role and a search box,
// and the current view chosen from the path.
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Link } from './components/link.js';
import { navigate, useLocation } from './router.js';
import { SessionProvider, useSession } from './session.js';
import { currentToken, setToken } from './token.js';
import { DyadView } from './views/dyad-view.js';
import { TimelineView } from './views/timeline-view.js';
import { ReaderView } from './views/reader-view.js';
import { EventView } from './views/event-view.js';
import { IngestView } from './views/ingest-view.js';
import { AlertsView } from './views/alerts-view.js';
import { SearchView } from './views/search-view.js';
import { AuditView } from './views/audit-view.js';
import { SourcesView } from './views/sources-view.js';
import { HomeView } from './views/home-view.js';
import { Loading } from './components/status.js';

// The link chart's layout and the world map are the heavy parts: load them when first shown.
const NetworkView = lazy(() => import('./views/network-view.js').then((m) => ({ default: m.NetworkView })));
const MapView = lazy(() => import('./views/map-view.js').then((m) => ({ default: m.MapView })));

const VIEWS = [
  { path: 'network', label: 'Network' },
  { path: 'dyad', label: 'Dyad' },
  { path: 'timeline', label: 'Timeline' },
  { path: 'map', label: 'Map' },
  { path: 'reader', label: 'Reader' },
  { path: 'ingest', label: 'Ingest' },
  { path: 'alerts', label: 'Alerts' },
];

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const loc = useLocation();
  const { canEdit, role } = useSession();
  const first = loc.segments[0] ?? 'home';
  const views = [...VIEWS, ...(canEdit ? [{ path: 'audit', label: 'Audit' }] : []), ...(role === 'admin' ? [{ path: 'sources', label: 'Sources' }] : [])];
  return (
    <div className="shell">
      <header className="top">
        <Link to="/" className="brand">
          Entente
        </Link>
        <nav aria-label="views">
          {views.map((v) => (
            <Link key={v.path} to={`/${v.path}`} className={first === v.path || (first === 'events' && v.path === 'timeline') ? 'active' : ''}>
              {v.label}
            </Link>
          ))}
        </nav>
        <SearchBox key={first === 'search' ? (loc.query.get('q') ?? '') : ''} initial={first === 'search' ? (loc.query.get('q') ?? '') : ''} />
        <RoleBadge />
      </header>
      <main>
        <AuthNotice />
        <Suspense fallback={<Loading />}>
          <Route first={first} />
        </Suspense>
      </main>
    </div>
  );
}

function Route({ first }: { first: string }) {
  const loc = useLocation();
  switch (first) {
    case 'home':
      return <HomeView />;
    case 'network':
      return <NetworkView />;
    case 'dyad':
      return <DyadView />;
    case 'timeline':
      return <TimelineView />;
    case 'map':
      return <MapView />;
    case 'reader':
      return <ReaderView docId={loc.segments[1] ?? null} mentionId={loc.query.get('mention')} />;
    case 'events':
      return loc.segments[1] ? <EventView id={loc.segments[1]} /> : <TimelineView />;
    case 'ingest':
      return <IngestView />;
    case 'alerts':
      return <AlertsView />;
    case 'search':
      return <SearchView q={loc.query.get('q') ?? ''} />;
    case 'audit':
      return <AuditView />;
    case 'sources':
      return <SourcesView />;
    default:
      return <p className="error">No view at {loc.path}.</p>;
  }
}

function SearchBox({ initial }: { initial: string }) {
  const [q, setQ] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form className="search" role="search" onSubmit={submit}>
      <input type="search" placeholder="Search events, actors, documents" value={q} onChange={(e) => setQ(e.target.value)} aria-label="search" />
    </form>
  );
}

function RoleBadge() {
  const { role } = useSession();
  return (
    <span className={`role role-${role ?? 'none'}`} data-testid="role" title="the role of this session's token">
      {role ?? 'no token'}
    </span>
  );
}

/** Why there is no session, in a sentence: no token at all, or one the server no longer accepts. */
function signInReason(error: string): string {
  if (!currentToken()) return 'Not signed in: this page was opened without a token.';
  if (/unknown|revoked|expired|invalid/i.test(error)) return `Not signed in: the token in your link is no longer valid (the server says: ${error}). It may have been revoked or have expired.`;
  return `Not signed in: ${error}.`;
}

/** Without a valid token the API answers 401: offer to paste one. */
function AuthNotice() {
  const { role, authError } = useSession();
  const [value, setValue] = useState('');
  if (role || !authError) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setToken(value.trim() || null);
    // Every view loads again with the token, as after opening the printed link.
    window.location.reload();
  };
  return (
    <form className="auth-notice" onSubmit={submit}>
      <span data-testid="auth-reason">{signInReason(authError)} Open the link <code>entente serve</code> printed, or paste a token:</span>
      <input type="password" value={value} onChange={(e) => setValue(e.target.value)} aria-label="token" />
      <button type="submit">Use token</button>
    </form>
  );
}
