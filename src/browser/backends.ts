/**
 * Picking a tfjs backend: webgpu, then webgl, then wasm, then cpu, unless the
 * reader asks for one. Each candidate must register, initialise and compute
 * 1 + 1 correctly before it is accepted; every skipped one is reported with
 * the reason, so the page can say what runs and why.
 */
import type * as tfNamespace from "@tensorflow/tfjs";

export const BACKEND_ORDER = ["webgpu", "webgl", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKEND_ORDER)[number];
/** What a reader may ask for: a backend by name, or "auto" (the order above). The one list the UI and URLs use. */
export type BackendChoiceName = BackendName | "auto";
export const BACKEND_CHOICES: readonly BackendChoiceName[] = ["auto", ...BACKEND_ORDER];

export interface Skipped {
  name: BackendName;
  reason: string;
}

export interface BackendChoice {
  name: BackendName;
  skipped: Skipped[];
}

export interface BackendEnvironment {
  /** WebGPU adapter available (navigator.gpu). */
  hasWebGPU: boolean;
  /** Running in a worker: WebGL then needs OffscreenCanvas. */
  inWorker: boolean;
  hasOffscreenCanvas: boolean;
  /** URL of the directory holding tfjs's .wasm files, ending in "/". */
  wasmPath: string;
  /** The WebGL renderer's name where the browser tells it (WEBGL_debug_renderer_info). */
  webglRenderer?: string;
}

/**
 * A software WebGL (SwiftShader, llvmpipe) emulates the GPU on the CPU; in
 * `npm run bench` on a machine without a GPU it trained 10× slower than wasm
 * (headless Chromium: 23 vs 224 steps/s for one copy), so "auto" skips it.
 */
export const SOFTWARE_WEBGL = /swiftshader|llvmpipe|software|basic render/i;

/** The WebGL renderer's name, read from a throwaway (offscreen) context; undefined where hidden. */
export function webglRendererName(): string | undefined {
  try {
    const canvas: HTMLCanvasElement | OffscreenCanvas = typeof OffscreenCanvas !== "undefined" ? new OffscreenCanvas(1, 1) : document.createElement("canvas");
    const gl = (canvas.getContext("webgl2") ?? canvas.getContext("webgl")) as WebGLRenderingContext | null;
    if (!gl) return undefined;
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : undefined;
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return name;
  } catch {
    return undefined;
  }
}

type Tf = typeof tfNamespace;

/** Load the backend's module (registers it with tfjs); injected so tests can stub it. */
export type BackendLoader = (name: BackendName) => Promise<void>;

export const loadBackendModule: BackendLoader = async (name) => {
  if (name === "webgpu") await import("@tensorflow/tfjs-backend-webgpu");
  if (name === "wasm") await import("@tensorflow/tfjs-backend-wasm");
  // webgl and cpu ship with @tensorflow/tfjs itself.
};

function precondition(name: BackendName, env: BackendEnvironment, auto: boolean): string | null {
  if (name === "webgl" && auto && env.webglRenderer && SOFTWARE_WEBGL.test(env.webglRenderer)) {
    return `WebGL is software-rendered here (${env.webglRenderer}), which trains slower than wasm`;
  }
  if (name === "webgpu" && !env.hasWebGPU) return "this browser exposes no WebGPU (navigator.gpu is missing)";
  if (name === "webgl" && env.inWorker && !env.hasOffscreenCanvas) return "WebGL in a worker needs OffscreenCanvas, which this browser lacks";
  return null;
}

async function works(tf: Tf): Promise<string | null> {
  try {
    const sum = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)));
    const value = (await sum.data())[0];
    sum.dispose();
    return value === 2 ? null : `computed 1 + 1 = ${value}`;
  } catch (error) {
    return `a test computation failed: ${(error as Error).message}`;
  }
}

export async function selectBackend(tf: Tf, env: BackendEnvironment, prefer: BackendName | "auto" = "auto", load: BackendLoader = loadBackendModule): Promise<BackendChoice> {
  const order = prefer === "auto" ? BACKEND_ORDER : [prefer, ...BACKEND_ORDER.filter((b) => b !== prefer)];
  const skipped: Skipped[] = [];
  for (const name of order) {
    const blocked = precondition(name, env, prefer === "auto");
    if (blocked) {
      skipped.push({ name, reason: blocked });
      continue;
    }
    try {
      await load(name);
      if (name === "wasm") {
        const { setWasmPaths } = await import("@tensorflow/tfjs-backend-wasm");
        setWasmPaths(env.wasmPath);
      }
      const ok = await tf.setBackend(name);
      if (!ok) {
        skipped.push({ name, reason: "it failed to initialise" });
        continue;
      }
      await tf.ready();
      const wrong = await works(tf);
      if (wrong) {
        skipped.push({ name, reason: wrong });
        continue;
      }
      return { name, skipped };
    } catch (error) {
      skipped.push({ name, reason: `it failed to load: ${(error as Error).message}` });
    }
  }
  throw new Error(`no tfjs backend works here: ${skipped.map((s) => `${s.name} (${s.reason})`).join("; ")}`);
}

/** "Running on wasm; webgpu skipped: …; webgl skipped: …" */
export function describeChoice(choice: BackendChoice): string {
  const skipped = choice.skipped.map((s) => `${s.name} skipped: ${s.reason}`).join("; ");
  return `Running on ${choice.name}${skipped ? `; ${skipped}` : ""}.`;
}
