/** Stub (replaced by the teacher work): /klass/:code/larare. */
export function TeacherPage() {
  return <h1>Lärare</h1>;
}
