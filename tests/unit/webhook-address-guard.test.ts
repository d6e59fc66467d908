// The SSRF guard: private, loopback, link-local and metadata targets are refused before any
// connection. DNS is injected (no resolver is asked) and a spy fails the test if a socket opens:
// no packet ever leaves for a refused address.
import net from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  checkWebhookUrl,
  isPrivateAddress,
  UnsafeTargetError,
  type AddressPolicy,
  type LookupAll,
} from "@/lib/webhooks/address-guard";
import { sendWebhook } from "@/lib/webhooks/send";

const resolvesTo =
  (...addresses: string[]): LookupAll =>
  async () =>
    addresses.map((address) => ({ address, family: net.isIP(address) }));

const strict = (lookup: LookupAll): AddressPolicy => ({ allowPrivate: false, requireHttps: true, lookup });

let connect: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  connect = vi.spyOn(net.Socket.prototype, "connect").mockImplementation(() => {
    throw new Error("a socket was opened");
  });
});
afterEach(() => {
  expect(connect).not.toHaveBeenCalled();
  connect.mockRestore();
});

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "::1",
    "10.0.0.5",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.100.100.200",
    "0.0.0.0",
    "::",
    "::ffff:10.0.0.1",
    "::ffff:127.0.0.1",
    "64:ff9b::a9fe:a9fe",
    "fd00:ec2::254",
    "fe80::1",
    "224.0.0.1",
    "255.255.255.255",
  ])("refuses %s", (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:93.184.216.34"])(
    "allows the public address %s",
    (address) => expect(isPrivateAddress(address)).toBe(false),
  );
});

describe("checkWebhookUrl (registration)", () => {
  const noDns: LookupAll = vi.fn(async () => {
    throw new Error("DNS must not be asked for an address literal");
  });

  it.each([
    ["https://127.0.0.1/hook", "127.0.0.1"],
    ["https://[::1]:8443/hook", "::1"],
    ["https://10.1.2.3/hook", "10.1.2.3"],
    ["https://169.254.169.254/latest/meta-data", "169.254.169.254"],
    ["https://[::ffff:169.254.169.254]/", "::ffff:a9fe:a9fe"],
  ])("refuses %s without asking DNS", async (url, shown) => {
    await expect(checkWebhookUrl(url, strict(noDns))).rejects.toThrow(new RegExp(shown.replace(/[.[\]]/g, "\\$&")));
    expect(noDns).not.toHaveBeenCalled();
  });

  it("refuses a hostname that resolves to a private address", async () => {
    const lookup = vi.fn(resolvesTo("10.20.30.40"));
    await expect(checkWebhookUrl("https://hooks.internal.example/x", strict(lookup))).rejects.toThrow(
      "host hooks.internal.example resolves to a private, loopback or link-local address (10.20.30.40)",
    );
    expect(lookup).toHaveBeenCalledWith("hooks.internal.example");
  });

  it("refuses a hostname with one public and one private address", async () => {
    await expect(
      checkWebhookUrl("https://mixed.example/x", strict(resolvesTo("93.184.216.34", "169.254.169.254"))),
    ).rejects.toBeInstanceOf(UnsafeTargetError);
  });

  it("accepts a hostname that resolves to public addresses only", async () => {
    const url = await checkWebhookUrl("https://hooks.example.com/in?x=1", strict(resolvesTo("93.184.216.34")));
    expect(url.toString()).toBe("https://hooks.example.com/in?x=1");
  });

  it("requires https in production unless private networks are allowed, and refuses credentials in the URL", async () => {
    const lookup = resolvesTo("93.184.216.34");
    await expect(checkWebhookUrl("http://hooks.example.com/", strict(lookup))).rejects.toThrow("must use https://");
    await expect(checkWebhookUrl("ftp://hooks.example.com/", strict(lookup))).rejects.toThrow("https://");
    await expect(checkWebhookUrl("https://user:pw@hooks.example.com/", strict(lookup))).rejects.toThrow("password");
    await expect(checkWebhookUrl("not a url", strict(lookup))).rejects.toThrow("not a valid URL");
    await expect(
      checkWebhookUrl("http://127.0.0.1:9/", { allowPrivate: true, requireHttps: true, lookup }),
    ).resolves.toBeInstanceOf(URL);
  });

  it("refuses a host that does not resolve", async () => {
    const lookup: LookupAll = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    await expect(checkWebhookUrl("https://nowhere.example/", strict(lookup))).rejects.toThrow(
      "host nowhere.example does not resolve (ENOTFOUND)",
    );
  });
});

describe("sendWebhook (send time)", () => {
  const send = (url: string, lookup: LookupAll) =>
    sendWebhook({ url, headers: {}, body: "{}", policy: strict(lookup), timeoutMs: 1000 });

  it.each([
    "https://127.0.0.1/hook",
    "https://[::1]/hook",
    "https://10.0.0.7/hook",
    "https://169.254.169.254/latest/meta-data/",
  ])("refuses %s before connecting", async (url) => {
    const outcome = await send(url, resolvesTo("93.184.216.34"));
    expect(outcome).toMatchObject({ ok: false, httpStatus: null, refused: true });
    expect(outcome.error).toMatch(/^refused: URL points at a private/);
  });

  it("refuses a hostname whose DNS now answers with a private address (it was public at registration)", async () => {
    await checkWebhookUrl("https://rebind.example/hook", strict(resolvesTo("93.184.216.34")));
    const outcome = await send("https://rebind.example/hook", resolvesTo("10.0.0.8"));
    expect(outcome).toMatchObject({ ok: false, refused: true });
    expect(outcome.error).toContain("resolves to a private, loopback or link-local address (10.0.0.8)");
  });
});

describe("the socket spy itself", () => {
  it("sees a connection the guard lets through (control: the refusals above are real)", async () => {
    const allowed: AddressPolicy = { allowPrivate: true, requireHttps: false, lookup: resolvesTo("127.0.0.1") };
    await sendWebhook({ url: "http://127.0.0.1:9/", headers: {}, body: "{}", policy: allowed, timeoutMs: 500 }).catch(
      () => undefined,
    );
    expect(connect).toHaveBeenCalled();
    connect.mockClear();
  });
});

describe("address spellings", () => {
  it.each(["https://2130706433/", "https://0x7f.1/", "https://0177.0.0.1/", "https://[0:0:0:0:0:ffff:7f00:1]/"])(
    "normalizes %s to loopback and refuses it",
    async (url) => {
      await expect(
        checkWebhookUrl(
          url,
          strict(async () => {
            throw new Error("no DNS for address literals");
          }),
        ),
      ).rejects.toBeInstanceOf(UnsafeTargetError);
    },
  );
});
