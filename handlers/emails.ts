import { createHash } from "node:crypto";
import { defineHandler } from "../generated/define.ts";

const GREETINGS = { en: "Welcome", de: "Willkommen", fr: "Bienvenue" } as const;

/** Renders the welcome e-mail and hands it to the (simulated) mail transport. */
export const sendWelcome = defineHandler("emails.send_welcome", async ({ userId, locale = "en" }, ctx) => {
  const body = `${GREETINGS[locale]}, user #${userId}!`;
  const messageId = `<${createHash("sha256").update(`${ctx.id}:${body}`).digest("hex").slice(0, 24)}@demo.celerity>`;
  ctx.log.info("welcome e-mail sent", { userId, locale, messageId });
  return { messageId };
});

/** Announces a launch; the subscriber list is a fixed demo list. */
export const announce = defineHandler("emails.announce", async ({ subject }, ctx) => {
  const subscribers = ["ada@example.org", "grace@example.org", "linus@example.org"];
  for (const [index, address] of subscribers.entries()) {
    if (ctx.signal.aborted) break;
    ctx.log.info("announcement sent", { subject, address });
    await ctx.progress((index + 1) / subscribers.length);
  }
  return { sent: subscribers.length };
});
