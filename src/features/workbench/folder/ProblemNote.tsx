/** A refusal or failure: its sentence, then each problem (a file:line or the service's issue). */
export function ProblemNote({ text, issues }: { text: string; issues: readonly string[] }) {
  return (
    <div role="alert" className="wb-issues">
      <p>{text}</p>
      {issues.length > 0 && (
        <ol className="wb-issue-list">
          {issues.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
