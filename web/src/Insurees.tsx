import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { errorText } from './graphql';

const INSUREES = `query Insurees($chfId: String, $lastName: String, $after: String) {
  insurees(chfId: $chfId, lastName_Istartswith: $lastName, first: 20, after: $after, orderBy: ["lastName", "otherNames"]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { uuid chfId lastName otherNames dob head gender { gender } family { headInsuree { chfId } } } }
  }
}`;

interface Insuree {
  uuid: string;
  chfId: string | null;
  lastName: string;
  otherNames: string;
  dob: string | null;
  head: boolean;
  gender: { gender: string } | null;
  family: { headInsuree: { chfId: string | null } | null } | null;
}

interface Page {
  insurees: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Insuree }[];
  };
}

/** A search by insurance number (exact) or by the start of the last name, 20 a page. */
interface Search {
  chfId?: string;
  lastName?: string;
}

export function Insurees() {
  const [text, setText] = useState('');
  const [search, setSearch] = useState<Search | null>(null);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const [{ data, fetching, error }] = useQuery<Page>({
    query: INSUREES,
    variables: { ...search, after },
    pause: search === null,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = text.trim();
    if (!wanted) return;
    // an insurance number (openIMIS's CHFID) holds a digit, a last name none
    setSearch(/^[0-9A-Za-z]*[0-9][0-9A-Za-z]*$/.test(wanted) ? { chfId: wanted } : { lastName: wanted });
    setCursors([null]);
  }

  const page = data?.insurees;
  return (
    <section aria-label="Insurees">
      <form onSubmit={submit} className="search" role="search">
        <label>
          Insurance number or last name
          <input value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        </label>
        <button type="submit">Search</button>
      </form>
      {error && <p role="alert" className="error">{errorText(error)}</p>}
      {fetching && <p className="loading">Searching…</p>}
      {page && !fetching && page.edges.length === 0 && <p>No insuree matches.</p>}
      {page && page.edges.length > 0 && (
        <>
          <p className="count">
            {page.totalCount} {page.totalCount === 1 ? 'insuree' : 'insurees'}
          </p>
          <table>
            <thead>
              <tr>
                <th>Insurance number</th>
                <th>Last name</th>
                <th>Other names</th>
                <th>Date of birth</th>
                <th>Gender</th>
                <th>Family head</th>
              </tr>
            </thead>
            <tbody>
              {page.edges.map(({ node }) => (
                <tr key={node.uuid}>
                  <td>{node.chfId}</td>
                  <td>{node.lastName}</td>
                  <td>{node.otherNames}</td>
                  <td>{node.dob}</td>
                  <td>{node.gender?.gender}</td>
                  <td>{node.head ? 'head' : node.family?.headInsuree?.chfId}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
              Previous page
            </button>
            <button
              disabled={!page.pageInfo.hasNextPage}
              onClick={() => setCursors([...cursors, page.pageInfo.endCursor])}
            >
              Next page
            </button>
          </div>
        </>
      )}
    </section>
  );
}
