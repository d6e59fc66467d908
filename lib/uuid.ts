// UUIDv7 (RFC 9562): time-ordered ids for rows inserted with SQL, matching Prisma's uuid(7)
// default, so that new rows land at the end of their indexes.
import { randomFillSync } from "node:crypto";

let lastMs = 0;
let sequence = 0;
// Random bytes are drawn 4 KiB at a time: one system call per 256 ids instead of one each.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomBytes16() {
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + 16));
  poolOffset += 16;
  return bytes;
}

export function uuidv7(): string {
  let ms = Date.now();
  // Within one millisecond, count up in the random bits so ids stay ordered.
  if (ms <= lastMs) {
    ms = lastMs;
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) ms = ++lastMs;
  } else {
    sequence = 0;
  }
  lastMs = ms;
  const bytes = randomBytes16();
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
