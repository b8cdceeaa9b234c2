/**
 * A second process for the file-backend tests (spawned by file.test.ts):
 *
 *   crash-before-rename <path>   open the session, change it, flush; pause between write and rename (the parent SIGKILLs it)
 *   hold-lease <path> <owner>    open the session, take the lease, print READY, wait to be killed
 *   hold-lease-libsql <db> <owner>  the same with LibsqlStorage (account `main`)
 */
import { pathToFileURL } from 'node:url';
import { nodeFileStorage } from '../../ts/storage/file-node.js';

const [mode, file, owner] = process.argv.slice(2);

async function main(): Promise<void> {
  if (mode === 'crash-before-rename') {
    const storage = nodeFileStorage(file!, {
      beforeRename: async () => {
        process.stdout.write('READY\n');
        setInterval(() => {}, 1 << 30); // keeps the process alive, paused here until the parent kills it
        await new Promise(() => {});
      },
    });
    await storage.open();
    await storage.setHomeDc(5);
    await storage.putPeers([{ id: 777n, kind: 'user', accessHash: 1n, min: false, updatedAt: 0 }]);
    await storage.flush();
    return;
  }
  if (mode === 'hold-lease') {
    const storage = nodeFileStorage(file!);
    await storage.open();
    await storage.acquireLease(owner!, 60_000);
    process.stdout.write('READY\n');
    setInterval(() => {}, 1 << 30);
    await new Promise(() => {});
  }
  if (mode === 'hold-lease-libsql') {
    const { LibsqlStorage } = await import('../../ts/storage/libsql.js');
    const storage = new LibsqlStorage({ url: `file:${file}`, account: 'main' });
    await storage.open();
    await storage.acquireLease(owner!, 60_000);
    process.stdout.write('READY\n');
    setInterval(() => {}, 1 << 30);
    await new Promise(() => {});
  }
  throw new Error(`unknown mode ${mode}`);
}

// Only when run as a program (uvu may import every file of the folder).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
