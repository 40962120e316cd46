export function JournalScreen() {
  return <p>Coming soon</p>;
}
