/**
 * The Q-learning race's Web Worker: runs src/rl's QRace in slices of about
 * 30 ms and posts the evaluations of each slice, so the page stays responsive
 * and a pause takes effect within a slice. Pure TypeScript, no tfjs. The start
 * message is checked again by the Q-learning race's settings schema.
 */
import { QRace, type QRecord } from "../../src/rl/race.ts";
import { checkQRaceSettings, type QRaceSettings } from "../../src/training/settings-q.ts";

/** The MDP's fixed numbers, as the CLI's JSON names them. */
export interface QEnvironment {
  states: number;
  actions: number;
  optimalReturn: number;
  randomReturn: number;
}

export type QWorkerIn = { type: "start"; config: QRaceSettings } | { type: "pause" } | { type: "resume" };
export type QWorkerOut =
  | { type: "environment"; environment: QEnvironment }
  | { type: "records"; records: QRecord[]; step: number; optimalReturn: number }
  | { type: "done" }
  | { type: "error"; message: string };

const post = (message: QWorkerOut): void => postMessage(message);
let race: QRace | null = null;
let paused = false;
let generation = 0;

function slice(gen: number): void {
  if (race === null || paused || gen !== generation) return;
  try {
    const started = performance.now();
    const records: QRecord[] = [];
    do records.push(...race.advance(1000));
    while (!race.done && performance.now() - started < 30);
    post({ type: "records", records, step: race.step, optimalReturn: race.optimalReturn });
    if (race.done) post({ type: "done" });
    else setTimeout(() => slice(gen), 0);
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
}

addEventListener("message", (event: MessageEvent<QWorkerIn>) => {
  const message = event.data;
  switch (message.type) {
    case "start":
      generation += 1;
      paused = false;
      try {
        // The same schema and browser bounds the island resolved the race with: a message is data, checked again.
        race = new QRace(checkQRaceSettings(message.config, "browser"));
        post({ type: "environment", environment: { states: race.states, actions: race.actions, optimalReturn: race.optimalReturn, randomReturn: race.randomReturn } });
      } catch (error) {
        post({ type: "error", message: error instanceof Error ? error.message : String(error) });
        return;
      }
      slice(generation);
      return;
    case "pause":
      paused = true;
      return;
    case "resume":
      paused = false;
      slice(generation);
      return;
  }
});
