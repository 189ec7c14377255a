/** One push, enrolment or restore approval per device at a time, in this process. */
export class DeviceLocks {
  private readonly tails = new Map<string, Promise<unknown>>();
  run<T>(device: string, work: () => Promise<T>): Promise<T> {
    const tail = this.tails.get(device) ?? Promise.resolve();
    const next = tail.then(work, work);
    const settled = next.catch(() => undefined);
    this.tails.set(device, settled);
    void settled.then(() => {
      if (this.tails.get(device) === settled) this.tails.delete(device);
    });
    return next;
  }
}
