// @vitest-environment jsdom
// The notice view: echoed URL values become <bdi> text, nothing becomes HTML,
// and a bidi override in the address cannot reverse the site's own words.
import { describe, expect, it } from "vitest";
import { messageNodes, noticeBox, urlNoticeText } from "../../components/islands/notice-view.ts";
import { readUrlState } from "../../src/browser/url-state.ts";
import { choiceField, numberField } from "../../src/browser/url-fields.ts";
import { questionNodes } from "../../components/islands/lesson.ts";

describe("notice view", () => {
  it("puts each echoed value in its own <bdi>, as text", () => {
    const fields = { task: choiceField("task", ["xor", "spirals"]), seed: numberField("seed", { min: 0, max: 9, integer: true }) };
    const hostile = `<img src=x onerror=alert(1)>\u202Ereversed`;
    const { notices } = readUrlState(new URLSearchParams({ task: hostile, seed: "\u2067\u202E0x1" }), fields, { task: "xor", seed: 1 });
    const box = document.createElement("p");
    noticeBox(box)(urlNoticeText(notices));
    expect(box.hidden).toBe(false);
    expect(box.querySelectorAll("img")).toHaveLength(0);
    expect([...box.querySelectorAll("bdi")].map((b) => b.textContent)).toEqual(['"<img src=x onerror=alert(1)>reversed"', '"0x1"']);
    expect(box.textContent).toBe(
      'Some settings in the address were not valid and were replaced: task: must be one of xor, spirals, got "<img src=x onerror=alert(1)>reversed"; using xor; seed: must be a whole number in [0, 9], got "0x1"; using 1.',
    );
    // No bidi control is left anywhere in the box, inside or outside the isolates.
    expect(box.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/u);
    noticeBox(box)(null);
    expect(box.hidden).toBe(true);
    expect(box.textContent).toBe("");
  });

  it("drops stray format characters from the site's own text, and a message without echoes has no <bdi>", () => {
    const nodes = messageNodes("plain \u202Etext");
    expect(nodes).toHaveLength(1);
    expect(nodes[0]?.textContent).toBe("plain text");
    expect(urlNoticeText([])).toBeNull();
  });

  it("shows a lesson's question as text in a <bdi>", () => {
    const p = document.createElement("p");
    p.append(...questionNodes("<b>Which</b> ends lower?"));
    expect(p.querySelector("b")).toBeNull();
    expect(p.querySelector("bdi")?.textContent).toBe("<b>Which</b> ends lower?");
    expect(p.textContent).toBe("Predict first. <b>Which</b> ends lower?");
  });
});
