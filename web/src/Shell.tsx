import { useState } from 'react';
import { useQuery } from 'urql';
import { errorText } from './graphql';
import { Insurees } from './Insurees';
import { menuFor } from './menu';

const USER = `query CurrentUser { user { username otherNames lastName rights roles } }`;

interface User {
  username: string;
  otherNames: string;
  lastName: string;
  rights: number[];
  roles: string[];
}

/** The signed-in frame: who is logged in, the menu their rights allow, and the chosen screen. */
export function Shell({ onLogout }: { onLogout: () => void }) {
  const [{ data, fetching, error }] = useQuery<{ user: User | null }>({ query: USER });
  const [screen, setScreen] = useState<string | null>(null);

  if (fetching) return <p className="loading">Loading…</p>;
  if (error || !data?.user)
    return (
      <main>
        <p role="alert" className="error">{error ? errorText(error) : 'Your session has ended.'}</p>
        <button onClick={onLogout}>Log in again</button>
      </main>
    );
  const user = data.user;
  const entries = menuFor(user.rights);
  const current = entries.find((e) => e.key === screen) ?? entries[0];

  return (
    <div className="shell">
      <header>
        <strong>Claims</strong>
        <span className="who">
          {user.otherNames} {user.lastName} ({user.roles.join(', ')})
        </span>
        <button onClick={onLogout}>Log out</button>
      </header>
      <nav aria-label="Main menu">
        <ul>
          {entries.map((entry) => (
            <li key={entry.key}>
              <button aria-current={entry === current ? 'page' : undefined} onClick={() => setScreen(entry.key)}>
                {entry.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        {current ? <h1>{current.label}</h1> : <p>Your roles give you no claims screens.</p>}
        {current?.key === 'insurees' && <Insurees />}
      </main>
    </div>
  );
}
