/**
 * How the caller names an input in an error message: the CLI's flags ("--during") or the API's body fields
 * ("body.during", as the request validator names them), so a message never points a dashboard or API user at
 * a flag they never typed. The services shared by both take it from their caller.
 */
export type InputNames = 'flags' | 'body';

export function inputName(names: InputNames, flag: string, bodyField: string): string {
  return names === 'flags' ? flag : `body.${bodyField}`;
}
