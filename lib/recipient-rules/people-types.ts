// A user the rule editor's picker offers. Client-safe.
export interface Person {
  id: string;
  name: string;
  email: string;
  organizationName: string;
}
