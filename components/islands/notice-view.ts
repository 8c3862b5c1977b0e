/**
 * The one way an island shows a notice: text only (never HTML), with each
 * value echoed from the URL (marked by Unicode isolates in the message, see
 * src/browser/url-fields.ts) placed in its own <bdi>, so a right-to-left or
 * bidi-override value cannot reorder the site's words around it. Any other
 * control or format character in the message is dropped.
 */
import { cleanText, ISOLATE_END, ISOLATE_START } from "../../src/browser/url-fields.ts";
import type { UrlNotice } from "../../src/browser/url-state.ts";

const PIECES = new RegExp(`${ISOLATE_START}([^${ISOLATE_START}${ISOLATE_END}]*)${ISOLATE_END}`, "u");

/** Text and <bdi> nodes for a message: even pieces are the site's text, odd ones echoed values. */
export function messageNodes(message: string): Node[] {
  return message.split(PIECES).map((piece, i) => {
    if (i % 2 === 0) return document.createTextNode(cleanText(piece));
    const bdi = document.createElement("bdi");
    bdi.textContent = piece;
    return bdi;
  });
}

/** "Lead: first; second." for the notices an address produced, or null when there are none. */
export function urlNoticeText(notices: readonly UrlNotice[], lead = "Some settings in the address were not valid and were replaced"): string | null {
  return notices.length === 0 ? null : `${lead}: ${notices.map((n) => n.message).join("; ")}.`;
}

/** A `say(text)` for an island's notice box: null hides it. */
export function noticeBox(box: HTMLElement | null): (text: string | null) => void {
  return (text) => {
    if (!box) return;
    box.hidden = text === null;
    box.replaceChildren(...(text === null ? [] : messageNodes(text)));
  };
}
