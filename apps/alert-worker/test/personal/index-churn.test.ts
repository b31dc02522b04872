import type { RuleRepeat } from "@teleglas/market-data-core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide, type LiveRule, type Outcome, start } from "../../src/personal/index-book.js";
import { RuleIndex } from "../../src/personal/rule-index.js";
import { liveRule, T0 } from "./live-rules.js";

let n = 0;
/** Every third id is not a plain base-36 number (the index keeps those apart). */
const live = (level: number, op: "above" | "below", repeat: RuleRepeat, chatId: number): LiveRule =>
  liveRule({ kind: "price", symbol: "BTC", op, level }, repeat, {
    chatId,
    id: `${n++ % 3 ? "" : "0"}${n.toString(36)}`,
  });
const copy = (r: LiveRule): LiveRule => ({ ...r, state: { ...r.state } });
const fired = (out: readonly Outcome[]) =>
  out.filter((o) => o.kind === "fired").map((o) => `${o.rule.id}#${o.rule.state.seq}`);

type Op =
  | { tick: number }
  | { add: { level: number; op: "above" | "below"; chat: number } }
  | { drop: number };

describe("rule index under churn", () => {
  // Thousands of once-rules firing make the index sweep and reuse their slots; chats dropped and
  // rules added meanwhile must come out exactly as checking every rule on every tick does.
  it("sweeps and reuses slots without losing or repeating a crossing (property)", () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: 0, max: 200 }).map((tick) => ({ tick })) },
      {
        weight: 3,
        arbitrary: fc
          .record({
            level: fc.integer({ min: 0, max: 200 }),
            op: fc.constantFrom<"above" | "below">("above", "below"),
            chat: fc.integer({ min: 1, max: 30 }),
          })
          .map((add) => ({ add })),
      },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }).map((drop) => ({ drop })) },
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 60 }), (ops) => {
        const repeats: RuleRepeat[] = [{ mode: "once" }, { mode: "every", band: 3 }];
        const a = Array.from({ length: 3000 }, (_, i) =>
          live(
            (i * 7) % 201,
            i % 2 ? "above" : "below",
            repeats[i % 5 === 0 ? 1 : 0] as RuleRepeat,
            1 + (i % 30),
          ),
        );
        const b = a.map(copy);
        const idx = new RuleIndex();
        idx.load(a);
        let prev: number | null = null;
        ops.forEach((o, i) => {
          const now = T0 + i * 60_000;
          const want: Outcome[] = [];
          let got: readonly Outcome[] = [];
          if ("tick" in o) {
            got = idx.tick("BTC|price", o.tick, now);
            for (const r of b) {
              if (r.removed) continue;
              if (r.state.fresh) start(r, o.tick, now, want);
              else for (const t of r.triggers) decide({ rule: r, t }, o.tick, prev, now, want);
            }
            prev = o.tick;
          } else if ("add" in o) {
            const r = live(o.add.level, o.add.op, { mode: "once" }, o.add.chat);
            b.push(copy(r));
            got = idx.add(r, now);
            if (prev !== null) start(b.at(-1) as LiveRule, prev, now, want);
          } else {
            idx.removeChat(o.drop);
            for (const r of b) if (r.chatId === o.drop) r.removed = true;
          }
          expect(fired(got).sort()).toEqual(fired(want).sort());
          expect(idx.size).toBe(b.filter((r) => !r.removed).length);
        });
      }),
      { numRuns: 15 },
    );
  });
});
