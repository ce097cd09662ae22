// The small write API's use cases (tests and investigators): create a listing decision, put or delete an
// OWNS edge. Each write commits with a graph version bump, then refreshes the materialised exposure of the
// region it can affect before answering, so a client reads its own write. Should the refresh fail after the
// write committed, the materialisation is marked stale instead (reads then compute from the graph and the
// next maintenance run recomputes it): never a wrong stored status.
import { randomUUID } from 'node:crypto';
import type { GraphEdits } from '../db/repos/graph-edits.js';
import type { ExposureStore } from '../db/repos/exposure-store.js';
import type { ListingDecision, OwnershipEdge } from '../domain/model.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
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
    await this.edits.createDecision(decision);
    return { decision, exposure: await this.afterWrite({ entities: decision.entityIds }) };
  }

  async putOwnership(id: string, input: OwnershipInput) {
    const missing = await this.edits.missingEntities([input.owner, input.owned]);
    if (missing.length > 0) {
      throw new ValidationError(missing.map((m) => ({ path: m === input.owner ? 'body.owner' : 'body.owned', message: `unknown entity '${m}'` })));
    }
    const before = await this.edits.getOwnership(id);
    const ownership: OwnershipEdge = await this.edits.putOwnership({ id, ...input });
    const change = { entities: [ownership.owned, ...(before ? [before.owned] : [])], owners: [ownership.owner, ...(before ? [before.owner] : [])] };
    return { created: before === null, ownership, exposure: await this.afterWrite(change) };
  }

  async deleteOwnership(id: string) {
    const ends = await this.edits.deleteOwnership(id);
    if (ends === null) throw new NotFoundError(`No ownership edge with id '${id}'`);
    return { deleted: id, exposure: await this.afterWrite({ entities: [ends.owned], owners: [ends.owner] }) };
  }

  private async afterWrite(change: GraphChange): Promise<ExposureOutcome> {
    try {
      return { refreshed: true, ...(await this.refresh(change)) };
    } catch (err) {
      this.logger.error({ err, change }, 'exposure refresh failed after a write; marking the materialisation stale');
      await this.store.invalidate().catch((e: unknown) => this.logger.error({ err: e }, 'could not mark the materialisation stale'));
      return { refreshed: false, error: 'the materialised exposure could not be refreshed; it is recomputed at the next maintenance run' };
    }
  }
}
