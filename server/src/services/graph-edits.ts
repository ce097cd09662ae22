// The small write API's use cases (tests and investigators): create a listing decision, put or delete an
// OWNS edge. Each write commits with a graph version bump and a pending-refresh marker, then refreshes the
// materialised exposure of the region it can affect before answering, so a client reads its own write; the
// refresh deletes the marker in the transaction that rewrites the rows. Should the refresh fail or never run
// (the process or the database stopped after the commit), the marker stays and the materialisation counts as
// stale (reads compute from the graph, the next maintenance run recomputes): never a wrong status served as
// current.
import { randomUUID } from 'node:crypto';
import type { GraphEdits } from '../db/repos/graph-edits.js';
import type { ExposureStore } from '../db/repos/exposure-store.js';
import type { ListingDecision, OwnershipEdge } from '../domain/model.js';
import { ConflictError, DatabaseUnavailableError, NotFoundError, ValidationError } from '../errors.js';
import type { DecisionInput, OwnershipInput } from '../http/schemas/exposure.js';
import type { Logger } from '../logger.js';
import type { GraphChange, RefreshReport } from './exposure-refresh.js';

export type Refresh = (change: GraphChange) => Promise<RefreshReport>;

export type ExposureOutcome = ({ refreshed: true } & RefreshReport) | { refreshed: false; error: string };

export class GraphEditService {
  constructor(
    private readonly edits: GraphEdits,
    private readonly store: ExposureStore,
    private readonly refresh: Refresh,
    private readonly logger: Logger,
  ) {}

  async createDecision(input: DecisionInput) {
    const decision: ListingDecision = { ...input, id: input.id ?? `decision-${randomUUID()}`, entityIds: [...new Set(input.entityIds)] };
    const check = await this.edits.checkDecision(decision);
    if (check.exists) throw new ConflictError(`A listing decision with id '${decision.id}' already exists`);
    const problems = [
      ...(check.listExists ? [] : [{ path: 'body.listId', message: `unknown list '${decision.listId}'` }]),
      ...check.missing.map((id) => ({ path: `body.entityIds.${input.entityIds.indexOf(id)}`, message: `unknown entity '${id}'` })),
    ];
    if (problems.length > 0) throw new ValidationError(problems);
    const pending = randomUUID();
    await this.edits.createDecision(decision, pending);
    return { decision, exposure: await this.afterWrite({ entities: decision.entityIds, lists: [decision.listId], pending: [pending] }) };
  }

  async putOwnership(id: string, input: OwnershipInput) {
    const missing = await this.edits.missingEntities([input.owner, input.owned]);
    if (missing.length > 0) {
      throw new ValidationError(missing.map((m) => ({ path: m === input.owner ? 'body.owner' : 'body.owned', message: `unknown entity '${m}'` })));
    }
    const before = await this.edits.getOwnership(id);
    const pending = randomUUID();
    const ownership: OwnershipEdge = await this.edits.putOwnership({ id, ...input }, pending);
    const change = { entities: [ownership.owned, ...(before ? [before.owned] : [])], owners: [ownership.owner, ...(before ? [before.owner] : [])], pending: [pending] };
    return { created: before === null, ownership, exposure: await this.afterWrite(change) };
  }

  async deleteOwnership(id: string) {
    const pending = randomUUID();
    const ends = await this.edits.deleteOwnership(id, pending);
    if (ends === null) {
      await this.store.clearPending([pending]); // nothing was deleted, so there is nothing to refresh
      throw new NotFoundError(`No ownership edge with id '${id}'`);
    }
    return { deleted: id, exposure: await this.afterWrite({ entities: [ends.owned], owners: [ends.owner], pending: [pending] }) };
  }

  private async afterWrite(change: GraphChange): Promise<ExposureOutcome> {
    try {
      return { refreshed: true, ...(await this.refresh(change)) };
    } catch (err) {
      // The write's pending marker, committed with it, already says the materialisation is stale; with the
      // database reachable, also forget the lists' Meta so reads compute from the graph at once. With it
      // gone, trying would only keep this answer waiting for another timeout.
      if (err instanceof DatabaseUnavailableError) {
        this.logger.warn({ change }, 'exposure refresh skipped after a write: the database is unreachable; the write stays marked pending');
      } else {
        this.logger.error({ err, change }, 'exposure refresh failed after a write; marking the materialisation stale');
        await this.store.invalidate().catch((e: unknown) => this.logger.error({ err: e }, 'could not mark the materialisation stale'));
      }
      return { refreshed: false, error: 'the materialised exposure could not be refreshed; it is recomputed at the next maintenance run' };
    }
  }
}
