/** Stub (replaced by the pupil/entry work): /klass. */
export function ClassroomPage() {
  return <h1>Klass</h1>;
}
