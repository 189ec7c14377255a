/**
 * The export's zip as it is made (fflate, streaming deflate): one file at a time, fed in parts,
 * each hashed on the way (incremental SHA-256), the zip's bytes handed to `sink` as they come.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';
import { Zip, ZipDeflate } from 'fflate';

export interface WrittenFile {
  name: string;
  sha256: string;
  bytes: number;
}

export class ZipWriter {
  private readonly pending: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly zip: Zip;

  constructor(private readonly sink: (chunk: Uint8Array) => Promise<void>) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure = error;
      else this.pending.push(chunk);
    });
  }

  /** One file, fed in parts; returns its digest and size once `end` is called. */
  file(name: string) {
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    const hash = sha256.create();
    let bytes = 0;
    return {
      write: async (data: Uint8Array) => {
        hash.update(data);
        bytes += data.length;
        entry.push(data);
        await this.flush();
      },
      end: async (): Promise<WrittenFile> => {
        entry.push(new Uint8Array(0), true);
        await this.flush();
        return { name, sha256: bytesToHex(hash.digest()), bytes };
      },
    };
  }

  async finish(): Promise<void> {
    this.zip.end();
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.pending.length > 0) await this.sink(this.pending.shift() as Uint8Array);
  }
}
