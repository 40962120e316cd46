/** A refused change on the Organisation page: in the owner's words when we have them, else the server's. */
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
