/** An in-memory file system for main's file-writing modules, recording every call. */
export class MemoryFs {
  readonly files = new Map<string, Uint8Array>();
  readonly calls: string[] = [];
  failWrites = false;

  async mkdir(dir: string): Promise<undefined> {
    this.calls.push(`mkdir ${dir}`);
    return undefined;
  }

  async open(path: string) {
    this.calls.push(`open ${path}`);
    this.files.set(path, new Uint8Array(0));
    return {
      write: async (data: Uint8Array) => {
        this.calls.push(`write ${path}`);
        if (this.failWrites) throw new Error('ENOSPC: no space left on device');
        const before = this.files.get(path) ?? new Uint8Array(0);
        const after = new Uint8Array(before.length + data.length);
        after.set(before);
        after.set(data, before.length);
        this.files.set(path, after);
      },
      close: async () => void this.calls.push(`close ${path}`),
    };
  }

  async rename(from: string, to: string): Promise<void> {
    this.calls.push(`rename ${from} -> ${to}`);
    const data = this.files.get(from);
    if (!data) throw new Error('ENOENT');
    this.files.delete(from);
    this.files.set(to, data);
  }

  async rm(path: string): Promise<void> {
    this.calls.push(`rm ${path}`);
    this.files.delete(path);
  }
}
