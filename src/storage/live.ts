import { liveQuery, type Observable } from 'dexie';

/** A query that re-runs when the tables it read change (in any tab): how the UI reads the database. */
export function watch<T>(query: () => Promise<T>): Observable<T> {
  return liveQuery(query);
}
