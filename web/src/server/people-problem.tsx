/**
 * What came of a change on the Organisation page: the confirmation, or the refusal in the owner's words when we
 * have them (else the server's).
 */
import { ErrorMessage } from '../components/status-messages.tsx';
import { peopleProblem } from './org-words.ts';

export function PeopleProblem(props: { error: Error; orgName: string }) {
  const words = peopleProblem(props.error, props.orgName);
  if (words === null) return <ErrorMessage error={props.error} />;
  return (
    <p class="error" role="alert">
      {words}
    </p>
  );
}

/** The last change's outcome above a list of people or links: nothing until one was tried. */
export function ChangeOutcome(props: { message: string | null; error: Error | null; orgName: string }) {
  return (
    <>
      {props.message && (
        <p class="alert alert-ok" role="status">
          {props.message}
        </p>
      )}
      {props.error && <PeopleProblem error={props.error} orgName={props.orgName} />}
    </>
  );
}
