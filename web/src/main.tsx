import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { Login } from './Login';
import { Shell } from './Shell';
import { makeClient, token } from './graphql';
import './styles.css';

function App() {
  const [loggedIn, setLoggedIn] = useState(token.get() !== null);
  // a new client per session: nothing cached for one user is shown to the next
  const client = useMemo(() => makeClient(), [loggedIn]);
  return (
    <Provider value={client}>
      {loggedIn ? (
        <Shell
          onLogout={() => {
            token.clear();
            setLoggedIn(false);
          }}
        />
      ) : (
        <Login onLoggedIn={() => setLoggedIn(true)} />
      )}
    </Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
