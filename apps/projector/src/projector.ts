import type { AllSubscription, EventStore } from '@ledger/event-store';
import {
  lagBehind,
  StaleGenerationError,
  type DocumentWrite,
  type ModelGeneration,
  type PositionWrite,
  type ReadModelStore,
} from '@ledger/read-models';
import { ModelRunner, type AnyProjection } from './model-runner';

export interface ProjectorOptions {
  /** Commit views after at most this many events, even while catching up. */
  readonly maxPendingEvents: number;
  /** Commit at least this often while events flow; when the log goes quiet, commit at once. */
  readonly commitIntervalMs: number;
  /**
   * Cached documents per model: past it, documents not updated lately are dropped after a commit
   * (the store holds them). A document changed since the last checkpoint cannot be dropped, so
   * more of them than this bring the next checkpoint forward (at most every maxPendingEvents).
   */
  readonly maxCachedDocs: number;
  /**
   * Documents are written (a checkpoint) after at most this many events, or this long after the
   * last checkpoint, and when the projector stops; views and positions go with every commit. A
   * restart folds again from the last checkpoint (read-model-store.ts).
   */
  readonly checkpointEvents: number;
  readonly checkpointIntervalMs: number;
  /** Only these models (a rebuild runs one); all when omitted. */
  readonly models?: readonly string[];
  readonly onError?: (error: unknown) => void;
}

export const DEFAULT_PROJECTOR_OPTIONS: ProjectorOptions = {
  maxPendingEvents: 20_000,
  commitIntervalMs: 250,
  maxCachedDocs: 20_000,
  // A restart then folds at most ~200,000 events again (a few seconds), or a minute's worth.
  checkpointEvents: 200_000,
  checkpointIntervalMs: 60_000,
};

/** Quiet time after the last event before an idle commit: live writes show up within ~10 ms. */
const IDLE_MS = 5;
/**
 * A commit serialises every view changed since the last one (and at a checkpoint every document)
 * on this thread. Commits are spaced at least this many times their own cost apart, so they take
 * at most ~1/(1+factor) of it however large views and documents grow, leaving the fold (and, on
 * a small machine, the requests beside it) the rest: cheap commits still go out within IDLE_MS of
 * the log going quiet, and a 20 ms commit waits until 180 ms after the last.
 */
const COMMIT_COST_FACTOR = 9;
/** ...but never more than this apart while events flow: read-your-writes waits stay short. */
const MAX_COMMIT_SPACING_MS = 2_000;
/**
 * A live commit serialises in slices of about this long, with the event loop turning between
 * them: a large checkpoint never holds this thread's timers and messages (a stop request, the
 * store's replies) for more than a slice.
 */
