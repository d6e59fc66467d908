// Item 13: the development mailbox (captured mail: other people's messages, temporary passwords)
// is for signed-in platform admins only, whatever NODE_ENV says; the development server listens on
// loopback unless HOST says otherwise.
import { beforeAll, describe, expect, it } from "vitest";
import { getUser } from "@/lib/auth/user-cache";
import { env, listenHost } from "@/lib/env";
import { mailboxAvailable } from "@/lib/email/mailbox";
import { resetDatabase } from "../support/integration";

beforeAll(() => resetDatabase());

describe("the development mailbox", () => {
  it("is captured here (no RESEND_API_KEY) and this is not production", () => {
    expect(env().RESEND_API_KEY).toBeUndefined();
    expect(env().NODE_ENV).not.toBe("production");
  });

  it("is closed to anonymous visitors and to every user but a platform admin", async () => {
    expect(mailboxAvailable(null)).toBe(false);
    for (const id of ["u_alice", "u_ryan", "u_dana"]) {
      const user = await getUser(id);
      expect(user, id).toBeTruthy();
      expect(mailboxAvailable(user!), id).toBe(false);
    }
    expect(mailboxAvailable((await getUser("u_platform_admin"))!)).toBe(true);
  });
});

describe("where the server listens", () => {
  it("loopback only in development and tests, every interface in production, HOST overrides", () => {
    expect(listenHost({ NODE_ENV: "development", HOST: undefined })).toBe("127.0.0.1");
    expect(listenHost({ NODE_ENV: "test", HOST: undefined })).toBe("127.0.0.1");
    expect(listenHost({ NODE_ENV: "production", HOST: undefined })).toBeUndefined();
    expect(listenHost({ NODE_ENV: "development", HOST: "0.0.0.0" })).toBe("0.0.0.0");
  });
});
