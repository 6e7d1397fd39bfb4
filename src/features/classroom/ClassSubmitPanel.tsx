/** Stub (replaced by the pupil/entry work): the results page's "send to the class" panel. */
export function ClassSubmitPanel() {
  return null;
}
