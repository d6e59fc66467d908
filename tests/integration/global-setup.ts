import type { TestProject } from "vitest/node";
import { createFreshDatabase } from "../support/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// One fresh database per integration run.
export default async function setup(project: TestProject) {
  const database = await createFreshDatabase("nc_integration");
  project.provide("databaseUrl", database.url);
  return () => database.drop();
}
