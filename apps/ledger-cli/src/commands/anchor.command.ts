import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { verifyInclusionProof, type InclusionProof } from '@ledger/event-store';
import { print, withStore } from '../open-store';

const CLI_ACTOR = {
  subject: `ledger-cli:${process.env.USER ?? 'operator'}`,
  role: 'admin',
} as const;

export function registerAnchorCommands(program: Command): void {
  program
    .command('anchor')
    .description('append a Merkle anchor over all stream heads now; print the root to publish')
    .action(async () => {
      const anchor = await withStore((store) => store.anchor(CLI_ACTOR));
      print(JSON.stringify(anchor, null, 2));
    });

  program
    .command('anchors')
    .description('list the anchors with their global positions and roots')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      const anchors = await withStore((store) => store.anchors());
      if (options.json === true) print(JSON.stringify(anchors));
      else
        for (const a of anchors)
          print(`${a.anchoredPosition}\t${a.root}\t${a.streamCount} streams\t${a.recordedAt}`);
    });

  program
    .command('prove')
    .description(
      "print a proof that a stream's head at an anchor is included under the anchor's root",
    )
    .requiredOption('--stream <name>', 'the stream')
    .requiredOption('--anchor-position <n>', 'the anchored global position', (value) =>
      Number.parseInt(value, 10),
    )
    .action(async (options: { stream: string; anchorPosition: number }) => {
      const proof = await withStore((store) =>
        store.proveInclusion(options.stream, options.anchorPosition),
      );
      print(JSON.stringify(proof, null, 2));
    });

  program
    .command('check-proof')
    .description('offline: check a proof file against a published root (no store needed)')
    .requiredOption('--proof <file>', 'a proof printed by `prove`')
    .requiredOption('--root <hex>', 'the published Merkle root')
    .action((options: { proof: string; root: string }) => {
      const proof = JSON.parse(readFileSync(options.proof, 'utf8')) as InclusionProof;
      const ok = verifyInclusionProof(proof, options.root);
      print(
        ok
          ? `ok: ${proof.head.stream}@${proof.head.revision} is under ${options.root}`
          : 'NOT INCLUDED under that root',
      );
      if (!ok) process.exitCode = 1;
    });

  program
    .command('head')
    .description('print the global position of the newest event')
    .action(async () => {
      print(String(await withStore((store) => store.headPosition())));
    });
}
