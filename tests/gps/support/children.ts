import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { RunProgress, RunReport } from '../../../src/plugins/gps-sync/server';

type ChildMessage =
  | { type: 'ready' }
  | { type: 'progress'; progress: RunProgress }
  | { type: 'report'; report: RunReport }
  | { type: 'error'; message: string };

function isChildMessage(value: unknown): value is ChildMessage {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string';
}

/** A Node.js process running the application, driven over IPC (see sync-child.js). */
export class SyncChild {
  readonly process: ChildProcess;
  readonly exited: Promise<NodeJS.Signals | number | null>;
  private readonly listeners = new Set<(message: ChildMessage) => void>();
  private output = '';

  constructor(env: Record<string, string>) {
    this.process = fork(path.join(__dirname, 'sync-child.js'), [], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.process.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.process.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.process.on('message', (message) => {
      if (isChildMessage(message)) for (const listener of this.listeners) listener(message);
    });
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve(signal ?? code)));
  }

  /** Output of the child so far, for failure messages. */
  get log(): string {
    return this.output;
  }

  onMessage(listener: (message: ChildMessage) => void): void {
    this.listeners.add(listener);
  }

  private next<T>(pick: (message: ChildMessage) => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const listener = (message: ChildMessage) => {
        if (message.type === 'error') {
          this.listeners.delete(listener);
          reject(new Error(`child process failed: ${message.message}\n${this.output}`));
          return;
        }
        const value = pick(message);
        if (value === undefined) return;
        this.listeners.delete(listener);
        resolve(value);
      };
      this.listeners.add(listener);
      void this.exited.then((status) => reject(new Error(`child process exited (${String(status)})\n${this.output}`)));
    });
  }

  ready(): Promise<true> {
    return this.next((message) => (message.type === 'ready' ? true : undefined));
  }

  /** Starts a run; the returned promise settles with its report. */
  run(dir: string, options: { force?: boolean } = {}): Promise<RunReport> {
    const report = this.next((message) => (message.type === 'report' ? message.report : undefined));
    this.process.send({ type: 'run', dir, force: options.force });
    return report;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    this.process.send({ type: 'stop' });
    await this.exited;
  }
}
