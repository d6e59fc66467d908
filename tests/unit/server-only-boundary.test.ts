// The server-only boundary: modules that touch the database, secrets, email or Socket.IO import
// "server-only", and `next build` refuses a client component that reaches one of them. Building
// is too slow for a test, so this walks the same graph Next does: from every "use client" module
// through its value imports (type-only imports are erased) to any module marked server-only.
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

const marked = [
  "lib/db.ts",
  "lib/env.ts",
  "lib/crypto.ts",
  "lib/auth/options.ts",
  "lib/auth/session-token.ts",
  "lib/email/unsubscribe-token.ts",
  "lib/email/transport.ts",
  "lib/email/worker.ts",
  "lib/realtime/emit.ts",
  "lib/server/socket.ts",
];

function resolve(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : undefined;
  if (!base) return undefined; // a package: not ours to walk
  return ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext).find((p) => ts.sys.fileExists(p));
}

interface Module {
  client: boolean;
  serverOnly: boolean;
  imports: string[];
}

const parsed = new Map<string, Module>();
const parseFile = (file: string) => parsed.get(file) ?? parsed.set(file, parse(file)).get(file)!;

/** What a module imports at run time, whether it is a client module, whether it is marked server-only. */
function parse(file: string, text = readFileSync(file, "utf8")): Module {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((element) => element.isTypeOnly));
      if (!typeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const first = source.statements[0];
  return {
    client:
      !!first &&
      ts.isExpressionStatement(first) &&
      ts.isStringLiteral(first.expression) &&
      first.expression.text === "use client",
    serverOnly: specifiers.includes("server-only"),
    imports: specifiers.flatMap((s) => resolve(file, s) ?? []),
  };
}

/** The import chain from `start` to a server-only module, or null. */
function chainToServerOnly(start: string, startModule = parseFile(start)): string[] | null {
  const seen = new Set<string>([start]);
  const queue: { file: string; module: Module; chain: string[] }[] = [
    { file: start, module: startModule, chain: [start] },
  ];
  while (queue.length) {
    const { module, chain } = queue.shift()!;
    for (const next of module.imports) {
      if (seen.has(next)) continue;
      seen.add(next);
      const imported = parseFile(next);
      const nextChain = [...chain, next];
      if (imported.serverOnly) return nextChain.map((file) => path.relative(root, file));
      queue.push({ file: next, module: imported, chain: nextChain });
    }
  }
  return null;
}

function sourceFiles(dir: string): string[] {
  return ts.sys
    .readDirectory(path.join(root, dir), [".ts", ".tsx"], undefined, ["**/*"])
    .filter((file) => !file.includes("/node_modules/"));
}

describe("the server-only boundary", () => {
  it.each(marked)("%s is marked server-only", (file) => {
    expect(parseFile(path.join(root, file)).serverOnly).toBe(true);
  });

  it("finds a client component that reaches the database (what next build refuses)", () => {
    const fixture = path.join(root, "components/leak.tsx");
    const leak = parse(
      fixture,
      `"use client";\nimport { db } from "@/lib/db";\nexport const Leak = () => String(db);\n`,
    );
    expect(leak.client).toBe(true);
    expect(chainToServerOnly(fixture, leak)).toEqual(["components/leak.tsx", "lib/db.ts"]);
    const typeOnly = parse(fixture, `"use client";\nimport type { Env } from "@/lib/env";\nexport type E = Env;\n`);
    expect(chainToServerOnly(fixture, typeOnly)).toBeNull();
  });

  it("no client component reaches a server-only module", () => {
    const clients = [...sourceFiles("app"), ...sourceFiles("components"), ...sourceFiles("lib")]
      .concat(path.join(root, "instrumentation-client.ts"))
      .filter((file) => parseFile(file).client);
    expect(clients.length).toBeGreaterThan(10);
    const leaks = clients.map((file) => chainToServerOnly(file)).filter((chain) => chain !== null);
    expect(leaks).toEqual([]);
  }, 30_000);
});
