/**
 * Whether IndexedDB database `name` exists, without creating it. Opening a
 * missing database creates it, which would leave a trace on the device before
 * consent; here the creation is aborted in `upgradeneeded`, and an aborted
 * first upgrade deletes the new database again
 * (https://w3c.github.io/IndexedDB/#abort-an-upgrade-transaction).
 * Resolves `true` when unsure, so reads still find what is there. No `blocked` handler: an open
 * without a version never upgrades an existing database, so nothing can block it.
 */
export const idbExists = (idb: IDBFactory, name: string): Promise<boolean> =>
  new Promise((resolve) => {
    try {
      const request = idb.open(name);
      request.onupgradeneeded = () => {
        request.transaction?.abort();
        resolve(false);
      };
      request.onsuccess = () => {
        request.result.close();
        resolve(true);
      };
      request.onerror = () => resolve(request.error?.name === 'AbortError' ? false : true);
    } catch {
      resolve(true);
    }
  });