const SLICE_MS = 4;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The documents of a commit, serialised a slice at a time; `cost` is the thread time taken. */
async function serialiseInSlices(
  writes: Iterable<DocumentWrite>,
): Promise<{ documents: DocumentWrite[]; cost: number }> {
  const documents: DocumentWrite[] = [];
  let cost = 0;
  let sliceStart = performance.now();
  for (const write of writes) {
    documents.push(write);
    const elapsed = performance.now() - sliceStart;
    if (elapsed >= SLICE_MS) {
      cost += elapsed;
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return { documents, cost: cost + performance.now() - sliceStart };
}

function* concat<T>(iterables: readonly Iterable<T>[]): Generator<T> {
  for (const iterable of iterables) yield* iterable;
}

export interface ModelStatus {
  readonly model: string;
  readonly generation: number;
  readonly version: number;
  readonly status: 'active' | 'building';
  readonly position: number;
  readonly head: number;
  readonly lag: number;
}

/**
 * Applies every projection to its read model from one catch-up subscription over the whole log.
 * All models commit together, views, documents and positions in one transaction per commit, so
 * readers see every model at one position; a crash resumes folding from the last checkpoint, and
 * no view is written again until the fold has passed the stored ones (read-model-store.ts).
 */
export class Projector {
  private runners: ModelRunner[] = [];
  private subscription: AllSubscription | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private pending = 0;
  private lastCommit = Date.now();
  private sinceCheckpoint = 0;
  private lastCheckpoint = performance.now();
  private checkpointTimer: NodeJS.Timeout | null = null;
  /** How long the last commit held this thread (serialising its documents), in ms. */
  private lastCommitCost = 0;
  /** Set while a live commit serialises its documents in slices: no event is applied meanwhile. */
  private serialising: Promise<unknown> | null = null;
  private commitChain: Promise<void> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | null = null;
  private epoch = 0;
  private applying = false;
  private lastEventAt = 0;
  private reloadNeeded = false;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    private readonly projections: readonly AnyProjection[],
    private readonly options: ProjectorOptions = DEFAULT_PROJECTOR_OPTIONS,
  ) {}

  /**
   * Loads (or creates) each model's active generation. A model built by another projection
   * version gets a fresh generation built alongside; it is swapped in once it has caught up.
   */
  async start(): Promise<void> {
    await this.loadRunners();
    this.running = this.run();
  }

  private selected(): AnyProjection[] {
    const only = this.options.models;
    return this.projections.filter((p) => only === undefined || only.includes(p.name));
  }

  private async loadRunners(): Promise<void> {
    this.epoch = await this.store.epoch();
    const generations = await this.store.generations();
    const runners: ModelRunner[] = [];
    for (const projection of this.selected()) {
      const mine = generations.filter((g) => g.model === projection.name);
      let active = mine.find((g) => g.status === 'active');
      if (active === undefined) {
        const created = await this.store.createGeneration(projection.name, projection.version);
        await this.store.activate(projection.name, created.generation);
        active = { ...created, status: 'active' };
        this.epoch = await this.store.epoch();
      }
      runners.push(await this.runnerOf(projection, active));
      if (active.version !== projection.version) {
        const building =
          mine.find((g) => g.status === 'building' && g.version === projection.version) ??
          (await this.store.createGeneration(projection.name, projection.version));
        runners.push(await this.runnerOf(projection, building));
      }
    }
    this.runners = runners;
  }

  /** This projector owns the generation from here on: it learns which documents it holds once. */
  private async runnerOf(
    projection: AnyProjection,
    generation: ModelGeneration,
  ): Promise<ModelRunner> {
    const keys = await this.store.documentKeys(projection.name, generation.generation);
    return new ModelRunner(projection, generation, this.store, keys);
  }

  /**
   * A rebuild: fresh generations of the named models, built in one pass over the log up to the
   * head as it was when the rebuild began, then swapped in; the old generations serve until then.
   */
  async rebuild(
    models: readonly string[],
    onProgress?: (position: number, head: number) => void,
  ): Promise<ModelStatus[]> {
    const runners: ModelRunner[] = [];
    for (const model of models) {
      const projection = this.projections.find((p) => p.name === model);
      if (projection === undefined) throw new Error(`no projection named ${model}`);
      const generation = await this.store.createGeneration(model, projection.version);
      runners.push(new ModelRunner(projection, generation, this.store, []));
    }
    this.runners = runners;
    const head = await this.events.headPosition();
    let seen = 0;
    // One commit in flight while the fold goes on: its documents are serialised when it is made,
    // and the store writes them while later events are applied. The next waits for it.
    let writing: Promise<boolean> = Promise.resolve(true);
    // Pages of events with only recordedAt parsed from the metadata (all a fold reads); within a
    // page, an event whose documents are cached is applied without an await.
    pages: for await (const page of this.events.readAllForProjection({ fromPosition: 0 })) {
      for (const event of page) {
        if (event.position > head) break pages;
        for (const runner of runners) {
          if (!runner.applyCached(event)) await runner.apply(event);
        }
        seen += 1;
        // Nobody reads a generation being built: only checkpoints (documents, views and
        // positions) are written, to bound the documents held in memory.
        if (
          seen % this.options.checkpointEvents === 0 ||
          (seen % this.options.maxPendingEvents === 0 && this.cacheFullOfChanges())
        ) {
          await writing;
          writing = this.writeApplied([], false, true);
          // Awaited at the next commit or at the end; a failure must not go unhandled meanwhile.
          writing.catch(() => undefined);
        }
        if (seen % this.options.maxPendingEvents === 0) onProgress?.(event.position, head);
      }
    }
    await writing;
    // The new generations are swapped in only now: until then the old ones serve.
    await this.writeApplied([], false, true);
    for (const runner of runners) {
      await this.store.activate(runner.model, runner.generation.generation);
    }
    onProgress?.(head, head);
    return runners.map((runner) => ({ ...this.statusOf(runner, head), status: 'active' as const }));
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (this.reloadNeeded) {
        this.reloadNeeded = false;
        // A commit of the runners being replaced may still be landing: load what it leaves.
        this.clearIdleTimer();
        await this.commitChain;
        await this.loadRunners();
      }
      // The checkpoint is exclusive (ESDB semantics): delivery starts after it.
      const checkpoint = Math.min(...this.runners.map((r) => r.appliedPosition));
      const subscription = this.events.subscribeToAll({
        fromPosition: checkpoint < 0 ? 'start' : checkpoint,
      });
      this.subscription = subscription;
      try {
        for await (const event of subscription) {
          while (this.serialising !== null) await this.serialising;
          this.applying = true;
          for (const runner of this.runners) await runner.apply(event);
          this.applying = false;
          this.pending += 1;
          this.sinceCheckpoint += 1;
          this.lastEventAt = Date.now();
          if (
            this.pending >= this.options.maxPendingEvents ||
            this.sinceLastCommit() >= Math.max(this.options.commitIntervalMs, this.commitSpacing())
          ) {
            await this.commit();
          } else this.commitWhenIdle();
        }
      } catch (error) {
        this.applying = false;
        if (this.isStopped()) return;
        this.options.onError?.(error);
        this.reloadNeeded = true;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      } finally {
        subscription.close();
      }
    }
  }

  /**
   * Commits once the subscription stops delivering (it is waiting for appends), never in the
   * middle of an event: a document holding an event its committed position does not would be
   * applied twice after a crash.
   */
  private commitWhenIdle(): void {
    if (this.idleTimer !== null) return;
    const wait = Math.max(IDLE_MS, this.commitSpacing() - this.sinceLastCommit());
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (
        this.applying ||
        Date.now() - this.lastEventAt < IDLE_MS ||
        this.sinceLastCommit() < this.commitSpacing()
      ) {
        this.commitWhenIdle();
        return;
      }
      void this.commit().catch((error: unknown) => this.options.onError?.(error));
    }, wait);
  }

  private sinceLastCommit(): number {
    return Date.now() - this.lastCommit;
  }

  /** The least time between two commits: COMMIT_COST_FACTOR times what the last one cost. */
  private commitSpacing(): number {
    return Math.min(this.lastCommitCost * COMMIT_COST_FACTOR, MAX_COMMIT_SPACING_MS);
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.checkpointTimer !== null) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
  }

  /** More documents changed since the last checkpoint than a model's cache should hold. */
  private cacheFullOfChanges(): boolean {
    return this.runners.some((r) => r.uncheckpointedDocs > this.options.maxCachedDocs);
  }

  /**
   * When the log goes quiet with documents not yet checkpointed, a commit at the checkpoint
   * interval writes them: a restart then has nothing to fold again.
   */
  private checkpointLater(): void {
    if (this.checkpointTimer !== null || this.stopped) return;
    if (!this.runners.some((r) => r.uncheckpointed)) return;
    const wait = Math.max(
      0,
      this.options.checkpointIntervalMs - (performance.now() - this.lastCheckpoint),
    );
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      void this.commit().catch((error: unknown) => this.options.onError?.(error));
    }, wait);
    // A pending checkpoint must not keep a process alive that has nothing else to do.
    this.checkpointTimer.unref();
  }

  /** Serialised commits: documents are serialised at the start, so later events wait their turn. */
  private commit(): Promise<void> {
    // A failed commit is reported to its caller once; the chain itself goes on for later ones.
    const committing = this.commitChain.then(() => this.commitNow());
    this.commitChain = committing.catch(() => undefined);
    return committing;
  }

  private async commitNow(): Promise<void> {
    // writeApplied's snapshot is synchronous; it must not fall inside an event's application.
    while (this.applying) await new Promise((resolve) => setImmediate(resolve));
    // An active generation whose replacement catches up with it in this commit is left where it
    // was: the swap right after replaces it, and meanwhile readers must not see the position it
    // would reach (waitFor would return with the old generation still serving).
    const replaced = this.runners.filter((active) =>
      this.runners.some(
        (building) =>
          building.generation.status === 'building' &&
          building.model === active.model &&
          building !== active &&
          building.appliedPosition >= active.appliedPosition,
      ),
    );
    const checkpoint =
      this.stopped ||
      this.sinceCheckpoint >= this.options.checkpointEvents ||
      performance.now() - this.lastCheckpoint >= this.options.checkpointIntervalMs ||
      (this.sinceCheckpoint >= this.options.maxPendingEvents && this.cacheFullOfChanges());
    const wrote = await this.writeApplied(replaced, true, checkpoint);
    this.checkpointLater();
    if (!wrote) return;
    await this.swapCaughtUpBuilds();
    if ((await this.store.epoch()) !== this.epoch) this.restartWithReloadedGenerations();
  }

  /**
   * Commits what has been applied: the documents are serialised during the store's commit call,
   * before its first await (the port reads them then), so events applied while the store writes
   * belong to the next commit — or, `inSlices` (live commits), before the call a slice at a time
   * while the event loop holds back the next event. `leaveOut` runners are not committed (their
   * changes stay pending). False when there was nothing to commit or a generation had been
   * replaced meanwhile.
   */
  private async writeApplied(
    leaveOut: readonly ModelRunner[] = [],
    inSlices = false,
    checkpoint = false,
  ): Promise<boolean> {
    const commits = this.runners
      .filter((r) => !leaveOut.includes(r))
      .flatMap((runner) => {
        const commit = runner.takeCommit(checkpoint);
        return commit === null ? [] : [{ runner, ...commit }];
      });
    this.pending = 0;
    this.lastCommit = Date.now();
    if (checkpoint) {
      this.sinceCheckpoint = 0;
      this.lastCheckpoint = performance.now();
    }
    if (commits.length === 0) return false;
    const positions: PositionWrite[] = commits.map((c) => c.position);
    try {
      let documents: Iterable<DocumentWrite> = concat(commits.map((c) => c.writes));
      let sliced = 0;
      if (inSlices) {
        const serialising = serialiseInSlices(documents);
        // The run loop waits on this gate; a failure is the commit's to report, not the loop's.
        this.serialising = serialising.catch(() => undefined);
        try {
          ({ documents, cost: sliced } = await serialising);
        } finally {
          this.serialising = null;
        }
      }
      // Otherwise the store serialises the documents during the call, before its first await.
      const started = performance.now();
      const committing = this.store.commit(documents, positions);
      this.lastCommitCost = sliced + performance.now() - started;
      await committing;
    } catch (error) {
      // The documents taken for this commit are no longer marked dirty, and the store has none
      // of them: reload from what it holds and apply the events again from there.
      this.restartWithReloadedGenerations();
      if (!(error instanceof StaleGenerationError)) throw error;
      return false;
    }
    for (const { runner, position } of commits)
      runner.committed(position, this.options.maxCachedDocs);
    return true;
  }

  /**
   * Another process (a CLI rebuild) swapped a generation in: what this projector holds in memory
   * for the replaced one is dropped, and the loop resubscribes from the stored positions.
   */
  private restartWithReloadedGenerations(): void {
    this.reloadNeeded = true;
    this.subscription?.close();
  }

  /** A building generation that has caught up with its model's active one replaces it. */
  private async swapCaughtUpBuilds(): Promise<void> {
    for (const building of this.runners.filter((r) => r.generation.status === 'building')) {
      const active = this.runners.find((r) => r.model === building.model && r !== building);
      if (active !== undefined && building.committedPosition < active.committedPosition) continue;
      await this.store.activate(building.model, building.generation.generation);
      this.epoch = await this.store.epoch();
      this.runners = this.runners.filter((r) => r.model !== building.model || r === building);
      (building.generation as { status: string }).status = 'active';
    }
  }

  /**
   * Each model's position as stored: a reader may see a commit land (the store's writer has
   * committed it) a moment before this projector has heard back from the store.
   */
  async status(): Promise<ModelStatus[]> {
    const head = await this.events.headPosition();
    const stored = await this.store.generations();
    return this.runners.map((runner) => {
      const generation = stored.find(
        (g) => g.model === runner.model && g.generation === runner.generation.generation,
      );
      return this.statusOf(
        runner,
        head,
        Math.max(runner.committedPosition, generation?.position ?? -1),
      );
    });
  }

  private statusOf(
    runner: ModelRunner,
    head: number,
    position = runner.committedPosition,
  ): ModelStatus {
    return {
      model: runner.model,
      generation: runner.generation.generation,
      version: runner.generation.version,
      status: runner.generation.status,
      position,
      head,
      lag: lagBehind(head, position),
    };
  }

  /** Read through a method: the loop's condition must not narrow it for the code after an await. */
  private isStopped(): boolean {
    return this.stopped;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearIdleTimer();
    this.subscription?.close();
    await this.running;
    // An event that was waiting for a commit's slices may have set a timer since.
    this.clearIdleTimer();
    await this.commit();
  }
}
