// What /api/ready reports beyond the database: whether this instance is shutting down and which
// Socket.IO adapter it runs. Kept on globalThis: the route is bundled by Next, the state is set
// by the server.
interface Readiness {
  shuttingDown: boolean;
  socketAdapter?: string;
}

const holder = globalThis as unknown as { __readiness?: Readiness };
const state = () => (holder.__readiness ??= { shuttingDown: false });

export const markShuttingDown = () => void (state().shuttingDown = true);
export const setSocketAdapter = (kind: string) => void (state().socketAdapter = kind);
export const readiness = (): Readonly<Readiness> => state();
