import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorText, token } from './graphql';

const LOGIN = `mutation Login($username: String!, $password: String!) {
  tokenAuth(username: $username, password: $password) { token }
}`;

/** The login form: a wrong password or a locked account is said in the server's words, next to the form. */
export function Login({ onLoggedIn }: { onLoggedIn: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [result, login] = useMutation<{ tokenAuth: { token: string } | null }>(LOGIN);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await login({ username, password });
    const jwt = answer.data?.tokenAuth?.token;
    if (jwt) {
      token.set(jwt);
      onLoggedIn();
    }
  }

  return (
    <main className="login">
      <h1>Claims</h1>
      <form onSubmit={submit} aria-label="Log in">
        <label>
          User name
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoFocus required />
        </label>
        <label>
          Password
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
        </label>
        {result.error && <p role="alert" className="error">{errorText(result.error)}</p>}
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
