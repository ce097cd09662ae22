// Search answers are immutable for a given state of the graph, so they are kept per graph stamp (the
// version every write path bumps in its own transaction, plus count-store counts: exposure/graph-stamp.cypher).
// A full-text query costs time in proportion to how many entities match (every match is read to order
// them by score and id: a common word matches thousands), while checking the stamp is one constant-time
// read; repeated searches — the same words typed again, the next page — are answered from memory.
// Bounded (least recently used first out); a new stamp empties it.
const MAX_ENTRIES = 1_000;

export class SearchCache<T> {
  private stamp: string | null = null;
  private readonly entries = new Map<string, T>();

  constructor(private readonly readStamp: () => Promise<string>) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    // Read before the query: an answer is then at least as new as the stamp it is kept under.
    const stamp = await this.readStamp();
    if (stamp !== this.stamp) {
      this.entries.clear();
      this.stamp = stamp;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = await compute();
    if (this.stamp === stamp) {
      this.entries.set(key, value);
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }
}
