/**
 * One race, named twice: the experiment CLI's arguments and the playground's
 * URL give the same settings (but for the runs' display names) and, trained on
 * tfjs's CPU backend at the same seed, identical metrics. Old permalinks open
 * the race they always opened.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseExperimentArgs, runExperiment } from "../../src/cli/experiment-core.ts";
import { raceFromQuery } from "../../components/islands/race-url.ts";
import { raceSetup } from "../../components/islands/training-race-model.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** What the playground does with its address: read it over the page's starting race, then build the race. */
const fromPermalink = (query: string) => raceSetup(raceFromQuery(new URLSearchParams(query), raceSetup({})).input);

describe("the same race from the CLI and from the playground's URL", () => {
  it("resolves to the same settings and trains to identical metrics", async () => {
    const cli = parseExperimentArgs(["--task", "moons", "--optimizer", "adam", "--schedules", "constant,cosine,one-cycle", "--steps", "60", "--seed", "3", "--batch-size", "16", "--lr", "0.05"]);
    const page = fromPermalink("task=moons&optimizer=adam&schedules=constant,cosine,one-cycle&steps=60&seed=3&batch=16&lr=0.05");
    const { labels: cliLabels, format: _format, ...cliRace } = cli;
    const { labels: pageLabels, ...pageRace } = page;
    expect(pageRace).toEqual(cliRace);
    expect(cliLabels).toEqual(["constant", "cosine", "one-cycle"]);
    expect(pageLabels).toHaveLength(3);

    const a = await runExperiment(tf, cli);
    const b = await runExperiment(tf, { ...page, format: "json" });
    expect(a.records).toHaveLength(60);
    expect(b.records).toEqual(a.records);
    expect(a.metrics.map((m) => `${m.key}: ${m.unit}`)).toEqual(["loss: nats per example", "accuracy: share of validation examples classified right"]);
    // Not a vacuous equality: the runs learned, evaluated and differ from each other.
    const last = a.records.at(-1);
    expect(last?.valAccuracy?.every((v) => typeof v === "number")).toBe(true);
    expect(new Set(last?.lr).size).toBe(3);
  }, 60_000);

  it("opens an old permalink (no model, widths or evaluation interval in it) as the race it always was", () => {
    const old = fromPermalink("task=xor&optimizer=adam&seed=7&steps=200&schedules=cosine,one-cycle");
    expect(old).toMatchObject({ task: "xor", model: "mlp", optimizer: "adam", seed: 7, steps: 200, batchSize: 32, lr: null, evalEvery: 5, hidden: [16, 16], cycleMomentum: true });
    expect(old.schedules.map((s) => s.kind)).toEqual(["cosine", "one-cycle"]);
    const glyphs = fromPermalink("task=glyphs&schedules=constant&steps=100");
    expect(glyphs).toMatchObject({ model: "cnn", hidden: [32], evalEvery: 5 });
  });
});
