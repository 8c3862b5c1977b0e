import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { describeChoice, selectBackend, type BackendEnvironment } from "../../src/browser/backends.ts";

const node: BackendEnvironment = { hasWebGPU: false, inWorker: true, hasOffscreenCanvas: false, wasmPath: "/tfjs/" };

describe("backend selection", () => {
  it("falls through webgpu and webgl to a backend that works, saying why each was skipped", async () => {
    const tried: string[] = [];
    const choice = await selectBackend(tf, node, "auto", async (name) => {
      tried.push(name);
      if (name === "wasm") throw new Error("no wasm here");
    });
    expect(choice.name).toBe("cpu");
    expect(choice.skipped.map((s) => s.name)).toEqual(["webgpu", "webgl", "wasm"]);
    expect(choice.skipped[0]?.reason).toMatch(/navigator.gpu is missing/);
    expect(choice.skipped[1]?.reason).toMatch(/OffscreenCanvas/);
    expect(choice.skipped[2]?.reason).toMatch(/failed to load: no wasm here/);
    expect(tried).toEqual(["wasm", "cpu"]);
    expect(describeChoice(choice)).toMatch(/^Running on cpu; webgpu skipped: /);
    expect(tf.getBackend()).toBe("cpu");
  });

  it("tries the reader's choice first", async () => {
    const choice = await selectBackend(tf, node, "cpu", async () => undefined);
    expect(choice).toEqual({ name: "cpu", skipped: [] });
  });

  it("skips a software-rendered WebGL in auto mode (slower than wasm), but not when the reader asks for webgl", async () => {
    const env: BackendEnvironment = { ...node, hasOffscreenCanvas: true, webglRenderer: "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)" };
    const tried: string[] = [];
    const auto = await selectBackend(tf, env, "auto", async (name) => {
      tried.push(name);
      if (name === "wasm") throw new Error("no wasm here");
    });
    expect(auto.skipped.find((s) => s.name === "webgl")?.reason).toMatch(/software-rendered here \(ANGLE .*SwiftShader/);
    expect(tried).not.toContain("webgl");
    const asked: string[] = [];
    await selectBackend(tf, env, "webgl", async (name) => {
      asked.push(name);
      if (name === "webgl") throw new Error("stub: no webgl in Node");
      if (name === "wasm") throw new Error("no wasm here");
    });
    expect(asked[0]).toBe("webgl");
  });
});
