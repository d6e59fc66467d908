import { describe, expect, it } from "vitest";
import { cleanLine, cleanText, findNulCharacter, hasUnsafeCharacters } from "@/lib/text/clean";

describe("lib/text/clean", () => {
  it("cleanLine: breaks become one space, controls and bidi characters go, the rest stays", () => {
    expect(cleanLine("A\r\nBcc: x@evil.example")).toBe("A Bcc: x@evil.example");
    expect(cleanLine("  a \n\n\t b  ")).toBe("a b");
    expect(cleanLine("in\u202Egnp.exe")).toBe("ingnp.exe");
    expect(cleanLine("\u2066a\u2069\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u2067\u2068")).toBe("a");
    expect(cleanLine("a\u0000b\u0007c\u001Bd\u007Fe\u0080f\u009Fg")).toBe("abcdefg");
    expect(cleanLine("a\u0085b\u2028c\u2029d")).toBe("a b c d");
    expect(cleanLine("Zoë O'Brien 中村 محمد — 50 %")).toBe("Zoë O'Brien 中村 محمد — 50 %");
  });

  it("cleanText keeps line breaks (as \\n) and drops the rest", () => {
    expect(cleanText("one\r\ntwo\rthree\u2028four\tfive\u202E\u0000")).toBe("one\ntwo\nthree\nfour five");
  });

  it("hasUnsafeCharacters is true exactly when cleanLine would change a trimmed text", () => {
    for (const text of ["plain", "Zoë 中村", "a b"]) expect(hasUnsafeCharacters(text)).toBe(false);
    for (const text of ["a\nb", "a\rb", "\u202Ea", "a\u2066", "\u0007", "\u0085", "\u200F"])
      expect(hasUnsafeCharacters(text)).toBe(true);
  });

  it("findNulCharacter names the first string (or key) holding U+0000", () => {
    expect(findNulCharacter({ a: ["x", { b: "y\u0000" }] })).toEqual(["a", 1, "b"]);
    expect(findNulCharacter({ ["k\u0000"]: 1 })).toEqual(["k\u0000"]);
    expect(findNulCharacter({ a: "fine", n: 1, z: null })).toBeNull();
  });
});

describe("the headers of an outgoing email (every producer: one event's email, a digest)", () => {
  it("senderFor: the brand as one clean quoted display name before EMAIL_FROM's address", async () => {
    const { senderFor } = await import("@/lib/email/transport");
    expect(senderFor("Notifications <n@example.com>", 'Contoso\r\nBcc: x@evil.example \u202Elive "Ltd" <a>')).toBe(
      '"Contoso Bcc: x@evil.example live Ltd a" <n@example.com>',
    );
    expect(senderFor("n@example.com", "Fabrikam")).toBe('"Fabrikam" <n@example.com>');
  });

  it("withSafeHeaders: subject and header values one clean line, the body untouched", async () => {
    const { withSafeHeaders } = await import("@/lib/email/transport");
    const email = withSafeHeaders({
      id: "job_1",
      from: '"A" <n@example.com>',
      to: "a@example.com",
      subject: "Renewed: E3\r\nBcc: x@evil.example\u2066",
      html: "<p>line\r\nbreak</p>",
      text: "line\r\nbreak",
      headers: { "X-Entity-Ref-ID": "job_1\r\nBcc: x@evil.example" },
    });
    expect(email.subject).toBe("Renewed: E3 Bcc: x@evil.example");
    expect(email.headers).toEqual({ "X-Entity-Ref-ID": "job_1 Bcc: x@evil.example" });
    expect(email.text).toBe("line\r\nbreak");
  });
});
