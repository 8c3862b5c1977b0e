/**
 * TensorFlow.js on its CPU backend, for Node (the CLI, the build's
 * precomputed races, the bench). The CPU backend prints a banner about
 * tfjs-node on its first tensor; nothing here can act on it, and the CLI's
 * stdout carries data, so it is kept quiet.
 */
import type * as tfNamespace from "@tensorflow/tfjs";

export async function cpuTf(): Promise<typeof tfNamespace> {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    const tf = await import("@tensorflow/tfjs");
    await tf.setBackend("cpu");
    tf.tensor(0).dispose();
    return tf;
  } finally {
    console.warn = warn;
  }
}
