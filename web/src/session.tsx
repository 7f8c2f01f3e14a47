// The session: the token's role (GET /api/me) and the actor names, shared by every view.
// Viewers see no curation controls; the server enforces roles whatever the UI shows.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, type Actor, type Role } from './api.js';

export interface Session {
  role: Role | null;
  /** Why there is no role: no token, a bad token, or the server is unreachable. */
  authError: string | null;
  actors: Map<string, Actor>;
  canEdit: boolean;
  refresh: () => void;
}

const SessionContext = createContext<Session>({ role: null, authError: null, actors: new Map(), canEdit: false, refresh: () => {} });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [role, setRole] = useState<Role | null>(null);
  const [authError, setAuthError] = useState<string | null>(null);
  const [actors, setActors] = useState<Map<string, Actor>>(new Map());
  const [tick, setTick] = useState(0);
  useEffect(() => {
    api.me().then(
      (me) => {
        setRole(me.role);
        setAuthError(null);
      },
      (e: Error) => {
        setRole(null);
        setAuthError(e.message);
      },
    );
    api.actors(1000).then(
      (page) => setActors(new Map(page.rows.map((a) => [a.code, a]))),
      () => setActors(new Map()),
    );
  }, [tick]);
  const canEdit = role === 'editor' || role === 'admin';
  return <SessionContext.Provider value={{ role, authError, actors, canEdit, refresh: () => setTick((t) => t + 1) }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}
