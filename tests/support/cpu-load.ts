// A busy machine, made on purpose: two processes per CPU spinning at full speed, for tests that must
// hold when other work competes for the CPUs. Bounded: each process ends by itself after `maxMs`,
// and stop() ends them at once.
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";

export interface CpuLoad {
  processes: number;
  stop(): Promise<void>;
}

export async function saturateCpus(maxMs = 180_000): Promise<CpuLoad> {
  const spin = `const end = Date.now() + ${maxMs}; let x = 0; while (Date.now() < end) x = (x * 31 + 7) % 1000003;`;
  const children: ChildProcess[] = Array.from({ length: 2 * availableParallelism() }, () =>
    spawn(process.execPath, ["-e", spin], { stdio: "ignore" }),
  );
  await Promise.all(children.map((child) => new Promise((resolve, reject) => child.once("spawn", resolve).once("error", reject))));
  return {
    processes: children.length,
    async stop() {
      await Promise.all(
        children.map((child) =>
          child.exitCode !== null || child.signalCode !== null
            ? undefined
            : new Promise((resolve) => {
                child.once("exit", resolve);
                child.kill("SIGKILL");
              }),
        ),
      );
    },
  };
}
