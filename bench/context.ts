// What every section gets: the running server, the database, the directory and the sizes.
import type pg from "pg";
import type { Directory } from "./directory";
import type { EmailBench } from "./email-queue";
import type { Sizes } from "./sizes";

export interface Bench {
  url: string;
  pid: number;
  pool: pg.Pool;
  directory: Directory;
  secret: string;
  sizes: Sizes;
  /** Set when email is on (the default): the fake Resend the server sends to. */
  email?: EmailBench;
  log(message: string): void;
  /** False when the route answers 404 (not written yet): its rows then say "n/a (route missing)". */
  routeExists(path: string, method?: string): Promise<boolean>;
}

export async function routeExists(url: string, path: string, method = "POST") {
  const response = await fetch(`${url}${path}`, { method });
  await response.arrayBuffer();
  return response.status !== 404;
}
