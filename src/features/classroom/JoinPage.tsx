/** Stub (replaced by the pupil/entry work): /klass/:code. */
export function JoinPage() {
  return <h1>Gå med</h1>;
}
