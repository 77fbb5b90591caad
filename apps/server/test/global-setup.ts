// Replaced by the real per-run database setup in the foundation work.
export default function setup(): void {}
